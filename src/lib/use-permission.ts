import { useQueries, useQuery } from '@tanstack/react-query';

import { engineCapabilityQueries } from '../api/engine-capabilities';
import { describePermissionCheck, permissionQueries } from '../api/permissions';
import type { PermissionRequirement } from '../api/permissions';

/**
 * Whether the signed-in user may take an action: `allowed` when one of its permissions is
 * granted, `refused` when the engine said no to each, `unknown` when it could not be asked (the
 * action is then offered and the engine decides).
 */
export type PermissionVerdict =
  | { state: 'checking' }
  | { state: 'allowed' }
  | { state: 'refused'; missing: PermissionRequirement }
  | { state: 'unknown'; error: unknown };

/**
 * Asks the engine for each permission of `requirement`. Without authentication there is no user
 * to check, and Camunda's `AuthorizationManager.isAuthorized` lets every command through; with
 * authorization disabled the engine itself answers that everything is authorized.
 */
export function usePermission(requirement: PermissionRequirement): PermissionVerdict {
  const authentication = useQuery(engineCapabilityQueries.authentication());
  const unchecked = authentication.data === 'off';
  const answers = useQueries({
    queries: requirement.map((permission) => ({
      ...permissionQueries.check(permission),
      enabled: !unchecked,
    })),
  });
  // `checkUserOperationLog` checks nothing for an entry without category and definition.
  if (unchecked || requirement.length === 0 || answers.some((answer) => answer.data === true)) {
    return { state: 'allowed' };
  }
  if (answers.every((answer) => answer.data === false)) {
    return { state: 'refused', missing: requirement };
  }
  const failed = answers.find((answer) => answer.isError);
  if (failed !== undefined && answers.every((answer) => answer.data === false || answer.isError)) {
    return { state: 'unknown', error: failed.error };
  }
  return { state: 'checking' };
}

/**
 * Why an action is not offered, for the hint beside it: `You may not <action>: this needs …`.
 * Null unless the engine refused every permission that would allow it.
 */
export function refusalReason(verdict: PermissionVerdict, action: string): string | null {
  if (verdict.state !== 'refused') {
    return null;
  }
  const permissions = verdict.missing.map(describePermissionCheck);
  const last = permissions.pop() ?? '';
  const needs = permissions.length === 0 ? last : `${permissions.join(', ')} or ${last}`;
  return `You may not ${action}: that needs ${needs}. An administrator can grant it.`;
}
