/**
 * Expressions evaluated in an activity instance's scope: its visible variables, and the
 * `execution` bean Camunda's expressions and delegates receive (`DelegateExecution`).
 */
import { ProcessEngineException } from '../errors';
import { evaluateExpression } from '../expressions/evaluate-expression';
import type { ExpressionContext } from '../expressions/expression-context';
import type { ProcessInstanceState } from './state';
import { toPlainValue, toTypedValue } from './values';
import type { VariableScopes } from './variable-scopes';

export class ScopeExpressions {
  constructor(private readonly variables: VariableScopes) {}

  expressionContext(
    pi: ProcessInstanceState,
    scopeId: string,
    extraBeans: Record<string, unknown> = {},
  ): ExpressionContext {
    return {
      hasVariable: (name) => this.variables.findVariable(pi, scopeId, name) !== undefined,
      getVariable: (name) => {
        const found = this.variables.findVariable(pi, scopeId, name);
        return found ? toPlainValue(found.value) : null;
      },
      beans: { execution: this.executionBean(pi, scopeId), ...extraBeans },
    };
  }

  evaluate(
    pi: ProcessInstanceState,
    scopeId: string,
    text: string,
    extraBeans?: Record<string, unknown>,
  ): unknown {
    return evaluateExpression(text, this.expressionContext(pi, scopeId, extraBeans));
  }

  /** A sequence flow's or completion condition, read as `UelExpressionCondition` reads it. */
  isTrue(pi: ProcessInstanceState, scopeId: string, condition: string): boolean {
    const value = this.evaluate(pi, scopeId, condition);
    if (typeof value === 'boolean') {
      return value;
    }
    if (typeof value === 'string') {
      return value.trim().toLowerCase() === 'true';
    }
    if (value === null || value === undefined) {
      return false;
    }
    throw new ProcessEngineException(
      `condition expression returns non-Boolean: ${JSON.stringify(value)} (${typeof value})`,
    );
  }

  /** The `execution` object expressions and delegate expressions receive (DelegateExecution). */
  executionBean(
    pi: ProcessInstanceState,
    scopeId: string,
    eventName?: string,
  ): Record<string, unknown> {
    const variables = this.variables;
    const ai = pi.activityInstances[scopeId];
    const ti = pi.transitionInstances[scopeId];
    const activityId = ai
      ? ai.parentId === null
        ? null
        : ai.activityId
      : (ti?.activityId ?? null);
    const executionId = ai ? ai.executionId : scopeId;
    return {
      id: executionId,
      processInstanceId: pi.id,
      processBusinessKey: pi.businessKey,
      businessKey: pi.businessKey,
      processDefinitionId: pi.processDefinitionId,
      activityInstanceId: ai?.id ?? null,
      currentActivityId: activityId,
      activityId,
      eventName: eventName ?? null,
      getId: () => executionId,
      getProcessInstanceId: () => pi.id,
      getProcessBusinessKey: () => pi.businessKey,
      getBusinessKey: () => pi.businessKey,
      getProcessDefinitionId: () => pi.processDefinitionId,
      getActivityInstanceId: () => ai?.id ?? null,
      getCurrentActivityId: () => activityId,
      getActivityId: () => activityId,
      getEventName: () => eventName ?? null,
      getVariable: (name: string) => {
        const found = variables.findVariable(pi, scopeId, name);
        return found ? toPlainValue(found.value) : null;
      },
      getVariableLocal: (name: string) => {
        const found = variables.variablesOf(pi, scopeId)[name];
        return found ? toPlainValue(found.value) : null;
      },
      hasVariable: (name: string) => variables.findVariable(pi, scopeId, name) !== undefined,
      hasVariableLocal: (name: string) => variables.variablesOf(pi, scopeId)[name] !== undefined,
      getVariables: () =>
        Object.fromEntries(
          Object.entries(variables.visibleVariables(pi, scopeId)).map(([k, v]) => [
            k,
            toPlainValue(v.value),
          ]),
        ),
      setVariable: (name: string, value: unknown) => {
        variables.setVariable(pi, scopeId, name, toTypedValue(value));
      },
      setVariableLocal: (name: string, value: unknown) => {
        variables.setVariableLocal(pi, scopeId, name, toTypedValue(value));
      },
      removeVariable: (name: string) => {
        variables.removeVariable(pi, scopeId, name);
      },
    };
  }
}
