import { describe, expect, it } from 'vitest';
import { ProcessEngine } from '../engine/process-engine';
import { JobExecutor } from './job-executor';
import { asyncServiceProcess } from './testing/test-app';

async function engineWithJobs(count: number, expression?: string): Promise<ProcessEngine> {
  const engine = new ProcessEngine();
  await engine.deploy({
    resources: [{ name: 'p.bpmn', content: asyncServiceProcess('p', expression) }],
  });
  const definition = engine.latestDefinition('p');
  for (let i = 0; i < count; i++) {
    engine.startProcessInstance(definition?.id ?? '', {});
  }
  return engine;
}

describe('JobExecutor', () => {
  it('executes due jobs in a round', async () => {
    const engine = await engineWithJobs(3);
    const executed = await new JobExecutor(engine).runRound();
    expect(executed).toBe(3);
    expect([...engine.jobs()]).toHaveLength(0);
    expect([...engine.tasks()]).toHaveLength(3);
  });

  it('reports failures and leaves them to the retries', async () => {
    const engine = await engineWithJobs(1, '${missingBean.call()}');
    const failures: string[] = [];
    const executor = new JobExecutor(engine, { onJobFailure: (job) => failures.push(job.id) });
    await executor.runRound();
    expect(failures).toHaveLength(3);
    expect([...engine.jobs()][0]?.retries).toBe(0);
  });

  it('runs in the background until stopped', async () => {
    const engine = await engineWithJobs(2);
    const executor = new JobExecutor(engine, { intervalMs: 5 });
    executor.start();
    for (let i = 0; i < 100 && [...engine.jobs()].length; i++) {
      await new Promise((r) => setTimeout(r, 5));
    }
    await executor.stop();
    expect(executor.isRunning).toBe(false);
    expect([...engine.jobs()]).toHaveLength(0);
  });
});
