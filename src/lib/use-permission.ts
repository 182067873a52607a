import { useQueries, useQuery, useQueryClient } from '@tanstack/react-query';

import { engineCapabilityQueries } from '../api/engine-capabilities';
import { describePermissionCheck, permissionQueries } from '../api/permissions';
import type { AuthorizationCheckResultDto, PermissionRequirement } from '../api/permissions';

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
 * Asks the engine for the permissions of `requirement` in their order, each only once the ones
 * before it were refused, so a broad grant listed first (e.g. on every batch) answers for many
 * actions with one request. Without authentication there is no user to check, and Camunda's
 * `AuthorizationManager.isAuthorized` lets every command through; with authorization disabled
 * the engine itself answers that everything is authorized.
 */
export function usePermission(requirement: PermissionRequirement): PermissionVerdict {
  const queryClient = useQueryClient();
  const authentication = useQuery(engineCapabilityQueries.authentication());
  const unchecked = authentication.data === 'off';
  const refused = requirement.map(
    (permission) =>
      queryClient.getQueryData<AuthorizationCheckResultDto>(
        permissionQueries.check(permission).queryKey,
      )?.authorized === false,
  );
  const answers = useQueries({
    queries: requirement.map((permission, position) => ({
      ...permissionQueries.check(permission),
      enabled: !unchecked && refused.slice(0, position).every(Boolean),
    })),
  });
  // `checkUserOperationLog` checks nothing for an entry without category and definition.
  if (unchecked || requirement.length === 0 || answers.some((answer) => answer.data === true)) {
    return { state: 'allowed' };
  }
  for (const answer of answers) {
    if (answer.isError) {
      return { state: 'unknown', error: answer.error };
    }
    if (answer.data !== false) {
      return { state: 'checking' };
    }
  }
  return { state: 'refused', missing: requirement };
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
