/**
 * Predicts what a modification will do, in the browser, with the engine's own modification code:
 * the instance is rebuilt from what the REST API reports (definition XML, activity instance tree,
 * variable instances), the plan runs against that copy, and the resulting tree – or the error the
 * engine would answer – comes back. Nothing leaves the copy.
 */
import type { ActivityInstanceTree, ModificationInstruction } from '../engine-api';
import { ProcessEngineException } from '../errors';
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
import type { TypedValue } from '../variables';
import { modifyProcessInstance } from './modify-process-instance';

/** A variable as `GET /variable-instance` reports it, already converted to a typed value. */
export interface PreviewVariable {
  name: string;
  value: TypedValue;
  /** The activity instance (scope) the variable lives in; the process instance id for globals. */
  activityInstanceId: string;
}

export interface PreviewInput {
  /** The process definition's BPMN XML (`GET /process-definition/{id}/xml`). */
  xml: string;
  processDefinitionId: string;
  processDefinitionKey: string;
  /** `GET /process-instance/{id}/activity-instances` */
  tree: ActivityInstanceTree;
  variables?: PreviewVariable[];
  businessKey?: string | null;
  instructions: ModificationInstruction[];
  skipCustomListeners?: boolean;
  skipIoMappings?: boolean;
}

export type PreviewResult =
  | { ok: true; ended: false; tree: ActivityInstanceTree }
  | { ok: true; ended: true; state: HistoricProcessInstanceState }
  | { ok: false; error: { type: string; message: string; status: number } };

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

  let counter = 0;
  const ctx = new CommandContext(store, {
    skipCustomListeners: input.skipCustomListeners,
    skipIoMappings: input.skipIoMappings,
  });
  const rt = new Runtime(ctx, {
    clock: () => Date.now(),
    newId: () => `preview-${String(++counter)}`,
  });
  try {
    const working = ctx.instance(instance.id);
    if (!working) {
      throw new ProcessEngineException(`Process instance '${instance.id}' does not exist`);
    }
    modifyProcessInstance(rt, working, input.instructions);
    ctx.commit();
  } catch (error) {
    return { ok: false, error: describeError(error) };
  }
  const after = store.instances.get(instance.id);
  if (!after) {
    return {
      ok: true,
      ended: true,
      state: store.historicProcessInstances.get(instance.id)?.state ?? 'EXTERNALLY_TERMINATED',
    };
  }
  return { ok: true, ended: false, tree: buildActivityInstanceTree(after, definition) };
}

/** The status and type the REST layer would answer with (contract §1.1). */
function describeError(error: unknown): { type: string; message: string; status: number } {
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
      variables: {},
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
        variables: {},
        startTime: now,
      };
    }
  };
  visit(tree, null);
  for (const variable of input.variables ?? []) {
    const scope =
      instance.activityInstances[variable.activityInstanceId] ??
      instance.transitionInstances[variable.activityInstanceId] ??
      instance.activityInstances[instance.id];
    if (scope) {
      scope.variables[variable.name] = {
        id: `${variable.activityInstanceId}:${variable.name}`,
        name: variable.name,
        value: variable.value,
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
