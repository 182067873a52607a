/**
 * Unsent plans survive a reload: one entry per process instance in localStorage, under
 * `repair-plan:<instanceId>`. Only the plan and the tree it was built on are kept – never
 * credentials or anything else of the session. What is read back is validated: storage is input.
 */
import * as z from 'zod';

import type { ActivityInstanceDto } from '../../../../contract/camunda/process-instance';
import type { ModificationPlan } from '../../../modification/model/instruction';

export const PLAN_STORAGE_PREFIX = 'repair-plan:';
const STORAGE_VERSION = 1;

export function planStorageKey(processInstanceId: string): string {
  return `${PLAN_STORAGE_PREFIX}${processInstanceId}`;
}

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
  ancestorActivityInstanceId: z.string().optional(),
  variables: z.array(variableSchema).optional(),
};

const instructionSchema = z.union([
  z.object({ type: z.literal('cancel'), activityId: z.string() }).strict(),
  z.object({ type: z.literal('cancel'), activityInstanceId: z.string() }).strict(),
  z.object({ type: z.literal('cancel'), transitionInstanceId: z.string() }).strict(),
  z.object({ type: z.literal('startBeforeActivity'), activityId: z.string(), ...startFields }),
  z.object({ type: z.literal('startAfterActivity'), activityId: z.string(), ...startFields }),
  z.object({ type: z.literal('startTransition'), transitionId: z.string(), ...startFields }),
]);

const storedPlanSchema = z.object({
  version: z.literal(STORAGE_VERSION),
  plan: z.object({
    instructions: z.array(instructionSchema),
    skipCustomListeners: z.boolean(),
    skipIoMappings: z.boolean(),
    annotation: z.string(),
  }),
  baseTree: z.unknown(),
});

/** The stored plan of this instance, or null when there is none or it cannot be read. */
export function loadPlan(
  processInstanceId: string,
  storage: Storage = localStorage,
): StoredPlan | null {
  let text: string | null;
  try {
    text = storage.getItem(planStorageKey(processInstanceId));
  } catch {
    return null;
  }
  if (text === null) {
    return null;
  }
  try {
    const parsed = storedPlanSchema.safeParse(JSON.parse(text));
    if (!parsed.success) {
      return null;
    }
    const { plan, baseTree } = parsed.data;
    return {
      plan,
      baseTree: isActivityInstanceTree(baseTree) ? baseTree : null,
    };
  } catch {
    return null;
  }
}

/** Keeps the plan; an empty plan removes the entry. Storage failures (quota, privacy mode) are ignored. */
export function savePlan(
  processInstanceId: string,
  stored: StoredPlan,
  storage: Storage = localStorage,
): void {
  try {
    if (stored.plan.instructions.length === 0) {
      storage.removeItem(planStorageKey(processInstanceId));
      return;
    }
    storage.setItem(
      planStorageKey(processInstanceId),
      JSON.stringify({ version: STORAGE_VERSION, plan: stored.plan, baseTree: stored.baseTree }),
    );
  } catch {
    // Keeping the draft is a convenience; the plan in memory is still complete.
  }
}

export function discardStoredPlan(
  processInstanceId: string,
  storage: Storage = localStorage,
): void {
  try {
    storage.removeItem(planStorageKey(processInstanceId));
  } catch {
    // See savePlan.
  }
}

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
