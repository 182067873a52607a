import { queryOptions, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';

import type { ProcessInstanceModificationDto } from '../../../contract/camunda/modification';
import type { ActivityInstanceDto } from '../../../contract/camunda/process-instance';
import type { VariableInstanceDto } from '../../../contract/camunda/variables';
import { modificationQueries } from '../../modification/api/instance-queries';
import { runPreview } from '../../modification/model/preview';
import type { PlanPreview } from '../../modification/model/preview';
import { PREVIEW_DEBOUNCE_MS } from '../../modification/modification-settings';
import { useDebouncedValue } from '../../lib/use-debounced-value';

export interface UsePreviewInput {
  processInstanceId: string;
  processDefinitionId: string;
  processDefinitionKey: string;
  xml: string;
  /** The instance as it is now: the request will run against this. Undefined while it loads. */
  tree: ActivityInstanceDto | undefined;
  /** The request body that will be sent (`toModificationDto`). */
  body: ProcessInstanceModificationDto;
  debounceMs?: number;
}

export interface PreviewState {
  /** The plan changed recently, or the engine is still working on it. */
  isPending: boolean;
  /** What the engine predicts; undefined while pending or for a body without instructions. */
  preview: PlanPreview | undefined;
  /** The prediction itself could not run (not an answer of the engine). */
  failure: Error | null;
}

interface PreviewSubject {
  processInstanceId: string;
  processDefinitionId: string;
  processDefinitionKey: string;
  tree: ActivityInstanceDto;
  variables: readonly VariableInstanceDto[];
  /** The body without its annotation, which only the operation log reads. */
  body: ProcessInstanceModificationDto;
}

/**
 * The engine's prediction for the request body (result tree or end of the instance with
 * warnings, or Camunda's error), recomputed once the body has settled for `debounceMs`.
 * Predictions are cached per body and instance state, so undo shows the previous one at once.
 */
export function usePreview({
  debounceMs = PREVIEW_DEBOUNCE_MS,
  xml,
  body,
  ...instance
}: UsePreviewInput): PreviewState {
  const { instructions, skipCustomListeners, skipIoMappings } = body;
  const hasInstructions = (instructions?.length ?? 0) > 0;
  // Asked for once there is something to predict: the instance page opens with an empty plan, and
  // the variables of a large instance are as large as its tree, read while the diagram imports.
  const variablesQuery = useQuery({
    ...modificationQueries.variableInstances(instance.processInstanceId),
    enabled: hasInstructions,
  });
  // Without variables the preview still runs: only conditions and mappings that read them differ.
  const variables = variablesQuery.isError ? NO_VARIABLES : variablesQuery.data;

  const { processInstanceId, processDefinitionId, processDefinitionKey, tree } = instance;
  const subject = useMemo(
    (): PreviewSubject | null =>
      variables === undefined || tree === undefined || !hasInstructions
        ? null
        : {
            processInstanceId,
            processDefinitionId,
            processDefinitionKey,
            tree,
            variables,
            body: { instructions, skipCustomListeners, skipIoMappings },
          },
    [
      variables,
      hasInstructions,
      instructions,
      processInstanceId,
      processDefinitionId,
      processDefinitionKey,
      tree,
      skipCustomListeners,
      skipIoMappings,
    ],
  );
  const settled = useDebouncedValue(subject, debounceMs);
  const query = useQuery({
    ...previewQuery(settled ?? undefined, xml),
    enabled: settled !== null,
  });

  if (subject === null) {
    return {
      isPending: variables === undefined && hasInstructions,
      preview: undefined,
      failure: null,
    };
  }
  const isSettling = settled !== subject;
  return {
    isPending: isSettling || query.isPending,
    preview: isSettling ? undefined : query.data,
    failure: isSettling ? null : query.error,
  };
}

const NO_VARIABLES: readonly VariableInstanceDto[] = [];

function previewQuery(subject: PreviewSubject | undefined, xml: string) {
  // The XML is left out of the key: the definition id in `subject` determines it, and hashing
  // the whole diagram on every render would cost more than the preview.
  // eslint-disable-next-line @tanstack/query/exhaustive-deps -- xml is keyed by its definition id
  return queryOptions({
    queryKey: ['instance-modification', 'preview', subject ?? null] as const,
    queryFn: () => {
      if (subject === undefined) {
        throw new Error('No plan to preview.');
      }
      return runPreview({
        xml,
        processDefinitionId: subject.processDefinitionId,
        processDefinitionKey: subject.processDefinitionKey,
        tree: subject.tree,
        variables: subject.variables,
        body: subject.body,
      });
    },
    // A prediction depends on nothing but its key.
    staleTime: Infinity,
    retry: false,
  });
}
