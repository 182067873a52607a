import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';

import type { CountResultDto, ExceptionDto } from '../../../contract/camunda/common';
import type { HistoricActivityInstanceDto } from '../../../contract/camunda/history';
import type { JobDto } from '../../../contract/camunda/job';
import { rememberSession } from '../../api/console-session';
import { recordBatch } from '../../lib/bulk-batch-records';
import { ENGINE_REST_URL, server } from '../../testing/msw-server';
import { BatchDetail } from './batch-detail';
import { batchStatistics, failedBatchJob, historicBatch } from './batch-test-data';
import { renderWithRouter } from './render-with-router';

const STUCK_BATCH = batchStatistics({
  id: 'batch-1',
  totalJobs: 3,
  remainingJobs: 2,
  completedJobs: 1,
  failedJobs: 2,
});

/** Serves a running batch with the given execution jobs; returns what was requested. */
function serveRunningBatch(jobs: () => JobDto[]) {
  const requests: { method: string; url: string; body: unknown; accept: string | null }[] = [];
  const record = async (request: Request) => {
    requests.push({
      method: request.method,
      url: request.url,
      body: request.method === 'PUT' ? await request.json() : undefined,
      accept: request.headers.get('Accept'),
    });
  };
  server.use(
    http.get(`${ENGINE_REST_URL}/batch/statistics`, async ({ request }) => {
      await record(request);
      return HttpResponse.json([STUCK_BATCH]);
    }),
    http.get(`${ENGINE_REST_URL}/job`, async ({ request }) => {
      await record(request);
      return HttpResponse.json(jobs());
    }),
  );
  return requests;
}

// The console's records of the batches it created live in localStorage, which jsdom keeps.
beforeEach(() => {
  localStorage.clear();
});

describe('BatchDetail', () => {
  it('shows a stuck batch with its fields, failed jobs and the instance each was for', async () => {
    rememberSession({ userId: 'demo', csrfToken: 'csrf-token' });
    const requests = serveRunningBatch(() => [
      failedBatchJob({ id: 'job-1' }),
      failedBatchJob({
        id: 'job-2',
        retries: 2,
        exceptionMessage:
          "ENGINE-13036 Process instance 'pi-2' cannot be modified. The process instance does not exist",
      }),
    ]);
    server.use(
      http.get(`${ENGINE_REST_URL}/job/job-1/stacktrace`, ({ request }) => {
        requests.push({
          method: 'GET',
          url: request.url,
          body: undefined,
          accept: request.headers.get('Accept'),
        });
        return HttpResponse.text(
          'org.camunda.bpm.engine.ProcessEngineException: ENGINE-13036\n    at modifyOne',
        );
      }),
    );

    const { user } = renderWithRouter(<BatchDetail batchId="batch-1" pollIntervalMs={60_000} />);

    expect(await screen.findByRole('progressbar')).toHaveAttribute(
      'aria-valuetext',
      '1 of 3 done, 2 failed',
    );
    expect(screen.getByRole('heading', { name: 'Batch batch-1' })).toBeInTheDocument();
    expect(screen.getByText('Stuck: failed jobs block completion.')).toBeInTheDocument();
    expect(screen.getByText(/2 jobs have no retries left/)).toBeInTheDocument();
    expect(screen.getByRole('definition', { name: 'Execution job definition' })).toHaveTextContent(
      'execution-definition-1',
    );
    expect(screen.getByRole('definition', { name: 'Remaining jobs' })).toHaveTextContent('2');

    const table = await screen.findByRole('table', { name: 'Failed jobs' });
    const failedRow = rowOf(table, 'job-1');
    const retryingRow = rowOf(table, 'job-2');
    expect(failedRow).toHaveTextContent("ENGINE-13036 Process instance 'pi-1' cannot be modified");
    expect(within(failedRow).getByRole('link', { name: 'pi-1' })).toHaveAttribute(
      'href',
      '/process-instances/pi-1',
    );
    expect(failedRow).toHaveTextContent('0 · failed');
    expect(retryingRow).toHaveTextContent('2 · will retry');
    expect(within(retryingRow).queryByRole('button', { name: 'Retry' })).not.toBeInTheDocument();
    expect(requests.map(({ url }) => url)).toContain(
      `${ENGINE_REST_URL}/job?jobDefinitionId=execution-definition-1&withException=true`,
    );

    await user.click(within(failedRow).getByRole('button', { name: 'Show stack trace' }));
    const stacktrace = await screen.findByLabelText('Stack trace of job job-1');
    expect(stacktrace).toHaveTextContent('org.camunda.bpm.engine.ProcessEngineException');
    expect(requests.at(-1)?.accept).toBe('text/plain, application/json');
    await user.click(within(failedRow).getByRole('button', { name: 'Hide stack trace' }));
    expect(screen.queryByLabelText('Stack trace of job job-1')).not.toBeInTheDocument();
  });

  it('retries all failed jobs through their job definition, then reloads them', async () => {
    rememberSession({ userId: 'demo', csrfToken: 'csrf-token' });
    let jobs = [failedBatchJob({ id: 'job-1' }), failedBatchJob({ id: 'job-2' })];
    const requests = serveRunningBatch(() => jobs);
    server.use(
      http.put(`${ENGINE_REST_URL}/job-definition/:id/retries`, async ({ request }) => {
        requests.push({
          method: 'PUT',
          url: request.url,
          body: await request.json(),
          accept: null,
        });
        jobs = jobs.map((job) => ({ ...job, retries: 1 }));
        return new HttpResponse(null, { status: 204 });
      }),
    );

    const { user } = renderWithRouter(<BatchDetail batchId="batch-1" pollIntervalMs={60_000} />);
    await screen.findByRole('table', { name: 'Failed jobs' });
    await user.click(screen.getByRole('button', { name: 'Retry all failed jobs' }));

    expect(await screen.findAllByText('1 · will retry')).toHaveLength(2);
    expect(requests.filter(({ method }) => method === 'PUT')).toEqual([
      {
        method: 'PUT',
        url: `${ENGINE_REST_URL}/job-definition/execution-definition-1/retries`,
        body: { retries: 1 },
        accept: null,
      },
    ]);
    expect(screen.getByRole('button', { name: 'Retry all failed jobs' })).toBeDisabled();
  });

  it('retries one job', async () => {
    rememberSession({ userId: 'demo', csrfToken: 'csrf-token' });
    serveRunningBatch(() => [failedBatchJob({ id: 'job-1' })]);
    let body: unknown;
    server.use(
      http.put(`${ENGINE_REST_URL}/job/job-1/retries`, async ({ request }) => {
        body = await request.json();
        return new HttpResponse(null, { status: 204 });
      }),
    );

    const { user } = renderWithRouter(<BatchDetail batchId="batch-1" pollIntervalMs={60_000} />);
    const table = await screen.findByRole('table', { name: 'Failed jobs' });
    await user.click(within(table).getByRole('button', { name: 'Retry' }));

    await expect.poll(() => body).toEqual({ retries: 1 });
  });

  it("shows Camunda's error when the jobs may not be retried", async () => {
    rememberSession({ userId: 'john', csrfToken: 'csrf-token' });
    serveRunningBatch(() => [failedBatchJob({ id: 'job-1' })]);
    server.use(
      http.put(`${ENGINE_REST_URL}/job-definition/:id/retries`, () =>
        HttpResponse.json<ExceptionDto>(
          {
            type: 'AuthorizationException',
            message:
              "The user with id 'john' does not have one of the following permissions: 'UPDATE' permission on resource 'Batch'",
            code: 0,
          },
          { status: 403 },
        ),
      ),
    );

    const { user } = renderWithRouter(<BatchDetail batchId="batch-1" pollIntervalMs={60_000} />);
    await screen.findByRole('table', { name: 'Failed jobs' });
    await user.click(screen.getByRole('button', { name: 'Retry all failed jobs' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The failed jobs could not be retried');
    expect(alert).toHaveTextContent(
      "AuthorizationException: The user with id 'john' does not have one of the following permissions: 'UPDATE' permission on resource 'Batch'",
    );
  });

  it('names the instance of a failure its message does not name, from the instances this console sent', async () => {
    rememberSession({ userId: 'demo', csrfToken: 'csrf-token' });
    const ambiguous = 'Ancestor activity execution is ambiguous for activity Activity(packing)';
    serveRunningBatch(() => [
      failedBatchJob({ id: 'job-1', exceptionMessage: ambiguous }),
      failedBatchJob({ id: 'job-2' }),
    ]);
    // The console sent four ids: pi-1 is deleted (job-2 names it), pi-2 and pi-3 were modified,
    // pi-4 still looks as it did.
    recordBatch({
      batchId: 'batch-1',
      processDefinitionId: 'order:1',
      createdAt: '2024-05-01T12:00:00.000Z',
      instances: { processInstanceIds: ['pi-1', 'pi-2', 'pi-3', 'pi-4'] },
    });
    const activityQueries: URLSearchParams[] = [];
    server.use(
      http.post(`${ENGINE_REST_URL}/process-instance`, () =>
        HttpResponse.json(['pi-2', 'pi-3', 'pi-4'].map((id) => ({ id }))),
      ),
      http.post(`${ENGINE_REST_URL}/history/process-instance/count`, () =>
        HttpResponse.json<CountResultDto>({ count: 3 }),
      ),
      http.get(`${ENGINE_REST_URL}/history/activity-instance`, ({ request }) => {
        const params = new URL(request.url).searchParams;
        activityQueries.push(params);
        return HttpResponse.json(
          (params.has('startedAfter') ? ['pi-2', 'pi-3'] : ['pi-2']).map(
            (processInstanceId) => ({ processInstanceId }) as HistoricActivityInstanceDto,
          ),
        );
      }),
    );

    renderWithRouter(<BatchDetail batchId="batch-1" pollIntervalMs={60_000} />);

    const table = await screen.findByRole('table', { name: 'Failed jobs' });
    const unnamedRow = rowOf(table, 'job-1');
    expect(await within(unnamedRow).findByRole('link', { name: 'pi-4' })).toHaveAttribute(
      'href',
      '/process-instances/pi-4',
    );
    expect(unnamedRow).toHaveTextContent(
      'Probablypi-4the only instance of this batch still in its old state',
    );
    const help = screen.getByRole('region', { name: 'Instances still in their old state' });
    expect(help).toHaveTextContent(
      'Camunda does not record which process instance a modification batch job was for, and the exception of one failed job names none',
    );
    expect(help).toHaveTextContent(
      '1 of the 4 instances this console sent with the batch still runs and shows no activity started or ended since the batch was created. A failed job changes nothing, so the instance of this failure is most likely this one, unless something else changed it since:',
    );
    expect(within(help).getByRole('link', { name: 'pi-4' })).toBeInTheDocument();
    expect(activityQueries.map((params) => Object.fromEntries(params))).toEqual([
      expect.objectContaining({
        processDefinitionId: 'order:1',
        startedAfter: '2024-05-01T12:00:00.000+0000',
      }),
      expect.objectContaining({
        processDefinitionId: 'order:1',
        finishedAfter: '2024-05-01T12:00:00.000+0000',
      }),
    ]);
  });

  it('says why a failure cannot be named for a batch created elsewhere', async () => {
    rememberSession({ userId: 'demo', csrfToken: 'csrf-token' });
    serveRunningBatch(() => [failedBatchJob({ id: 'job-1', exceptionMessage: 'Boom' })]);
    server.use(http.get(`${ENGINE_REST_URL}/history/user-operation`, () => HttpResponse.json([])));

    renderWithRouter(<BatchDetail batchId="batch-1" pollIntervalMs={60_000} />);

    const table = await screen.findByRole('table', { name: 'Failed jobs' });
    expect(rowOf(table, 'job-1')).toHaveTextContent('Not recorded by Camunda');
    expect(
      await screen.findByText(
        /cannot be told, because its instances are not known: it was not created here, and the operation log has no modification request of its creator at its start time\./,
      ),
    ).toBeInTheDocument();
  });

  it('shows a batch that has left the runtime from history, as finished', async () => {
    rememberSession({ userId: 'demo', csrfToken: 'csrf-token' });
    server.use(
      http.get(`${ENGINE_REST_URL}/batch/statistics`, () => HttpResponse.json([])),
      http.get(`${ENGINE_REST_URL}/history/batch/batch-0`, () =>
        HttpResponse.json(historicBatch()),
      ),
    );

    renderWithRouter(<BatchDetail batchId="batch-0" pollIntervalMs={60_000} />);

    expect(await screen.findByText('Finished')).toBeInTheDocument();
    expect(screen.getByRole('progressbar')).toHaveAttribute('aria-valuetext', '5 of 5 done');
    expect(screen.getByRole('definition', { name: 'Ended' })).toHaveTextContent(/2024-04-30/);
    expect(screen.queryByRole('button', { name: 'Suspend' })).not.toBeInTheDocument();
    expect(screen.queryByRole('table', { name: 'Failed jobs' })).not.toBeInTheDocument();
  });
});

function rowOf(table: HTMLElement, jobId: string): HTMLElement {
  const row = within(table)
    .getAllByRole('row')
    .find((candidate) => within(candidate).queryByRole('cell', { name: jobId }) !== null);
  if (row === undefined) {
    throw new Error(`No row for ${jobId}`);
  }
  return row;
}
