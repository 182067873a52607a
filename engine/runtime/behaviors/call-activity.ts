/**
 * A call activity starts the latest version of the called process with its `camunda:in`
 * variables and business key, and waits; when the called instance completes, the `camunda:out`
 * variables come back and the call activity leaves; when it is cancelled, the call activity goes
 * too (Camunda's `CallActivityBehavior`, `CallableElementActivityBehavior`).
 */
import { ProcessEngineException } from '../../errors';
import { isExpression } from '../../expressions/evaluate-expression';
import type { TypedValue } from '../../variables';
import type { ProcessRuntime } from '../process-runtime';
import type { ProcessInstanceState } from '../state';
import { nullableString, toTypedValue } from '../values';
import type { ActivityBehavior } from './activity-behavior';

export const callActivityBehavior: ActivityBehavior = {
  execute({ pi, ai, activity }, rt) {
    const rawKey = activity.calledElement ?? '';
    const key = isExpression(rawKey) ? String(rt.expressions.evaluate(pi, ai.id, rawKey)) : rawKey;
    const definition = rt.ctx.latestDefinition(key);
    if (!definition) {
      throw new ProcessEngineException(
        `no processes deployed with key '${key}': processDefinition is null`,
      );
    }
    const variables: Record<string, TypedValue> = {};
    let businessKey: string | null = null;
    for (const mapping of activity.callIn) {
      if (mapping.businessKey) {
        businessKey = nullableString(rt.expressions.evaluate(pi, ai.id, mapping.businessKey));
      } else if (mapping.all) {
        for (const [name, variable] of Object.entries(rt.variables.visibleVariables(pi, ai.id))) {
          variables[name] = structuredClone(variable.value);
        }
      } else if (mapping.target) {
        if (mapping.sourceExpression) {
          variables[mapping.target] = toTypedValue(
            rt.expressions.evaluate(pi, ai.id, mapping.sourceExpression),
          );
        } else if (mapping.source) {
          const found = rt.variables.findVariable(pi, ai.id, mapping.source);
          variables[mapping.target] = found ? structuredClone(found.value) : toTypedValue(null);
        }
      }
    }
    const sub = rt.startProcessInstance(definition, {
      businessKey,
      variables,
      superProcessInstanceId: pi.id,
      superActivityInstanceId: ai.id,
      rootProcessInstanceId: pi.rootProcessInstanceId,
    });
    const current = pi.activityInstances[ai.id];
    if (current && !rt.ctx.isEnded(sub.id)) {
      current.calledProcessInstanceId = sub.id;
      const historic = rt.ctx.historicActivityInstance(ai.id);
      if (historic) {
        historic.calledProcessInstanceId = sub.id;
      }
    }
  },
};

/** A called instance completed: its `camunda:out` variables go to the caller, which moves on. */
export function calledInstanceCompleted(rt: ProcessRuntime, sub: ProcessInstanceState): void {
  if (!sub.superProcessInstanceId || !sub.superActivityInstanceId) {
    return;
  }
  const caller = rt.ctx.instance(sub.superProcessInstanceId);
  const callActivity = caller?.activityInstances[sub.superActivityInstanceId];
  if (!caller || !callActivity) {
    return;
  }
  const activity = rt.tree.activity(caller, callActivity.activityId);
  const subVariables = rt.variables.visibleVariables(sub, sub.id);
  for (const mapping of activity.callOut) {
    if (mapping.all) {
      for (const [name, variable] of Object.entries(subVariables)) {
        rt.variables.setVariable(caller, callActivity.id, name, structuredClone(variable.value));
      }
    } else if (mapping.target) {
      if (mapping.sourceExpression) {
        rt.variables.setVariable(
          caller,
          callActivity.id,
          mapping.target,
          toTypedValue(rt.expressions.evaluate(sub, sub.id, mapping.sourceExpression)),
        );
      } else if (mapping.source) {
        const found = subVariables[mapping.source];
        rt.variables.setVariable(
          caller,
          callActivity.id,
          mapping.target,
          found ? structuredClone(found.value) : toTypedValue(null),
        );
      }
    }
  }
  callActivity.calledProcessInstanceId = null;
  rt.leave(caller, callActivity);
}

/** A called instance was cancelled: its call activity instance goes, and emptied scopes with it. */
export function calledInstanceCancelled(rt: ProcessRuntime, sub: ProcessInstanceState): void {
  if (
    !sub.superProcessInstanceId ||
    !sub.superActivityInstanceId ||
    rt.ctx.cancellingFromCaller.has(sub.id)
  ) {
    return;
  }
  const caller = rt.ctx.instance(sub.superProcessInstanceId);
  const callActivity = caller?.activityInstances[sub.superActivityInstanceId];
  if (!caller || !callActivity) {
    return;
  }
  callActivity.calledProcessInstanceId = null;
  rt.cancelWithPropagation(caller, callActivity.id);
  rt.finishIfEmpty(caller, 'cancelled');
}
