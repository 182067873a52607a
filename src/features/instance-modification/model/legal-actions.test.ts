import { describe, expect, it } from 'vitest';

import {
  ORDER_XML,
  activityInstance,
  processTree,
  runningOrderTree,
  transitionInstance,
} from '../../../modification/testing/modification-fixtures';
import { parseBpmnIndex } from '../../../modification/model/bpmn-index';
import { legalActions, NO_TOKEN_REASON } from './legal-actions';
import type { LegalAction } from './legal-actions';

const index = parseBpmnIndex(ORDER_XML, 'order');

function summary(actions: LegalAction[]) {
  return actions.map(({ kind, label, enabled, reason }) =>
    enabled ? `${kind}: ${label}` : `${kind}: ${label} [disabled: ${reason ?? ''}]`,
  );
}

function byKind(actions: LegalAction[], kind: LegalAction['kind']): LegalAction {
  const action = actions.find((candidate) => candidate.kind === kind);
  if (action === undefined) {
    throw new Error(`no ${kind} action`);
  }
  return action;
}

const EVENTS_XML = `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" targetNamespace="t">
  <process id="events" isExecutable="true">
    <startEvent id="start"/>
    <sequenceFlow id="f1" sourceRef="start" targetRef="work"/>
    <serviceTask id="work" name="Work"/>
    <boundaryEvent id="undo" attachedToRef="work"><compensateEventDefinition/></boundaryEvent>
    <boundaryEvent id="remind" name="Remind" attachedToRef="work" cancelActivity="false">
      <timerEventDefinition/>
    </boundaryEvent>
    <sequenceFlow id="f2" sourceRef="work" targetRef="review"/>
    <userTask id="review" name="Review">
      <multiInstanceLoopCharacteristics isSequential="true">
        <loopCardinality>\${count}</loopCardinality>
      </multiInstanceLoopCharacteristics>
    </userTask>
    <sequenceFlow id="f3" sourceRef="review" targetRef="kill"/>
    <endEvent id="kill" name="Kill"><terminateEventDefinition/></endEvent>
    <subProcess id="onCancel" name="On cancel" triggeredByEvent="true">
      <startEvent id="cancelStart" name="Cancel requested"><messageEventDefinition/></startEvent>
      <sequenceFlow id="c1" sourceRef="cancelStart" targetRef="cleanup"/>
      <userTask id="cleanup" name="Clean up"/>
    </subProcess>
  </process>
</definitions>`;

describe('legalActions for an activity', () => {
  it('offers everything for a task with one token', () => {
    expect(summary(legalActions(index, runningOrderTree(), 'ship'))).toEqual([
      "startBefore: Start before 'Ship order'",
      "startAfter: Start after 'Ship order'",
      "cancelAll: Cancel the token at 'Ship order'",
      'cancelInstance: Cancel token 1',
      'moveFrom: Move the token from here to another element…',
    ]);
    const startAfter = byKind(legalActions(index, runningOrderTree(), 'ship'), 'startAfter');
    expect(startAfter.note).toBe(
      "Takes its outgoing flow to 'Paid?'; 'Ship order' itself does not run.",
    );
  });

  it('disables cancel and move where there is no token, saying why', () => {
    const actions = legalActions(index, runningOrderTree(), 'escalate');
    expect(byKind(actions, 'cancelAll')).toMatchObject({ enabled: false, reason: NO_TOKEN_REASON });
    expect(byKind(actions, 'moveFrom')).toMatchObject({ enabled: false, reason: NO_TOKEN_REASON });
    expect(actions.some((action) => action.kind === 'cancelInstance')).toBe(false);
  });

  it('says when the plan already cancels every token', () => {
    const actions = legalActions(index, runningOrderTree(), 'ship', {
      plannedRemovals: new Set(['ship:1']),
    });
    expect(byKind(actions, 'cancelAll')).toMatchObject({
      enabled: false,
      reason: 'The plan already cancels every token here.',
    });
  });

  it('offers the outgoing flows when start after is ambiguous', () => {
    expect(summary(legalActions(index, runningOrderTree(), 'decide')).slice(0, 4)).toEqual([
      "startBefore: Start before 'Paid?'",
      "startAfter: Start after 'Paid?' [disabled: 'Paid?' has 2 outgoing flows – choose one of them.]",
      "startTransition: Start on flow 'yes' to 'join'",
      "startTransition: Start on flow 'no' to 'Approve'",
    ]);
    const flow = legalActions(index, runningOrderTree(), 'decide')[2];
    expect(flow?.instructions).toEqual([{ type: 'startTransition', transitionId: 'yes' }]);
    expect(flow?.note).toBe('Its condition is not evaluated.');
  });

  it('refuses start after without an outgoing flow', () => {
    expect(byKind(legalActions(index, runningOrderTree(), 'end'), 'startAfter')).toMatchObject({
      enabled: false,
      reason: "'Done' has no outgoing sequence flow.",
    });
  });

  it('lists each token and async continuation to cancel one by one', () => {
    const tree = processTree(
      activityInstance('ship:1', 'ship'),
      activityInstance('ship:2', 'ship'),
      transitionInstance('exec-3', 'ship'),
    );
    const actions = legalActions(index, tree, 'ship');
    expect(byKind(actions, 'cancelAll').label).toBe("Cancel all 3 tokens at 'Ship order'");
    expect(
      actions
        .filter((action) => action.kind === 'cancelInstance' || action.kind === 'cancelTransition')
        .map((action) => action.instructions),
    ).toEqual([
      [{ type: 'cancel', activityInstanceId: 'ship:1' }],
      [{ type: 'cancel', activityInstanceId: 'ship:2' }],
      [{ type: 'cancel', transitionInstanceId: 'exec-3' }],
    ]);
    expect(byKind(actions, 'moveFrom').label).toBe(
      'Move all 3 tokens from here to another element…',
    );
  });

  it('offers the whole multi-instance or one more instance for a parallel multi-instance', () => {
    const none = legalActions(index, runningOrderTree(), 'approve');
    expect(summary(none).slice(0, 2)).toEqual([
      'startMultiInstanceBody: Start the whole multi-instance (all 3 instances)',
      'startInnerInstance: Start a single instance (a new multi-instance with exactly one instance)',
    ]);
    expect(none[0]?.instructions).toEqual([
      { type: 'startBeforeActivity', activityId: 'approve#multiInstanceBody' },
    ]);
    const running = processTree(
      activityInstance(
        'body:1',
        'approve#multiInstanceBody',
        activityInstance('approve:1', 'approve'),
      ),
    );
    const actions = legalActions(index, running, 'approve');
    expect(byKind(actions, 'startInnerInstance')).toMatchObject({
      label: 'Add one more instance to the running multi-instance',
      enabled: true,
      instructions: [{ type: 'startBeforeActivity', activityId: 'approve' }],
    });
    expect(byKind(actions, 'cancelAll').label).toBe("Cancel the token at 'Approve'");
  });

  it('refuses another instance next to a running sequential multi-instance', () => {
    const events = parseBpmnIndex(EVENTS_XML);
    const tree = processTree(
      activityInstance(
        'body:1',
        'review#multiInstanceBody',
        activityInstance('review:1', 'review'),
      ),
    );
    const actions = legalActions(events, tree, 'review');
    expect(byKind(actions, 'startMultiInstanceBody').label).toBe(
      'Start the whole multi-instance (a new set of instances)',
    );
    expect(byKind(actions, 'startInnerInstance')).toMatchObject({
      enabled: false,
      reason:
        'A sequential multi-instance runs one instance at a time: Camunda cannot add one next to the running instance.',
    });
  });

  it('explains boundary events, event subprocesses and terminate end events', () => {
    const events = parseBpmnIndex(EVENTS_XML);
    const tree = processTree(activityInstance('work:1', 'work'));
    expect(byKind(legalActions(events, tree, 'undo'), 'startBefore')).toMatchObject({
      enabled: false,
      reason: 'Camunda cannot start a compensation boundary event.',
    });
    expect(byKind(legalActions(events, tree, 'remind'), 'startBefore').note).toBe(
      "Does not interrupt 'Work'.",
    );
    expect(byKind(legalActions(events, tree, 'cancelStart'), 'startBefore').note).toBe(
      'Interrupts the process instance: every other token inside it is cancelled.',
    );
    expect(byKind(legalActions(events, tree, 'onCancel'), 'startBefore').note).toBe(
      'Interrupts the process instance: every other token inside it is cancelled.',
    );
    expect(byKind(legalActions(events, tree, 'cleanup'), 'startBefore').note).toBeNull();
    expect(byKind(legalActions(events, tree, 'kill'), 'startBefore').note).toBe(
      'Terminates the process instance at once.',
    );
  });

  it('refuses an interrupting boundary event when the attached activity has several tokens', () => {
    const one = legalActions(index, runningOrderTree(), 'shipTimeout');
    expect(byKind(one, 'startBefore').note).toBe(
      "Interrupts 'Ship order': its token is cancelled first.",
    );
    const two = processTree(activityInstance('ship:1', 'ship'), activityInstance('ship:2', 'ship'));
    expect(byKind(legalActions(index, two, 'shipTimeout'), 'startBefore')).toMatchObject({
      enabled: false,
      reason:
        "'Ship order' has 2 tokens: Camunda cannot tell which one this interrupting event should interrupt.",
    });
  });
});

describe('legalActions for a sequence flow', () => {
  it('offers to start on it', () => {
    expect(summary(legalActions(index, runningOrderTree(), 'f6'))).toEqual([
      "startTransition: Start a token on this sequence flow (to 'Done')",
    ]);
  });
});

describe('moving tokens', () => {
  it('turns the target into a cancel of the source plus a start before it', () => {
    const actions = legalActions(index, runningOrderTree(), 'escalate', {
      moveSource: { activityId: 'ship' },
    });
    expect(actions[0]).toMatchObject({
      kind: 'moveHere',
      label: "Move here: cancel the token at 'Ship order', start a new one before 'Escalate'",
      enabled: true,
      instructions: [
        { type: 'cancel', activityId: 'ship' },
        { type: 'startBeforeActivity', activityId: 'escalate' },
      ],
    });
  });

  it('moves onto a flow with start transition, and into a whole multi-instance', () => {
    const options = { moveSource: { activityId: 'ship' } };
    expect(legalActions(index, runningOrderTree(), 'f6', options)[0]?.instructions).toEqual([
      { type: 'cancel', activityId: 'ship' },
      { type: 'startTransition', transitionId: 'f6' },
    ]);
    expect(legalActions(index, runningOrderTree(), 'approve', options)[0]?.instructions).toEqual([
      { type: 'cancel', activityId: 'ship' },
      { type: 'startBeforeActivity', activityId: 'approve#multiInstanceBody' },
    ]);
  });

  it('marks the source while the target is chosen', () => {
    const actions = legalActions(index, runningOrderTree(), 'ship', {
      moveSource: { activityId: 'ship' },
    });
    expect(byKind(actions, 'moveFrom')).toMatchObject({
      enabled: false,
      reason: 'Now choose where to move them: select the target element.',
    });
  });

  it('returns nothing for an unknown element', () => {
    expect(legalActions(index, runningOrderTree(), 'nope')).toEqual([]);
  });
});
