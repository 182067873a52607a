import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ActivityInstanceTree } from '../../engine/engine-api';
import { ProcessEngine } from '../../engine/process-engine';
import { loadDemo } from './load-demo';

/** Where an instance waits: its leaf activity instances and its transition instances (async jobs). */
function waitStates(tree: ActivityInstanceTree): string[] {
  const own = tree.childTransitionInstances.map((transition) => transition.activityId);
  const nested = tree.childActivityInstances.flatMap((child) =>
    child.childActivityInstances.length === 0 && child.childTransitionInstances.length === 0
      ? [child.activityId]
      : waitStates(child),
  );
  return [...own, ...nested];
}

function countActivityInstances(tree: ActivityInstanceTree, activityId: string): number {
  return tree.childActivityInstances.reduce(
    (sum, child) =>
      sum + (child.activityId === activityId ? 1 : 0) + countActivityInstances(child, activityId),
    0,
  );
}

async function demoEngine(): Promise<ProcessEngine> {
  const engine = new ProcessEngine();
  await loadDemo(engine);
  return engine;
}

function definitionKey(engine: ProcessEngine, definitionId: string): string {
  return engine.definition(definitionId)?.key ?? definitionId;
}

describe('loadDemo', () => {
  beforeEach(() => {
    vi.spyOn(console, 'warn');
  });

  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('deploys the demo processes in one deployment and sets up every instance without failures', async () => {
    const engine = await demoEngine();

    expect(console.warn).not.toHaveBeenCalled();
    expect([...engine.deployments()].map((deployment) => deployment.name)).toEqual(['demo']);
    expect([...engine.definitions()].map((definition) => definition.key).sort()).toEqual([
      'invoiceApproval',
      'orderFulfilment',
      'payment',
    ]);
  });

  it('leaves about a hundred running instances with business keys', async () => {
    const engine = await demoEngine();
    const instances = [...engine.instances()];

    expect(instances.length).toBeGreaterThanOrEqual(90);
    expect(instances.length).toBeLessThanOrEqual(110);
    for (const instance of instances) {
      expect(instance.businessKey).toMatch(/^(ORD|INV|PAY)-\d{4}$/);
    }
  });

  it('spreads every process over all of its wait states', async () => {
    const engine = await demoEngine();
    const states = new Map<string, Set<string>>();
    for (const instance of engine.instances()) {
      const tree = engine.activityInstanceTree(instance.id);
      const key = definitionKey(engine, instance.processDefinitionId);
      const seen = states.get(key) ?? new Set<string>();
      for (const state of tree ? waitStates(tree) : []) {
        seen.add(state);
      }
      states.set(key, seen);
    }

    expect([...(states.get('orderFulfilment') ?? [])].sort()).toEqual([
      'chaseWarehouse',
      'expressHandling',
      'packItem',
      'pickItem',
      'readyToShip',
      'reserveShipping',
      'shipOrder',
    ]);
    expect([...(states.get('invoiceApproval') ?? [])].sort()).toEqual([
      'bookInvoice',
      'checkInvoice',
      'clarifyWithSupplier',
      'reviewInvoice',
    ]);
    expect([...(states.get('payment') ?? [])].sort()).toEqual([
      'chargeCard',
      'confirmPayment',
      'handleTimeout',
    ]);
  });

  it('raises incidents for declined cards and for the stuck batch only', async () => {
    const engine = await demoEngine();
    const incidents = [...engine.incidents()].filter(
      (incident) => incident.processInstanceId !== null,
    );

    expect(incidents.length).toBeGreaterThanOrEqual(1);
    for (const incident of incidents) {
      expect(incident).toMatchObject({ incidentType: 'failedJob', activityId: 'chargeCard' });
      expect(
        engine.processVariables(incident.processInstanceId ?? '')?.['cardValid']?.value.value,
      ).toBe(false);
    }
    const retrying = [...engine.jobs()].filter(
      (job) => job.retries > 0 && job.exceptionMessage !== null,
    );
    expect(retrying.length).toBeGreaterThanOrEqual(1);
    const [stuck] = [...engine.batches()];
    const batchIncidents = [...engine.incidents()].filter(
      (incident) => incident.processInstanceId === null,
    );
    expect(batchIncidents).toHaveLength(3);
    for (const incident of batchIncidents) {
      expect(incident.incidentType).toBe('failedJob');
      expect(engine.job(incident.configuration)?.batchId).toBe(stuck?.id);
    }
  });

  it('logs annotated repairs by demo in the operation log', async () => {
    const engine = await demoEngine();
    const all = [...engine.userOperationLog()];
    // The stuck batch's instances were deleted by the operator: those are Delete entries.
    expect(all.filter((entry) => entry.operationType === 'Delete')).toHaveLength(3);
    const entries = all.filter((entry) => entry.operationType !== 'Delete');
    const single = entries.filter((entry) => entry.processInstanceId !== null);

    expect(all.every((entry) => entry.userId === 'demo')).toBe(true);
    expect(single.length).toBeGreaterThanOrEqual(3);
    for (const entry of entries) {
      expect(entry.operationType).toBe('ModifyProcessInstance');
      expect(entry.annotation).toMatch(/\w+/);
    }
    const repaired = single.map((entry) =>
      engine.activityInstanceTree(entry.processInstanceId ?? ''),
    );
    expect(repaired.map((tree) => (tree ? waitStates(tree) : ['ended']))).toContainEqual([
      'confirmPayment',
    ]);
  });

  it('for an engine without authentication, makes the same repairs as nobody', async () => {
    const engine = new ProcessEngine();
    await loadDemo(engine, { authenticated: false });
    expect([...engine.userOperationLog()]).toEqual([]);
    const batches = [...engine.historicBatches()];
    expect(batches).toHaveLength(2);
    expect(batches.every((batch) => batch.createUserId === null)).toBe(true);
  });

  it('leaves one finished modification batch in the history', async () => {
    const engine = await demoEngine();
    const finished = [...engine.historicBatches()].filter((batch) => batch.endTime !== null);

    expect(finished).toHaveLength(1);
    expect(finished[0]).toMatchObject({ type: 'instance-modification', createUserId: 'demo' });
    expect(engine.batch(finished[0]?.id ?? '')).toBeUndefined();
    expect(finished[0]?.executionStartTime).not.toBeNull();
  });

  it('leaves one batch stuck on the jobs of three deleted instances', async () => {
    const engine = await demoEngine();
    const batches = [...engine.batches()];

    expect(batches).toHaveLength(1);
    const [stuck] = batches;
    if (!stuck) {
      throw new Error('no running batch');
    }
    expect(stuck).toMatchObject({ type: 'instance-modification', createUserId: 'demo' });
    expect(engine.batchStatistics(stuck)).toEqual({
      remainingJobs: 3,
      completedJobs: 7,
      failedJobs: 3,
    });
    const jobs = [...engine.jobs()].filter((job) => job.batchId === stuck.id);
    const failed = jobs.filter((job) => job.jobDefinitionId === stuck.batchJobDefinitionId);
    expect(failed).toHaveLength(3);
    for (const job of failed) {
      expect(job.retries).toBe(0);
      expect(job.exceptionMessage).toMatch(
        /^ENGINE-13036 Process instance '.+' cannot be modified/,
      );
    }
    // The monitor job has not run yet; run by the job executor, it would find the failed jobs
    // and wait for them, so the batch stays until someone retries or deletes them.
    expect(jobs.filter((job) => job.jobDefinitionId === stuck.monitorJobDefinitionId)).toHaveLength(
      1,
    );
    const deleted = [...engine.historicProcessInstances()].filter(
      (instance) => instance.deleteReason === 'Duplicate invoice, withdrawn by the supplier',
    );
    expect(deleted).toHaveLength(3);
  });

  it('runs the Pick items subprocess several times in some orders', async () => {
    const engine = await demoEngine();
    const most = Math.max(
      ...[...engine.instances()].map((instance) => {
        const tree = engine.activityInstanceTree(instance.id);
        return tree ? countActivityInstances(tree, 'pickItems') : 0;
      }),
    );

    expect(most).toBeGreaterThanOrEqual(2);
  });

  it('draws every flow node and sequence flow of each diagram', async () => {
    const engine = await demoEngine();
    for (const definition of engine.definitions()) {
      const xml = engine.definitionXml(definition.id) ?? '';
      const shapes = new Set(
        [...xml.matchAll(/<bpmndi:BPMNShape [^>]*bpmnElement="([^"]+)"/g)].map((m) => m[1]),
      );
      const edges = new Set(
        [...xml.matchAll(/<bpmndi:BPMNEdge [^>]*bpmnElement="([^"]+)"/g)].map((m) => m[1]),
      );
      const flowNodes = Object.keys(definition.model.activities).filter((id) => !id.includes('#'));

      expect(
        flowNodes.filter((id) => !shapes.has(id)),
        definition.key,
      ).toEqual([]);
      expect(
        Object.keys(definition.model.sequenceFlows).filter((id) => !edges.has(id)),
        definition.key,
      ).toEqual([]);
    }
  });

  it('creates the same data on every load', async () => {
    const summary = (engine: ProcessEngine): string[] =>
      [...engine.instances()].map((instance) => {
        const tree = engine.activityInstanceTree(instance.id);
        return `${instance.businessKey ?? ''}:${(tree ? waitStates(tree) : []).sort().join(',')}`;
      });

    expect(summary(await demoEngine())).toEqual(summary(await demoEngine()));
  });
});
