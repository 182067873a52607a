/**
 * Camunda's authorization vocabulary: `Resources` with their integer types and the permission
 * enums (`Permissions`, `ProcessDefinitionPermissions`, …) with their bit values, which are what
 * an authorization stores. `ResourceTypeUtil` decides which enum names the permissions of a type.
 */
import { BadUserRequestException } from '../errors';

export interface Resource {
  /** `Resources.resourceName()`, the name in `missingAuthorizations` and exception messages. */
  readonly name: string;
  readonly type: number;
  /** The Java enum constant, which `ResourceTypeUtil` prints in its messages. */
  readonly constant: string;
}

function resource(constant: string, name: string, type: number): Resource {
  return { constant, name, type };
}

/** `org.camunda.bpm.engine.authorization.Resources`; names are `EntityTypes`' spellings. */
export const Resources = {
  APPLICATION: resource('APPLICATION', 'Application', 0),
  USER: resource('USER', 'User', 1),
  GROUP: resource('GROUP', 'Group', 2),
  GROUP_MEMBERSHIP: resource('GROUP_MEMBERSHIP', 'Group membership', 3),
  AUTHORIZATION: resource('AUTHORIZATION', 'Authorization', 4),
  FILTER: resource('FILTER', 'Filter', 5),
  PROCESS_DEFINITION: resource('PROCESS_DEFINITION', 'ProcessDefinition', 6),
  TASK: resource('TASK', 'Task', 7),
  PROCESS_INSTANCE: resource('PROCESS_INSTANCE', 'ProcessInstance', 8),
  DEPLOYMENT: resource('DEPLOYMENT', 'Deployment', 9),
  DECISION_DEFINITION: resource('DECISION_DEFINITION', 'DecisionDefinition', 10),
  TENANT: resource('TENANT', 'Tenant', 11),
  TENANT_MEMBERSHIP: resource('TENANT_MEMBERSHIP', 'TenantMembership', 12),
  BATCH: resource('BATCH', 'Batch', 13),
  DECISION_REQUIREMENTS_DEFINITION: resource(
    'DECISION_REQUIREMENTS_DEFINITION',
    'DecisionRequirementsDefinition',
    14,
  ),
  REPORT: resource('REPORT', 'Report', 15),
  DASHBOARD: resource('DASHBOARD', 'Dashboard', 16),
  // EntityTypes.OPERATION_LOG_CATEGORY is spelled so in Camunda, and clients see that spelling.
  OPERATION_LOG_CATEGORY: resource('OPERATION_LOG_CATEGORY', 'OperationLogCatgeory', 17),
  OPTIMIZE: resource('OPTIMIZE', 'Optimize', 18),
  HISTORIC_TASK: resource('HISTORIC_TASK', 'HistoricTask', 19),
  HISTORIC_PROCESS_INSTANCE: resource('HISTORIC_PROCESS_INSTANCE', 'HistoricProcessInstance', 20),
  SYSTEM: resource('SYSTEM', 'System', 21),
} as const;

export const ALL_RESOURCES: readonly Resource[] = Object.values(Resources);

export function resourceByType(type: number): Resource | undefined {
  return ALL_RESOURCES.find((candidate) => candidate.type === type);
}

export interface Permission {
  readonly name: string;
  readonly value: number;
  /** The resource types the permission may be used with (`Permission.getTypes()`). */
  readonly types: readonly number[];
}

/** `Permissions.ALL`: every bit, so a grant of ALL passes any check. */
export const ALL_VALUE = 0x7fffffff;

const EVERY_TYPE = ALL_RESOURCES.map((r) => r.type);

function enumOf(
  resources: readonly Resource[] | 'every',
  values: Readonly<Record<string, number>>,
): Readonly<Record<string, Permission>> {
  const types = resources === 'every' ? EVERY_TYPE : resources.map((r) => r.type);
  const permissions: Record<string, Permission> = {
    NONE: { name: 'NONE', value: 0, types: EVERY_TYPE },
    ALL: { name: 'ALL', value: ALL_VALUE, types: EVERY_TYPE },
  };
  for (const [name, value] of Object.entries(values)) {
    permissions[name] = { name, value, types };
  }
  return permissions;
}

const R = Resources;

/** `Permissions`: the generic enum, each constant with its own resource types. */
function genericPermissions(): Readonly<Record<string, Permission>> {
  const p = (name: string, value: number, resources: readonly Resource[]): Permission => ({
    name,
    value,
    types: resources.map((r) => r.type),
  });
  const list = [
    p('READ', 2, [
      R.AUTHORIZATION,
      R.BATCH,
      R.DASHBOARD,
      R.DECISION_DEFINITION,
      R.DECISION_REQUIREMENTS_DEFINITION,
      R.DEPLOYMENT,
      R.FILTER,
      R.GROUP,
      R.PROCESS_DEFINITION,
      R.PROCESS_INSTANCE,
      R.REPORT,
      R.TASK,
      R.TENANT,
      R.USER,
    ]),
    p('UPDATE', 4, [
      R.AUTHORIZATION,
      R.BATCH,
      R.DASHBOARD,
      R.DECISION_DEFINITION,
      R.FILTER,
      R.GROUP,
      R.PROCESS_DEFINITION,
      R.PROCESS_INSTANCE,
      R.REPORT,
      R.TASK,
      R.TENANT,
      R.USER,
    ]),
    p('CREATE', 8, [
      R.AUTHORIZATION,
      R.BATCH,
      R.DASHBOARD,
      R.DEPLOYMENT,
      R.FILTER,
      R.GROUP,
      R.GROUP_MEMBERSHIP,
      R.PROCESS_INSTANCE,
      R.REPORT,
      R.TASK,
      R.TENANT,
      R.TENANT_MEMBERSHIP,
      R.USER,
    ]),
    p('DELETE', 16, [
      R.AUTHORIZATION,
      R.BATCH,
      R.DASHBOARD,
      R.DEPLOYMENT,
      R.FILTER,
      R.GROUP,
      R.GROUP_MEMBERSHIP,
      R.PROCESS_DEFINITION,
      R.PROCESS_INSTANCE,
      R.REPORT,
      R.TASK,
      R.TENANT,
      R.TENANT_MEMBERSHIP,
      R.USER,
    ]),
    p('ACCESS', 32, [R.APPLICATION]),
    p('READ_TASK', 64, [R.PROCESS_DEFINITION]),
    p('UPDATE_TASK', 128, [R.PROCESS_DEFINITION]),
    p('CREATE_INSTANCE', 256, [R.DECISION_DEFINITION, R.PROCESS_DEFINITION]),
    p('READ_INSTANCE', 512, [R.PROCESS_DEFINITION]),
    p('UPDATE_INSTANCE', 1024, [R.PROCESS_DEFINITION]),
    p('DELETE_INSTANCE', 2048, [R.PROCESS_DEFINITION]),
    p('READ_HISTORY', 4096, [R.BATCH, R.DECISION_DEFINITION, R.PROCESS_DEFINITION, R.TASK]),
    p('DELETE_HISTORY', 8192, [R.BATCH, R.DECISION_DEFINITION, R.PROCESS_DEFINITION]),
    p('TASK_WORK', 16384, [R.PROCESS_DEFINITION, R.TASK]),
    p('TASK_ASSIGN', 32768, [R.PROCESS_DEFINITION, R.TASK]),
    p('MIGRATE_INSTANCE', 65536, [R.PROCESS_DEFINITION]),
  ];
  return {
    NONE: { name: 'NONE', value: 0, types: EVERY_TYPE },
    ALL: { name: 'ALL', value: ALL_VALUE, types: EVERY_TYPE },
    ...Object.fromEntries(list.map((permission) => [permission.name, permission])),
  };
}

export const Permissions = genericPermissions();

export const ProcessDefinitionPermissions = enumOf([R.PROCESS_DEFINITION], {
  READ: 2,
  UPDATE: 4,
  DELETE: 16,
  READ_TASK: 64,
  UPDATE_TASK: 128,
  CREATE_INSTANCE: 256,
  READ_INSTANCE: 512,
  UPDATE_INSTANCE: 1024,
  DELETE_INSTANCE: 2048,
  READ_HISTORY: 4096,
  DELETE_HISTORY: 8192,
  TASK_WORK: 16384,
  TASK_ASSIGN: 32768,
  MIGRATE_INSTANCE: 65536,
  RETRY_JOB: 32,
  SUSPEND: 1048576,
  SUSPEND_INSTANCE: 131072,
  UPDATE_INSTANCE_VARIABLE: 262144,
  UPDATE_TASK_VARIABLE: 524288,
  READ_INSTANCE_VARIABLE: 2097152,
  READ_HISTORY_VARIABLE: 4194304,
  READ_TASK_VARIABLE: 8388608,
  UPDATE_HISTORY: 16777216,
});

export const ProcessInstancePermissions = enumOf([R.PROCESS_INSTANCE], {
  READ: 2,
  UPDATE: 4,
  CREATE: 8,
  DELETE: 16,
  RETRY_JOB: 32,
  SUSPEND: 64,
  UPDATE_VARIABLE: 128,
});

export const BatchPermissions = enumOf([R.BATCH], {
  READ: 2,
  UPDATE: 4,
  CREATE: 8,
  DELETE: 16,
  READ_HISTORY: 4096,
  DELETE_HISTORY: 8192,
  CREATE_BATCH_MIGRATE_PROCESS_INSTANCES: 32,
  CREATE_BATCH_MODIFY_PROCESS_INSTANCES: 64,
  CREATE_BATCH_RESTART_PROCESS_INSTANCES: 128,
  CREATE_BATCH_DELETE_RUNNING_PROCESS_INSTANCES: 256,
  CREATE_BATCH_DELETE_FINISHED_PROCESS_INSTANCES: 512,
  CREATE_BATCH_DELETE_DECISION_INSTANCES: 1024,
  CREATE_BATCH_SET_JOB_RETRIES: 2048,
  CREATE_BATCH_SET_EXTERNAL_TASK_RETRIES: 16384,
  CREATE_BATCH_UPDATE_PROCESS_INSTANCES_SUSPEND: 32768,
  CREATE_BATCH_SET_REMOVAL_TIME: 65536,
  CREATE_BATCH_SET_VARIABLES: 131072,
  CREATE_BATCH_CORRELATE_MESSAGE: 262144,
});

export const TaskPermissions = enumOf([R.TASK], {
  READ: 2,
  UPDATE: 4,
  CREATE: 8,
  DELETE: 16,
  READ_HISTORY: 4096,
  TASK_WORK: 16384,
  TASK_ASSIGN: 32768,
  UPDATE_VARIABLE: 32,
  READ_VARIABLE: 64,
});

export const HistoricTaskPermissions = enumOf([R.HISTORIC_TASK], { READ: 2, READ_VARIABLE: 64 });

export const HistoricProcessInstancePermissions = enumOf([R.HISTORIC_PROCESS_INSTANCE], {
  READ: 2,
});

export const UserOperationLogCategoryPermissions = enumOf([R.OPERATION_LOG_CATEGORY], {
  READ: 2,
  UPDATE: 4,
  DELETE: 16,
});

export const OptimizePermissions = enumOf([R.OPTIMIZE], { EDIT: 2, SHARE: 4 });

export const SystemPermissions = enumOf([R.SYSTEM], { READ: 2, SET: 4, DELETE: 8 });

/** `ResourceTypeUtil.PERMISSION_ENUMS`: the enum whose constants name a type's permissions. */
export function permissionsOfType(type: number): Readonly<Record<string, Permission>> {
  switch (type) {
    case R.BATCH.type:
      return BatchPermissions;
    case R.PROCESS_DEFINITION.type:
      return ProcessDefinitionPermissions;
    case R.PROCESS_INSTANCE.type:
      return ProcessInstancePermissions;
    case R.TASK.type:
      return TaskPermissions;
    case R.HISTORIC_TASK.type:
      return HistoricTaskPermissions;
    case R.HISTORIC_PROCESS_INSTANCE.type:
      return HistoricProcessInstancePermissions;
    case R.OPERATION_LOG_CATEGORY.type:
      return UserOperationLogCategoryPermissions;
    case R.OPTIMIZE.type:
      return OptimizePermissions;
    case R.SYSTEM.type:
      return SystemPermissions;
    default:
      return Permissions;
  }
}

/** `ResourceTypeUtil.getPermissionByNameAndResourceType`, with its message. */
export function permissionForName(name: string, type: number): Permission {
  const permission = permissionsOfType(type)[name];
  if (!permission) {
    throw new BadUserRequestException(
      `The permission '${name}' is not valid for '${resourceByType(type)?.constant ?? 'null'}' resource type.`,
    );
  }
  return permission;
}

/** The permission names an authorization's bits stand for (`PermissionConverter`). */
export function permissionNames(type: number, authorizationType: number, bits: number): string[] {
  const isRevoke = authorizationType === 2;
  if ((!isRevoke && bits === ALL_VALUE) || (isRevoke && bits === 0)) {
    return ['ALL'];
  }
  const names: string[] = [];
  for (const permission of Object.values(permissionsOfType(type))) {
    if (permission.name === 'NONE' || permission.name === 'ALL') {
      continue;
    }
    if (!permission.types.includes(type)) {
      continue;
    }
    const granted = (bits & permission.value) === permission.value;
    if (isRevoke ? !granted : granted) {
      names.push(permission.name);
    }
  }
  return names;
}
