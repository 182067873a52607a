/**
 * The records of one map of a process instance (`ProcessInstanceState.activityInstances`, `jobs`,
 * …) grouped by one of their fields, so that the execution tree finds the children of a scope or
 * the jobs of an activity instance without reading the whole map. A modification with thousands
 * of instructions asks once or more per instruction; reading every record each time is quadratic.
 */

/** Field value → ids of the records that have it, in the order they were added. */
type Groups = Map<string | null, Set<string>>;

export class RecordIndex<R extends { id: string }> {
  /**
   * Keyed by the map itself: every command works on its own copy of an instance, so an index
   * never outlives the records it describes. Built on first use, then told of every record the
   * execution tree adds or removes.
   */
  private readonly indexes = new WeakMap<Record<string, R>, Groups>();

  constructor(private readonly keyOf: (record: R) => string | null) {}

  /** The records whose field is `key`, in the order they were added to the map. */
  find(records: Record<string, R>, key: string): R[] {
    const found: R[] = [];
    const ids = this.groups(records).get(key);
    if (ids) {
      for (const id of ids) {
        const record = this.current(records, ids, id, key);
        if (record) {
          found.push(record);
        }
      }
    }
    return found;
  }

  /** Whether a record other than `except` has `key` in its field. */
  has(records: Record<string, R>, key: string, except?: string): boolean {
    const ids = this.groups(records).get(key);
    if (ids) {
      for (const id of ids) {
        if (id !== except && this.current(records, ids, id, key)) {
          return true;
        }
      }
    }
    return false;
  }

  /** To be called when `record` was put into `records`. */
  added(records: Record<string, R>, record: R): void {
    const groups = this.indexes.get(records);
    if (groups) {
      addTo(groups, this.keyOf(record), record.id);
    }
  }

  /** To be called when `record` was taken out of `records`. */
  removed(records: Record<string, R>, record: R): void {
    this.indexes.get(records)?.get(this.keyOf(record))?.delete(record.id);
  }

  private groups(records: Record<string, R>): Groups {
    let groups = this.indexes.get(records);
    if (!groups) {
      groups = new Map();
      for (const record of Object.values(records)) {
        addTo(groups, this.keyOf(record), record.id);
      }
      this.indexes.set(records, groups);
    }
    return groups;
  }

  /**
   * The record behind an indexed id, if it is still in the map with that key; an id whose record
   * left the map or changed its key without telling the index is dropped from the group here.
   */
  private current(
    records: Record<string, R>,
    ids: Set<string>,
    id: string,
    key: string,
  ): R | undefined {
    const record = records[id];
    if (record && this.keyOf(record) === key) {
      return record;
    }
    ids.delete(id);
    return undefined;
  }
}

function addTo(groups: Groups, key: string | null, id: string): void {
  const ids = groups.get(key);
  if (ids) {
    ids.add(id);
  } else {
    groups.set(key, new Set([id]));
  }
}
