/**
 * What the signed-in user may do, asked of the engine before the console offers an action
 * (`GET /authorization/check`). Each requirement is what Camunda's `AuthorizationCommandChecker`
 * checks in the command behind the action: a disjunction of permissions (one is enough), as its
 * `PermissionCheckBuilder().disjunctive()` builds them.
 */
import { queryOptions } from '@tanstack/react-query';

import { engineRequest } from './engine-client';
import { getEngineName } from './engine-selection';

/**
 * Camunda's `Resources`: the name `AuthorizationCheckResultDto` reports and the type number the
 * check is made with. `OperationLogCatgeory` is Camunda's own spelling (`EntityTypes`).
 */
export const RESOURCES = {
  ProcessDefinition: 6,
  ProcessInstance: 8,
  Batch: 13,
  OperationLogCatgeory: 17,
} as const;

export type ResourceName = keyof typeof RESOURCES;

/** Camunda's `Authorization.ANY`: every resource of the type. */
export const ANY_RESOURCE = '*';

/** One of Camunda's atomic permission checks. */
export interface PermissionCheck {
  permissionName: string;
  resourceName: ResourceName;
  /** One resource's id (a process definition's key, an instance's id), or `*` for all. */
  resourceId: string;
}

/** Permission checks of which any one lets the action through. */
export type PermissionRequirement = readonly PermissionCheck[];

/** `AuthorizationCheckResultDto`. */
export interface AuthorizationCheckResultDto {
  permissionName: string;
  resourceName: string;
  resourceId: string | null;
  authorized: boolean;
}

const check = (
  permissionName: string,
  resourceName: ResourceName,
  resourceId: string = ANY_RESOURCE,
): PermissionCheck => ({ permissionName, resourceName, resourceId });

/** What each console action needs, by the command Camunda runs for it. */
export const requirements = {
  /** `ModifyProcessInstanceCmd`: `checkUpdateProcessInstance`. */
  modifyInstance: (processInstanceId: string, processDefinitionKey: string) => [
    check('UPDATE', 'ProcessInstance', processInstanceId),
    check('UPDATE_INSTANCE', 'ProcessDefinition', processDefinitionKey),
  ],
  /**
   * `ModifyProcessInstanceCmd` also checks `checkDeleteProcessInstance` when the instructions
   * cancel its last activity instance (the instance is deleted, not completed).
   */
  cancelInstance: (processInstanceId: string, processDefinitionKey: string) => [
    check('DELETE', 'ProcessInstance', processInstanceId),
    check('DELETE_INSTANCE', 'ProcessDefinition', processDefinitionKey),
  ],
  /**
   * `ProcessInstanceModificationCmd` (`/modification/execute`) checks `checkUpdateProcessInstance`
   * for each instance; what holds for all of them at once is a grant on the definition or on
   * every instance.
   */
  modifyInstancesOfDefinition: (processDefinitionKey: string) => [
    check('UPDATE_INSTANCE', 'ProcessDefinition', processDefinitionKey),
    check('UPDATE', 'ProcessInstance'),
  ],
  /** `BatchBuilder.permission(CREATE_BATCH_MODIFY_PROCESS_INSTANCES)` → `checkCreateBatch`. */
  createModificationBatch: () => [
    check('CREATE_BATCH_MODIFY_PROCESS_INSTANCES', 'Batch'),
    check('CREATE', 'Batch'),
  ],
  /**
   * `checkSuspendBatch` and `checkActivateBatch`: on the batch. A grant on every batch, asked
   * first, answers for all rows of a list with one request.
   */
  updateBatch: (batchId: string) => [check('UPDATE', 'Batch'), check('UPDATE', 'Batch', batchId)],
  /** `checkDeleteBatch`, asked as `updateBatch` is. */
  deleteBatch: (batchId: string) => [check('DELETE', 'Batch'), check('DELETE', 'Batch', batchId)],
  /**
   * `checkUpdateUserOperationLog`: on the entry's category, or UPDATE_HISTORY on its process
   * definition when it has one.
   */
  annotateOperation: (category: string | null, processDefinitionKey: string | null) => [
    ...(category === null ? [] : [check('UPDATE', 'OperationLogCatgeory', category)]),
    ...(processDefinitionKey === null
      ? []
      : [check('UPDATE_HISTORY', 'ProcessDefinition', processDefinitionKey)]),
  ],
} satisfies Record<string, (...args: never[]) => PermissionRequirement>;

/** Query keys, per engine; signing in or out clears the cache, so the user needs no key. */
export const permissionKeys = {
  all: ['permissions'] as const,
  check: (engineName: string, { permissionName, resourceName, resourceId }: PermissionCheck) =>
    [...permissionKeys.all, { engineName }, permissionName, resourceName, resourceId] as const,
};

export const permissionQueries = {
  /** Whether the signed-in user passes one check; grants change rarely, so a minute is fresh. */
  check: (permission: PermissionCheck, engineName: string = getEngineName()) =>
    queryOptions({
      queryKey: permissionKeys.check(engineName, permission),
      queryFn: ({ signal }) =>
        engineRequest<AuthorizationCheckResultDto>('/authorization/check', {
          query: {
            permissionName: permission.permissionName,
            resourceName: permission.resourceName,
            resourceType: RESOURCES[permission.resourceName],
            resourceId: permission.resourceId,
          },
          signal,
        }),
      select: ({ authorized }: AuthorizationCheckResultDto) => authorized,
      staleTime: 60_000,
    }),
};

/** `UPDATE_INSTANCE on process definition invoice`, `CREATE on every batch`. */
export function describePermissionCheck({
  permissionName,
  resourceName,
  resourceId,
}: PermissionCheck): string {
  const resource = RESOURCE_WORDS[resourceName];
  return resourceId === ANY_RESOURCE
    ? `${permissionName} on every ${resource}`
    : `${permissionName} on ${resource} ${resourceId}`;
}

const RESOURCE_WORDS: Record<ResourceName, string> = {
  ProcessDefinition: 'process definition',
  ProcessInstance: 'process instance',
  Batch: 'batch',
  OperationLogCatgeory: 'operation log category',
};
