/**
 * `camunda:inputOutput` of an activity (Camunda's `IoMapping`): input parameters are evaluated in
 * the outer scope and set locally when the activity starts, output parameters are evaluated in
 * the activity and set outside it when it ends. None runs when the command skips them
 * (`skipIoMappings`).
 */
import { isExpression } from '../expressions/evaluate-expression';
import type { Activity } from '../model/process-model';
import type { CommandContext } from './command-context';
import type { ScopeExpressions } from './scope-expressions';
import type { ActivityInstanceRec, ProcessInstanceState } from './state';
import { toTypedValue } from './values';
import type { VariableScopes } from './variable-scopes';

export class IoMappings {
  constructor(
    private readonly ctx: CommandContext,
    private readonly variables: VariableScopes,
    private readonly expressions: ScopeExpressions,
  ) {}

  runInputMappings(pi: ProcessInstanceState, ai: ActivityInstanceRec, activity: Activity): void {
    if (this.ctx.skipIoMappings || activity.inputParameters.length === 0) {
      return;
    }
    for (const parameter of activity.inputParameters) {
      // Camunda evaluates input parameters in the outer scope and sets them locally.
      const value = this.parameterValue(pi, ai.parentId ?? ai.id, parameter.value);
      this.variables.setVariableLocal(pi, ai.id, parameter.name, toTypedValue(value));
    }
  }

  runOutputMappings(pi: ProcessInstanceState, ai: ActivityInstanceRec, activity: Activity): void {
    if (this.ctx.skipIoMappings || activity.outputParameters.length === 0 || ai.parentId === null) {
      return;
    }
    for (const parameter of activity.outputParameters) {
      const value = this.parameterValue(pi, ai.id, parameter.value);
      this.variables.setVariable(pi, ai.parentId, parameter.name, toTypedValue(value));
    }
  }

  private parameterValue(pi: ProcessInstanceState, scopeId: string, text: string | null): unknown {
    if (text === null) {
      return null;
    }
    return isExpression(text) ? this.expressions.evaluate(pi, scopeId, text) : text;
  }
}
