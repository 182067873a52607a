/**
 * Camunda's authorizations and their evaluation: the `AuthorizationService` with the
 * `AuthorizationManager` behind it. An authorization is global (0), a grant (1) or a revoke (2), of
 * one user or one group, on one resource type and one resource id (`*` for any), and stores its
 * permissions as bits, as `AuthorizationEntity` does.
 */
import { AuthorizationException, BadUserRequestException, NullValueException } from '../errors';
import { ProcessEngineException } from '../errors';
import type { Permission, Resource } from './resources';
import {
  ALL_VALUE,
  Resources,
  TaskPermissions,
  permissionForName,
  permissionNames,
  resourceByType,
} from './resources';

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

/** Who a command runs for (Camunda's `Authentication`): the user and the groups it belongs to. */
export interface Authentication {
  userId: string;
  groupIds: readonly string[];
}

/** One atomic check of a `CompositePermissionCheck`; `resourceId` null checks the type as a whole. */
export interface PermissionCheck {
  permission: Permission;
  resource: Resource;
  resourceId: string | null;
}

/** What may be written through `saveAuthorization` (`AuthorizationDto.update`). */
export interface AuthorizationInput {
  userId?: string | null;
  groupId?: string | null;
  resourceType?: number | null;
  resourceId?: string | null;
  permissions?: readonly string[] | null;
}

/** Who saves or deletes an authorization, and the permission check they must pass first. */
export interface AuthorizationCommand {
  /** AuthorizationManager's CREATE, UPDATE or DELETE check on the Authorization resource. */
  check?: () => void;
  /** The authenticated user; the operation is logged only when there is one. */
  userId?: string | null;
}

/**
 * An authorization created, updated or deleted, with what changed: the entries
 * `UserOperationLogManager.logAuthorizationOperation` writes (category Admin).
 */
export interface AuthorizationOperation {
  operationType: 'Create' | 'Update' | 'Delete';
  userId: string;
  changes: { property: string; orgValue: string | null; newValue: string | null }[];
}

export interface AuthorizationQuery {
  id?: string;
  type?: number;
  userIdIn?: readonly string[];
  groupIdIn?: readonly string[];
  resourceType?: number;
  resourceId?: string;
}

/** READ and UPDATE on a task, what an assignee is given. */
const TASK_ASSIGNEE_BITS =
  (TaskPermissions.READ?.value ?? 0) | (TaskPermissions.UPDATE?.value ?? 0);

/** EnginePersistenceLogger's messages ("03" is its code). */
function persistenceError(code: string, message: string): string {
  return `ENGINE-03${code} ${message}`;
}

/** A user with its groups, and what of the authorizations concerns them. */
interface Subject {
  userId: string;
  groupIds: readonly string[];
  revokesChecked: boolean;
  /** Resource type → the user's, the groups' (if any) and the global authorizations. */
  levels: Map<number, readonly Level[]>;
  /** Resource type → whether one of those names a single resource. */
  specific: Map<number, boolean>;
  /** Answers that hold for every resource id, by the checks' types and permissions. */
  results: Map<string, boolean>;
}

export class AuthorizationService {
  private readonly authorizations = new Map<string, AuthorizationRec>();
  /**
   * Authorization ids by resource type and id: a task's or an instance's authorizations are found
   * without a scan when it starts or ends (a mass cancellation ends thousands).
   */
  private readonly byResource = new Map<number, Map<string | null, readonly string[]>>();
  /**
   * Authorizations by resource type, and whether revokes count for a user and groups: derived,
   * dropped on every change. A list of 100,000 instances makes 100,000 checks.
   */
  private byType: Map<number, AuthorizationRec[]> | null = null;
  private readonly subjects = new Map<string, Subject>();

  private changed(): void {
    this.byType = null;
    this.subjects.clear();
  }

  private put(authorization: AuthorizationRec): void {
    const previous = this.authorizations.get(authorization.id);
    if (previous) {
      this.unindex(previous);
    }
    this.authorizations.set(authorization.id, authorization);
    let ofType = this.byResource.get(authorization.resourceType);
    if (!ofType) {
      ofType = new Map();
      this.byResource.set(authorization.resourceType, ofType);
    }
    // concat() sizes the array to its ids; a task has one or two authorizations, kept for its life.
    const ids = ofType.get(authorization.resourceId) ?? [];
    ofType.set(authorization.resourceId, ids.concat(authorization.id));
    this.changed();
  }

  private remove(authorization: AuthorizationRec): void {
    this.authorizations.delete(authorization.id);
    this.unindex(authorization);
    this.changed();
  }

  private unindex(authorization: AuthorizationRec): void {
    const ofType = this.byResource.get(authorization.resourceType);
    const ids = ofType?.get(authorization.resourceId) ?? [];
    const index = ids.indexOf(authorization.id);
    if (!ofType || index === -1) {
      return;
    }
    if (ids.length === 1) {
      ofType.delete(authorization.resourceId);
    } else {
      ofType.set(authorization.resourceId, ids.slice(0, index).concat(ids.slice(index + 1)));
    }
  }

  private ofResource(resourceType: number, resourceId: string | null): AuthorizationRec[] {
    const ids = this.byResource.get(resourceType)?.get(resourceId) ?? [];
    return ids.flatMap((id) => this.authorizations.get(id) ?? []);
  }

  private ofType(type: number): readonly AuthorizationRec[] {
    if (this.byType === null) {
      this.byType = new Map();
      for (const authorization of this.authorizations.values()) {
        const list = this.byType.get(authorization.resourceType) ?? [];
        list.push(authorization);
        this.byType.set(authorization.resourceType, list);
      }
    }
    return this.byType.get(type) ?? [];
  }

  /**
   * @param enabled Camunda's `authorizationEnabled`: when false every check passes and every query
   *   reads everything.
   */
  constructor(
    readonly enabled: boolean,
    private readonly newId: () => string,
    /** Where operations go into the user operation log. */
    private readonly logOperation: (operation: AuthorizationOperation) => void = () => undefined,
  ) {}

  // ------------------------------------------------------------------ evaluation

  /**
   * `AuthorizationManager.isAuthorized` for a disjunctive composite check: the SQL of
   * `isUserAuthorizedForResource` evaluates each atomic check to granted, revoked or undecided and
   * takes the first decided one (`COALESCE(check1, check2, …, 0)`).
   */
  isAuthorized(
    userId: string,
    groupIds: readonly string[],
    checks: readonly PermissionCheck[],
  ): boolean {
    if (!this.enabled) {
      return true;
    }
    for (const check of checks) {
      if (!check.permission.types.includes(check.resource.type)) {
        throw new BadUserRequestException(
          persistenceError(
            '086',
            `The resource type '${check.resource.name}' is not valid for '${check.permission.name}' permission.`,
          ),
        );
      }
    }
    const subject = this.subject(userId, groupIds);
    // Without authorizations of single resources, every id gets the same answer: lists of
    // 100,000 instances then make one evaluation, not 100,000.
    const key = checks.every((check) => !this.hasSpecific(subject, check.resource.type))
      ? checks
          .map((check) => `${String(check.resource.type)}:${String(check.permission.value)}`)
          .join()
      : null;
    const known = key === null ? undefined : subject.results.get(key);
    if (known !== undefined) {
      return known;
    }
    const result = this.evaluate(subject, checks);
    if (key !== null) {
      subject.results.set(key, result);
    }
    return result;
  }

  private evaluate(subject: Subject, checks: readonly PermissionCheck[]): boolean {
    for (const check of checks) {
      const decision = decideIn(
        this.levelsOf(subject, check.resource.type),
        subject.revokesChecked,
        check,
      );
      if (decision !== null) {
        return decision;
      }
    }
    return false;
  }

  /** The authorizations that concern one user and its groups, by type and level; memoized. */
  private subject(userId: string, groupIds: readonly string[]): Subject {
    const key = [userId, ...groupIds].join('\u0000');
    let subject = this.subjects.get(key);
    if (!subject) {
      subject = {
        // authorizationCheckRevokes "auto" (selectRevokeAuthorization): revokes count only when
        // one exists for the user, for `*` or for one of the groups. Otherwise a global
        // authorization lacking a bit would decide a disjunctive check another check passes.
        revokesChecked: this.findRevoke(userId, groupIds),
        levels: new Map(),
        specific: new Map(),
        results: new Map(),
        userId,
        groupIds,
      };
      this.subjects.set(key, subject);
    }
    return subject;
  }

  private findRevoke(userId: string, groupIds: readonly string[]): boolean {
    for (const authorization of this.authorizations.values()) {
      if (
        authorization.type === AUTH_TYPE_REVOKE &&
        (authorization.userId === userId ||
          authorization.userId === ANY ||
          (authorization.groupId !== null && groupIds.includes(authorization.groupId)))
      ) {
        return true;
      }
    }
    return false;
  }

  /** Whether any of the subject's authorizations of the type names a single resource. */
  private hasSpecific(subject: Subject, type: number): boolean {
    let specific = subject.specific.get(type);
    if (specific === undefined) {
      specific = this.levelsOf(subject, type).some((level) =>
        [...level.keys()].some((resourceId) => resourceId !== ANY),
      );
      subject.specific.set(type, specific);
    }
    return specific;
  }

  /** The subject's authorizations of one type: its own, its groups', the global ones. */
  private levelsOf(subject: Subject, type: number): readonly Level[] {
    let levels = subject.levels.get(type);
    if (!levels) {
      const ofType = this.ofType(type);
      const { userId, groupIds } = subject;
      levels = [
        byResourceId(ofType.filter((a) => a.type !== AUTH_TYPE_GLOBAL && a.userId === userId)),
        ...(groupIds.length > 0
          ? [byResourceId(ofType.filter((a) => a.groupId !== null && groupIds.includes(a.groupId)))]
          : []),
        byResourceId(ofType.filter((a) => a.type === AUTH_TYPE_GLOBAL && a.userId === ANY)),
      ];
      subject.levels.set(type, levels);
    }
    return levels;
  }

  /**
   * `AuthorizationManager.checkAuthorization`: nothing is checked without an authenticated user;
   * a refusal lists every check. One check alone is worded as Camunda's single-permission
   * constructor words it, several as "one of the following permissions".
   */
  checkAuthorization(
    authentication: Authentication | null,
    checks: readonly PermissionCheck[],
    composite = checks.length > 1,
  ): void {
    if (!this.enabled || authentication === null) {
      return;
    }
    if (this.isAuthorized(authentication.userId, authentication.groupIds, checks)) {
      return;
    }
    const missing = checks.map((check) => ({
      permissionName: check.permission.name,
      resourceName: check.resource.name,
      resourceId: check.resourceId,
    }));
    throw new AuthorizationException(
      authorizationMessage(authentication.userId, missing, composite),
      authentication.userId,
      missing,
    );
  }

  // ------------------------------------------------------------------ authorizations

  /**
   * `DefaultAuthorizationProvider.newDeployment`: whoever deploys may read and delete the
   * deployment.
   */
  newDeployment(userId: string | null, deploymentId: string): void {
    if (this.enabled && userId !== null) {
      this.createAuthorization(AUTH_TYPE_GRANT, {
        userId,
        resourceType: Resources.DEPLOYMENT.type,
        resourceId: deploymentId,
        permissions: ['READ', 'DELETE'],
      });
    }
  }

  /**
   * `DefaultAuthorizationProvider.newTaskAssignee` (also `newTaskOwner`, `newTaskUserIdentityLink`
   * and `newTaskGroupIdentityLink`, which give the same): the user or group may read the task and
   * update it (`defaultUserPermissionForTask`), added to a grant of theirs on it if there is one.
   */
  grantTaskToIdentity(taskId: string, identity: { userId: string } | { groupId: string }): void {
    if (!this.enabled) {
      return;
    }
    const existing = this.ofResource(Resources.TASK.type, taskId).find(
      (a) =>
        a.type === AUTH_TYPE_GRANT &&
        ('userId' in identity ? a.userId === identity.userId : a.groupId === identity.groupId),
    );
    if (existing) {
      this.put({ ...existing, permissions: existing.permissions | TASK_ASSIGNEE_BITS });
      return;
    }
    this.createAuthorization(AUTH_TYPE_GRANT, {
      ...identity,
      resourceType: Resources.TASK.type,
      resourceId: taskId,
      permissions: ['READ', 'UPDATE'],
    });
  }

  /** `AuthorizationManager.deleteAuthorizationsByResourceId`, when the resource is deleted. */
  deleteAuthorizationsByResourceId(resource: Resource, resourceId: string): void {
    for (const authorization of this.ofResource(resource.type, resourceId)) {
      this.remove(authorization);
    }
  }

  /** `AuthorizationQuery`, in insertion order; the REST layer applies the caller's READ filter. */
  query(query: AuthorizationQuery): AuthorizationRec[] {
    const candidates =
      query.resourceType !== undefined && query.resourceId !== undefined
        ? this.ofResource(query.resourceType, query.resourceId)
        : [...this.authorizations.values()];
    return candidates.filter(
      (a) =>
        (query.id === undefined || a.id === query.id) &&
        (query.type === undefined || a.type === query.type) &&
        (query.userIdIn === undefined ||
          (a.userId !== null && query.userIdIn.includes(a.userId))) &&
        (query.groupIdIn === undefined ||
          (a.groupId !== null && query.groupIdIn.includes(a.groupId))) &&
        (query.resourceType === undefined || a.resourceType === query.resourceType) &&
        (query.resourceId === undefined || a.resourceId === query.resourceId),
    );
  }

  /** Removes every authorization, before a users file's are loaded. */
  clear(): void {
    this.authorizations.clear();
    this.byResource.clear();
    this.changed();
  }

  authorization(id: string): AuthorizationRec | undefined {
    return this.authorizations.get(id);
  }

  /** `AuthorizationEntity(type)` plus `AuthorizationDto.update` and `SaveAuthorizationCmd`. */
  createAuthorization(
    type: number,
    input: AuthorizationInput,
    command: AuthorizationCommand = {},
  ): AuthorizationRec {
    if (type !== AUTH_TYPE_GLOBAL && type !== AUTH_TYPE_GRANT && type !== AUTH_TYPE_REVOKE) {
      throw new ProcessEngineException(
        persistenceError(
          '025',
          `Unrecognized authorization type '${String(type)}'. Must be one of ['0', '1', '2']`,
        ),
      );
    }
    const draft: AuthorizationRec = {
      id: '',
      type,
      userId: type === AUTH_TYPE_GLOBAL ? ANY : null,
      groupId: null,
      resourceType: -1,
      resourceId: null,
      permissions: type === AUTH_TYPE_REVOKE ? ALL_VALUE : 0,
    };
    const saved = this.applyInput(draft, input);
    command.check?.();
    saved.id = this.newId();
    this.put(saved);
    this.log('Create', command, saved, null);
    return saved;
  }

  updateAuthorization(
    id: string,
    input: AuthorizationInput,
    command: AuthorizationCommand = {},
  ): AuthorizationRec {
    const existing = this.authorizations.get(id);
    if (!existing) {
      throw new NullValueException(`Authorization with id ${id} does not exist.`);
    }
    const saved = this.applyInput({ ...existing }, input);
    command.check?.();
    this.put(saved);
    this.log('Update', command, saved, existing);
    return saved;
  }

  deleteAuthorization(id: string, command: AuthorizationCommand = {}): void {
    const existing = this.authorizations.get(id);
    if (!existing) {
      throw new NullValueException(
        `Authorization for Id '${id}' does not exist: authorization is null`,
      );
    }
    command.check?.();
    this.remove(existing);
    this.log('Delete', command, existing, null);
  }

  /** `logAuthorizationOperation`: one entry per property, previous values for an update. */
  private log(
    operationType: AuthorizationOperation['operationType'],
    command: AuthorizationCommand,
    authorization: AuthorizationRec,
    previous: AuthorizationRec | null,
  ): void {
    const userId = command.userId ?? null;
    if (userId === null) {
      return;
    }
    const permissions = (a: AuthorizationRec) =>
      permissionNames(a.resourceType, a.type, a.permissions).join(', ') || 'NONE';
    const resource = (a: AuthorizationRec) => resourceByType(a.resourceType)?.name ?? null;
    const change = (property: string, value: (a: AuthorizationRec) => string | null) => ({
      property,
      orgValue: previous === null ? null : value(previous),
      newValue: value(authorization),
    });
    const changes = [
      change('permissionBits', (a) => String(a.permissions)),
      change('permissions', permissions),
      change('type', (a) => String(a.type)),
      change('resource', resource),
      change('resourceId', (a) => a.resourceId),
    ];
    if (authorization.userId !== null || (previous?.userId ?? null) !== null) {
      changes.push(change('userId', (a) => a.userId));
    }
    if (authorization.groupId !== null || (previous?.groupId ?? null) !== null) {
      changes.push(change('groupId', (a) => a.groupId));
    }
    this.logOperation({ operationType, userId, changes });
  }

  private applyInput(draft: AuthorizationRec, input: AuthorizationInput): AuthorizationRec {
    const groupId = input.groupId ?? null;
    const userId = input.userId ?? null;
    if (groupId !== null && draft.type === AUTH_TYPE_GLOBAL) {
      throw new ProcessEngineException(
        persistenceError('027', "Cannot use 'groupId' for GLOBAL authorization"),
      );
    }
    if (userId !== null && draft.type === AUTH_TYPE_GLOBAL && userId !== ANY) {
      throw new ProcessEngineException(
        persistenceError(
          '028',
          `Illegal value '${userId}' for userId for GLOBAL authorization. Must be '*'`,
        ),
      );
    }
    draft.groupId = groupId;
    draft.userId = userId;
    draft.resourceId = input.resourceId ?? null;
    if (input.resourceType !== undefined && input.resourceType !== null) {
      draft.resourceType = input.resourceType;
    }
    if (input.permissions) {
      const permissions = input.permissions.map((name) =>
        permissionForName(name, draft.resourceType),
      );
      draft.permissions = draft.type === AUTH_TYPE_REVOKE ? ALL_VALUE : 0;
      for (const permission of permissions) {
        // validateResourceCompatibility: a permission of another resource type is refused.
        if (!permission.types.includes(draft.resourceType)) {
          throw new BadUserRequestException(
            persistenceError(
              '087',
              `The resource type with id:'${String(draft.resourceType)}' is not valid for '${permission.name}' permission.`,
            ),
          );
        }
        draft.permissions =
          draft.type === AUTH_TYPE_REVOKE
            ? draft.permissions & ~permission.value
            : draft.permissions | permission.value;
      }
    }
    // SaveAuthorizationCmd.validate
    if ((draft.userId === null) === (draft.groupId === null)) {
      throw new NullValueException("Authorization must either have a 'userId' or a 'groupId'.");
    }
    if (draft.resourceType < 0 || !resourceByType(draft.resourceType)) {
      throw new NullValueException(
        "Authorization 'resourceType' cannot be null.: authorization.getResource() is null",
      );
    }
    return draft;
  }
}

/**
 * Authorization.xml `authCheck` over the user's, the groups' and the global authorizations, in
 * that order: at each level a specific resource id before `*`, a grant before a revoke; a global
 * authorization lacking the permission counts as its revoke. Null: nothing decided.
 */
function decideIn(
  levels: readonly Level[],
  revokesChecked: boolean,
  check: PermissionCheck,
): boolean | null {
  const bits = check.permission.value;
  const specific = check.resourceId !== null && check.resourceId !== ANY;
  for (const level of levels) {
    const grants = (resourceId: string | null) =>
      (level.get(resourceId) ?? []).some(
        (a) => a.type !== AUTH_TYPE_REVOKE && (a.permissions & bits) === bits,
      );
    const revokes = (resourceId: string | null) =>
      revokesChecked &&
      (level.get(resourceId) ?? []).some(
        (a) => a.type !== AUTH_TYPE_GRANT && (a.permissions & bits) !== bits,
      );
    if (specific && grants(check.resourceId)) {
      return true;
    }
    if (specific && revokes(check.resourceId)) {
      return false;
    }
    if (grants(ANY)) {
      return true;
    }
    if (revokes(ANY)) {
      return false;
    }
  }
  return null;
}

/** One level of a subject's authorizations of a type, by resource id. */
type Level = ReadonlyMap<string | null, readonly AuthorizationRec[]>;

function byResourceId(authorizations: readonly AuthorizationRec[]): Level {
  const level = new Map<string | null, AuthorizationRec[]>();
  for (const authorization of authorizations) {
    const list = level.get(authorization.resourceId) ?? [];
    list.push(authorization);
    level.set(authorization.resourceId, list);
  }
  return level;
}

/** `AuthorizationException`'s two message forms. */
export function authorizationMessage(
  userId: string,
  missing: readonly { permissionName: string; resourceName: string; resourceId: string | null }[],
  composite: boolean,
): string {
  const describe = (m: (typeof missing)[number]) =>
    `'${m.permissionName}' permission on resource '${m.resourceId !== null ? `${m.resourceId}' of type '` : ''}${m.resourceName}'`;
  const [single] = missing;
  if (!composite && single) {
    return `The user with id '${userId}' does not have ${describe(single)}.`;
  }
  return `The user with id '${userId}' does not have one of the following permissions: ${missing.map(describe).join(' or ')}`;
}
