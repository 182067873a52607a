import { queryOptions, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';

import type { ActivityInstanceDto, VariableInstanceDto } from '../../api/camunda-dto';
import { modificationQueries } from './api/instance-queries';
import type { ModificationPlan } from './model/modification-plan';
import { runPreview } from './model/preview';
import type { PlanPreview } from './model/preview';
import { PREVIEW_DEBOUNCE_MS } from './modification-settings';
import { useDebouncedValue } from '../../lib/use-debounced-value';

export interface UsePreviewInput {
  processInstanceId: string;
  processDefinitionId: string;
  processDefinitionKey: string;
  xml: string;
  /** The instance as it is now: the plan will run against this. */
  tree: ActivityInstanceDto;
  plan: ModificationPlan;
  debounceMs?: number;
}

export interface PreviewState {
  /** The plan changed recently, or the engine is still working on it. */
  isPending: boolean;
  /** What the engine predicts; undefined while pending or for an empty plan. */
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
  instructions: ModificationPlan['instructions'];
  skipCustomListeners: boolean;
  skipIoMappings: boolean;
}

/**
 * The engine's prediction for the plan (result tree, end of the instance, or Camunda's error),
 * recomputed once the plan has settled for `debounceMs`. Predictions are cached per plan, so
 * undo shows the previous one at once.
 */
export function usePreview({
  debounceMs = PREVIEW_DEBOUNCE_MS,
  xml,
  plan,
  ...instance
}: UsePreviewInput): PreviewState {
  const variablesQuery = useQuery(
    modificationQueries.variableInstances(instance.processInstanceId),
  );
  // Without variables the preview still runs: only conditions and mappings that read them differ.
  const variables = variablesQuery.isError ? NO_VARIABLES : variablesQuery.data;

  const { instructions, skipCustomListeners, skipIoMappings } = plan;
  const { processInstanceId, processDefinitionId, processDefinitionKey, tree } = instance;
  const subject = useMemo(
    (): PreviewSubject | null =>
      variables === undefined || instructions.length === 0
        ? null
        : {
            processInstanceId,
            processDefinitionId,
            processDefinitionKey,
            tree,
            variables,
            instructions,
            skipCustomListeners,
            skipIoMappings,
          },
    [
      variables,
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
      isPending: variables === undefined && instructions.length > 0,
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
        plan: {
          instructions: subject.instructions,
          skipCustomListeners: subject.skipCustomListeners,
          skipIoMappings: subject.skipIoMappings,
          annotation: '',
        },
      });
    },
    // A prediction depends on nothing but its key.
    staleTime: Infinity,
    retry: false,
  });
}
