import { describe, expect, it } from 'vitest';
import { ProcessEngine } from '../process-engine';

const XML = `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" targetNamespace="test">
  <process id="twoTasks" isExecutable="true">
    <startEvent id="start"/>
    <sequenceFlow id="f1" sourceRef="start" targetRef="user1"/>
    <userTask id="user1"/>
    <sequenceFlow id="f2" sourceRef="user1" targetRef="user2"/>
    <userTask id="user2"/>
    <sequenceFlow id="f3" sourceRef="user2" targetRef="end"/>
    <endEvent id="end"/>
  </process>
</definitions>`;

/** A service task whose expression needs the variable `amount`. */
const CHARGE_XML = `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
  xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="test">
  <process id="payment" isExecutable="true">
    <startEvent id="start"/>
    <sequenceFlow id="f1" sourceRef="start" targetRef="review"/>
    <userTask id="review"/>
    <sequenceFlow id="f2" sourceRef="review" targetRef="charge"/>
    <serviceTask id="charge" camunda:expression="\${amount}"/>
    <sequenceFlow id="f3" sourceRef="charge" targetRef="review2"/>
    <userTask id="review2"/>
  </process>
</definitions>`;

let clock = Date.UTC(2026, 0, 1);

async function setup(
  count: number,
): Promise<{ engine: ProcessEngine; definitionId: string; ids: string[] }> {
  const engine = new ProcessEngine({ clock: () => clock });
  const { definitions } = await engine.deploy({
    name: 't',
    resources: [{ name: 't.bpmn', content: XML }],
  });
  const definitionId = definitions[0]?.id ?? '';
  const ids = Array.from({ length: count }, () => engine.startProcessInstance(definitionId, {}).id);
  return { engine, definitionId, ids };
}

function leaves(engine: ProcessEngine, id: string): string[] {
  return (engine.activityInstanceTree(id)?.childActivityInstances ?? [])
    .map((c) => c.activityId)
    .sort();
}

function runAll(engine: ProcessEngine): void {
  for (let job = engine.acquireJob(); job; job = engine.acquireJob()) {
    try {
      engine.executeJob(job.id);
    } catch {
      // failures only use up retries here
    }
  }
}

/**
 * A batch starting `user2` in `ids`, run to its end once `gone` (one of them) is deleted: the job
 * for `gone` fails until it has no retries left.
 */
function runBatchFailingOn(
  engine: ProcessEngine,
  definitionId: string,
  ids: string[],
  gone: string,
) {
  const batch = engine.executeModificationAsync({
    processDefinitionId: definitionId,
    processInstanceIds: ids,
    instructions: [{ type: 'startBeforeActivity', activityId: 'user2' }],
  });
  engine.deleteProcessInstance(gone, {});
  runAll(engine);
  return batch;
}

describe('POST /modification/execute semantics', () => {
  it('modifies every instance in one transaction and logs two entries', async () => {
    const { engine, definitionId, ids } = await setup(3);
    engine.executeModification({
      processDefinitionId: definitionId,
      processInstanceIds: ids,
      instructions: [{ type: 'startBeforeActivity', activityId: 'user2' }],
      annotation: 'fix',
      userId: 'demo',
    });
    for (const id of ids) {
      expect(leaves(engine, id)).toEqual(['user1', 'user2']);
    }
    const log = [...engine.userOperationLog()];
    expect(log.map((e) => [e.property, e.newValue, e.annotation])).toEqual([
      ['nrOfInstances', '3', 'fix'],
      ['async', 'false', 'fix'],
    ]);
    expect(new Set(log.map((e) => e.operationId)).size).toBe(1);
  });

  it('changes no instance when one of them is unknown', async () => {
    const { engine, definitionId, ids } = await setup(2);
    expect(() => {
      engine.executeModification({
        processDefinitionId: definitionId,
        processInstanceIds: [...ids, 'gone'],
        instructions: [{ type: 'startBeforeActivity', activityId: 'user2' }],
      });
    }).toThrow("ENGINE-13036 Process instance 'gone' cannot be modified");
    expect(leaves(engine, ids[0] ?? '')).toEqual(['user1']);
  });

  it('honours cancelCurrentActiveActivityInstances', async () => {
    const { engine, definitionId, ids } = await setup(1);
    engine.executeModification({
      processDefinitionId: definitionId,
      processInstanceIds: ids,
      instructions: [
        { type: 'startBeforeActivity', activityId: 'user1' },
        { type: 'cancel', activityId: 'user1', cancelCurrentActiveActivityInstances: true },
      ],
    });
    expect(leaves(engine, ids[0] ?? '')).toEqual(['user1']);
  });
});

describe('modification batches', () => {
  it('runs seed, execution and monitor jobs, then deletes the batch and ends its history', async () => {
    const { engine, definitionId, ids } = await setup(150);
    const batch = engine.executeModificationAsync({
      processDefinitionId: definitionId,
      processInstanceIds: ids,
      instructions: [{ type: 'startBeforeActivity', activityId: 'user2' }],
      userId: 'demo',
    });
    expect(batch.totalJobs).toBe(150);
    expect(engine.batchStatistics(batch)).toEqual({
      remainingJobs: 150,
      completedJobs: 0,
      failedJobs: 0,
    });
    const seeded = engine.acquireJob();
    engine.executeJob(seeded?.id ?? '');
    const afterSeed = engine.batch(batch.id);
    expect(afterSeed?.jobsCreated).toBe(100);
    expect(afterSeed && engine.batchStatistics(afterSeed)).toEqual({
      remainingJobs: 150,
      completedJobs: 0,
      failedJobs: 0,
    });
    runAll(engine);
    expect(engine.batch(batch.id)).toBeUndefined();
    expect(engine.historicBatch(batch.id)?.endTime).toBe(clock);
    expect(ids.every((id) => leaves(engine, id).join() === 'user1,user2')).toBe(true);
  });

  it('keeps a failed job with its exception, and counts it as failed at zero retries', async () => {
    const { engine, definitionId, ids } = await setup(2);
    const batch = runBatchFailingOn(engine, definitionId, ids, ids[0] ?? '');
    const failed = [...engine.jobs()].filter(
      (j) => j.jobDefinitionId === batch.batchJobDefinitionId,
    );
    expect(failed).toHaveLength(1);
    expect(failed[0]?.retries).toBe(0);
    expect(failed[0]?.exceptionMessage).toContain('ENGINE-13036');
    expect(failed[0]?.stacktrace).toContain(
      `Caused while processing process instance '${ids[0] ?? ''}'`,
    );
    const current = engine.batch(batch.id);
    expect(current && engine.batchStatistics(current)).toEqual({
      remainingJobs: 1,
      completedJobs: 1,
      failedJobs: 1,
    });
    clock += 31_000;
    runAll(engine);
    expect(engine.batch(batch.id)).toBeDefined();
    expect([...engine.incidents()].map((i) => i.configuration)).toEqual([failed[0]?.id]);
  });

  it("records a failed batch job's incident in the history until its job has retries again", async () => {
    const { engine, definitionId, ids } = await setup(2);
    const batch = runBatchFailingOn(engine, definitionId, ids, ids[0] ?? '');
    const [incident] = [...engine.incidents()];
    expect([...engine.historicIncidents()]).toEqual([
      expect.objectContaining({
        id: incident?.id,
        incidentType: 'failedJob',
        configuration: incident?.configuration,
        jobDefinitionId: batch.batchJobDefinitionId,
        processInstanceId: null,
        processDefinitionId: null,
        processDefinitionKey: null,
        endTime: null,
        state: 'open',
      }),
    ]);

    clock += 1_000;
    engine.setJobRetries(incident?.configuration ?? '', 1);
    expect([...engine.historicIncidents()]).toEqual([
      expect.objectContaining({ id: incident?.id, endTime: clock, state: 'resolved' }),
    ]);
  });

  it('resolves the incident of a failed batch job that then runs to its end', async () => {
    const engine = new ProcessEngine({ clock: () => clock });
    const { definitions } = await engine.deploy({
      name: 'charge',
      resources: [{ name: 'charge.bpmn', content: CHARGE_XML }],
    });
    const definitionId = definitions[0]?.id ?? '';
    const id = engine.startProcessInstance(definitionId, {}).id;
    engine.executeModificationAsync({
      processDefinitionId: definitionId,
      processInstanceIds: [id],
      instructions: [{ type: 'startBeforeActivity', activityId: 'charge' }],
    });
    // The service task's expression has nothing to resolve: the batch's job fails for good.
    runAll(engine);
    const [incident] = [...engine.incidents()];
    expect(incident?.incidentType).toBe('failedJob');

    engine.setProcessVariables(id, { amount: { type: 'Integer', value: 42, valueInfo: {} } });
    engine.executeJob(incident?.configuration ?? '');
    expect(leaves(engine, id)).toEqual(['review', 'review2']);
    expect([...engine.incidents()]).toEqual([]);
    expect([...engine.historicIncidents()]).toEqual([
      expect.objectContaining({ id: incident?.id, state: 'resolved' }),
    ]);
  });

  it("deletes a batch's incidents, and their history with the batch's history", async () => {
    const { engine, definitionId, ids } = await setup(4);
    const kept = runBatchFailingOn(engine, definitionId, [ids[0] ?? ''], ids[0] ?? '');
    const [keptIncident] = [...engine.incidents()];
    engine.deleteBatch(kept.id, false);
    expect([...engine.incidents()]).toEqual([]);
    expect([...engine.historicIncidents()]).toEqual([
      expect.objectContaining({ id: keptIncident?.id, state: 'deleted' }),
    ]);
    engine.deleteHistoricBatch(kept.id);
    expect([...engine.historicIncidents()]).toEqual([]);

    const cascaded = runBatchFailingOn(engine, definitionId, [ids[1] ?? ''], ids[1] ?? '');
    expect([...engine.historicIncidents()]).toHaveLength(1);
    engine.deleteBatch(cascaded.id, true);
    expect([...engine.historicIncidents()]).toEqual([]);
  });

  it('drops instruction variables in async mode and stops while suspended', async () => {
    const { engine, ids } = await setup(1);
    const batch = engine.modifyProcessInstanceAsync(
      ids[0] ?? '',
      [
        {
          type: 'startBeforeActivity',
          activityId: 'user2',
          variables: { x: { value: { type: 'String', value: 'y', valueInfo: {} }, local: false } },
        },
      ],
      {},
    );
    engine.setBatchSuspended(batch.id, true);
    expect(engine.acquireJob()).toBeUndefined();
    engine.setBatchSuspended(batch.id, false);
    runAll(engine);
    expect(leaves(engine, ids[0] ?? '')).toEqual(['user1', 'user2']);
    expect(engine.processVariables(ids[0] ?? '')?.['x']).toBeUndefined();
  });
});
