import { useMemo } from 'react';

import type { ProcessInstanceModificationDto } from '../../../contract/camunda/modification';
import type { ModificationPlan } from '../../modification/model/instruction';
import { toModificationDto, withAnnotation } from '../../modification/model/to-modification-dto';

/**
 * The request body of the plan, the one object both the preview and the request are made of.
 * Typing the annotation makes a new body around the same instructions, so the preview (keyed on
 * them) is not predicted again on every keystroke.
 */
export function useModificationBody(
  plan: ModificationPlan,
  annotation: string = plan.annotation,
): ProcessInstanceModificationDto {
  const { instructions, skipCustomListeners, skipIoMappings } = plan;
  const operation = useMemo(
    () => toModificationDto({ instructions, skipCustomListeners, skipIoMappings, annotation: '' }),
    [instructions, skipCustomListeners, skipIoMappings],
  );
  return useMemo(() => withAnnotation(operation, annotation), [operation, annotation]);
}
