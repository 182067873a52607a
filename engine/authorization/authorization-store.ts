/**
 * The authorizations with the indexes their evaluation reads, kept current on every write rather
 * than rebuilt after it: each task a process starts adds a grant for its assignee, so with
 * 100,000 instances a rebuild per write made every check after a modification scan them all.
 */

export const AUTH_TYPE_GLOBAL = 0;
export const AUTH_TYPE_GRANT = 1;
export const AUTH_TYPE_REVOKE = 2;
/** `Authorization.ANY`: every resource id (and, in a global authorization, every user). */
export const ANY = '*';

export interface AuthorizationRec {
  id: string;
  type: number;
  userId: string | null;
  groupId: string | null;
  resourceType: number;
  resourceId: string | null;
  /** Bits of the resource's permission enum; a revoke clears the revoked ones from ALL. */
  permissions: number;
}

export class AuthorizationStore {
  private readonly records = new Map<string, AuthorizationRec>();
  /**
   * Resource type → resource id → the ids of its authorizations, in the order they came. Arrays
   * sized to their ids rather than a Set and a composite key per resource: a task has one or two
   * authorizations, kept for its life, and 100,000 tasks made those a kilobyte's share of each
   * running instance.
   */
  private readonly byResource = new Map<number, Map<string | null, readonly string[]>>();
  /** Resource type → its authorizations. */
  private readonly byType = new Map<number, Map<string, AuthorizationRec>>();
  private readonly revokeRecords = new Map<string, AuthorizationRec>();
  /** Resource type → how many of its authorizations name one resource rather than `*`. */
  private readonly singleResourceCounts = new Map<number, number>();

  get(id: string): AuthorizationRec | undefined {
    return this.records.get(id);
  }

  /** All authorizations, in the order they were created. */
  values(): Iterable<AuthorizationRec> {
    return this.records.values();
  }

  /** Adds or replaces `authorization`; returns the one it replaced. */
  put(authorization: AuthorizationRec): AuthorizationRec | undefined {
    const previous = this.records.get(authorization.id);
    if (previous) {
      this.unindex(previous);
    }
    this.records.set(authorization.id, authorization);
    this.index(authorization);
    return previous;
  }

  remove(authorization: AuthorizationRec): void {
    if (this.records.delete(authorization.id)) {
      this.unindex(authorization);
    }
  }

  clear(): void {
    this.records.clear();
    this.byResource.clear();
    this.byType.clear();
    this.revokeRecords.clear();
    this.singleResourceCounts.clear();
  }

  ofResource(resourceType: number, resourceId: string | null): AuthorizationRec[] {
    const ids = this.byResource.get(resourceType)?.get(resourceId) ?? [];
    return ids.flatMap((id) => this.records.get(id) ?? []);
  }

  ofType(resourceType: number): Iterable<AuthorizationRec> {
    return this.byType.get(resourceType)?.values() ?? [];
  }

  revokes(): Iterable<AuthorizationRec> {
    return this.revokeRecords.values();
  }

  /** Whether an authorization of the type, whoever it is for, names a single resource. */
  namesSingleResources(resourceType: number): boolean {
    return (this.singleResourceCounts.get(resourceType) ?? 0) > 0;
  }

  private index(authorization: AuthorizationRec): void {
    const { id, resourceType, resourceId } = authorization;
    let ofResourceType = this.byResource.get(resourceType);
    if (!ofResourceType) {
      ofResourceType = new Map();
      this.byResource.set(resourceType, ofResourceType);
    }
    // concat() sizes the array to its ids, where push() would leave room for more.
    ofResourceType.set(resourceId, (ofResourceType.get(resourceId) ?? []).concat(id));
    const ofType = this.byType.get(resourceType) ?? new Map<string, AuthorizationRec>();
    ofType.set(id, authorization);
    this.byType.set(resourceType, ofType);
    if (authorization.type === AUTH_TYPE_REVOKE) {
      this.revokeRecords.set(id, authorization);
    }
    if (resourceId !== ANY) {
      this.singleResourceCounts.set(
        resourceType,
        (this.singleResourceCounts.get(resourceType) ?? 0) + 1,
      );
    }
  }

  private unindex(authorization: AuthorizationRec): void {
    const { id, resourceType, resourceId } = authorization;
    const ofResourceType = this.byResource.get(resourceType);
    const ids = ofResourceType?.get(resourceId)?.filter((other) => other !== id) ?? [];
    if (ids.length > 0) {
      ofResourceType?.set(resourceId, ids);
    } else {
      ofResourceType?.delete(resourceId);
    }
    const ofType = this.byType.get(resourceType);
    ofType?.delete(id);
    if (ofType?.size === 0) {
      this.byType.delete(resourceType);
    }
    this.revokeRecords.delete(id);
    if (resourceId !== ANY) {
      this.singleResourceCounts.set(
        resourceType,
        (this.singleResourceCounts.get(resourceType) ?? 0) - 1,
      );
    }
  }
}
