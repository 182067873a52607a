/**
 * A half-built plan for many instances survives a reload: one entry per process definition,
 * under `repair-bulk-plan:<definitionId>`.
 */
import * as z from 'zod/mini';

import { planStorage } from '../../../modification/model/plan-storage';
import type { BulkPlan } from './bulk-plan';

const storedBulkPlanSchema = z.object({
  plan: z.object({
    instructions: z.array(
      z.union([
        z.object({
          type: z.literal('cancel'),
          activityId: z.string(),
          cancelCurrentActiveActivityInstances: z.boolean(),
        }),
        z.object({
          type: z.enum(['startBeforeActivity', 'startAfterActivity']),
          activityId: z.string(),
        }),
        z.object({ type: z.literal('startTransition'), transitionId: z.string() }),
      ]),
    ),
    skipCustomListeners: z.boolean(),
    skipIoMappings: z.boolean(),
  }),
});

const bulkPlans = planStorage<{ plan: BulkPlan }>('repair-bulk-plan:', storedBulkPlanSchema);

/** The stored plan of this definition, or null when there is none or it cannot be read. */
export function loadBulkPlan(
  processDefinitionId: string,
  storage: Storage = localStorage,
): BulkPlan | null {
  return bulkPlans.load(processDefinitionId, storage)?.plan ?? null;
}

/** Keeps the plan; a plan without instructions removes the entry. Storage failures are ignored. */
export function saveBulkPlan(
  processDefinitionId: string,
  plan: BulkPlan,
  storage: Storage = localStorage,
): void {
  bulkPlans.save(processDefinitionId, { plan }, storage);
}
