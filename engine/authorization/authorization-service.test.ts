import { describe, expect, it } from 'vitest';
import { AuthorizationException } from '../errors';
import type { AuthorizationInput, PermissionCheck } from './authorization-service';
import { AuthorizationService } from './authorization-service';
import { ProcessInstancePermissions, Resources } from './resources';

let next = 0;
function service(enabled = true): AuthorizationService {
  return new AuthorizationService(enabled, () => `a${String(++next)}`);
}

const read = (resourceId: string | null): PermissionCheck => ({
  permission: ProcessInstancePermissions.READ ?? { name: '', value: 0, types: [] },
  resource: Resources.PROCESS_INSTANCE,
  resourceId,
});

const on = (
  input: Omit<AuthorizationInput, 'resourceType' | 'permissions'>,
  permissions = ['READ'],
): AuthorizationInput => ({
  ...input,
  resourceType: Resources.PROCESS_INSTANCE.type,
  permissions,
});

describe('AuthorizationService.isAuthorized (Authorization.xml, authCheck)', () => {
  it('a user authorization beats a group one, a group one a global one', () => {
    const s = service();
    s.createAuthorization(0, on({ userId: '*', resourceId: '*' }));
    expect(s.isAuthorized('u', ['g'], [read('p1')])).toBe(true);
    s.createAuthorization(2, on({ groupId: 'g', resourceId: '*' }));
    expect(s.isAuthorized('u', ['g'], [read('p1')])).toBe(false);
    expect(s.isAuthorized('u', [], [read('p1')])).toBe(true);
    s.createAuthorization(1, on({ userId: 'u', resourceId: '*' }));
    expect(s.isAuthorized('u', ['g'], [read('p1')])).toBe(true);
  });

  it('within a level a specific resource id beats *', () => {
    const s = service();
    s.createAuthorization(1, on({ userId: 'u', resourceId: '*' }));
    s.createAuthorization(2, on({ userId: 'u', resourceId: 'p1' }));
    expect(s.isAuthorized('u', [], [read('p1')])).toBe(false);
    expect(s.isAuthorized('u', [], [read('p2')])).toBe(true);
    // A check of the type as a whole looks at '*' only.
    expect(s.isAuthorized('u', [], [read(null)])).toBe(true);
  });

  it('a disjunction takes the first decided check, as COALESCE does', () => {
    const s = service();
    s.createAuthorization(2, on({ userId: 'u', resourceId: 'p1' }));
    s.createAuthorization(1, on({ userId: 'u', resourceId: 'p2' }));
    expect(s.isAuthorized('u', [], [read('p1'), read('p2')])).toBe(false);
    expect(s.isAuthorized('u', [], [read('p3'), read('p2')])).toBe(true);
  });

  it('a revoke of ALL keeps no permission; a grant of ALL passes every check', () => {
    const s = service();
    s.createAuthorization(1, on({ groupId: 'admins', resourceId: '*' }, ['ALL']));
    expect(s.isAuthorized('u', ['admins'], [read('x')])).toBe(true);
    s.createAuthorization(2, on({ userId: 'u', resourceId: '*' }, ['ALL']));
    expect(s.isAuthorized('u', ['admins'], [read('x')])).toBe(false);
  });

  it('disabled, every check passes', () => {
    expect(service(false).isAuthorized('u', [], [read('p1')])).toBe(true);
  });
});

describe('AuthorizationService: answers after writes', () => {
  it('a check after a create, update or delete sees it, whatever was checked before', () => {
    const s = service();
    const mine = s.createAuthorization(1, on({ userId: 'u', resourceId: 'p1' }));
    const ours = s.createAuthorization(1, on({ groupId: 'g', resourceId: '*' }, ['UPDATE']));
    expect(s.isAuthorized('u', ['g'], [read('p1')])).toBe(true);
    expect(s.isAuthorized('u', ['g'], [read('p2')])).toBe(false);

    s.updateAuthorization(ours.id, { groupId: 'g', resourceId: '*', permissions: ['READ'] });
    expect(s.isAuthorized('u', ['g'], [read('p2')])).toBe(true);
    s.updateAuthorization(ours.id, { groupId: 'other', resourceId: '*', permissions: ['READ'] });
    expect(s.isAuthorized('u', ['g'], [read('p2')])).toBe(false);

    s.deleteAuthorization(mine.id);
    expect(s.isAuthorized('u', ['g'], [read('p1')])).toBe(false);
    const global = s.createAuthorization(0, on({ userId: '*', resourceId: '*' }));
    expect(s.isAuthorized('u', ['g'], [read('p1')])).toBe(true);
    const revoke = s.createAuthorization(2, on({ userId: 'u', resourceId: 'p1' }));
    expect(s.isAuthorized('u', ['g'], [read('p1')])).toBe(false);
    expect(s.isAuthorized('u', ['g'], [read('p3')])).toBe(true);
    s.deleteAuthorization(revoke.id);
    s.deleteAuthorization(global.id);
    expect(s.isAuthorized('u', ['g'], [read('p1')])).toBe(false);
  });

  it('says whether an authorization of a type names a single resource', () => {
    const s = service();
    s.createAuthorization(1, on({ userId: 'u', resourceId: '*' }));
    expect(s.namesSingleResources(Resources.PROCESS_INSTANCE.type)).toBe(false);
    const one = s.createAuthorization(1, on({ userId: 'v', resourceId: 'p1' }));
    expect(s.namesSingleResources(Resources.PROCESS_INSTANCE.type)).toBe(true);
    expect(s.namesSingleResources(Resources.TASK.type)).toBe(false);
    s.updateAuthorization(one.id, { userId: 'v', resourceId: '*', permissions: ['READ'] });
    expect(s.namesSingleResources(Resources.PROCESS_INSTANCE.type)).toBe(false);
  });
});

describe('AuthorizationService.checkAuthorization', () => {
  it("throws Camunda's AuthorizationException, one check or one of several", () => {
    const s = service();
    const refuse = (checks: PermissionCheck[], composite?: boolean) => {
      try {
        s.checkAuthorization({ userId: 'john', groupIds: [] }, checks, composite);
      } catch (error) {
        return error as AuthorizationException;
      }
      throw new Error('not refused');
    };
    expect(refuse([read(null)]).message).toBe(
      "The user with id 'john' does not have 'READ' permission on resource 'ProcessInstance'.",
    );
    const several = refuse([read('p1'), read(null)]);
    expect(several).toBeInstanceOf(AuthorizationException);
    expect(several.message).toBe(
      "The user with id 'john' does not have one of the following permissions: 'READ' permission on resource 'p1' of type 'ProcessInstance' or 'READ' permission on resource 'ProcessInstance'",
    );
    expect(several.missingAuthorizations).toEqual([
      { permissionName: 'READ', resourceName: 'ProcessInstance', resourceId: 'p1' },
      { permissionName: 'READ', resourceName: 'ProcessInstance', resourceId: null },
    ]);
    // Without an authenticated user nothing is checked.
    expect(() => {
      s.checkAuthorization(null, [read('p1')]);
    }).not.toThrow();
  });
});

describe('saving authorizations', () => {
  it('validates as SaveAuthorizationCmd and AuthorizationEntity do', () => {
    const s = service();
    expect(() => s.createAuthorization(3, on({ userId: 'u' }))).toThrow(
      "ENGINE-03025 Unrecognized authorization type '3'. Must be one of ['0', '1', '2']",
    );
    expect(() => s.createAuthorization(1, on({ userId: 'u', groupId: 'g' }))).toThrow(
      "Authorization must either have a 'userId' or a 'groupId'.",
    );
    expect(() => s.createAuthorization(0, on({ userId: 'u' }))).toThrow(
      "ENGINE-03028 Illegal value 'u' for userId for GLOBAL authorization. Must be '*'",
    );
    expect(() =>
      s.createAuthorization(1, {
        userId: 'u',
        resourceType: Resources.DEPLOYMENT.type,
        permissions: ['UPDATE'],
      }),
    ).toThrow("ENGINE-03087 The resource type with id:'9' is not valid for 'UPDATE' permission.");
  });
});

describe('authorizations of one resource', () => {
  it('are found by resource, in the order they came to it', () => {
    const s = service();
    const first = s.createAuthorization(1, on({ userId: 'u', resourceId: 'pi-1' }));
    const second = s.createAuthorization(1, on({ groupId: 'g', resourceId: 'pi-1' }));
    const other = s.createAuthorization(1, on({ userId: 'u', resourceId: 'pi-2' }));
    s.updateAuthorization(second.id, on({ groupId: 'g', resourceId: 'pi-2' }));
    s.updateAuthorization(first.id, on({ userId: 'u', resourceId: 'pi-1' }, ['READ', 'UPDATE']));

    const ids = (resourceId: string) =>
      s
        .query({ resourceType: Resources.PROCESS_INSTANCE.type, resourceId })
        .map((authorization) => authorization.id);
    expect(ids('pi-1')).toEqual([first.id]);
    expect(ids('pi-2')).toEqual([other.id, second.id]);
  });

  it('go with the resource, and leave the others', () => {
    const s = service();
    s.createAuthorization(1, on({ userId: 'u', resourceId: 'pi-1' }));
    s.createAuthorization(1, on({ groupId: 'g', resourceId: 'pi-1' }));
    const kept = s.createAuthorization(1, on({ userId: 'u', resourceId: 'pi-2' }));
    s.deleteAuthorizationsByResourceId(Resources.PROCESS_INSTANCE, 'pi-1');

    expect(s.query({ resourceType: Resources.PROCESS_INSTANCE.type })).toEqual([kept]);
    expect(s.isAuthorized('u', [], [read('pi-1')])).toBe(false);
    expect(s.isAuthorized('u', [], [read('pi-2')])).toBe(true);
  });
});
