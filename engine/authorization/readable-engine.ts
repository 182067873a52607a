/**
 * The engine as a user's queries see it: every list (and every lookup Camunda answers with a
 * query) holds only what the user may read, as the authorization checks
 * `AuthorizationManager.configure*Query` add to Camunda's queries filter them. Counts come from the
 * same lists, so they agree.
 */
import type { EngineApi } from '../engine-api';
import type { ProcessInstanceState } from '../runtime/state';
import { ANY } from './authorization-service';
import type { CommandChecker } from './command-checker';
import { Resources } from './resources';

function* only<T>(items: Iterable<T>, readable: (item: T) => boolean): Iterable<T> {
  for (const item of items) {
    if (readable(item)) {
      yield item;
    }
  }
}

function orUndefined<T>(item: T | undefined, readable: (item: T) => boolean): T | undefined {
  return item !== undefined && readable(item) ? item : undefined;
}

/** The key Camunda authorizes a process definition by; ids are `key:version:uuid`. */
export function definitionKeyOf(engine: EngineApi, definitionId: string | null): string | null {
  if (definitionId === null) {
    return null;
  }
  return engine.definition(definitionId)?.key ?? definitionId.split(':')[0] ?? null;
}

/** `engine` itself when nothing is checked; otherwise a view with the user's READ filters. */
export function readableEngine(engine: EngineApi, checker: CommandChecker): EngineApi {
  if (!checker.isActive) {
    return engine;
  }
  const key = (definitionId: string | null) => definitionKeyOf(engine, definitionId);
  const instance = (pi: { id: string; processDefinitionId: string }) =>
    checker.canReadProcessInstance(pi.id, key(pi.processDefinitionId));
  const task = (t: { id: string; processDefinitionId: string }) =>
    checker.canReadTask(t.id, key(t.processDefinitionId));
  const job = (j: { processInstanceId: string | null; processDefinitionKey: string | null }) =>
    checker.canReadProcessInstance(j.processInstanceId, j.processDefinitionKey);
  const runtime = (r: { processInstanceId: string | null; processDefinitionId: string | null }) =>
    checker.canReadProcessInstance(r.processInstanceId, key(r.processDefinitionId));
  // A batch job's incident has no definition: only READ_HISTORY on every definition covers it,
  // as Camunda's auth join matches `RES.PROC_DEF_KEY_` or `'*'` (HistoricIncident.xml).
  const history = (r: { processDefinitionId: string | null }) =>
    checker.canReadHistory(key(r.processDefinitionId));

  // Everything not overridden (commands, definition lookups, the clock) is the engine's own.
  const view = Object.create(engine) as EngineApi;
  const overrides: Partial<EngineApi> = {
    definitions: () => only(engine.definitions(), (d) => checker.canReadProcessDefinition(d.key)),
    deployments: () => only(engine.deployments(), (d) => checker.canReadDeployment(d.id)),
    deployment: (id) => orUndefined(engine.deployment(id), (d) => checker.canReadDeployment(d.id)),
    instances: () => only(engine.instances(), instance),
    instance: (id) => orUndefined(engine.instance(id), instance),
    // What this view lists depends on the user: a new object each time, so no cache shares it.
    instancesVersion: () => ({}),
    instanceIdsInOrder: () => null,
    tasks: () => only(engine.tasks(), task),
    task: (id) => orUndefined(engine.task(id), task),
    jobs: () => only(engine.jobs(), job),
    job: (id) => orUndefined(engine.job(id), job),
    jobDefinitions: () =>
      only(engine.jobDefinitions(), (d) => checker.canReadJobDefinition(d.processDefinitionKey)),
    jobDefinition: (id) =>
      orUndefined(engine.jobDefinition(id), (d) =>
        checker.canReadJobDefinition(d.processDefinitionKey),
      ),
    eventSubscriptions: () => only(engine.eventSubscriptions(), runtime),
    incidents: () => only(engine.incidents(), runtime),
    variableInstances: () =>
      only(engine.variableInstances(), (v) =>
        checker.canReadVariable(v.processInstanceId, key(v.processDefinitionId) ?? '', v.taskId),
      ),
    batches: () => only(engine.batches(), (b) => checker.canReadBatch(b.id)),
    batch: (id) => orUndefined(engine.batch(id), (b) => checker.canReadBatch(b.id)),
    historicBatches: () =>
      only(engine.historicBatches(), (b) => checker.canReadHistoricBatch(b.id)),
    historicBatch: (id) =>
      orUndefined(engine.historicBatch(id), (b) => checker.canReadHistoricBatch(b.id)),
    historicProcessInstances: () => only(engine.historicProcessInstances(), history),
    historicProcessInstance: (id) => orUndefined(engine.historicProcessInstance(id), history),
    historicActivityInstances: () => only(engine.historicActivityInstances(), history),
    historicVariableInstances: () => only(engine.historicVariableInstances(), history),
    historicDetails: () => only(engine.historicDetails(), history),
    historicIncidents: () => only(engine.historicIncidents(), history),
    userOperationLog: () =>
      only(engine.userOperationLog(), (entry) =>
        checker.canReadOperationLogEntry(entry.processDefinitionKey, entry.category),
      ),
  };
  return Object.assign(view, overrides);
}

/**
 * The READ filter of the runtime instance query (`configureProcessInstanceQuery`: READ on the
 * instance or READ_INSTANCE on its definition) over the engine's own instances, or undefined
 * when the user reads them all. While no authorization names a single process instance, the
 * answer depends on the definition key alone, so it is evaluated once per key instead of once
 * per instance, and not at all when every definition is readable.
 */
export function processInstanceReadFilter(
  engine: EngineApi,
  checker: CommandChecker,
): ((instance: ProcessInstanceState) => boolean) | undefined {
  if (!checker.isActive) {
    return undefined;
  }
  const readable = (instance: ProcessInstanceState) =>
    checker.canReadProcessInstance(
      instance.id,
      definitionKeyOf(engine, instance.processDefinitionId),
    );
  if (engine.authorizationService.namesSingleResources(Resources.PROCESS_INSTANCE.type)) {
    return readable;
  }
  const byKey = new Map<string, boolean>();
  const readableKey = (key: string, instanceId: string) => {
    let answer = byKey.get(key);
    if (answer === undefined) {
      answer = checker.canReadProcessInstance(instanceId, key);
      byKey.set(key, answer);
    }
    return answer;
  };
  if ([...engine.definitions()].every((definition) => readableKey(definition.key, ANY))) {
    return undefined;
  }
  return (instance) =>
    readableKey(definitionKeyOf(engine, instance.processDefinitionId) ?? '', instance.id);
}
