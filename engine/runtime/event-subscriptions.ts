/**
 * What waits for an event: an event subscription for messages, signals and conditions, a timer
 * job for timers (Camunda's `EventSubscriptionDeclaration` and `TimerDeclarationImpl`). Boundary
 * events subscribe on the activity they are attached to, event subprocess start events on the
 * scope that contains the event subprocess.
 */
import { isExpression } from '../expressions/evaluate-expression';
import type { Activity } from '../model/process-model';
import type { ExecutionTree } from './execution-tree';
import type { Jobs } from './jobs';
import type { ScopeExpressions } from './scope-expressions';
import type {
  ActivityInstanceRec,
  EventSubscriptionRec,
  JobHandlerType,
  ProcessInstanceState,
} from './state';
import { addDuration, nextCycle, parseDate } from './timer';

export class EventSubscriptions {
  constructor(
    private readonly tree: ExecutionTree,
    private readonly expressions: ScopeExpressions,
    private readonly jobs: Jobs,
  ) {}

  createSubscription(
    pi: ProcessInstanceState,
    owner: ActivityInstanceRec,
    activityId: string,
    eventType: EventSubscriptionRec['eventType'],
    eventName: string | null,
  ): void {
    const subscription: EventSubscriptionRec = {
      id: this.tree.newId(),
      eventType,
      eventName,
      processInstanceId: pi.id,
      executionId: owner.executionId,
      activityInstanceId: owner.id,
      activityId,
      processDefinitionId: pi.processDefinitionId,
      createdDate: this.tree.now(),
      tenantId: pi.tenantId,
    };
    this.tree.putEventSubscription(pi, subscription);
  }

  /** Due date of a timer event definition, evaluated in the owner's scope. */
  timerDueDate(
    pi: ProcessInstanceState,
    scopeId: string,
    timer: { kind: 'duration' | 'date' | 'cycle'; expression: string },
  ): { dueDate: number; repeat: string | null } {
    const raw = isExpression(timer.expression)
      ? this.expressions.evaluate(pi, scopeId, timer.expression)
      : timer.expression;
    if (raw instanceof Date) {
      return { dueDate: raw.getTime(), repeat: null };
    }
    const text = String(raw);
    switch (timer.kind) {
      case 'duration':
        return { dueDate: addDuration(this.tree.now(), text), repeat: null };
      case 'date':
        return { dueDate: parseDate(text), repeat: null };
      case 'cycle': {
        const step = nextCycle(this.tree.now(), text);
        return { dueDate: step.dueDate, repeat: step.next };
      }
    }
  }

  /** Creates what waits for an event on `owner` for the catching element `catcher`. */
  subscribe(
    pi: ProcessInstanceState,
    owner: ActivityInstanceRec,
    catcher: Activity,
    handlerType: JobHandlerType,
  ): void {
    const definition = catcher.eventDefinition;
    switch (definition.kind) {
      case 'timer': {
        const { dueDate, repeat } = this.timerDueDate(pi, owner.id, definition.timer);
        this.jobs.createJob(pi, {
          handlerType,
          handlerConfiguration: catcher.id,
          executionId: owner.executionId,
          activityInstanceId: owner.id,
          activityId: catcher.id,
          dueDate,
          repeat,
        });
        return;
      }
      case 'message':
        this.createSubscription(pi, owner, catcher.id, 'message', definition.messageName);
        return;
      case 'signal':
        this.createSubscription(pi, owner, catcher.id, 'signal', definition.signalName);
        return;
      case 'conditional':
        this.createSubscription(pi, owner, catcher.id, 'conditional', null);
        return;
      default:
        return;
    }
  }

  createBoundaryEvents(
    pi: ProcessInstanceState,
    ai: ActivityInstanceRec,
    activity: Activity,
  ): void {
    const model = this.tree.model(pi);
    for (const boundaryId of activity.boundaryEventIds) {
      const boundary = model.activities[boundaryId];
      if (boundary) {
        this.subscribe(pi, ai, boundary, 'timer-transition');
      }
    }
  }

  createEventSubProcessSubscriptions(
    pi: ProcessInstanceState,
    scope: ActivityInstanceRec,
    eventSubProcessIds: string[],
  ): void {
    for (const start of this.eventSubProcessStarts(pi, eventSubProcessIds)) {
      this.subscribe(pi, scope, start, 'timer-start-event-subprocess');
    }
  }

  eventSubProcessStarts(pi: ProcessInstanceState, eventSubProcessIds: string[]): Activity[] {
    const model = this.tree.model(pi);
    const starts: Activity[] = [];
    for (const id of eventSubProcessIds) {
      const start = this.tree.startEventOf(model, id);
      if (start) {
        starts.push(start);
      }
    }
    return starts;
  }
}
