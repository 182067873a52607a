/**
 * Unsent plans survive a reload: one localStorage entry per plan, under a key made of a prefix and
 * the id of what the plan modifies (an instance, or a definition for many instances). Only the
 * plan and what it was built on are kept – never credentials or anything else of the session.
 * What is read back is validated: storage is input.
 */
import type * as z from 'zod/mini';

const STORAGE_VERSION = 1;

/** What is stored for one plan: the plan and anything kept with it. */
export interface StoredPlanBase {
  plan: { instructions: readonly unknown[] };
}

export interface PlanStorage<T extends StoredPlanBase> {
  key: (id: string) => string;
  /** The stored plan, or null when there is none or it cannot be read. */
  load: (id: string, storage?: Storage) => T | null;
  /** Keeps the plan; a plan without instructions removes the entry. Storage failures are ignored. */
  save: (id: string, stored: T, storage?: Storage) => void;
  discard: (id: string, storage?: Storage) => void;
}

/**
 * The storage of one kind of plan: entries `<prefix><id>` holding `{ version, ...stored }`, read
 * back through `schema`.
 */
export function planStorage<T extends StoredPlanBase>(
  prefix: string,
  schema: z.ZodMiniType<T>,
): PlanStorage<T> {
  const key = (id: string) => `${prefix}${id}`;
  const discard = (id: string, storage: Storage = localStorage) => {
    try {
      storage.removeItem(key(id));
    } catch {
      // Keeping the draft is a convenience; the plan in memory is still complete.
    }
  };
  return {
    key,
    load: (id, storage = localStorage) => {
      try {
        const text = storage.getItem(key(id));
        if (text === null) {
          return null;
        }
        const parsed: unknown = JSON.parse(text);
        if (!isCurrentVersion(parsed)) {
          return null;
        }
        const result = schema.safeParse(parsed);
        return result.success ? result.data : null;
      } catch {
        return null;
      }
    },
    save: (id, stored, storage = localStorage) => {
      if (stored.plan.instructions.length === 0) {
        discard(id, storage);
        return;
      }
      try {
        storage.setItem(key(id), JSON.stringify({ version: STORAGE_VERSION, ...stored }));
      } catch {
        // See discard.
      }
    },
    discard,
  };
}

function isCurrentVersion(value: unknown): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { version?: unknown }).version === STORAGE_VERSION
  );
}
