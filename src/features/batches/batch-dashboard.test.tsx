import { act, screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';

import type { BatchStatisticsDto, HistoricBatchDto } from '../../../contract/camunda/batch';
import type { AuthorizationExceptionDto } from '../../../contract/camunda/common';
import { rememberSession } from '../../api/console-session';
import { ENGINE_REST_URL, server } from '../../testing/msw-server';
import { BatchDashboard } from './batch-dashboard';
import { batchStatistics, historicBatch } from './batch-test-data';
import { renderWithRouter } from './render-with-router';

const STATISTICS_URL = `${ENGINE_REST_URL}/batch/statistics`;
const HISTORY_URL = `${ENGINE_REST_URL}/history/batch`;
const POLL_INTERVAL_MS = 1_000;
/** Taken before any test fakes the timers. */
const realSetTimeout = globalThis.setTimeout;

/** Answers the two dashboard lists; `statistics` is read at each request, so tests can change it. */
function serveBatches(
  statistics: () => BatchStatisticsDto[],
  history: HistoricBatchDto[] = [historicBatch()],
) {
  const requests: string[] = [];
  server.use(
    http.get(STATISTICS_URL, ({ request }) => {
      requests.push(request.url);
      return HttpResponse.json(statistics());
    }),
    http.get(HISTORY_URL, ({ request }) => {
      requests.push(request.url);
      return HttpResponse.json(history);
    }),
  );
  return {
    statisticsRequests: () => requests.filter((url) => url.startsWith(STATISTICS_URL)),
    historyRequests: () => requests.filter((url) => url.startsWith(HISTORY_URL)),
  };
}

function rowOf(tableName: string, batchId: string) {
  const table = screen.getByRole('table', { name: tableName });
  const row = within(table)
    .getAllByRole('row')
    .find((candidate) => within(candidate).queryByRole('cell', { name: batchId }) !== null);
  if (row === undefined) {
    throw new Error(`No row for ${batchId}`);
  }
  return row;
}

describe('BatchDashboard', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('shows progress, state, type, creator and start of each running batch, stuck included', async () => {
    rememberSession({ userId: 'demo', csrfToken: 'csrf-token' });
    const { historyRequests } = serveBatches(() => [
      batchStatistics({ id: 'running' }),
      batchStatistics({
        id: 'stuck',
        totalJobs: 10,
        remainingJobs: 2,
        completedJobs: 8,
        failedJobs: 2,
        createUserId: 'john',
      }),
      batchStatistics({ id: 'suspended', suspended: true, failedJobs: 0 }),
      batchStatistics({ id: 'completing', remainingJobs: 0, completedJobs: 200, failedJobs: 0 }),
    ]);

    renderWithRouter(<BatchDashboard pollIntervalMs={60_000} />);

    await screen.findByRole('table', { name: 'Running batches' });
    expect(within(rowOf('Running batches', 'running')).getByRole('progressbar')).toHaveAttribute(
      'aria-valuetext',
      '12 of 200 done, 3 failed',
    );
    expect(rowOf('Running batches', 'running')).toHaveTextContent('Running');
    expect(rowOf('Running batches', 'running')).toHaveTextContent('instance-modification');
    expect(rowOf('Running batches', 'running')).toHaveTextContent(/2024-05-01 \d\d:00:00/);
    expect(rowOf('Running batches', 'stuck')).toHaveTextContent(
      'Stuck: failed jobs block completion',
    );
    expect(rowOf('Running batches', 'stuck')).toHaveTextContent('8 of 10 done, 2 failed');
    expect(rowOf('Running batches', 'stuck')).toHaveTextContent('by john');
    expect(rowOf('Running batches', 'suspended')).toHaveTextContent('Suspended');
    expect(
      within(rowOf('Running batches', 'suspended')).getByRole('button', { name: 'Resume' }),
    ).toBeInTheDocument();
    expect(rowOf('Running batches', 'completing')).toHaveTextContent('Completing');
    expect(rowOf('Running batches', 'completing')).toHaveTextContent('200 of 200 done');

    expect(await screen.findByRole('table', { name: 'Finished batches' })).toBeInTheDocument();
    expect(rowOf('Finished batches', 'batch-0')).toHaveTextContent('5');
    expect(historyRequests()).toEqual([
      `${HISTORY_URL}?completed=true&sortBy=endTime&sortOrder=desc&maxResults=50`,
    ]);
  });

  it('polls the whole list with one request per interval, and stops once nothing runs', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
    rememberSession({ userId: 'demo', csrfToken: 'csrf-token' });
    let batches = [
      batchStatistics({ id: 'a', failedJobs: 0 }),
      batchStatistics({ id: 'b', failedJobs: 0 }),
      batchStatistics({ id: 'c', suspended: true }),
    ];
    const { statisticsRequests, historyRequests } = serveBatches(() => batches);

    renderWithRouter(<BatchDashboard pollIntervalMs={POLL_INTERVAL_MS} />);
    await settle();
    expect(screen.getByRole('table', { name: 'Running batches' })).toBeInTheDocument();
    expect(statisticsRequests()).toHaveLength(1);

    await act(() => vi.advanceTimersByTimeAsync(3 * POLL_INTERVAL_MS));
    expect(statisticsRequests()).toHaveLength(4);
    // One list request, never one per batch.
    expect(new Set(statisticsRequests())).toEqual(new Set([STATISTICS_URL]));
    expect(historyRequests()).toHaveLength(1);

    // a and b finish: the next answer holds only the suspended batch, and polling stops.
    batches = [batchStatistics({ id: 'c', suspended: true })];
    await act(() => vi.advanceTimersByTimeAsync(POLL_INTERVAL_MS));
    expect(statisticsRequests()).toHaveLength(5);
    await settle();
    expect(screen.queryByRole('link', { name: 'a' })).not.toBeInTheDocument();
    // The history is refreshed once, because batches ended; it never polls.
    expect(historyRequests()).toHaveLength(2);

    await act(() => vi.advanceTimersByTimeAsync(10 * POLL_INTERVAL_MS));
    expect(statisticsRequests()).toHaveLength(5);
    expect(historyRequests()).toHaveLength(2);
  });

  it('does not poll while the tab is hidden', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
    rememberSession({ userId: 'demo', csrfToken: 'csrf-token' });
    const { statisticsRequests } = serveBatches(() => [batchStatistics({ failedJobs: 0 })]);
    const visibility = vi.spyOn(document, 'visibilityState', 'get');

    renderWithRouter(<BatchDashboard pollIntervalMs={POLL_INTERVAL_MS} />);
    await settle();
    await act(() => vi.advanceTimersByTimeAsync(POLL_INTERVAL_MS));
    expect(statisticsRequests()).toHaveLength(2);

    visibility.mockReturnValue('hidden');
    document.dispatchEvent(new Event('visibilitychange', { bubbles: true }));
    await act(() => vi.advanceTimersByTimeAsync(5 * POLL_INTERVAL_MS));
    expect(statisticsRequests()).toHaveLength(2);

    visibility.mockRestore();
  });

  it("tells the user when a batch they started finishes or gains failed jobs, not others'", async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
    rememberSession({ userId: 'demo', csrfToken: 'csrf-token' });
    let batches = [
      batchStatistics({ id: 'mine-1', failedJobs: 0 }),
      batchStatistics({ id: 'mine-2', failedJobs: 0 }),
      batchStatistics({ id: 'johns', createUserId: 'john', failedJobs: 0 }),
    ];
    serveBatches(() => batches);

    renderWithRouter(<BatchDashboard pollIntervalMs={POLL_INTERVAL_MS} />);
    await settle();
    expect(screen.queryByText(/Batch .* finished/)).not.toBeInTheDocument();

    batches = [
      batchStatistics({ id: 'mine-2', failedJobs: 4 }),
      batchStatistics({ id: 'johns', createUserId: 'john', failedJobs: 9 }),
    ];
    await act(() => vi.advanceTimersByTimeAsync(POLL_INTERVAL_MS));
    await settle();

    expect(screen.getByText('Batch mine-1 finished')).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('Batch mine-2 has 4 failed jobs');
    expect(screen.queryByText(/Batch johns/)).not.toBeInTheDocument();
  });

  it("shows Camunda's 403 answer when the user may not suspend the batch", async () => {
    rememberSession({ userId: 'john', csrfToken: 'csrf-token' });
    serveBatches(() => [batchStatistics({ id: 'batch-1' })]);
    let suspendBody: unknown;
    server.use(
      http.put(`${ENGINE_REST_URL}/batch/batch-1/suspended`, async ({ request }) => {
        suspendBody = await request.json();
        return HttpResponse.json<AuthorizationExceptionDto>(
          {
            type: 'AuthorizationException',
            message:
              "The user with id 'john' does not have 'UPDATE' permission on resource 'batch-1' of type 'Batch'.",
            code: 0,
            userId: 'john',
            permissionName: 'UPDATE',
            resourceName: 'Batch',
            resourceId: 'batch-1',
            missingAuthorizations: [
              { permissionName: 'UPDATE', resourceName: 'Batch', resourceId: 'batch-1' },
            ],
          },
          { status: 403 },
        );
      }),
    );

    const { user } = renderWithRouter(<BatchDashboard pollIntervalMs={60_000} />);
    await screen.findByRole('table', { name: 'Running batches' });
    await user.click(
      within(rowOf('Running batches', 'batch-1')).getByRole('button', { name: 'Suspend' }),
    );

    const alert = await screen.findByRole('alert');
    expect(suspendBody).toEqual({ suspended: true });
    expect(alert).toHaveTextContent('Batch batch-1 could not be suspended');
    expect(alert).toHaveTextContent(
      "AuthorizationException: The user with id 'john' does not have 'UPDATE' permission on resource 'batch-1' of type 'Batch'.",
    );
  });

  it('deletes a batch with or without its history, as the operator chooses', async () => {
    rememberSession({ userId: 'demo', csrfToken: 'csrf-token' });
    let batches = [batchStatistics({ id: 'batch-1' })];
    serveBatches(() => batches);
    const deletions: string[] = [];
    server.use(
      http.delete(`${ENGINE_REST_URL}/batch/batch-1`, ({ request }) => {
        deletions.push(request.url);
        batches = [];
        return new HttpResponse(null, { status: 204 });
      }),
    );

    const { user } = renderWithRouter(<BatchDashboard pollIntervalMs={60_000} />);
    await screen.findByRole('table', { name: 'Running batches' });
    await user.click(
      within(rowOf('Running batches', 'batch-1')).getByRole('button', { name: 'Delete' }),
    );
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent(
      'With ‘also delete its history’ the historic batch and its job log are removed too; without, the batch stays in history as finished.',
    );
    await user.click(within(dialog).getByLabelText('Also delete its history'));
    await user.click(within(dialog).getByRole('button', { name: 'Delete batch' }));

    expect(await screen.findByText('No batch is running.')).toBeInTheDocument();
    expect(deletions).toEqual([`${ENGINE_REST_URL}/batch/batch-1?cascade=true`]);
    // Deleted here, so not announced as finished.
    expect(screen.queryByText('Batch batch-1 finished')).not.toBeInTheDocument();
  });
});

/**
 * With fake timers: lets responses arrive (real I/O) and the query cache tell React, which it
 * does behind short timers that are fake here. Moves the fake clock by a few milliseconds only,
 * far below a poll interval.
 */
async function settle(): Promise<void> {
  for (let round = 0; round < 5; round++) {
    await act(async () => {
      await new Promise((resolve) => realSetTimeout(resolve, 5));
      await vi.advanceTimersByTimeAsync(1);
    });
  }
}
