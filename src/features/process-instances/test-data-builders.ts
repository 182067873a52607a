import type { IncidentDto } from '../../../contract/camunda/job';
import type {
  ActivityInstanceDto,
  ProcessInstanceDto,
  TransitionInstanceDto,
} from '../../../contract/camunda/process-instance';
import type { VariableInstanceDto } from '../../../contract/camunda/variables';
import type {
  HistoricActivityInstanceDto,
  HistoricProcessInstanceDto,
} from '../../../contract/camunda/history';

/** Builders of complete DTOs for this feature's tests: each takes only what a test cares about. */

export const PROCESS_INSTANCE_ID = 'pi-1';
export const PROCESS_DEFINITION_ID = 'order:1:def-1';

type ActivityInstanceInit = Pick<ActivityInstanceDto, 'id' | 'activityId'> &
  Partial<Omit<ActivityInstanceDto, 'id' | 'activityId'>>;

export function buildActivityInstance(init: ActivityInstanceInit): ActivityInstanceDto {
  return {
    parentActivityInstanceId: PROCESS_INSTANCE_ID,
    activityType: 'userTask',
    processInstanceId: PROCESS_INSTANCE_ID,
    processDefinitionId: PROCESS_DEFINITION_ID,
    childActivityInstances: [],
    childTransitionInstances: [],
    executionIds: [`execution-${init.id}`],
    activityName: null,
    name: null,
    incidentIds: [],
    incidents: [],
    ...init,
  };
}

/** The root of the tree: the process instance, whose activity id is the definition id. */
export function buildProcessInstanceTree(
  children: ActivityInstanceDto[],
  transitions: TransitionInstanceDto[] = [],
): ActivityInstanceDto {
  return buildActivityInstance({
    id: PROCESS_INSTANCE_ID,
    parentActivityInstanceId: null,
    activityId: PROCESS_DEFINITION_ID,
    activityType: 'processDefinition',
    activityName: 'Order',
    childActivityInstances: children,
    childTransitionInstances: transitions,
  });
}

type TransitionInstanceInit = Pick<TransitionInstanceDto, 'id' | 'activityId'> &
  Partial<Omit<TransitionInstanceDto, 'id' | 'activityId'>>;

export function buildTransitionInstance(init: TransitionInstanceInit): TransitionInstanceDto {
  return {
    parentActivityInstanceId: PROCESS_INSTANCE_ID,
    targetActivityId: init.activityId,
    activityName: null,
    activityType: 'serviceTask',
    processInstanceId: PROCESS_INSTANCE_ID,
    processDefinitionId: PROCESS_DEFINITION_ID,
    executionId: init.id,
    incidentIds: [],
    incidents: [],
    ...init,
  };
}

type IncidentInit = Pick<IncidentDto, 'id' | 'activityId'> &
  Partial<Omit<IncidentDto, 'id' | 'activityId'>>;

export function buildIncident(init: IncidentInit): IncidentDto {
  return {
    processDefinitionId: PROCESS_DEFINITION_ID,
    processInstanceId: PROCESS_INSTANCE_ID,
    executionId: null,
    incidentTimestamp: '2024-05-01T09:30:00.000+0000',
    incidentType: 'failedJob',
    failedActivityId: init.activityId,
    causeIncidentId: init.id,
    rootCauseIncidentId: init.id,
    configuration: 'job-1',
    tenantId: null,
    incidentMessage: null,
    jobDefinitionId: null,
    annotation: null,
    ...init,
  };
}

type VariableInit = Pick<VariableInstanceDto, 'name' | 'type' | 'value'> &
  Partial<Omit<VariableInstanceDto, 'name' | 'type' | 'value'>>;

export function buildVariable(init: VariableInit): VariableInstanceDto {
  return {
    id: `variable-${init.name}`,
    valueInfo: {},
    processDefinitionId: PROCESS_DEFINITION_ID,
    processInstanceId: PROCESS_INSTANCE_ID,
    executionId: PROCESS_INSTANCE_ID,
    caseInstanceId: null,
    caseExecutionId: null,
    taskId: null,
    batchId: null,
    activityInstanceId: PROCESS_INSTANCE_ID,
    errorMessage: null,
    tenantId: null,
    ...init,
  };
}

type HistoricActivityInstanceInit = Pick<
  HistoricActivityInstanceDto,
  'id' | 'activityId' | 'startTime'
> &
  Partial<HistoricActivityInstanceDto>;

export function buildHistoricActivityInstance(
  init: HistoricActivityInstanceInit,
): HistoricActivityInstanceDto {
  return {
    parentActivityInstanceId: PROCESS_INSTANCE_ID,
    activityName: null,
    activityType: 'userTask',
    processDefinitionKey: 'order',
    processDefinitionId: PROCESS_DEFINITION_ID,
    processInstanceId: PROCESS_INSTANCE_ID,
    executionId: null,
    taskId: null,
    calledProcessInstanceId: null,
    calledCaseInstanceId: null,
    assignee: null,
    endTime: null,
    durationInMillis: null,
    canceled: false,
    completeScope: false,
    tenantId: null,
    removalTime: null,
    rootProcessInstanceId: PROCESS_INSTANCE_ID,
    ...init,
  };
}

/** A running instance, as `GET /process-instance/{id}` answers. */
export function buildProcessInstance(init: Partial<ProcessInstanceDto> = {}): ProcessInstanceDto {
  return {
    links: [],
    id: PROCESS_INSTANCE_ID,
    definitionId: PROCESS_DEFINITION_ID,
    businessKey: null,
    caseInstanceId: null,
    ended: false,
    suspended: false,
    tenantId: null,
    ...init,
  };
}

/** An instance that has ended: its history, as `GET /history/process-instance/{id}` answers. */
export function buildEndedProcessInstance(
  init: Partial<HistoricProcessInstanceDto> = {},
): HistoricProcessInstanceDto {
  return {
    id: PROCESS_INSTANCE_ID,
    businessKey: null,
    processDefinitionId: PROCESS_DEFINITION_ID,
    processDefinitionKey: 'order',
    processDefinitionName: 'Order',
    processDefinitionVersion: 1,
    startTime: '2024-05-01T09:30:00.000+0000',
    endTime: '2024-05-01T10:00:00.000+0000',
    removalTime: null,
    durationInMillis: 1_800_000,
    startUserId: null,
    startActivityId: 'start',
    deleteReason: null,
    rootProcessInstanceId: init.id ?? PROCESS_INSTANCE_ID,
    superProcessInstanceId: null,
    superCaseInstanceId: null,
    caseInstanceId: null,
    tenantId: null,
    state: 'COMPLETED',
    restartedProcessInstanceId: null,
    ...init,
  };
}
