/**
 * Who may do what. Camunda checks permissions inside its engine commands; the embedded engine has
 * no authorization, so the REST layer makes the checks Camunda's `AuthorizationCommandChecker`
 * makes for the operations below, and throws the engine's `AuthorizationException` (403).
 *
 * Only batch operations are checked. Everything else (reading, modifying single instances
 * synchronously, tasks, deployments) is open to every authenticated user.
 */
import { AuthorizationException } from '../engine/errors';
import type { RestContext } from './rest-env';

/** The checked operations; `REQUIRED` gives the `CommandChecker` check Camunda makes for each. */
export type CheckedOperation =
  | 'createModificationBatch'
  | 'createSetJobRetriesBatch'
  | 'suspendBatch'
  | 'deleteBatch'
  | 'deleteHistoricBatch';

/** A permission on a resource type; `resourceId` null means "any" (Camunda's `null` check). */
export interface PermissionCheck {
  permissionName: string;
  resourceName: string;
  resourceId: string | null;
}

/** Resource type (Camunda's `Resources` names, e.g. `Batch`) → the permissions granted on it. */
export type Grants = Readonly<Record<string, readonly string[]>>;

/** User id → grants. `ALL` stands for every permission on that resource type. */
export type Authorizations = Readonly<Record<string, Grants>>;

/**
 * The default users' grants: demo is an administrator; john may read batches but not create,
 * suspend or delete them.
 */
export const DEFAULT_AUTHORIZATIONS: Authorizations = {
  demo: { Batch: ['ALL'] },
  john: { Batch: ['READ', 'READ_HISTORY'] },
};

const onBatch = (permissionName: string, resourceId: string | null = null): PermissionCheck => ({
  permissionName,
  resourceName: 'Batch',
  resourceId,
});

/**
 * What each operation requires; one passing check is enough (Camunda's disjunctive composite
 * checks). Batch creation accepts the operation-specific permission or plain `CREATE`, listed in
 * Camunda's order: `checkCreateBatch(permission)` checks the specific one first.
 */
const REQUIRED: Readonly<
  Record<CheckedOperation, (resourceId: string | null) => PermissionCheck[]>
> = {
  createModificationBatch: () => [
    onBatch('CREATE_BATCH_MODIFY_PROCESS_INSTANCES'),
    onBatch('CREATE'),
  ],
  createSetJobRetriesBatch: () => [onBatch('CREATE_BATCH_SET_JOB_RETRIES'), onBatch('CREATE')],
  suspendBatch: (id) => [onBatch('UPDATE', id)],
  deleteBatch: (id) => [onBatch('DELETE', id)],
  deleteHistoricBatch: (id) => [onBatch('DELETE_HISTORY', id)],
};

function isGranted(grants: Grants | undefined, check: PermissionCheck): boolean {
  const granted = grants?.[check.resourceName] ?? [];
  return granted.includes('ALL') || granted.includes(check.permissionName);
}

/** `'P' permission on resource 'R'`, or `… on resource 'id' of type 'R'`, as Camunda words it. */
function describe(check: PermissionCheck): string {
  const resource =
    check.resourceId === null
      ? check.resourceName
      : `${check.resourceId}' of type '${check.resourceName}`;
  return `'${check.permissionName}' permission on resource '${resource}'`;
}

/** Camunda's `AuthorizationException` message: one check, or "one of the following". */
export function authorizationMessage(userId: string, checks: readonly PermissionCheck[]): string {
  const [single] = checks;
  if (checks.length === 1 && single) {
    return `The user with id '${userId}' does not have ${describe(single)}.`;
  }
  return `The user with id '${userId}' does not have one of the following permissions: ${checks
    .map(describe)
    .join(' or ')}`;
}

/** Checks the permissions of the users in `authorizations`; unlisted users have no grants. */
export class Authorizer {
  constructor(private readonly authorizations: Authorizations = DEFAULT_AUTHORIZATIONS) {}

  /** Throws Camunda's `AuthorizationException` unless `userId` passes one of the checks. */
  check(userId: string, operation: CheckedOperation, resourceId: string | null = null): void {
    const checks = REQUIRED[operation](resourceId);
    const grants = this.authorizations[userId];
    if (checks.some((check) => isGranted(grants, check))) {
      return;
    }
    throw new AuthorizationException(
      authorizationMessage(userId, checks),
      userId,
      // The engine's type says `resourceId: string`; Camunda reports null for "any" (gap reported).
      checks as AuthorizationException['missingAuthorizations'],
    );
  }
}

/**
 * Checks the authenticated user's permission for `operation`. Without an authenticated user
 * Camunda checks nothing, and neither does this.
 */
export function authorize(
  c: RestContext,
  operation: CheckedOperation,
  resourceId: string | null = null,
): void {
  const { userId, authorizer } = c.var;
  if (userId !== null) {
    authorizer.check(userId, operation, resourceId);
  }
}
