import type { APIRequest, Page } from '@playwright/test';

import type { CountResultDto } from '../contract/camunda/common';
import type { UserOperationLogEntryDto } from '../contract/camunda/history';
import type { EngineRest } from './fixtures';
import { AUDIT_BASE_URL, DEMO_USER, expect, NO_AUTH_BASE_URL, test } from './fixtures';
import { ModificationWorkspace } from './pages/modification-workspace';
import { ProcessInstancePage } from './pages/process-instance-page';

/**
 * Whether an annotation reaches Camunda's user operation log, said before sending and read back
 * after applying, on engines in three profiles. Each claim the console makes is checked through
 * the REST API afterwards.
 */
test.use({ viewport: { width: 1440, height: 1000 } });

/** A user task instance, with a variable so that the engine's history has something to show. */
async function startInstance(engineRest: EngineRest): Promise<string> {
  const { key } = await engineRest.deployProcess('user-task.bpmn');
  const instance = await engineRest.startProcessInstance(key, {
    variables: { orderId: { value: 'A-17', type: 'String' } },
  });
  return instance.id;
}

/** Plans a second token at "Review" and opens the review dialog. */
async function planAndReview(page: Page): Promise<ModificationWorkspace> {
  const instancePage = new ProcessInstancePage(page);
  const workspace = new ModificationWorkspace(page);
  await expect(instancePage.readyDiagram).toBeVisible();
  await instancePage.clickDiagramElement('review');
  await workspace.action("Start before 'Review'").click();
  await workspace.reviewButton.click();
  return workspace;
}

function operationLog(engineRest: EngineRest, processInstanceId: string) {
  return engineRest.get<UserOperationLogEntryDto[]>(
    `/history/user-operation?processInstanceId=${processInstanceId}`,
  );
}

function readback(page: Page) {
  return page.getByRole('region', { name: 'Operation log entry' });
}

test.describe('an engine without authentication', () => {
  test.use({ baseURL: NO_AUTH_BASE_URL });

  test('says credentials are not checked, and that the annotation will not be recorded', async ({
    page,
    engineRest,
    signInPage,
    playwright,
  }) => {
    const processInstanceId = await startInstance(engineRest);

    await new ProcessInstancePage(page).goto(processInstanceId);
    await expect(signInPage.authenticationOff).toBeVisible();
    await expect(
      page.getByText(/anyone who can reach it can change it, and it records no user/i),
    ).toBeVisible();
    await expect(signInPage.password).toHaveCount(0);
    await page.screenshot({ path: 'test-results/annotations-no-auth-sign-in.png' });
    // True: credentials that cannot be right are accepted.
    expect(await versionStatus(playwright.request, NO_AUTH_BASE_URL)).toBe(200);

    await signInPage.continueWithoutCredentials();
    await expect(
      page.getByRole('button', { name: 'Authentication off: what this means' }),
    ).toBeVisible();

    const workspace = await planAndReview(page);
    const dialog = workspace.reviewDialog;
    await expect(dialog.getByText('This annotation will not be recorded')).toBeVisible();
    await expect(dialog.getByText(/This engine does not check credentials/)).toBeVisible();
    await workspace.annotation.fill('Second reviewer, ticket 88');
    await expect(workspace.applyButton).toBeDisabled();
    await dialog.getByText(/I have kept the annotation elsewhere/).click();
    await page.screenshot({ path: 'test-results/annotations-no-auth-review.png' });
    await workspace.applyButton.click();

    await expect(readback(page).getByText('No operation log entry was written')).toBeVisible();
    await expect(readback(page).getByText('Second reviewer, ticket 88')).toBeVisible();
    await readback(page).scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test-results/annotations-no-auth-readback.png' });
    expect(await operationLog(engineRest, processInstanceId)).toEqual([]);
    const tree = await engineRest.activityInstances(processInstanceId);
    expect(tree.childActivityInstances.map((child) => child.activityId)).toEqual([
      'review',
      'review',
    ]);
  });
});

test.describe('an engine at history level audit', () => {
  test.use({ baseURL: AUDIT_BASE_URL });

  test('says before sending that the annotation will not be recorded', async ({
    page,
    engineRest,
    signInPage,
  }) => {
    const processInstanceId = await startInstance(engineRest);

    await new ProcessInstancePage(page).goto(processInstanceId);
    await signInPage.signIn(DEMO_USER.username, DEMO_USER.password);
    const workspace = await planAndReview(page);
    const dialog = workspace.reviewDialog;
    await expect(dialog.getByText('This annotation will not be recorded')).toBeVisible();
    await expect(dialog.getByText(/runs at history level audit/)).toBeVisible();
    await page.screenshot({ path: 'test-results/annotations-audit-review.png' });
    // What the console read the level from: variables with history, no change of them recorded.
    const variables = await engineRest.get<CountResultDto>('/history/variable-instance/count');
    const updates = await engineRest.get<CountResultDto>(
      '/history/detail/count?variableUpdates=true',
    );
    expect(variables.count).toBeGreaterThan(0);
    expect(updates.count).toBe(0);

    await workspace.annotation.fill('Audit engine, ticket 89');
    await dialog.getByText(/I have kept the annotation elsewhere/).click();
    await workspace.applyButton.click();

    await expect(readback(page).getByText('No operation log entry was written')).toBeVisible();
    expect(await operationLog(engineRest, processInstanceId)).toEqual([]);
  });
});

test.describe('the default engine', () => {
  test('reads back the annotation of a modification applied directly', async ({
    page,
    engineRest,
    signInPage,
  }) => {
    const processInstanceId = await startInstance(engineRest);

    await new ProcessInstancePage(page).goto(processInstanceId);
    await signInPage.signIn(DEMO_USER.username, DEMO_USER.password);
    const workspace = await planAndReview(page);
    await expect(workspace.annotation).toBeVisible();
    await expect(
      workspace.reviewDialog.getByText(/will not be recorded|cannot confirm/),
    ).toHaveCount(0);
    await workspace.annotation.fill('Second reviewer, ticket 90');
    await workspace.applyButton.click();

    const section = readback(page);
    await expect(section.getByText('Recorded in the operation log')).toBeVisible();
    await section.scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test-results/annotations-readback.png' });
    const [entry, ...others] = await operationLog(engineRest, processInstanceId);
    expect(others).toEqual([]);
    expect(entry).toMatchObject({
      operationType: 'ModifyProcessInstance',
      userId: DEMO_USER.username,
      annotation: 'Second reviewer, ticket 90',
    });
    await expect(section).toContainText(`User${DEMO_USER.username}`);
    await expect(section).toContainText('AnnotationSecond reviewer, ticket 90');
    await expect(section).toContainText(`Operation id${entry?.operationId ?? ''}`);
  });

  test('reads back the annotation of a batch, written when the batch was created', async ({
    page,
    engineRest,
    signInPage,
  }) => {
    const processInstanceId = await startInstance(engineRest);

    await new ProcessInstancePage(page).goto(processInstanceId);
    await signInPage.signIn(DEMO_USER.username, DEMO_USER.password);
    const workspace = await planAndReview(page);
    await workspace.annotation.fill('As a batch, ticket 91');
    await workspace.applyAsBatchButton.click();

    const section = readback(page);
    await expect(
      section.getByText('Recorded in the operation log when the batch was created'),
    ).toBeVisible();
    await section.scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test-results/annotations-batch-readback.png' });
    const [entry, ...others] = await operationLog(engineRest, processInstanceId);
    expect(others).toEqual([]);
    expect(entry).toMatchObject({
      userId: DEMO_USER.username,
      annotation: 'As a batch, ticket 91',
    });
    await expect(section).toContainText('AnnotationAs a batch, ticket 91');
    await expect(section).toContainText(`Operation id${entry?.operationId ?? ''}`);

    // The batch's page finds the same entry, from the batch alone (its start and creator).
    const created = await page.getByText(/^Batch \S+ was created/).textContent();
    const batchId = /^Batch (\S+) was created/.exec(created ?? '')?.[1] ?? '';
    await page.goto(`/batches/${batchId}`);
    await expect(
      readback(page).getByText('Recorded in the operation log when the batch was created'),
    ).toBeVisible();
    await expect(readback(page)).toContainText(`Operation id${entry?.operationId ?? ''}`);
    await readback(page).scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test-results/annotations-batch-page-readback.png' });
  });
});

/** The status of `GET /version` asked with a user name and password nobody has. */
async function versionStatus(request: APIRequest, baseURL: string): Promise<number> {
  const context = await request.newContext({
    baseURL,
    httpCredentials: {
      username: `nobody-${String(Date.now())}`,
      password: 'wrong',
      send: 'always',
    },
  });
  const status = (await context.get('/engine-rest/version')).status();
  await context.dispose();
  return status;
}
