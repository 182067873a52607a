import type { QueryClient } from '@tanstack/react-query';

import type { ActivityInstanceDto } from '../../../../contract/camunda/process-instance';
import type { BpmnIndex } from '../../../modification/model/bpmn-index';
import type { ModificationPlan } from '../../../modification/model/instruction';
import { findStalePlan } from '../model/stale-plan';
import type { StalePlanReport } from '../model/stale-plan';
import { processInstanceQueries } from '../../../api/process-instance-queries';

export interface StaleCheckResult {
  /** The tree as the engine reports it right now. */
  current: ActivityInstanceDto;
  /** What no longer matches the tree the plan was built on; null when nothing. */
  report: StalePlanReport | null;
}

/**
 * Re-reads the activity instance tree just before sending (never from the cache) and compares it
 * with the tree the plan was built on. Rejects with the `EngineError` when the instance is gone.
 */
export async function checkPlanIsCurrent(
  queryClient: QueryClient,
  processInstanceId: string,
  plan: ModificationPlan,
  baseTree: ActivityInstanceDto,
  index: BpmnIndex,
): Promise<StaleCheckResult> {
  const current = await queryClient.query({
    ...processInstanceQueries.activityInstances(processInstanceId),
    staleTime: 0,
  });
  return { current, report: findStalePlan(plan, baseTree, current, index) };
}
