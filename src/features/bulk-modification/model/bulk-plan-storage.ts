/**
 * A half-built plan for many instances survives a reload: one entry per process definition in
 * localStorage, under `repair-bulk-plan:<definitionId>`. What is read back is validated: storage
 * is input.
 */
import * as z from 'zod';

import type { BulkPlan } from './bulk-plan';

const STORAGE_PREFIX = 'repair-bulk-plan:';
const STORAGE_VERSION = 1;

const storedBulkPlanSchema = z.object({
  version: z.literal(STORAGE_VERSION),
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

export function bulkPlanStorageKey(processDefinitionId: string): string {
  return `${STORAGE_PREFIX}${processDefinitionId}`;
}

/** The stored plan of this definition, or null when there is none or it cannot be read. */
export function loadBulkPlan(
  processDefinitionId: string,
  storage: Storage = localStorage,
): BulkPlan | null {
  try {
    const text = storage.getItem(bulkPlanStorageKey(processDefinitionId));
    if (text === null) {
      return null;
    }
    const parsed = storedBulkPlanSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data.plan : null;
  } catch {
    return null;
  }
}

/** Keeps the plan; a plan without instructions removes the entry. Storage failures are ignored. */
export function saveBulkPlan(
  processDefinitionId: string,
  plan: BulkPlan,
  storage: Storage = localStorage,
): void {
  try {
    if (plan.instructions.length === 0) {
      storage.removeItem(bulkPlanStorageKey(processDefinitionId));
      return;
    }
    storage.setItem(
      bulkPlanStorageKey(processDefinitionId),
      JSON.stringify({ version: STORAGE_VERSION, plan }),
    );
  } catch {
    // Keeping the draft is a convenience; the plan in memory is still complete.
  }
}
