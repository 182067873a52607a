/**
 * Process instances and what reaches them, as Camunda's `RuntimeService`: start, delete, suspend,
 * modify (one instance or many), message correlation, signals, variables, and the runtime
 * event subscriptions and incidents.
 */
import type {
  ActivityInstanceTree,
  CorrelateInput,
  CorrelationResult,
  DeleteInstanceOptions,
  EventAuthorization,
  ModificationOptions,
  StartInput,
  VariableView,
} from '../engine-api';
import type { ModificationInstruction } from '../modification/modification-instruction';
import {
  MismatchingMessageCorrelationException,
  NotFoundException,
  ProcessEngineException,
} from '../errors';
import {
  type ManyInstancesModification,
  executeModification,
  executeModificationAsync,
  executeModificationInTurns,
  logInstanceModification,
  modifyProcessInstanceAsync,
} from '../batch/modification-batch';
import { logEntry } from '../history/user-operation-log';
import {
  modifyProcessInstance,
  modifyProcessInstanceInTurns,
} from '../modification/modify-process-instance';
import { buildActivityInstanceTree } from '../runtime/activity-instance-tree';
import type { CommandOptions } from '../runtime/command-context';
import type { Runtime } from '../runtime/runtime';
import type {
  BatchRec,
  EventSubscriptionRec,
  IncidentRec,
  ProcessDefinitionRec,
  ProcessInstanceState,
  VariableRec,
} from '../runtime/state';
import type { OrderedIds } from '../runtime/sorted-ids';
import type { TypedValue } from '../variables';
import type { CommandExecutor } from './command-executor';

function startCommandOptions(input: StartInput): CommandOptions {
  return {
    skipCustomListeners: input.skipCustomListeners,
    skipIoMappings: input.skipIoMappings,
    userId: input.userId,
  };
}

/** With start instructions, the instance starts where they say, not at its start event. */
function startOptions(input: StartInput, instructions: readonly ModificationInstruction[]) {
  return {
    businessKey: input.businessKey,
    variables: input.variables,
    noStart: instructions.length > 0,
    startUserId: input.userId ?? null,
  };
}

function modificationCommandOptions(options: ModificationOptions): CommandOptions {
  return {
    skipCustomListeners: options.skipCustomListeners,
    skipIoMappings: options.skipIoMappings,
    userId: options.userId,
  };
}

export class RuntimeService {
  constructor(private readonly executor: CommandExecutor) {}

  startProcessInstance(
    definitionId: string,
    input: StartInput,
  ):
    | ProcessInstanceState
    | { id: string; ended: true; processDefinitionId: string; businessKey: string | null } {
    const definition = this.executor.store.definitions.get(definitionId);
    if (!definition) {
      throw new NotFoundException(`no deployed process definition found with id '${definitionId}'`);
    }
    const instructions = input.startInstructions ?? [];
    const id = this.executor.run(startCommandOptions(input), (rt) => {
      const pi = rt.startProcessInstance(definition, startOptions(input, instructions));
      if (instructions.length > 0) {
        modifyProcessInstance(rt, pi, instructions);
      }
      return pi.id;
    });
    return this.startedInstance(id, definition, input);
  }

  /** `startProcessInstance` for a request: other requests are answered between start instructions. */
  async startProcessInstanceInTurns(
    definitionId: string,
    input: StartInput,
  ): Promise<ReturnType<RuntimeService['startProcessInstance']>> {
    const definition = this.executor.store.definitions.get(definitionId);
    if (!definition) {
      throw new NotFoundException(`no deployed process definition found with id '${definitionId}'`);
    }
    const instructions = input.startInstructions ?? [];
    const id = await this.executor.runInTurns(startCommandOptions(input), async (rt, turns) => {
      const pi = rt.startProcessInstance(definition, startOptions(input, instructions));
      if (instructions.length > 0) {
        await modifyProcessInstanceInTurns(rt, pi, instructions, turns);
      }
      return pi.id;
    });
    return this.startedInstance(id, definition, input);
  }

  private startedInstance(id: string, definition: ProcessDefinitionRec, input: StartInput) {
    return (
      this.executor.store.instances.get(id) ?? {
        id,
        ended: true as const,
        processDefinitionId: definition.id,
        businessKey: input.businessKey ?? null,
      }
    );
  }

  deleteProcessInstance(id: string, options: DeleteInstanceOptions): void {
    if (!this.executor.store.instances.has(id)) {
      throw new NotFoundException(`No process instance found for id '${id}'`);
    }
    this.executor.run(
      {
        skipCustomListeners: options.skipCustomListeners,
        skipIoMappings: options.skipIoMappings,
        userId: options.userId,
      },
      (rt) => {
        const pi = rt.ctx.instance(id);
        if (!pi) {
          return;
        }
        const definition = rt.definitionOf(pi);
        rt.deleteProcessInstance(pi, options.deleteReason ?? null);
        if (options.userId) {
          rt.ctx.log(
            logEntry(this.executor, {
              operationId: this.executor.newId(),
              userId: options.userId,
              operationType: 'Delete',
              entityType: 'ProcessInstance',
              deploymentId: definition.deploymentId,
              processDefinitionId: definition.id,
              processDefinitionKey: definition.key,
              processInstanceId: id,
              rootProcessInstanceId: pi.rootProcessInstanceId,
            }),
          );
        }
      },
    );
  }

  modifyProcessInstance(
    id: string,
    instructions: ModificationInstruction[],
    options: ModificationOptions,
  ): void {
    this.executor.run(modificationCommandOptions(options), (rt) => {
      const pi = this.instanceToModify(rt, id, options);
      modifyProcessInstance(rt, pi, instructions, {
        authorizeCancellation: options.authorizeCancellation,
      });
      logInstanceModification(this.executor, rt.ctx, rt.definitionOf(pi), pi, options);
    });
  }

  async modifyProcessInstanceInTurns(
    id: string,
    instructions: ModificationInstruction[],
    options: ModificationOptions,
  ): Promise<void> {
    await this.executor.runInTurns(modificationCommandOptions(options), async (rt, turns) => {
      const pi = this.instanceToModify(rt, id, options);
      await modifyProcessInstanceInTurns(rt, pi, instructions, turns, {
        authorizeCancellation: options.authorizeCancellation,
      });
      logInstanceModification(this.executor, rt.ctx, rt.definitionOf(pi), pi, options);
    });
  }

  private instanceToModify(
    rt: Runtime,
    id: string,
    options: ModificationOptions,
  ): ProcessInstanceState {
    const pi = rt.ctx.instance(id);
    if (!pi) {
      throw new ProcessEngineException(
        `ENGINE-13036 Process instance '${id}' cannot be modified. The process instance does not exist`,
      );
    }
    options.authorize?.(pi);
    return pi;
  }

  instances(): Iterable<ProcessInstanceState> {
    return this.executor.store.instances.values();
  }

  instance(id: string): ProcessInstanceState | undefined {
    return this.executor.store.instances.get(id);
  }

  instancesVersion(): object {
    return this.executor.store.instances.version;
  }

  instanceIdsInOrder(processDefinitionId?: string): OrderedIds {
    return this.executor.store.instances.idsInOrder(processDefinitionId);
  }

  activityInstanceTree(id: string): ActivityInstanceTree | undefined {
    const pi = this.executor.store.instances.get(id);
    const definition = pi ? this.executor.store.definitions.get(pi.processDefinitionId) : undefined;
    return pi && definition ? buildActivityInstanceTree(pi, definition) : undefined;
  }

  setProcessInstanceSuspended(id: string, suspended: boolean): void {
    if (!this.executor.store.instances.has(id)) {
      throw new NotFoundException(`No process instance found for id '${id}'`);
    }
    this.executor.run({}, (rt) => {
      const pi = rt.ctx.instance(id);
      if (!pi) {
        return;
      }
      pi.suspended = suspended;
      for (const task of Object.values(pi.tasks)) {
        task.suspended = suspended;
      }
      for (const job of Object.values(pi.jobs)) {
        job.suspended = suspended;
      }
      const historic = rt.ctx.historicProcessInstance(id);
      if (historic) {
        historic.state = suspended ? 'SUSPENDED' : 'ACTIVE';
      }
    });
  }

  correlateMessage(input: CorrelateInput): CorrelationResult[] {
    return this.executor.run({}, (rt) => {
      const matches: { pi: ProcessInstanceState; subscription: EventSubscriptionRec }[] = [];
      if (!input.startMessagesOnly) {
        for (const id of [...rt.ctx.instanceIds()]) {
          const peeked = rt.ctx.peek(id);
          if (!peeked || (input.processInstanceId && peeked.id !== input.processInstanceId)) {
            continue;
          }
          if (input.businessKey && peeked.businessKey !== input.businessKey) {
            continue;
          }
          if (
            input.processDefinitionId &&
            peeked.processDefinitionId !== input.processDefinitionId
          ) {
            continue;
          }
          const subscriptions = Object.values(peeked.eventSubscriptions).filter(
            (s) => s.eventType === 'message' && s.eventName === input.messageName,
          );
          if (subscriptions.length === 0 || !this.correlationKeysMatch(peeked, input)) {
            continue;
          }
          const pi = rt.ctx.instance(id);
          if (!pi) {
            continue;
          }
          for (const subscription of subscriptions) {
            if (this.localKeysMatch(rt, pi, subscription, input)) {
              matches.push({ pi, subscription });
            }
          }
        }
      }
      const starts =
        input.processInstanceId || matches.length > 0
          ? []
          : [...this.executor.store.globalSubscriptions.values()].filter(
              (s) =>
                s.eventType === 'message' &&
                s.eventName === input.messageName &&
                (!input.processDefinitionId || s.processDefinitionId === input.processDefinitionId),
            );
      const total = matches.length + starts.length;
      if (total === 0) {
        throw new MismatchingMessageCorrelationException(
          `Cannot correlate message '${input.messageName}': No process definition or execution matches the parameters`,
        );
      }
      if (total > 1 && !input.all) {
        throw new MismatchingMessageCorrelationException(
          `Cannot correlate a message with name '${input.messageName}' to a single execution. ${String(total)} executions match the correlation keys: ${JSON.stringify(input.correlationKeys ?? {})}`,
        );
      }
      const results: CorrelationResult[] = [];
      for (const match of matches) {
        if (!match.pi.eventSubscriptions[match.subscription.id]) {
          continue;
        }
        input.authorize?.instance(match.pi);
        for (const [name, value] of Object.entries(input.processVariablesLocal ?? {})) {
          const owner = match.pi.activityInstances[match.subscription.activityInstanceId ?? ''];
          if (owner) {
            rt.setVariableLocal(match.pi, owner.id, name, value);
          }
        }
        rt.triggerSubscription(match.pi, match.subscription, input.processVariables ?? {});
        results.push({
          resultType: 'Execution',
          processInstanceId: match.pi.id,
          executionId: match.subscription.executionId,
        });
      }
      for (const start of starts) {
        const definition = this.executor.store.definitions.get(start.processDefinitionId);
        if (!definition) {
          continue;
        }
        input.authorize?.start(definition);
        const pi = rt.startProcessInstance(definition, {
          businessKey: input.businessKey ?? null,
          variables: input.processVariables,
          startEventId: start.activityId,
        });
        results.push({
          resultType: 'ProcessDefinition',
          processInstanceId: pi.id,
          executionId: null,
        });
      }
      return results;
    });
  }

  private correlationKeysMatch(pi: ProcessInstanceState, input: CorrelateInput): boolean {
    const root = pi.activityInstances[pi.id];
    for (const [name, expected] of Object.entries(input.correlationKeys ?? {})) {
      const actual = root?.variables?.[name];
      if (!actual || !sameValue(actual.value, expected)) {
        return false;
      }
    }
    return true;
  }

  private localKeysMatch(
    rt: Runtime,
    pi: ProcessInstanceState,
    subscription: EventSubscriptionRec,
    input: CorrelateInput,
  ): boolean {
    const owner = subscription.activityInstanceId;
    for (const [name, expected] of Object.entries(input.localCorrelationKeys ?? {})) {
      const actual = owner ? pi.activityInstances[owner]?.variables?.[name] : undefined;
      if (!actual || !sameValue(actual.value, expected)) {
        return false;
      }
    }
    return true;
  }

  throwSignal(
    name: string,
    variables: Record<string, TypedValue>,
    authorize?: EventAuthorization,
  ): void {
    // SignalEventReceivedCmd checks every catching instance and start event before delivering.
    if (authorize) {
      for (const pi of this.executor.store.instances.values()) {
        if (
          Object.values(pi.eventSubscriptions).some(
            (s) => s.eventType === 'signal' && s.eventName === name,
          )
        ) {
          authorize.instance(pi);
        }
      }
      for (const start of this.executor.signalStarts(name)) {
        authorize.start(start.definition);
      }
    }
    this.executor.run({}, (rt) => {
      rt.pendingSignals.push({ name, variables });
    });
  }

  localVariables(executionId: string): Record<string, VariableRec> | undefined {
    const piId = this.executor.store.executionIndex.get(executionId);
    const pi = piId
      ? this.executor.store.instances.get(piId)
      : this.executor.store.instances.get(executionId);
    if (!pi) {
      return undefined;
    }
    const ai = Object.values(pi.activityInstances).find(
      (candidate) => candidate.executionId === executionId,
    );
    const scope = ai ?? pi.transitionInstances[executionId];
    return scope ? (scope.variables ?? {}) : undefined;
  }

  processVariables(processInstanceId: string): Record<string, VariableRec> | undefined {
    const root =
      this.executor.store.instances.get(processInstanceId)?.activityInstances[processInstanceId];
    return root ? (root.variables ?? {}) : undefined;
  }

  setProcessVariables(
    processInstanceId: string,
    variables: Record<string, TypedValue>,
    deletions: string[] = [],
  ): void {
    if (!this.executor.store.instances.has(processInstanceId)) {
      throw new NotFoundException(`No process instance found for id '${processInstanceId}'`);
    }
    this.executor.run({}, (rt) => {
      const pi = rt.ctx.instance(processInstanceId);
      const root = pi?.activityInstances[processInstanceId];
      if (!pi || !root) {
        return;
      }
      for (const [name, value] of Object.entries(variables)) {
        rt.setVariableLocal(pi, root.id, name, value);
      }
      for (const name of deletions) {
        rt.removeVariableLocal(pi, root.id, name);
      }
    });
  }

  *variableInstances(): Iterable<VariableView> {
    for (const pi of this.executor.store.instances.values()) {
      for (const ai of Object.values(pi.activityInstances)) {
        for (const variable of Object.values(ai.variables ?? {})) {
          yield {
            ...variable,
            processInstanceId: pi.id,
            executionId: ai.executionId,
            activityInstanceId: ai.id,
            processDefinitionId: pi.processDefinitionId,
            taskId: null,
          };
        }
      }
      for (const ti of Object.values(pi.transitionInstances)) {
        for (const variable of Object.values(ti.variables ?? {})) {
          yield {
            ...variable,
            processInstanceId: pi.id,
            executionId: ti.id,
            activityInstanceId: ti.parentId,
            processDefinitionId: pi.processDefinitionId,
            taskId: null,
          };
        }
      }
      for (const task of Object.values(pi.tasks)) {
        for (const variable of Object.values(task.variables ?? {})) {
          yield {
            ...variable,
            processInstanceId: pi.id,
            executionId: task.executionId,
            activityInstanceId: task.activityInstanceId,
            processDefinitionId: pi.processDefinitionId,
            taskId: task.id,
          };
        }
      }
    }
  }

  *eventSubscriptions(): Iterable<EventSubscriptionRec> {
    yield* this.executor.store.globalSubscriptions.values();
    for (const pi of this.executor.store.instances.values()) {
      yield* Object.values(pi.eventSubscriptions);
    }
  }

  *incidents(): Iterable<IncidentRec> {
    yield* this.executor.store.globalIncidents.values();
    for (const pi of this.executor.store.instances.values()) {
      yield* Object.values(pi.incidents);
    }
  }

  executeModification(input: ManyInstancesModification): void {
    executeModification(this.executor, input);
  }

  executeModificationInTurns(input: ManyInstancesModification): Promise<void> {
    return executeModificationInTurns(this.executor, input);
  }

  executeModificationAsync(input: ManyInstancesModification): BatchRec {
    return executeModificationAsync(this.executor, input);
  }

  modifyProcessInstanceAsync(
    id: string,
    instructions: ModificationInstruction[],
    options: ModificationOptions,
  ): BatchRec {
    return modifyProcessInstanceAsync(this.executor, id, instructions, options);
  }
}

function sameValue(actual: TypedValue, expected: TypedValue): boolean {
  return JSON.stringify(actual.value) === JSON.stringify(expected.value);
}
