/**
 * Drives the runtime directly, without ProcessEngine, for the runtime's unit tests: a store with
 * deployed definitions, commands that commit as the engine's do, and the few user actions the
 * tests need (complete a task, run a job, deliver a message).
 */
import { parseBpmn } from '../model/parse-bpmn';
import type { TypedValue } from '../variables';
import { buildActivityInstanceTree } from '../runtime/activity-instance-tree';
import { CommandContext } from '../runtime/command-context';
import { createStore, type EngineStore } from '../runtime/engine-store';
import { Runtime } from '../runtime/runtime';
import type { ActivityInstanceTree } from '../engine-api';
import type { JobRec, ProcessDefinitionRec, ProcessInstanceState } from '../runtime/state';

const NS = `xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="test"`;

/** A BPMN document with one executable process, plus any `extra` root elements (messages). */
export function bpmnProcess(id: string, body: string, extra = ''): string {
  return `<?xml version="1.0" encoding="UTF-8"?><definitions ${NS}>${extra}<process id="${id}" isExecutable="true">${body}</process></definitions>`;
}

export function sequenceFlow(id: string, from: string, to: string, condition?: string): string {
  return condition
    ? `<sequenceFlow id="${id}" sourceRef="${from}" targetRef="${to}"><conditionExpression>${condition}</conditionExpression></sequenceFlow>`
    : `<sequenceFlow id="${id}" sourceRef="${from}" targetRef="${to}"/>`;
}

export function integer(value: number): TypedValue {
  return { type: 'Integer', value, valueInfo: {} };
}

export function string(value: string): TypedValue {
  return { type: 'String', value, valueInfo: {} };
}

/** `root[a, sub[b], ~c]`: the activity instance tree, children sorted; `~` marks transitions. */
export function treeShape(tree: ActivityInstanceTree): string {
  const children = [
    ...tree.childActivityInstances.map(treeShape),
    ...tree.childTransitionInstances.map((t) => `~${t.activityId}`),
  ].sort();
  const name = tree.parentActivityInstanceId === null ? 'root' : tree.activityId;
  return children.length > 0 ? `${name}[${children.join(', ')}]` : name;
}

export class RuntimeHarness {
  readonly store: EngineStore = createStore();
  private ids = 0;
  time = Date.UTC(2026, 0, 1);

  /** Runs one command and commits it; a command that throws changes nothing. */
  run<T>(command: (rt: Runtime) => T): T {
    const ctx = new CommandContext(this.store, { clock: () => this.time });
    const rt = new Runtime(ctx, {
      clock: () => this.time,
      newId: () => `id${String(++this.ids)}`,
    });
    const result = command(rt);
    rt.deliverSignals(() => []);
    ctx.commit();
    return result;
  }

  async deploy(...documents: string[]): Promise<void> {
    for (const [index, xml] of documents.entries()) {
      const parsed = await parseBpmn(xml, `p${String(index)}.bpmn`);
      for (const model of parsed.processes) {
        const definition: ProcessDefinitionRec = {
          id: `${model.key}:1:${String(index)}`,
          key: model.key,
          name: model.name,
          version: 1,
          versionTag: null,
          deploymentId: 'deployment',
          resourceName: `p${String(index)}.bpmn`,
          historyTimeToLive: null,
          suspended: false,
          tenantId: null,
          category: 'http://bpmn.io/schema/bpmn',
          model,
        };
        this.store.definitions.set(definition.id, definition);
      }
    }
  }

  start(key: string, variables: Record<string, TypedValue> = {}): string {
    return this.run((rt) => {
      const definition = rt.ctx.latestDefinition(key);
      if (!definition) {
        throw new Error(`no definition ${key}`);
      }
      return rt.startProcessInstance(definition, { variables }).id;
    });
  }

  instance(id: string): ProcessInstanceState {
    const pi = this.store.instances.get(id);
    if (!pi) {
      throw new Error(`instance ${id} is not running`);
    }
    return pi;
  }

  /** The activity instance tree's shape, or 'ended'. */
  tree(id: string): string {
    const pi = this.store.instances.get(id);
    if (!pi) {
      return 'ended';
    }
    const definition = this.store.definitions.get(pi.processDefinitionId);
    if (!definition) {
      throw new Error(`no definition ${pi.processDefinitionId}`);
    }
    return treeShape(buildActivityInstanceTree(pi, definition));
  }

  /** Completes the first open task of `activityId` in an instance, as TaskService.complete does. */
  completeTask(piId: string, activityId: string, variables: Record<string, TypedValue> = {}): void {
    this.run((rt) => {
      const pi = rt.ctx.instance(piId);
      const task = Object.values(pi?.tasks ?? {}).find((t) => t.taskDefinitionKey === activityId);
      const ai = task ? pi?.activityInstances[task.activityInstanceId] : undefined;
      if (!pi || !task || !ai) {
        throw new Error(`no task ${activityId} in ${piId}`);
      }
      for (const [name, value] of Object.entries(variables)) {
        rt.setVariable(pi, ai.id, name, value);
      }
      rt.invokeTaskListeners(pi, ai, rt.activity(pi, ai.activityId), task, 'complete');
      rt.tree.deleteTask(pi, task);
      rt.leave(pi, ai);
    });
  }

  jobs(piId: string): JobRec[] {
    return Object.values(this.instance(piId).jobs).sort((a, b) => a.seq - b.seq);
  }

  executeJob(job: JobRec): void {
    this.run((rt) => {
      rt.runJob(job);
    });
  }

  /** Delivers a message to the instance's subscription for it, as correlation does. */
  correlate(piId: string, messageName: string, variables: Record<string, TypedValue> = {}): void {
    this.run((rt) => {
      const pi = rt.ctx.instance(piId);
      const subscription = Object.values(pi?.eventSubscriptions ?? {}).find(
        (s) => s.eventType === 'message' && s.eventName === messageName,
      );
      if (!pi || !subscription) {
        throw new Error(`no subscription for ${messageName} in ${piId}`);
      }
      rt.triggerSubscription(pi, subscription, variables);
    });
  }

  /** A variable's value as seen from the process instance scope. */
  variable(piId: string, name: string): unknown {
    return this.instance(piId).activityInstances[piId]?.variables?.[name]?.value.value;
  }
}

export async function runtimeWith(...documents: string[]): Promise<RuntimeHarness> {
  const harness = new RuntimeHarness();
  await harness.deploy(...documents);
  return harness;
}
