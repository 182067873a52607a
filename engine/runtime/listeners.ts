/**
 * Execution, task and sequence flow listeners given as `camunda:expression` or
 * `camunda:delegateExpression` (Camunda's `ExpressionExecutionListener`,
 * `DelegateExpressionExecutionListener` and their task listener twins). None runs when the
 * command skips custom listeners (`skipCustomListeners`).
 */
import { ProcessEngineException } from '../errors';
import type { Activity, ListenerDefinition } from '../model/process-model';
import type { CommandContext } from './command-context';
import type { ExecutionTree } from './execution-tree';
import type { ScopeExpressions } from './scope-expressions';
import type { ActivityInstanceRec, ProcessInstanceState, TaskRec } from './state';
import { toPlainValue, toTypedValue } from './values';
import type { VariableScopes } from './variable-scopes';

export class Listeners {
  constructor(
    private readonly ctx: CommandContext,
    private readonly tree: ExecutionTree,
    private readonly variables: VariableScopes,
    private readonly expressions: ScopeExpressions,
  ) {}

  invokeListeners(
    pi: ProcessInstanceState,
    scopeId: string,
    listeners: ListenerDefinition[],
    event: string,
  ): void {
    if (this.ctx.skipCustomListeners) {
      return;
    }
    for (const listener of listeners) {
      if (listener.event !== event) {
        continue;
      }
      this.runDelegate(
        pi,
        scopeId,
        listener,
        this.expressions.executionBean(pi, scopeId, event),
        'ExecutionListener',
      );
    }
  }

  /** The `take` listeners of a sequence flow, run in the scope the token moves in. */
  invokeFlowListeners(pi: ProcessInstanceState, scopeId: string, flowId: string): void {
    const flow = this.tree.model(pi).sequenceFlows[flowId];
    if (flow && flow.listeners.length > 0) {
      this.invokeListeners(pi, scopeId, flow.listeners, 'take');
    }
  }

  invokeTaskListeners(
    pi: ProcessInstanceState,
    ai: ActivityInstanceRec,
    activity: Activity,
    task: TaskRec,
    event: string,
  ): void {
    if (this.ctx.skipCustomListeners) {
      return;
    }
    for (const listener of activity.taskListeners) {
      if (listener.event === event) {
        const bean = this.taskBean(pi, ai, task, event);
        this.runDelegate(pi, ai.id, listener, bean, 'TaskListener', { task: bean });
      }
    }
  }

  private taskBean(
    pi: ProcessInstanceState,
    ai: ActivityInstanceRec,
    task: TaskRec,
    event: string,
  ): Record<string, unknown> {
    return {
      ...task,
      eventName: event,
      execution: this.expressions.executionBean(pi, ai.id),
      getId: () => task.id,
      getName: () => task.name,
      getAssignee: () => task.assignee,
      setAssignee: (assignee: string | null) => {
        task.assignee = assignee;
      },
      getTaskDefinitionKey: () => task.taskDefinitionKey,
      getEventName: () => event,
      getProcessInstanceId: () => pi.id,
      getExecution: () => this.expressions.executionBean(pi, ai.id),
      getVariable: (name: string) => {
        const found = task.variables?.[name] ?? this.variables.findVariable(pi, ai.id, name);
        return found ? toPlainValue(found.value) : null;
      },
      setVariable: (name: string, value: unknown) => {
        this.variables.setVariable(pi, ai.id, name, toTypedValue(value));
      },
    };
  }

  private runDelegate(
    pi: ProcessInstanceState,
    scopeId: string,
    listener: { expression?: string; delegateExpression?: string },
    argument: unknown,
    interfaceName: string,
    extraBeans: Record<string, unknown> = {},
  ): void {
    if (listener.expression) {
      this.expressions.evaluate(pi, scopeId, listener.expression, {
        ...extraBeans,
        execution: argument,
      });
      return;
    }
    if (listener.delegateExpression) {
      const delegate = this.expressions.evaluate(
        pi,
        scopeId,
        listener.delegateExpression,
        extraBeans,
      );
      invokeDelegate(delegate, argument, listener.delegateExpression, interfaceName);
    }
  }
}

/** Calls what a delegate expression resolved to: a function, or an object with notify/execute. */
export function invokeDelegate(
  delegate: unknown,
  argument: unknown,
  expression: string,
  interfaceName: string,
): void {
  if (typeof delegate === 'function') {
    (delegate as (arg: unknown) => unknown)(argument);
    return;
  }
  if (delegate !== null && typeof delegate === 'object') {
    for (const method of ['notify', 'execute']) {
      const candidate = (delegate as Record<string, unknown>)[method];
      if (typeof candidate === 'function') {
        (candidate as (arg: unknown) => unknown).call(delegate, argument);
        return;
      }
    }
  }
  throw new ProcessEngineException(
    `Delegate expression ${expression} did not resolve to an implementation of interface org.camunda.bpm.engine.delegate.${interfaceName}`,
  );
}
