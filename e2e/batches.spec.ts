import type { APIRequestContext, APIResponse, Page, Request } from '@playwright/test';

import type { BatchDto, BatchStatisticsDto } from '../contract/camunda/batch';
import type { JobDto } from '../contract/camunda/job';
import type { ModificationDto } from '../contract/camunda/modification';
import { DEMO_USER, expect, test as base } from './fixtures';
import type { EngineRest } from './fixtures';
import { BatchesPage, BatchPage } from './pages/batches-page';
import type { SignInPage } from './pages/sign-in-page';

/** `BATCH_POLL_INTERVAL_MS` in src/lib/polling.ts (e2e may take only types from src/). */
const POLL_INTERVAL_MS = 3_000;
const JOHN = { username: 'john', password: 'john' } as const;

interface Fixtures {
  /** Raw Camunda REST calls as demo, for what `engineRest` does not offer. */
  rest: APIRequestContext;
  batchesPage: BatchesPage;
  batchPage: BatchPage;
}

const test = base.extend<Fixtures>({
  rest: async ({ playwright, baseURL }, use) => {
    const request = await playwright.request.newContext({
      baseURL,
      httpCredentials: { ...DEMO_USER, send: 'always' },
    });
    await use(request);
    await request.dispose();
  },
  batchesPage: async ({ page }, use) => {
    await use(new BatchesPage(page));
  },
  batchPage: async ({ page }, use) => {
    await use(new BatchPage(page));
  },
});

test('shows the failed jobs of a batch with message, stack trace and instance, and retries them all', async ({
  page,
  rest,
  engineRest,
  signInPage,
  batchPage,
}) => {
  const { batch, deletedIds } = await createBatchWithFailures(rest, engineRest, {
    instances: 3,
    deleted: 2,
  });
  const jobDefinitionId = batch.batchJobDefinitionId ?? '';
  await waitUntilStuck(rest, batch.id, 2);
  const failedJobs = await getJson<JobDto[]>(
    rest,
    `/engine-rest/job?jobDefinitionId=${jobDefinitionId}&withException=true`,
  );
  expect(failedJobs).toHaveLength(2);

  await signIn(signInPage, DEMO_USER);
  await batchPage.goto(batch.id);

  await expect(batchPage.heading(batch.id)).toBeVisible();
  await expect(
    page.getByText('Stuck: failed jobs block completion.', { exact: true }),
  ).toBeVisible();
  await expect(batchPage.field('Total jobs')).toHaveText('3');
  await expect(batchPage.field('Execution job definition')).toHaveText(jobDefinitionId);
  for (const job of failedJobs) {
    const row = batchPage.jobRow(job.id);
    await expect(row).toContainText('ENGINE-13036');
    await expect(row).toContainText('0 · failed');
  }
  // The instance each job was for: the deleted ones, linked to their pages.
  for (const id of deletedIds) {
    await expect(
      batchPage.failedJobsTable.getByRole('link', { name: id, exact: true }),
    ).toHaveAttribute('href', `/process-instances/${id}`);
  }

  const firstJob = firstOf(failedJobs);
  await batchPage.jobRow(firstJob.id).getByRole('button', { name: 'Show stack trace' }).click();
  await expect(batchPage.stacktrace(firstJob.id)).toContainText(
    'org.camunda.bpm.engine.ProcessEngineException: ENGINE-13036',
  );
  // The shell's header is fixed: from the top, a full-page picture shows it where it belongs.
  await page.evaluate(() => {
    window.scrollTo(0, 0);
  });
  await page.screenshot({ path: 'test-results/batch-detail.png', fullPage: true });

  // Suspended, the job executor leaves the retried jobs alone, so their retries can be checked.
  await setSuspended(rest, batch.id, true);
  await batchPage.retryAll.click();
  await expect
    .poll(async () =>
      (await getJson<JobDto[]>(rest, `/engine-rest/job?jobDefinitionId=${jobDefinitionId}`)).map(
        (job) => job.retries,
      ),
    )
    .toEqual([1, 1]);
  await expect(batchPage.failedJobsTable.getByText('1 · will retry')).toHaveCount(2);
});

test('suspends and resumes a batch from the dashboard', async ({
  page,
  rest,
  engineRest,
  signInPage,
  batchesPage,
}) => {
  const { batch } = await createBatchWithFailures(rest, engineRest, { instances: 2, deleted: 1 });
  await waitUntilStuck(rest, batch.id, 1);

  await signIn(signInPage, DEMO_USER);
  await batchesPage.goto();
  await expect(batchesPage.progress(batch.id)).toHaveAttribute(
    'aria-valuetext',
    '1 of 2 done, 1 failed',
  );
  await expect(batchesPage.runningRow(batch.id)).toContainText(
    'Stuck: failed jobs block completion',
  );
  await page.screenshot({ path: 'test-results/batches-dashboard.png', fullPage: true });

  await batchesPage.action(batch.id, 'Suspend').click();
  await expect(batchesPage.runningRow(batch.id)).toContainText('Suspended');
  expect((await getJson<BatchDto>(rest, `/engine-rest/batch/${batch.id}`)).suspended).toBe(true);

  await batchesPage.action(batch.id, 'Resume').click();
  await expect(batchesPage.action(batch.id, 'Suspend')).toBeVisible();
  expect((await getJson<BatchDto>(rest, `/engine-rest/batch/${batch.id}`)).suspended).toBe(false);
});

test('does not offer john to suspend or delete a batch, and says which permission he lacks', async ({
  rest,
  engineRest,
  signInPage,
  batchesPage,
}) => {
  const { batch } = await createBatchWithFailures(rest, engineRest, { instances: 1, deleted: 1 });
  await waitUntilStuck(rest, batch.id, 1);

  await signIn(signInPage, JOHN);
  await batchesPage.goto();
  const suspend = batchesPage.action(batch.id, 'Suspend');
  await expect(suspend).toBeDisabled();
  await expect(suspend).toHaveAccessibleDescription(
    new RegExp(
      `^You may not suspend this batch: that needs UPDATE on every batch or UPDATE on batch ${batch.id}\\.`,
    ),
  );
  await expect(batchesPage.action(batch.id, 'Delete')).toBeDisabled();
  expect((await getJson<BatchDto>(rest, `/engine-rest/batch/${batch.id}`)).suspended).toBe(false);
});

test('polls 100 batches with one request per interval, and not while the tab is hidden', async ({
  page,
  rest,
  engineRest,
  signInPage,
  batchesPage,
}) => {
  test.setTimeout(120_000);
  const batches = await createBatchesOverDeletedInstances(rest, engineRest, 100);
  for (const batch of batches) {
    await waitUntilStuck(rest, batch.id, 1);
  }

  const requests: { url: string; time: number }[] = [];
  page.on('request', (request: Request) => {
    if (new URL(request.url()).pathname.startsWith('/engine-rest/batch')) {
      requests.push({ url: request.url(), time: Date.now() });
    }
  });
  await signIn(signInPage, DEMO_USER);
  await batchesPage.goto();
  for (const batch of batches) {
    await expect(batchesPage.runningRow(batch.id)).toHaveCount(1);
  }

  // Count from just after one poll over three and a half intervals: exactly three more.
  const first = await page.waitForRequest(isStatisticsPoll);
  const start = Date.now();
  await observe(3.5 * POLL_INTERVAL_MS);
  const polled = requests.filter(({ time }) => time > start);
  expect(polled.map(({ url }) => url)).toEqual(Array(3).fill(first.url()));
  expect(first.url()).toMatch(/\/engine-rest\/batch\/statistics$/);

  await setTabHidden(page, true);
  const hiddenSince = Date.now();
  await observe(3.5 * POLL_INTERVAL_MS);
  expect(requests.filter(({ time }) => time > hiddenSince)).toEqual([]);

  await setTabHidden(page, false);
  await page.waitForRequest(isStatisticsPoll, { timeout: 2 * POLL_INTERVAL_MS });
});

/**
 * Lets time pass with nothing to wait for: counting the requests of a poll needs a fixed window,
 * not an event.
 */
function observe(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function firstOf<T>(items: readonly T[]): T {
  const [first] = items;
  if (first === undefined) {
    throw new Error('Expected at least one item');
  }
  return first;
}

async function signIn(
  signInPage: SignInPage,
  user: { username: string; password: string },
): Promise<void> {
  await signInPage.goto();
  await signInPage.signIn(user.username, user.password);
}

/**
 * A modification batch over `instances` instances of a freshly deployed process, of which the
 * first `deleted` are deleted before its jobs run: those jobs fail (ENGINE-13036) until no
 * retries are left, and the batch stays stuck.
 */
async function createBatchWithFailures(
  rest: APIRequestContext,
  engineRest: EngineRest,
  { instances, deleted }: { instances: number; deleted: number },
): Promise<{ batch: BatchDto; deletedIds: string[] }> {
  const { key, definition } = await engineRest.deployProcess('user-task.bpmn');
  const ids: string[] = [];
  for (let n = 0; n < instances; n++) {
    ids.push((await engineRest.startProcessInstance(key)).id);
  }
  const deletedIds = ids.slice(0, deleted);
  for (const id of deletedIds) {
    await ok(await rest.delete(`/engine-rest/process-instance/${id}`));
  }
  const batch = await executeAsync(rest, definition.id, ids);
  return { batch, deletedIds };
}

/** `count` stuck batches, one per deleted instance of one process. */
async function createBatchesOverDeletedInstances(
  rest: APIRequestContext,
  engineRest: EngineRest,
  count: number,
): Promise<BatchDto[]> {
  const { key, definition } = await engineRest.deployProcess('user-task.bpmn');
  const batches: BatchDto[] = [];
  for (let n = 0; n < count; n++) {
    const { id } = await engineRest.startProcessInstance(key);
    await ok(await rest.delete(`/engine-rest/process-instance/${id}`));
    batches.push(await executeAsync(rest, definition.id, [id]));
  }
  return batches;
}

async function executeAsync(
  rest: APIRequestContext,
  processDefinitionId: string,
  processInstanceIds: string[],
): Promise<BatchDto> {
  const body: ModificationDto = {
    processDefinitionId,
    processInstanceIds,
    instructions: [{ type: 'startBeforeActivity', activityId: 'review' }],
  };
  return json<BatchDto>(await rest.post('/engine-rest/modification/executeAsync', { data: body }));
}

/** Waits for the job executor to use up the retries of `failedJobs` jobs, and nothing else left. */
async function waitUntilStuck(
  rest: APIRequestContext,
  batchId: string,
  failedJobs: number,
): Promise<void> {
  await expect
    .poll(
      async () => {
        const [statistics] = await getJson<BatchStatisticsDto[]>(
          rest,
          `/engine-rest/batch/statistics?batchId=${batchId}`,
        );
        return statistics && [statistics.remainingJobs, statistics.failedJobs];
      },
      { timeout: 30_000 },
    )
    .toEqual([failedJobs, failedJobs]);
}

async function setSuspended(
  rest: APIRequestContext,
  batchId: string,
  suspended: boolean,
): Promise<void> {
  await ok(await rest.put(`/engine-rest/batch/${batchId}/suspended`, { data: { suspended } }));
}

/**
 * Emulates switching tabs: headless Chromium keeps every page visible, so the document's
 * visibility is overridden and the event browsers send is dispatched.
 */
async function setTabHidden(page: Page, hidden: boolean): Promise<void> {
  await page.evaluate((isHidden) => {
    Object.defineProperty(document, 'visibilityState', {
      configurable: true,
      get: () => (isHidden ? 'hidden' : 'visible'),
    });
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => isHidden });
    document.dispatchEvent(new Event('visibilitychange', { bubbles: true }));
  }, hidden);
}

function isStatisticsPoll(request: Request): boolean {
  return new URL(request.url()).pathname === '/engine-rest/batch/statistics';
}

async function getJson<T>(rest: APIRequestContext, url: string): Promise<T> {
  return json<T>(await rest.get(url));
}

async function json<T>(response: APIResponse): Promise<T> {
  await ok(response);
  return (await response.json()) as T;
}

async function ok(response: APIResponse): Promise<void> {
  if (!response.ok()) {
    throw new Error(
      `${response.url()} answered ${String(response.status())}: ${await response.text()}`,
    );
  }
}
