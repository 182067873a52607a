import { describe, expect, it } from 'vitest';

import { toCamundaDate } from '../../lib/camunda-date';
import type { HistoricActivityInstanceDto } from '../../../contract/camunda/history';
import { describeTokenChange, reconstructChanges } from './reconstruct-changes';
import type { ReconstructChangesInput, TokenChanges } from './reconstruct-changes';

const T0 = Date.UTC(2024, 4, 1, 10, 0, 0);

/** A Camunda date `seconds` after T0. */
const at = (seconds: number) => toCamundaDate(T0 + Math.round(seconds * 1000));

/** What the UI prints: "Removed: …" and "Added: …" as lists of descriptions. */
function described({ removed, added }: TokenChanges) {
  return { removed: removed.map(describeTokenChange), added: added.map(describeTokenChange) };
}

function reconstruct(
  operationAt: number,
  activityInstances: HistoricActivityInstanceDto[],
  nearbyEntries: ReconstructChangesInput['nearbyEntries'] = [],
) {
  return described(
    reconstructChanges({
      operation: { operationId: 'modification', timestamp: at(operationAt) },
      nearbyEntries: [
        { operationId: 'modification', timestamp: at(operationAt), entityType: 'ProcessInstance' },
        ...nearbyEntries,
      ],
      activityInstances,
    }),
  );
}

describe('reconstructChanges', () => {
  it('finds the token a modification moved from A to B', () => {
    const history = [
      activity({ activityId: 'start', activityName: 'Start', start: 0, end: 0 }),
      activity({
        activityId: 'A',
        activityName: 'Charge card',
        start: 0,
        end: 100,
        canceled: true,
      }),
      activity({ activityId: 'B', activityName: 'Confirm payment', start: 100 }),
    ];

    expect(reconstruct(100, history)).toEqual({
      removed: ['Charge card (1)'],
      added: ['Confirm payment (1)'],
    });
  });

  it('leaves out what the instance did when it started a moment before', () => {
    const history = [
      activity({ activityId: 'start', start: 0, end: 0 }),
      activity({ activityId: 'A', start: 0, end: 0.3, canceled: true }),
      activity({ activityId: 'B', start: 0.3 }),
    ];

    expect(reconstruct(0.3, history)).toEqual({ removed: ['A (1)'], added: ['B (1)'] });
  });

  it('tolerates the window around the log timestamp, and nothing beyond', () => {
    const history = [
      activity({ activityId: 'start', start: 0, end: 0 }),
      activity({ activityId: 'early', start: 0, end: 99.2, canceled: true }),
      activity({ activityId: 'late', start: 101.5 }),
      activity({ activityId: 'too-early', start: 0, end: 97.5, canceled: true }),
      activity({ activityId: 'too-late', start: 102.5 }),
    ];

    expect(reconstruct(100, history)).toEqual({ removed: ['early (1)'], added: ['late (1)'] });
  });

  it('counts activities the new token only passed through', () => {
    const history = [
      activity({ activityId: 'start', start: 0, end: 0 }),
      activity({
        activityId: 'review',
        activityName: 'Review',
        start: 0,
        end: 100,
        canceled: true,
      }),
      activity({ activityId: 'split', activityName: 'Split', start: 100, end: 100 }),
      activity({ activityId: 'pack', activityName: 'Pack', start: 100 }),
      activity({ activityId: 'label', activityName: 'Label', start: 100, end: 100 }),
      activity({ activityId: 'label', activityName: 'Label', start: 100 }),
    ];

    expect(reconstruct(100, history)).toEqual({
      removed: ['Review (1)'],
      added: ['Split (1, passed through)', 'Pack (1)', 'Label (2, 1 passed through)'],
    });
  });

  it('ignores tokens that completed normally around the time', () => {
    const history = [
      activity({ activityId: 'start', start: 0, end: 0 }),
      activity({ activityId: 'done', start: 0, end: 100.2 }),
    ];

    expect(reconstruct(100, history)).toEqual({ removed: [], added: [] });
  });

  it('counts a token started and cancelled by the same operation as passed through', () => {
    const history = [
      activity({ activityId: 'start', start: 0, end: 0 }),
      activity({ activityId: 'B', start: 100, end: 100, canceled: true }),
    ];

    expect(reconstruct(100, history)).toEqual({ removed: [], added: ['B (1, passed through)'] });
  });

  it('splits overlapping windows: each change belongs to the nearer operation', () => {
    const history = [
      activity({ activityId: 'start', start: 0, end: 0 }),
      activity({ activityId: 'A', start: 0, end: 100, canceled: true }),
      activity({ activityId: 'B', start: 100, end: 101, canceled: true }),
      activity({ activityId: 'C', start: 101 }),
      // Exactly between both: claimed by neither.
      activity({ activityId: 'D', start: 100.5 }),
    ];
    const first = { operationId: 'first', timestamp: at(100), entityType: 'ProcessInstance' };
    const second = { operationId: 'second', timestamp: at(101), entityType: 'ProcessInstance' };

    expect(reconstruct(100, history, [second])).toEqual({ removed: ['A (1)'], added: ['B (1)'] });
    expect(reconstruct(101, history, [first])).toEqual({ removed: ['B (1)'], added: ['C (1)'] });
  });

  it('does not let annotation entries compete for changes', () => {
    const history = [
      activity({ activityId: 'start', start: 0, end: 0 }),
      activity({ activityId: 'A', start: 0, end: 100, canceled: true }),
      activity({ activityId: 'B', start: 100.1 }),
    ];
    const annotated = { operationId: 'note', timestamp: at(100.1), entityType: 'OperationLog' };

    expect(reconstruct(100, history, [annotated])).toEqual({
      removed: ['A (1)'],
      added: ['B (1)'],
    });
  });

  it('shows a multi-instance body apart from its inner instances', () => {
    const history = [
      activity({ activityId: 'start', start: 0, end: 0 }),
      activity({
        id: 'body',
        activityId: 'review#multiInstanceBody',
        type: 'multiInstanceBody',
        start: 100,
      }),
      ...['r1', 'r2', 'r3'].map((id) =>
        activity({ id, activityId: 'review', activityName: 'Review', parent: 'body', start: 100 }),
      ),
    ];

    expect(reconstruct(100, history)).toEqual({
      removed: [],
      added: ['review (1, multi-instance body)', 'Review (3)'],
    });
  });

  it('removes one inner instance of a multi-instance activity', () => {
    const history = [
      activity({ activityId: 'start', start: 0, end: 0 }),
      activity({
        id: 'body',
        activityId: 'review#multiInstanceBody',
        type: 'multiInstanceBody',
        activityName: 'Review',
        start: 0,
      }),
      activity({
        id: 'r1',
        activityId: 'review',
        activityName: 'Review',
        parent: 'body',
        start: 0,
      }),
      activity({
        id: 'r2',
        activityId: 'review',
        activityName: 'Review',
        parent: 'body',
        start: 0,
        end: 100,
        canceled: true,
      }),
    ];

    expect(reconstruct(100, history)).toEqual({ removed: ['Review (1)'], added: [] });
  });

  it('marks the scopes created to hold a new token', () => {
    const history = [
      activity({ activityId: 'start', start: 0, end: 0 }),
      activity({
        id: 'sub',
        activityId: 'handle',
        activityName: 'Handle claim',
        type: 'subProcess',
        start: 100,
      }),
      activity({ activityId: 'check', activityName: 'Check claim', parent: 'sub', start: 100 }),
    ];

    expect(reconstruct(100, history)).toEqual({
      removed: [],
      added: ['Handle claim (1, scope)', 'Check claim (1)'],
    });
  });

  it('marks a cancelled scope with the tokens it held', () => {
    const history = [
      activity({ activityId: 'start', start: 0, end: 0 }),
      activity({
        id: 'sub',
        activityId: 'handle',
        activityName: 'Handle claim',
        type: 'subProcess',
        start: 0,
        end: 100,
        canceled: true,
      }),
      activity({
        activityId: 'check',
        activityName: 'Check claim',
        parent: 'sub',
        start: 0,
        end: 100,
        canceled: true,
      }),
    ];

    expect(reconstruct(100, history)).toEqual({
      removed: ['Handle claim (1, scope)', 'Check claim (1)'],
      added: [],
    });
  });

  it('finds nothing when no history lies around the operation', () => {
    const history = [
      activity({ activityId: 'start', start: 0, end: 0 }),
      activity({ activityId: 'A', start: 0 }),
    ];

    expect(reconstruct(100, history)).toEqual({ removed: [], added: [] });
    expect(reconstruct(100, [])).toEqual({ removed: [], added: [] });
  });

  it('finds nothing for an unreadable timestamp', () => {
    expect(
      reconstructChanges({
        operation: { operationId: 'modification', timestamp: 'not a date' },
        nearbyEntries: [],
        activityInstances: [activity({ activityId: 'A', start: 0 })],
      }),
    ).toEqual({ removed: [], added: [] });
  });
});

let nextId = 0;

interface ActivityInit {
  id?: string;
  activityId: string;
  activityName?: string;
  type?: string;
  parent?: string;
  /** Seconds after T0. */
  start: number;
  end?: number;
  canceled?: boolean;
}

function activity(init: ActivityInit): HistoricActivityInstanceDto {
  nextId += 1;
  return {
    id: init.id ?? `${init.activityId}:${String(nextId)}`,
    parentActivityInstanceId: init.parent ?? 'instance-1',
    activityId: init.activityId,
    activityName: init.activityName ?? null,
    activityType: init.type ?? 'userTask',
    processDefinitionKey: 'claims',
    processDefinitionId: 'claims:1:abc',
    processInstanceId: 'instance-1',
    executionId: 'execution-1',
    taskId: null,
    calledProcessInstanceId: null,
    calledCaseInstanceId: null,
    assignee: null,
    startTime: at(init.start),
    endTime: init.end === undefined ? null : at(init.end),
    durationInMillis: init.end === undefined ? null : (init.end - init.start) * 1000,
    canceled: init.canceled ?? false,
    completeScope: false,
    tenantId: null,
    removalTime: null,
    rootProcessInstanceId: 'instance-1',
  };
}
