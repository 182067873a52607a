/**
 * The unsent plan of one process instance, kept under `repair-plan:<instanceId>` with the tree it
 * was built on.
 */
import * as z from 'zod/mini';

import type { ActivityInstanceDto } from '../../../../contract/camunda/process-instance';
import type { ModificationPlan } from '../../../modification/model/instruction';
import { planStorage } from '../../../modification/model/plan-storage';

export interface StoredPlan {
  plan: ModificationPlan;
  baseTree: ActivityInstanceDto | null;
}

const variableSchema = z.discriminatedUnion('type', [
  z.object({ name: z.string(), local: z.boolean(), type: z.literal('String'), value: z.string() }),
  z.object({
    name: z.string(),
    local: z.boolean(),
    type: z.enum(['Integer', 'Long', 'Double']),
    value: z.number(),
  }),
  z.object({
    name: z.string(),
    local: z.boolean(),
    type: z.literal('Boolean'),
    value: z.boolean(),
  }),
  z.object({
    name: z.string(),
    local: z.boolean(),
    type: z.enum(['Date', 'Json']),
    value: z.string(),
  }),
  z.object({ name: z.string(), local: z.boolean(), type: z.literal('Null'), value: z.null() }),
]);

const startFields = {
  ancestorActivityInstanceId: z.optional(z.string()),
  variables: z.optional(z.array(variableSchema)),
};

const instructionSchema = z.union([
  z.strictObject({ type: z.literal('cancel'), activityId: z.string() }),
  z.strictObject({ type: z.literal('cancel'), activityInstanceId: z.string() }),
  z.strictObject({ type: z.literal('cancel'), transitionInstanceId: z.string() }),
  z.object({ type: z.literal('startBeforeActivity'), activityId: z.string(), ...startFields }),
  z.object({ type: z.literal('startAfterActivity'), activityId: z.string(), ...startFields }),
  z.object({ type: z.literal('startTransition'), transitionId: z.string(), ...startFields }),
]);

const storedPlanSchema = z.object({
  plan: z.object({
    instructions: z.array(instructionSchema),
    skipCustomListeners: z.boolean(),
    skipIoMappings: z.boolean(),
    annotation: z.string(),
  }),
  // A tree that does not look like one is dropped, not the plan.
  baseTree: z.pipe(
    z.unknown(),
    z.transform((tree) => (isActivityInstanceTree(tree) ? tree : null)),
  ),
});

const instancePlans = planStorage<StoredPlan>('repair-plan:', storedPlanSchema);

export const planStorageKey = instancePlans.key;
export const loadPlan = instancePlans.load;
export const savePlan = instancePlans.save;
export const discardStoredPlan = instancePlans.discard;

function isActivityInstanceTree(value: unknown): value is ActivityInstanceDto {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const node = value as Partial<Record<keyof ActivityInstanceDto, unknown>>;
  return (
    typeof node.id === 'string' &&
    typeof node.activityId === 'string' &&
    Array.isArray(node.childActivityInstances) &&
    Array.isArray(node.childTransitionInstances) &&
    node.childActivityInstances.every(isActivityInstanceTree)
  );
}
