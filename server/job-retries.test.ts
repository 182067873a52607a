import { describe, expect, it } from 'vitest';
import type { BatchDto, BatchStatisticsDto, HistoricBatchDto } from '../contract/camunda/batch';
import type { ExceptionDto } from '../contract/camunda/common';
import type { UserOperationLogEntryDto } from '../contract/camunda/history';
import type { JobDto } from '../contract/camunda/job';
import type { TestApp } from './testing/test-app';
import { asyncServiceProcess, createTestApp } from './testing/test-app';

/** Deploys a process whose async service task always fails and lets one job run out of retries. */
async function failedJob(app: TestApp): Promise<{ jobId: string; instanceId: string }> {
  await app.deploy('p.bpmn', asyncServiceProcess('failing', '${missingBean.call()}'));
  const instanceId = await app.start('failing');
  const [job] = (await app.request('GET', `/job?processInstanceId=${instanceId}`)).body as JobDto[];
  const jobId = job?.id ?? '';
  for (let attempt = 0; attempt < 3; attempt++) {
    expect((await app.request('POST', `/job/${jobId}/execute`)).status).toBe(404);
  }
  return { jobId, instanceId };
}

async function jobsOf(app: TestApp, jobDefinitionId: string): Promise<JobDto[]> {
  return (await app.request('GET', `/job?jobDefinitionId=${jobDefinitionId}`)).body as JobDto[];
}

async function executeAll(app: TestApp, jobs: JobDto[]): Promise<void> {
  for (const job of jobs) {
    const response = await app.request('POST', `/job/${job.id}/execute`);
    expect(response.status, response.text).toBe(204);
  }
}

describe('POST /job/retries', () => {
  it('creates a set-job-retries batch whose jobs restore the retries and resolve the incident', async () => {
    const app = createTestApp();
    const { request } = app;
    const { jobId, instanceId } = await failedJob(app);
    expect((await request('GET', `/job/${jobId}`)).body).toMatchObject({ retries: 0 });
    expect((await request('GET', `/incident/count?processInstanceId=${instanceId}`)).body).toEqual({
      count: 1,
    });

    // The job ids and the query find the same job: it is counted once.
    const response = await request('POST', '/job/retries', {
      json: { jobIds: [jobId], jobQuery: { noRetriesLeft: true }, retries: 3 },
    });
    expect(response.status, response.text).toBe(200);
    const batch = response.body as BatchDto;
    expect(batch).toMatchObject({
      type: 'set-job-retries',
      totalJobs: 1,
      jobsCreated: 0,
      createUserId: 'demo',
      suspended: false,
      executionStartTime: null,
    });
    expect((await request('GET', `/batch/${batch.id}`)).body).toEqual(batch);
    expect(((await request('GET', '/batch?type=set-job-retries')).body as BatchDto[]).length).toBe(
      1,
    );
    expect(
      ((await request('GET', `/history/batch/${batch.id}`)).body as HistoricBatchDto).type,
    ).toBe('set-job-retries');
    const [logEntry] = (await request('GET', `/history/user-operation?batchId=${batch.id}`))
      .body as UserOperationLogEntryDto[];
    expect(logEntry).toMatchObject({ operationType: 'SetJobRetries', userId: 'demo' });

    await executeAll(app, await jobsOf(app, batch.seedJobDefinitionId ?? ''));
    const executionJobs = await jobsOf(app, batch.batchJobDefinitionId ?? '');
    expect(executionJobs).toHaveLength(1);
    expect(executionJobs[0]).toMatchObject({ batchId: batch.id, processInstanceId: null });
    await executeAll(app, executionJobs);

    expect((await request('GET', `/job/${jobId}`)).body).toMatchObject({ retries: 3 });
    expect((await request('GET', `/incident/count?processInstanceId=${instanceId}`)).body).toEqual({
      count: 0,
    });
    const [statistics] = (await request('GET', `/batch/statistics?batchId=${batch.id}`))
      .body as BatchStatisticsDto[];
    expect(statistics).toMatchObject({ remainingJobs: 0, completedJobs: 1, failedJobs: 0 });

    await executeAll(app, await jobsOf(app, batch.monitorJobDefinitionId ?? ''));
    expect((await request('GET', `/batch/${batch.id}`)).status).toBe(404);
    const historic = (await request('GET', `/history/batch/${batch.id}`)).body as HistoricBatchDto;
    expect(historic.endTime).not.toBeNull();
  });

  it('resolves the job query as GET /job does', async () => {
    const app = createTestApp();
    const { jobId } = await failedJob(app);
    await app.start('failing');
    const response = await app.request('POST', '/job/retries', {
      json: { jobQuery: { processDefinitionKey: 'failing', withRetriesLeft: true }, retries: 5 },
    });
    expect(response.status).toBe(200);
    // Only the second instance's job still has retries.
    expect((response.body as BatchDto).totalJobs).toBe(1);
    const all = await app.request('POST', '/job/retries', {
      json: { jobIds: [jobId], jobQuery: { processDefinitionKey: 'failing' }, retries: 5 },
    });
    expect((all.body as BatchDto).totalJobs).toBe(2);
  });

  it("answers Camunda's 400s and refuses a due date with 501", async () => {
    const app = createTestApp();
    const { jobId } = await failedJob(app);
    const noRetries = await app.request('POST', '/job/retries', { json: { jobIds: [jobId] } });
    expect(noRetries.status).toBe(400);
    expect(noRetries.body).toEqual({
      type: 'InvalidRequestException',
      message: 'retries is null',
      code: null,
    });
    const noJobs = await app.request('POST', '/job/retries', {
      json: { jobQuery: { jobId: 'nope' }, retries: 1 },
    });
    expect(noJobs.status).toBe(400);
    expect((noJobs.body as ExceptionDto).type).toBe('InvalidRequestException');
    expect((noJobs.body as ExceptionDto).message).toContain('jobIds is empty');
    const negative = await app.request('POST', '/job/retries', {
      json: { jobIds: [jobId], retries: -1 },
    });
    expect(negative.status).toBe(400);
    expect((negative.body as ExceptionDto).message).toContain('ENGINE-13054');
    const dueDate = await app.request('POST', '/job/retries', {
      json: { jobIds: [jobId], retries: 1, dueDate: '2030-01-01T00:00:00.000+0000' },
    });
    expect(dueDate.status).toBe(501);
    expect((await app.request('GET', '/batch/count')).body).toEqual({ count: 0 });
  });
});
