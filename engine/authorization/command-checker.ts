/**
 * The permission checks of Camunda's `AuthorizationCommandChecker`, one method per check it makes,
 * for the user a request runs for, and the READ filters `AuthorizationManager.configure*Query`
 * adds to queries. Process definitions are authorized by key, as Camunda's are.
 */
import type {
  Authentication,
  AuthorizationService,
  PermissionCheck,
} from './authorization-service';
import { ANY } from './authorization-service';
import type { Permission, Resource } from './resources';
import {
  BatchPermissions,
  Permissions,
  ProcessDefinitionPermissions,
  ProcessInstancePermissions,
  Resources,
  TaskPermissions,
  UserOperationLogCategoryPermissions,
} from './resources';

const { PROCESS_DEFINITION, PROCESS_INSTANCE, TASK, BATCH, DEPLOYMENT } = Resources;

function on(
  resource: Resource,
  resourceId: string | null,
  permission: Permission,
): PermissionCheck {
  return { resource, resourceId, permission };
}

function must(permission: Permission | undefined): Permission {
  if (!permission) {
    throw new Error('unknown permission');
  }
  return permission;
}

const PD = {
  READ: must(ProcessDefinitionPermissions.READ),
  READ_TASK: must(ProcessDefinitionPermissions.READ_TASK),
  UPDATE_TASK: must(ProcessDefinitionPermissions.UPDATE_TASK),
  CREATE_INSTANCE: must(ProcessDefinitionPermissions.CREATE_INSTANCE),
  READ_INSTANCE: must(ProcessDefinitionPermissions.READ_INSTANCE),
  UPDATE_INSTANCE: must(ProcessDefinitionPermissions.UPDATE_INSTANCE),
  DELETE_INSTANCE: must(ProcessDefinitionPermissions.DELETE_INSTANCE),
  READ_HISTORY: must(ProcessDefinitionPermissions.READ_HISTORY),
  TASK_WORK: must(ProcessDefinitionPermissions.TASK_WORK),
  TASK_ASSIGN: must(ProcessDefinitionPermissions.TASK_ASSIGN),
  RETRY_JOB: must(ProcessDefinitionPermissions.RETRY_JOB),
  SUSPEND_INSTANCE: must(ProcessDefinitionPermissions.SUSPEND_INSTANCE),
  UPDATE_INSTANCE_VARIABLE: must(ProcessDefinitionPermissions.UPDATE_INSTANCE_VARIABLE),
  UPDATE_HISTORY: must(ProcessDefinitionPermissions.UPDATE_HISTORY),
};
const PI = {
  READ: must(ProcessInstancePermissions.READ),
  UPDATE: must(ProcessInstancePermissions.UPDATE),
  CREATE: must(ProcessInstancePermissions.CREATE),
  DELETE: must(ProcessInstancePermissions.DELETE),
  RETRY_JOB: must(ProcessInstancePermissions.RETRY_JOB),
  SUSPEND: must(ProcessInstancePermissions.SUSPEND),
  UPDATE_VARIABLE: must(ProcessInstancePermissions.UPDATE_VARIABLE),
};
const T = {
  READ: must(TaskPermissions.READ),
  UPDATE: must(TaskPermissions.UPDATE),
  TASK_WORK: must(TaskPermissions.TASK_WORK),
  TASK_ASSIGN: must(TaskPermissions.TASK_ASSIGN),
};
const B = {
  READ: must(BatchPermissions.READ),
  UPDATE: must(BatchPermissions.UPDATE),
  CREATE: must(BatchPermissions.CREATE),
  DELETE: must(BatchPermissions.DELETE),
  READ_HISTORY: must(BatchPermissions.READ_HISTORY),
  DELETE_HISTORY: must(BatchPermissions.DELETE_HISTORY),
};
const D = {
  READ: must(Permissions.READ),
  CREATE: must(Permissions.CREATE),
  DELETE: must(Permissions.DELETE),
};
const OPERATION_LOG_CATEGORY_READ = must(UserOperationLogCategoryPermissions.READ);
const OPERATION_LOG_CATEGORY_UPDATE = must(UserOperationLogCategoryPermissions.UPDATE);

/** The batch creation permissions `checkCreateBatch` accepts besides `CREATE`. */
export type BatchCreationPermission =
  'CREATE_BATCH_MODIFY_PROCESS_INSTANCES' | 'CREATE_BATCH_SET_JOB_RETRIES';

/** A task as the checks see it: standalone when it has no process definition. */
export interface CheckedTask {
  id: string;
  processDefinitionKey: string | null;
}

/** A job as the checks see it; jobs without a process definition (e.g. batch jobs) pass. */
export interface CheckedJob {
  processInstanceId: string | null;
  processDefinitionKey: string | null;
}

export class CommandChecker {
  constructor(
    private readonly service: AuthorizationService,
    /** Null: no authenticated user, so nothing is checked (Camunda's `isAuthCheckExecuted`). */
    readonly authentication: Authentication | null,
  ) {}

  /** Whether checks are made at all: authorization enabled and a user authenticated. */
  get isActive(): boolean {
    return this.service.enabled && this.authentication !== null;
  }

  /** `AuthorizationManager.checkAuthorization`; one check alone is worded as a single one. */
  check(checks: PermissionCheck[], composite = true): void {
    this.service.checkAuthorization(this.authentication, checks, composite);
  }

  /** A query's READ filter: true when any of the checks passes, or when nothing is checked. */
  allows(checks: PermissionCheck[]): boolean {
    const { authentication } = this;
    if (!this.service.enabled || authentication === null) {
      return true;
    }
    return this.service.isAuthorized(authentication.userId, authentication.groupIds, checks);
  }

  // ------------------------------------------------------------------ process definitions

  checkCreateProcessInstance(definitionKey: string): void {
    this.check([on(PROCESS_INSTANCE, null, PI.CREATE)], false);
    this.check([on(PROCESS_DEFINITION, definitionKey, PD.CREATE_INSTANCE)], false);
  }

  checkReadProcessDefinition(definitionKey: string): void {
    this.check([on(PROCESS_DEFINITION, definitionKey, PD.READ)], false);
  }

  checkUpdateRetriesProcessInstanceByProcessDefinitionKey(definitionKey: string): void {
    this.check([
      on(PROCESS_INSTANCE, ANY, PI.RETRY_JOB),
      on(PROCESS_DEFINITION, definitionKey, PD.RETRY_JOB),
      on(PROCESS_INSTANCE, ANY, PI.UPDATE),
      on(PROCESS_DEFINITION, definitionKey, PD.UPDATE_INSTANCE),
    ]);
  }

  // ------------------------------------------------------------------ process instances

  checkReadProcessInstance(processInstanceId: string, definitionKey: string): void {
    this.check(readProcessInstance(processInstanceId, definitionKey));
  }

  checkUpdateProcessInstance(processInstanceId: string, definitionKey: string): void {
    this.check([
      on(PROCESS_INSTANCE, processInstanceId, PI.UPDATE),
      on(PROCESS_DEFINITION, definitionKey, PD.UPDATE_INSTANCE),
    ]);
  }

  checkDeleteProcessInstance(processInstanceId: string, definitionKey: string): void {
    this.check([
      on(PROCESS_INSTANCE, processInstanceId, PI.DELETE),
      on(PROCESS_DEFINITION, definitionKey, PD.DELETE_INSTANCE),
    ]);
  }

  checkUpdateProcessInstanceVariables(processInstanceId: string, definitionKey: string): void {
    this.check([
      on(PROCESS_INSTANCE, processInstanceId, PI.UPDATE_VARIABLE),
      on(PROCESS_DEFINITION, definitionKey, PD.UPDATE_INSTANCE_VARIABLE),
      on(PROCESS_INSTANCE, processInstanceId, PI.UPDATE),
      on(PROCESS_DEFINITION, definitionKey, PD.UPDATE_INSTANCE),
    ]);
  }

  checkUpdateProcessInstanceSuspensionState(
    processInstanceId: string,
    definitionKey: string,
  ): void {
    this.check([
      on(PROCESS_INSTANCE, processInstanceId, PI.SUSPEND),
      on(PROCESS_DEFINITION, definitionKey, PD.SUSPEND_INSTANCE),
      on(PROCESS_INSTANCE, processInstanceId, PI.UPDATE),
      on(PROCESS_DEFINITION, definitionKey, PD.UPDATE_INSTANCE),
    ]);
  }

  // ------------------------------------------------------------------ jobs

  checkReadJob(job: CheckedJob): void {
    if (job.processDefinitionKey === null) {
      return;
    }
    this.check(readProcessInstance(job.processInstanceId, job.processDefinitionKey));
  }

  checkUpdateJob(job: CheckedJob): void {
    if (job.processDefinitionKey === null) {
      return;
    }
    this.check([
      on(PROCESS_INSTANCE, job.processInstanceId, PI.UPDATE),
      on(PROCESS_DEFINITION, job.processDefinitionKey, PD.UPDATE_INSTANCE),
    ]);
  }

  checkUpdateRetriesJob(job: CheckedJob): void {
    if (job.processDefinitionKey === null) {
      return;
    }
    this.check([
      on(PROCESS_INSTANCE, job.processInstanceId, PI.RETRY_JOB),
      on(PROCESS_DEFINITION, job.processDefinitionKey, PD.RETRY_JOB),
      on(PROCESS_INSTANCE, job.processInstanceId, PI.UPDATE),
      on(PROCESS_DEFINITION, job.processDefinitionKey, PD.UPDATE_INSTANCE),
    ]);
  }

  // ------------------------------------------------------------------ tasks

  checkReadTaskVariable(task: CheckedTask): void {
    this.checkTaskPermission(task, PD.READ_TASK, T.READ);
  }

  private checkTaskPermission(
    task: CheckedTask,
    definitionPermission: Permission,
    taskPermission: Permission,
  ): void {
    if (task.processDefinitionKey === null) {
      this.check([on(TASK, task.id, taskPermission)], false);
      return;
    }
    this.check([
      on(TASK, task.id, taskPermission),
      on(PROCESS_DEFINITION, task.processDefinitionKey, definitionPermission),
    ]);
  }

  checkTaskWork(task: CheckedTask): void {
    this.checkTaskAction(task, T.TASK_WORK, PD.TASK_WORK);
  }

  checkTaskAssign(task: CheckedTask): void {
    this.checkTaskAction(task, T.TASK_ASSIGN, PD.TASK_ASSIGN);
  }

  private checkTaskAction(
    task: CheckedTask,
    taskPermission: Permission,
    definitionPermission: Permission,
  ): void {
    const key = task.processDefinitionKey;
    this.check(
      key === null
        ? [on(TASK, task.id, taskPermission), on(TASK, task.id, T.UPDATE)]
        : [
            on(TASK, task.id, taskPermission),
            on(PROCESS_DEFINITION, key, definitionPermission),
            on(TASK, task.id, T.UPDATE),
            on(PROCESS_DEFINITION, key, PD.UPDATE_TASK),
          ],
    );
  }

  // ------------------------------------------------------------------ batches

  checkCreateBatch(permission: BatchCreationPermission): void {
    this.check([on(BATCH, null, must(BatchPermissions[permission])), on(BATCH, null, B.CREATE)]);
  }

  checkDeleteBatch(batchId: string): void {
    this.check([on(BATCH, batchId, B.DELETE)], false);
  }

  checkDeleteHistoricBatch(batchId: string): void {
    this.check([on(BATCH, batchId, B.DELETE_HISTORY)], false);
  }

  /** `checkSuspendBatch` and `checkActivateBatch`: both UPDATE. */
  checkSuspendBatch(batchId: string): void {
    this.check([on(BATCH, batchId, B.UPDATE)], false);
  }

  // ------------------------------------------------------------------ deployments

  checkCreateDeployment(): void {
    this.check([on(DEPLOYMENT, null, D.CREATE)], false);
  }

  checkDeleteDeployment(deploymentId: string): void {
    this.check([on(DEPLOYMENT, deploymentId, D.DELETE)], false);
  }

  // ------------------------------------------------------------------ history

  /**
   * `checkUpdateUserOperationLog`: an entry of a process definition needs UPDATE_HISTORY on it or
   * UPDATE on its category; one without a definition needs UPDATE on its category.
   */
  checkUpdateUserOperationLog(entry: {
    category: string | null;
    processDefinitionKey: string | null;
  }): void {
    const { category, processDefinitionKey: key } = entry;
    if (category === null && key === null) {
      return;
    }
    const checks: PermissionCheck[] = [];
    if (key !== null) {
      checks.push(on(PROCESS_DEFINITION, key, PD.UPDATE_HISTORY));
    }
    if (category !== null) {
      checks.push(on(Resources.OPERATION_LOG_CATEGORY, category, OPERATION_LOG_CATEGORY_UPDATE));
    }
    this.check(checks);
  }

  // ------------------------------------------------------------------ query filters

  canReadProcessDefinition(definitionKey: string): boolean {
    return this.allows([on(PROCESS_DEFINITION, definitionKey, PD.READ)]);
  }

  /** Executions, incidents, event subscriptions and jobs: `configureExecutionQuery` and kin. */
  canReadProcessInstance(processInstanceId: string | null, definitionKey: string | null): boolean {
    return this.allows(readProcessInstance(processInstanceId, definitionKey));
  }

  /** `configureTaskQuery`: READ on the task or READ_TASK on its definition. */
  canReadTask(taskId: string, definitionKey: string | null): boolean {
    return this.allows([
      on(TASK, taskId, T.READ),
      on(PROCESS_DEFINITION, definitionKey, PD.READ_TASK),
    ]);
  }

  /** `configureVariableInstanceQuery` (without specific variable permissions). */
  canReadVariable(
    processInstanceId: string,
    definitionKey: string,
    taskId: string | null,
  ): boolean {
    const checks = readProcessInstance(processInstanceId, definitionKey);
    if (taskId !== null) {
      checks.push(on(TASK, taskId, T.READ));
    }
    return this.allows(checks);
  }

  /** `configureJobDefinitionQuery`: READ on the job definition's process definition. */
  canReadJobDefinition(definitionKey: string | null): boolean {
    return this.allows([on(PROCESS_DEFINITION, definitionKey, PD.READ)]);
  }

  canReadDeployment(deploymentId: string): boolean {
    return this.allows([on(DEPLOYMENT, deploymentId, D.READ)]);
  }

  canReadBatch(batchId: string): boolean {
    return this.allows([on(BATCH, batchId, B.READ)]);
  }

  canReadHistoricBatch(batchId: string): boolean {
    return this.allows([on(BATCH, batchId, B.READ_HISTORY)]);
  }

  /**
   * History queries (`configureHistoricProcessInstanceQuery` and kin, with historic instance
   * permissions disabled, Camunda's default): READ_HISTORY on the process definition.
   */
  canReadHistory(definitionKey: string | null): boolean {
    return this.allows([on(PROCESS_DEFINITION, definitionKey, PD.READ_HISTORY)]);
  }

  /** `configureUserOperationLogQuery`: READ_HISTORY on the definition or READ on the category. */
  canReadOperationLogEntry(definitionKey: string | null, category: string | null): boolean {
    return this.allows([
      on(PROCESS_DEFINITION, definitionKey, PD.READ_HISTORY),
      on(Resources.OPERATION_LOG_CATEGORY, category, OPERATION_LOG_CATEGORY_READ),
    ]);
  }
}

function readProcessInstance(
  processInstanceId: string | null,
  definitionKey: string | null,
): PermissionCheck[] {
  return [
    on(PROCESS_INSTANCE, processInstanceId, PI.READ),
    on(PROCESS_DEFINITION, definitionKey, PD.READ_INSTANCE),
  ];
}
