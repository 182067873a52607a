/**
 * What the runtime's parts and the activity behaviours call on the runtime: the token operations
 * that call one another recursively (a behaviour leaves its activity, which enters the next one,
 * whose behaviour runs...), as Camunda's behaviours call `ActivityExecution` and its atomic
 * operations. Runtime implements it; the parts depend on this interface only, so none imports
 * another part that imports it back.
 */
import type { Activity } from '../model/process-model';
import type { TypedValue } from '../variables';
import type { CommandContext } from './command-context';
import type { EventSubscriptions } from './event-subscriptions';
import type { ExecutionTree } from './execution-tree';
import type { IoMappings } from './io-mappings';
import type { Jobs } from './jobs';
import type { Listeners } from './listeners';
import type { ScopeExpressions } from './scope-expressions';
import type {
  ActivityInstanceRec,
  ProcessDefinitionRec,
  ProcessInstanceState,
  VariableRec,
} from './state';
import type { VariableScopes } from './variable-scopes';

export interface StartOptions {
  businessKey?: string | null;
  variables?: Record<string, TypedValue>;
  superProcessInstanceId?: string | null;
  superActivityInstanceId?: string | null;
  rootProcessInstanceId?: string | null;
  /** Start at this start event instead of the none start event. */
  startEventId?: string | null;
  /** Create the instance without starting any token (start instructions follow). */
  noStart?: boolean;
  startUserId?: string | null;
}

/** A signal thrown during a command, delivered when the command's tokens have come to rest. */
export interface PendingSignal {
  name: string;
  variables: Record<string, TypedValue>;
}

export interface ProcessRuntime {
  readonly ctx: CommandContext;
  readonly tree: ExecutionTree;
  readonly variables: VariableScopes;
  readonly expressions: ScopeExpressions;
  readonly listeners: Listeners;
  readonly io: IoMappings;
  readonly jobs: Jobs;
  readonly subscriptions: EventSubscriptions;
  readonly pendingSignals: PendingSignal[];

  /** A token arrives at `activityId` inside the scope instance `scopeId`. */
  enter(
    pi: ProcessInstanceState,
    scopeId: string,
    activityId: string,
    localVariables?: Record<string, TypedValue>,
  ): void;
  /** Enters an activity without honouring asyncBefore; `carried` variables go on unchanged. */
  execute(
    pi: ProcessInstanceState,
    scopeId: string,
    activityId: string,
    localVariables?: Record<string, TypedValue>,
    carried?: Record<string, VariableRec>,
  ): void;
  /** Scope entry followed by the activity's behaviour. */
  startActivity(pi: ProcessInstanceState, ai: ActivityInstanceRec): void;
  /** Input mappings, start listeners and subscriptions of a new activity instance. */
  enterScope(pi: ProcessInstanceState, ai: ActivityInstanceRec, activity: Activity): void;
  /** Creates a scope instance without running its start event. */
  enterScopeOnly(
    pi: ProcessInstanceState,
    parentId: string,
    activityId: string,
  ): ActivityInstanceRec;
  /** The activity completes and its token takes `flows` (default: the outgoing flows). */
  leave(pi: ProcessInstanceState, ai: ActivityInstanceRec, flows?: string[]): void;
  takeFlows(pi: ProcessInstanceState, scopeId: string, flows: string[]): void;
  takeFlow(
    pi: ProcessInstanceState,
    scopeId: string,
    flowId: string,
    localVariables?: Record<string, TypedValue>,
  ): void;
  /** The flows a non-gateway activity takes: every unconditional flow and every true condition. */
  outgoingFlows(pi: ProcessInstanceState, scopeId: string, activity: Activity): string[];
  /** A scope instance without tokens completes: the root ends, a subprocess leaves. */
  scopeMaybeComplete(pi: ProcessInstanceState, scopeId: string): void;

  executeBody(
    pi: ProcessInstanceState,
    scopeId: string,
    activity: Activity,
    localVariables: Record<string, TypedValue>,
    carried?: Record<string, VariableRec>,
  ): void;
  createInner(
    pi: ProcessInstanceState,
    body: ActivityInstanceRec,
    activity: Activity,
    loopCounter: number,
    collection: unknown[] | null,
    start?: boolean,
    extraVariables?: Record<string, TypedValue>,
  ): string;
  countInnerCompletion(pi: ProcessInstanceState, bodyId: string): void;
  innerCompleted(pi: ProcessInstanceState, bodyId: string, completionConditionMet: boolean): void;
  completionConditionMet(pi: ProcessInstanceState, scopeId: string, activity: Activity): boolean;
  leaveBody(pi: ProcessInstanceState, body: ActivityInstanceRec): void;

  cancelWithPropagation(pi: ProcessInstanceState, tokenId: string): void;
  finishIfEmpty(pi: ProcessInstanceState, reason: 'completed' | 'cancelled'): void;
  cancelActivityInstance(pi: ProcessInstanceState, ai: ActivityInstanceRec): void;
  interruptScope(pi: ProcessInstanceState, scope: ActivityInstanceRec): void;

  startProcessInstance(
    definition: ProcessDefinitionRec,
    options: StartOptions,
  ): ProcessInstanceState;
  endProcessInstance(
    pi: ProcessInstanceState,
    reason: 'completed' | 'cancelled',
    deleteReason?: string | null,
  ): void;
  deleteProcessInstance(
    pi: ProcessInstanceState,
    deleteReason: string | null,
    fromCaller?: boolean,
  ): void;
}
