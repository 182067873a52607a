import { describe, expect, it } from 'vitest';
import { bpmnProcess, runtimeWith, sequenceFlow as flow } from '../testing/runtime-harness';
import type { Runtime } from './runtime';
import type { IncidentRec, JobRec, ProcessInstanceState } from './state';

/** start → fork → work (timer boundary `late`, message boundary `nudge`) ∥ prepare (asyncBefore) */
const GUARDED = bpmnProcess(
  'guarded',
  `<startEvent id="start"/>${flow('f0', 'start', 'fork')}<parallelGateway id="fork"/>
   ${flow('f1', 'fork', 'work')}${flow('f2', 'fork', 'prepare')}
   <userTask id="work"/><task id="prepare" camunda:asyncBefore="true"/>
   <boundaryEvent id="late" attachedToRef="work">
     <timerEventDefinition><timeDuration>PT1H</timeDuration></timerEventDefinition>
   </boundaryEvent>${flow('f3', 'late', 'chase')}<userTask id="chase"/>
   <boundaryEvent id="nudge" attachedToRef="work">
     <messageEventDefinition messageRef="escalate"/>
   </boundaryEvent>${flow('f4', 'nudge', 'answer')}<userTask id="answer"/>`,
  `<message id="escalate" name="escalate"/>`,
);

function failedJobIncident(pi: ProcessInstanceState, job: JobRec): IncidentRec {
  return {
    id: `incident-${job.id}`,
    incidentType: 'failedJob',
    incidentTimestamp: 0,
    incidentMessage: 'failed',
    processDefinitionId: pi.processDefinitionId,
    processInstanceId: pi.id,
    executionId: job.executionId,
    activityId: job.activityId,
    failedActivityId: job.activityId,
    configuration: job.id,
    jobDefinitionId: null,
    causeIncidentId: `incident-${job.id}`,
    rootCauseIncidentId: `incident-${job.id}`,
    tenantId: null,
    annotation: null,
  };
}

/** Everything an instance holds, by the activity or transition instance that owns it. */
function holdings(pi: ProcessInstanceState) {
  return {
    tasks: Object.values(pi.tasks).map((task) => task.activityInstanceId),
    jobs: Object.values(pi.jobs).map((job) => job.activityInstanceId),
    subscriptions: Object.values(pi.eventSubscriptions).map((s) => s.activityInstanceId),
    incidents: Object.values(pi.incidents).map((incident) => incident.configuration),
  };
}

/**
 * Runs `command` on the working copy of `id` after the tree has looked at every kind of record
 * once, so that whatever the command adds or removes has to reach the tree's indexes.
 */
function afterLookups(rt: Runtime, id: string, command: (pi: ProcessInstanceState) => void) {
  const pi = rt.ctx.instance(id);
  if (!pi) {
    throw new Error(`no instance ${id}`);
  }
  const [work] = rt.tree.activityInstancesOf(pi, 'work');
  expect(rt.tree.childInstances(pi, pi.id)).toHaveLength(1);
  expect(rt.tree.childTransitions(pi, pi.id)).toHaveLength(1);
  expect(rt.tree.subscriptionsOf(pi, work?.id ?? '')).toHaveLength(1);
  expect(rt.tree.jobsOf(pi, work?.id ?? '')).toHaveLength(1);
  expect(rt.tree.incidentsOfJob(pi, 'none')).toEqual([]);
  command(pi);
}

describe('the execution tree within one command', () => {
  it('removes an activity instance with the task, job, incident and subscription added after its first lookups', async () => {
    const engine = await runtimeWith(GUARDED);
    const id = engine.start('guarded');
    const [first] = Object.values(engine.instance(id).activityInstances).filter(
      (ai) => ai.activityId === 'work',
    );
    engine.run((rt) => {
      afterLookups(rt, id, (pi) => {
        rt.enter(pi, pi.id, 'work');
        const second = rt.tree.activityInstancesOf(pi, 'work').find((ai) => ai.id !== first?.id);
        if (!second) {
          throw new Error('no second work instance');
        }
        for (const job of rt.tree.jobsOf(pi, second.id)) {
          rt.tree.putIncident(pi, failedJobIncident(pi, job));
        }
        expect(holdings(pi).incidents).toHaveLength(1);
        rt.cancelActivityInstance(pi, second);
        expect(holdings(pi)).toEqual({
          tasks: [first?.id],
          jobs: [first?.id, expect.any(String)],
          subscriptions: [first?.id],
          incidents: [],
        });
      });
    });
  });

  it('lists children in creation order and knows when a scope is empty, as tokens come and go', async () => {
    const engine = await runtimeWith(GUARDED);
    const id = engine.start('guarded');
    engine.run((rt) => {
      afterLookups(rt, id, (pi) => {
        rt.enter(pi, pi.id, 'work');
        rt.enter(pi, pi.id, 'prepare');
        const [oldWork, newWork] = rt.tree.childInstances(pi, pi.id);
        const [oldPrepare, newPrepare] = rt.tree.childTransitions(pi, pi.id);
        if (!oldWork || !newWork || !oldPrepare || !newPrepare) {
          throw new Error('missing tokens');
        }
        expect(newWork.seq).toBeGreaterThan(oldWork.seq);
        expect(newPrepare.seq).toBeGreaterThan(oldPrepare.seq);
        rt.cancelActivityInstance(pi, oldWork);
        rt.tree.removeTransitionInstance(pi, newPrepare);
        expect(rt.tree.childInstances(pi, pi.id)).toEqual([newWork]);
        expect(rt.tree.childTransitions(pi, pi.id)).toEqual([oldPrepare]);
        expect(rt.tree.hasTokens(pi, pi.id, newWork.id)).toBe(true);
        rt.tree.removeTransitionInstance(pi, oldPrepare);
        expect(rt.tree.hasTokens(pi, pi.id, newWork.id)).toBe(false);
        expect(rt.tree.hasTokens(pi, pi.id)).toBe(true);
        expect(Object.values(pi.jobs).map((job) => job.activityInstanceId)).toEqual([newWork.id]);
      });
    });
  });

  it('finds the timer job a cycle rescheduled, and forgets a completed task', async () => {
    const engine = await runtimeWith(GUARDED);
    const id = engine.start('guarded');
    engine.run((rt) => {
      afterLookups(rt, id, (pi) => {
        const [work] = rt.tree.activityInstancesOf(pi, 'work');
        const [timer] = rt.tree.jobsOf(pi, work?.id ?? '');
        const [task] = Object.values(pi.tasks);
        if (!work || !timer || !task) {
          throw new Error('no timer or task');
        }
        rt.tree.putJob(pi, { ...timer, repeat: 'R2/PT1H', seq: rt.ctx.nextSeq() });
        rt.tree.deleteTask(pi, task);
        expect(rt.tree.jobsOf(pi, work.id)).toHaveLength(1);
        rt.cancelActivityInstance(pi, work);
        expect(holdings(pi)).toEqual({
          tasks: [],
          jobs: [expect.any(String)],
          subscriptions: [],
          incidents: [],
        });
        expect(Object.values(pi.jobs)[0]?.handlerType).toBe('async-continuation');
      });
    });
  });
});
