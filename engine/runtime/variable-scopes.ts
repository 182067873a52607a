/**
 * Variables of activity and transition instances, looked up and written as Camunda's
 * `AbstractVariableScope` does, with the history every write produces.
 */
import { ProcessEngineException } from '../errors';
import type { TypedValue } from '../variables';
import type { CommandContext } from './command-context';
import type { ExecutionTree } from './execution-tree';
import type {
  ActivityInstanceRec,
  ProcessInstanceState,
  TransitionInstanceRec,
  VariableRec,
} from './state';

/** What a scope without variables of its own holds. */
const NO_VARIABLES: Readonly<Record<string, VariableRec>> = Object.freeze({});

export class VariableScopes {
  constructor(
    private readonly ctx: CommandContext,
    private readonly tree: ExecutionTree,
  ) {}

  /** The variables held by one activity or transition instance. */
  variablesOf(pi: ProcessInstanceState, scopeId: string): Readonly<Record<string, VariableRec>> {
    return this.scope(pi, scopeId).variables ?? NO_VARIABLES;
  }

  private scope(
    pi: ProcessInstanceState,
    scopeId: string,
  ): ActivityInstanceRec | TransitionInstanceRec {
    const scope = pi.activityInstances[scopeId] ?? pi.transitionInstances[scopeId];
    if (!scope) {
      throw new ProcessEngineException(`Execution '${scopeId}' does not exist`);
    }
    return scope;
  }

  /**
   * A new activity instance takes over the variables of the async continuation's execution that
   * created it, unchanged (no history event).
   */
  carryOver(ai: ActivityInstanceRec, carried: Readonly<Record<string, VariableRec>> = {}): void {
    if (Object.keys(carried).length > 0) {
      ai.variables = { ...ai.variables, ...carried };
    }
  }

  parentScope(pi: ProcessInstanceState, scopeId: string): string | null {
    const ai = pi.activityInstances[scopeId];
    if (ai) {
      return ai.parentId;
    }
    return pi.transitionInstances[scopeId]?.parentId ?? null;
  }

  findVariable(pi: ProcessInstanceState, scopeId: string, name: string): VariableRec | undefined {
    let current: string | null = scopeId;
    while (current !== null) {
      const found = this.variablesOf(pi, current)[name];
      if (found) {
        return found;
      }
      current = this.parentScope(pi, current);
    }
    return undefined;
  }

  setVariableLocal(
    pi: ProcessInstanceState,
    scopeId: string,
    name: string,
    value: TypedValue,
    options: { sourceScopeId?: string; initial?: boolean } = {},
  ): void {
    const scope = this.scope(pi, scopeId);
    const existing = scope.variables?.[name];
    const source = options.sourceScopeId ?? scopeId;
    if (existing) {
      existing.value = value;
      this.recordVariable(pi, scopeId, existing, 'update', source, false);
    } else {
      const created: VariableRec = {
        id: this.tree.newId(),
        name,
        value,
        createTime: this.tree.now(),
      };
      (scope.variables ??= {})[name] = created;
      this.recordVariable(pi, scopeId, created, 'create', source, options.initial ?? false);
    }
  }

  /**
   * `execution.setVariable`: updates the variable where it is visible from, or creates it on the
   * process instance (Camunda's `AbstractVariableScope.setVariable`).
   */
  setVariable(pi: ProcessInstanceState, scopeId: string, name: string, value: TypedValue): void {
    let current: string | null = scopeId;
    while (current !== null) {
      if (this.variablesOf(pi, current)[name]) {
        this.setVariableLocal(pi, current, name, value, { sourceScopeId: scopeId });
        return;
      }
      current = this.parentScope(pi, current);
    }
    this.setVariableLocal(pi, pi.id, name, value, { sourceScopeId: scopeId });
  }

  /** The variables an event brings (a message's, a signal's): `setVariable` for each. */
  setVariables(
    pi: ProcessInstanceState,
    scopeId: string,
    variables: Record<string, TypedValue>,
  ): void {
    for (const [name, value] of Object.entries(variables)) {
      this.setVariable(pi, scopeId, name, value);
    }
  }

  /** `removeVariableLocal`: the variable goes; history marks it deleted. */
  removeVariableLocal(pi: ProcessInstanceState, scopeId: string, name: string): boolean {
    const variables = this.scope(pi, scopeId).variables;
    const existing = variables?.[name];
    if (!variables || !existing) {
      return false;
    }
    delete variables[name];
    this.recordVariable(pi, scopeId, existing, 'delete', scopeId, false);
    return true;
  }

  /** `removeVariable`: removes the variable from the nearest scope that holds it. */
  removeVariable(pi: ProcessInstanceState, scopeId: string, name: string): void {
    let current: string | null = scopeId;
    while (current !== null) {
      if (this.removeVariableLocal(pi, current, name)) {
        return;
      }
      current = this.parentScope(pi, current);
    }
  }

  /** All variables visible from a scope, inner ones shadowing outer ones. */
  visibleVariables(pi: ProcessInstanceState, scopeId: string): Record<string, VariableRec> {
    const chain: string[] = [];
    let current: string | null = scopeId;
    while (current !== null) {
      chain.push(current);
      current = this.parentScope(pi, current);
    }
    const result: Record<string, VariableRec> = {};
    for (const id of chain.reverse()) {
      Object.assign(result, this.variablesOf(pi, id));
    }
    return result;
  }

  /**
   * Tells history about a variable write, with the ids Camunda's DefaultHistoryEventProducer puts
   * on it: the execution and activity instance of the scope holding the variable, and the activity
   * instance of the execution that wrote it.
   */
  private recordVariable(
    pi: ProcessInstanceState,
    scopeId: string,
    variable: VariableRec,
    event: 'create' | 'update' | 'delete',
    sourceScopeId: string,
    initial: boolean,
  ): void {
    const definition = this.tree.definitionOf(pi);
    const ti = pi.transitionInstances[scopeId];
    const source = pi.transitionInstances[sourceScopeId]?.parentId ?? sourceScopeId;
    this.ctx.recordVariable({
      event,
      id: variable.id,
      name: variable.name,
      value: variable.value,
      processDefinitionKey: definition.key,
      processDefinitionId: definition.id,
      processInstanceId: pi.id,
      executionId: ti ? ti.id : (pi.activityInstances[scopeId]?.executionId ?? scopeId),
      activityInstanceId: ti ? ti.parentId : scopeId,
      taskId: null,
      tenantId: pi.tenantId,
      createTime: variable.createTime,
      rootProcessInstanceId: pi.rootProcessInstanceId,
      sourceActivityInstanceId: source,
      initial,
      time: this.tree.now(),
      newDetailId: () => this.tree.newId(),
    });
  }
}
