/**
 * Predicts what a modification will do, in the browser, with the engine's own code: the instance
 * is rebuilt from what the REST API reports (definition XML, activity instance tree, variable
 * instances), the very request body the console will send is translated as the REST layer
 * translates it (modification-request.ts) and applied to that copy, and the resulting tree – or
 * the error the engine would answer – comes back with what it means (predicted-warnings.ts).
 * Nothing leaves the copy.
 */
import { parseCamundaDate } from '../camunda-date';
import type { ActivityInstanceTree } from '../engine-api';
import { InvalidRequestDtoException, ProcessEngineException } from '../errors';
import { parseBpmn } from '../model/parse-bpmn';
import type { ProcessModel } from '../model/process-model';
import { buildActivityInstanceTree } from '../runtime/activity-instance-tree';
import { CommandContext } from '../runtime/command-context';
import { createStore, type EngineStore } from '../runtime/engine-store';
import { Runtime } from '../runtime/runtime';
import type {
  ActivityInstanceRec,
  HistoricProcessInstanceState,
  ProcessDefinitionRec,
  ProcessInstanceState,
} from '../runtime/state';
import type { TypedValue, ValueType } from '../variables';
import { toProcessInstanceModification } from './modification-request';
import type { ModificationBodyInput } from './modification-request';
import { modifyProcessInstance } from './modify-process-instance';
import { predictWarnings } from './predicted-warnings';
import type { PreviewWarning } from './predicted-warnings';

/** A variable as `GET /variable-instance?deserializeValues=false` reports it. */
export interface PreviewVariableInstance {
  name: string;
  type?: string | null;
  value: unknown;
  valueInfo?: Record<string, unknown> | null;
  /** The activity instance (scope) the variable lives in; the process instance id for globals. */
  activityInstanceId: string | null;
}

export interface PreviewInput {
  /** The process definition's BPMN XML (`GET /process-definition/{id}/xml`). */
  xml: string;
  processDefinitionId: string;
  processDefinitionKey: string;
  /** `GET /process-instance/{id}/activity-instances` */
  tree: ActivityInstanceTree;
  /** `GET /variable-instance?processInstanceIdIn={id}&deserializeValues=false` */
  variables?: readonly PreviewVariableInstance[];
  businessKey?: string | null;
  /** The body of `POST /process-instance/{id}/modification`, as it will be sent. */
  body: ModificationBodyInput;
}

export interface PreviewError {
  type: string;
  message: string;
  status: number;
}

export type PreviewResult =
  | { ok: true; ended: false; tree: ActivityInstanceTree; warnings: PreviewWarning[] }
  | { ok: true; ended: true; state: HistoricProcessInstanceState; warnings: PreviewWarning[] }
  | { ok: false; error: PreviewError };

const modelCache = new Map<string, Promise<ProcessModel>>();

/** Parses the definition once per definition id and process key. */
function modelFor(input: PreviewInput): Promise<ProcessModel> {
  const cacheKey = `${input.processDefinitionId}\u0000${input.processDefinitionKey}`;
  let cached = modelCache.get(cacheKey);
  if (!cached) {
    cached = parseBpmn(input.xml, 'preview.bpmn').then((parsed) => {
      const model = parsed.processes.find((process) => process.key === input.processDefinitionKey);
      if (!model) {
        throw new ProcessEngineException(
          `The XML does not define process '${input.processDefinitionKey}'`,
        );
      }
      return model;
    });
    modelCache.set(cacheKey, cached);
    cached.catch(() => modelCache.delete(cacheKey));
  }
  return cached;
}

export async function previewModification(input: PreviewInput): Promise<PreviewResult> {
  const model = await modelFor(input);
  return previewWithModel(model, input);
}

/** Synchronous core, for callers that already hold the parsed model. */
export function previewWithModel(model: ProcessModel, input: PreviewInput): PreviewResult {
  const store = createStore();
  const definition: ProcessDefinitionRec = {
    id: input.processDefinitionId,
    key: input.processDefinitionKey,
    name: model.name,
    version: 1,
    versionTag: model.versionTag,
    deploymentId: 'preview',
    resourceName: 'preview.bpmn',
    historyTimeToLive: model.historyTimeToLive,
    suspended: false,
    tenantId: null,
    category: 'preview',
    model,
  };
  store.definitions.set(definition.id, definition);
  const instance = rebuildInstance(store, input);
  store.instances.set(instance.id, instance);
  // Where the engine writes how the instance ended (COMPLETED or EXTERNALLY_TERMINATED).
  store.historicProcessInstances.set(instance.id, {
    id: instance.id,
    businessKey: instance.businessKey,
    processDefinitionId: definition.id,
    processDefinitionKey: definition.key,
    processDefinitionName: definition.name,
    processDefinitionVersion: definition.version,
    startTime: instance.startTime,
    endTime: null,
    startUserId: null,
    startActivityId: null,
    deleteReason: null,
    rootProcessInstanceId: instance.id,
    superProcessInstanceId: null,
    tenantId: null,
    state: 'ACTIVE',
  });

  try {
    const { instructions, skipCustomListeners, skipIoMappings } = toProcessInstanceModification(
      input.body,
    );
    // The REST layer answers an empty list with 204 before the engine sees it.
    if (instructions.length > 0) {
      let counter = 0;
      const ctx = new CommandContext(store, { skipCustomListeners, skipIoMappings });
      const rt = new Runtime(ctx, {
        clock: () => Date.now(),
        newId: () => `preview-${String(++counter)}`,
      });
      const working = ctx.instance(instance.id);
      if (!working) {
        throw new ProcessEngineException(`Process instance '${instance.id}' does not exist`);
      }
      modifyProcessInstance(rt, working, instructions);
      ctx.commit();
    }
  } catch (error) {
    return { ok: false, error: describeError(error) };
  }
  const after = store.instances.get(instance.id);
  if (!after) {
    const state = store.historicProcessInstances.get(instance.id)?.state ?? 'EXTERNALLY_TERMINATED';
    return { ok: true, ended: true, state, warnings: [{ kind: 'instanceEnds', state }] };
  }
  const tree = buildActivityInstanceTree(after, definition);
  return { ok: true, ended: false, tree, warnings: predictWarnings(model, input.tree, tree) };
}

/** The status and type the REST layer would answer with (Camunda's REST `ExceptionHandler`). */
function describeError(error: unknown): PreviewError {
  if (error instanceof InvalidRequestDtoException) {
    return { type: error.type, message: error.message, status: error.status };
  }
  if (error instanceof ProcessEngineException) {
    const status =
      error.type === 'AuthorizationException' ? 403 : isBadUserRequest(error.type) ? 400 : 500;
    return { type: error.type, message: error.message, status };
  }
  return {
    type: 'Error',
    message: error instanceof Error ? error.message : String(error),
    status: 500,
  };
}

function isBadUserRequest(type: string): boolean {
  return [
    'BadUserRequestException',
    'NotValidException',
    'NotFoundException',
    'ParseException',
  ].includes(type);
}

/** Turns the REST view of an instance back into engine state (ids preserved). */
function rebuildInstance(store: EngineStore, input: PreviewInput): ProcessInstanceState {
  const tree = input.tree;
  const now = Date.now();
  const instance: ProcessInstanceState = {
    id: tree.id,
    processDefinitionId: input.processDefinitionId,
    businessKey: input.businessKey ?? null,
    superProcessInstanceId: null,
    superActivityInstanceId: null,
    rootProcessInstanceId: tree.id,
    startTime: now,
    suspended: false,
    tenantId: null,
    activityInstances: {},
    transitionInstances: {},
    tasks: {},
    jobs: {},
    eventSubscriptions: {},
    incidents: {},
  };
  const visit = (node: ActivityInstanceTree, parentId: string | null): void => {
    store.seq += 1;
    const record: ActivityInstanceRec = {
      id: node.id,
      activityId: parentId === null ? input.processDefinitionId : node.activityId,
      parentId,
      executionId: node.executionIds[0] ?? node.id,
      seq: store.seq,
      startTime: now,
      calledProcessInstanceId: null,
      joinWaiting: parentId !== null && isJoin(store, input, node.activityId),
    };
    instance.activityInstances[record.id] = record;
    for (const child of node.childActivityInstances) {
      visit(child, node.id);
    }
    for (const transition of node.childTransitionInstances) {
      store.seq += 1;
      instance.transitionInstances[transition.id] = {
        id: transition.id,
        activityId: transition.activityId,
        parentId: node.id,
        seq: store.seq,
        kind: 'before',
        transitionId: null,
        startTime: now,
      };
    }
  };
  visit(tree, null);
  for (const variable of input.variables ?? []) {
    const value = toStoredValue(variable);
    const scope =
      instance.activityInstances[variable.activityInstanceId ?? instance.id] ??
      instance.transitionInstances[variable.activityInstanceId ?? instance.id] ??
      instance.activityInstances[instance.id];
    if (scope && value) {
      (scope.variables ??= {})[variable.name] = {
        id: `${variable.activityInstanceId ?? instance.id}:${variable.name}`,
        name: variable.name,
        value,
        createTime: now,
      };
    }
  }
  return instance;
}

function isJoin(store: EngineStore, input: PreviewInput, activityId: string): boolean {
  const activity = store.definitions.get(input.processDefinitionId)?.model.activities[activityId];
  return (
    (activity?.kind === 'parallelGateway' || activity?.kind === 'inclusiveGateway') &&
    activity.incoming.length > 1
  );
}

const STORED_VALUE_TYPES = new Set<string>([
  'String',
  'Integer',
  'Long',
  'Short',
  'Double',
  'Boolean',
  'Date',
  'Json',
  'Null',
  'Object',
] satisfies ValueType[]);

/**
 * A reported variable as the engine stores it: dates as epoch milliseconds, JSON-serialized
 * objects deserialized. Types the engine does not know (Bytes, File, Xml) are left out: a preview
 * that needs them fails the way a condition on a missing variable does.
 */
function toStoredValue(variable: PreviewVariableInstance): TypedValue | null {
  const type = variable.type ?? 'Null';
  if (!STORED_VALUE_TYPES.has(type)) {
    return null;
  }
  const valueInfo = variable.valueInfo ?? {};
  let value = variable.value;
  if (type === 'Date' && typeof value === 'string') {
    value = parseCamundaDate(value);
  } else if (
    type === 'Object' &&
    typeof value === 'string' &&
    valueInfo.serializationDataFormat === 'application/json'
  ) {
    try {
      value = JSON.parse(value) as unknown;
    } catch {
      // Kept as text: a mapping that reads it sees what it would see undeserialized.
    }
  }
  return { type: type as ValueType, value, valueInfo };
}
