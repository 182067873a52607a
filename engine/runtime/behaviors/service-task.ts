/**
 * A service task runs its expression (`ServiceTaskExpressionActivityBehavior`, with its result
 * variable) or its delegate expression (`ServiceTaskDelegateExpressionActivityBehavior`) and
 * leaves; an external task waits for a worker; one without implementation just leaves.
 */
import { invokeDelegate } from '../listeners';
import { toTypedValue } from '../values';
import type { ActivityBehavior } from './activity-behavior';

export const serviceTaskBehavior: ActivityBehavior = {
  execute({ pi, ai, activity }, rt) {
    const service = activity.service;
    if (!service || service.kind === 'none') {
      rt.leave(pi, ai);
      return;
    }
    if (service.kind === 'external') {
      return;
    }
    if (service.kind === 'expression' && service.expression) {
      const result = rt.expressions.evaluate(pi, ai.id, service.expression);
      if (service.resultVariable) {
        rt.variables.setVariable(pi, ai.id, service.resultVariable, toTypedValue(result));
      }
    } else if (service.kind === 'delegateExpression' && service.expression) {
      const delegate = rt.expressions.evaluate(pi, ai.id, service.expression);
      invokeDelegate(
        delegate,
        rt.expressions.executionBean(pi, ai.id),
        service.expression,
        'JavaDelegate',
      );
    }
    if (pi.activityInstances[ai.id]) {
      rt.leave(pi, ai);
    }
  },
};
