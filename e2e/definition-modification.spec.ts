import type { APIRequestContext, APIResponse } from '@playwright/test';

import type { BatchDto } from '../contract/camunda/batch';
import type { CountResultDto } from '../contract/camunda/common';
import type { UserOperationLogEntryDto } from '../contract/camunda/history';
import type { ModificationDto } from '../contract/camunda/modification';
import type {
  ActivityInstanceDto,
  ProcessInstanceWithVariablesDto,
} from '../contract/camunda/process-instance';
import { DEMO_USER, expect, test } from './fixtures';
import type { EngineRest } from './fixtures';
import { DefinitionModificationPage } from './pages/definition-modification-page';

const ASYNC_INSTANCES = 200;
const START_CHUNK = 25;

/** Starts `count` instances with business keys `<prefix>-1…`, a chunk at a time. */
async function startInstances(
  engineRest: EngineRest,
  key: string,
  prefix: string,
  count: number,
): Promise<ProcessInstanceWithVariablesDto[]> {
  const started: ProcessInstanceWithVariablesDto[] = [];
  for (let first = 1; first <= count; first += START_CHUNK) {
    const chunk = Array.from({ length: Math.min(START_CHUNK, count - first + 1) }, (_, i) =>
      engineRest.startProcessInstance(key, { businessKey: `${prefix}-${String(first + i)}` }),
    );
    started.push(...(await Promise.all(chunk)));
  }
  return started;
}

async function count(engineRest: EngineRest, query: string): Promise<number> {
  return (await engineRest.get<CountResultDto>(`/process-instance/count?${query}`)).count;
}

test('moves 200 instances chosen by a query in a batch and follows it to the end', async ({
  page,
  request,
  engineRest,
  signInPage,
}) => {
  test.setTimeout(240_000);
  const { key, definition } = await engineRest.deployProcess('two-steps.bpmn');
  await startInstances(engineRest, key, 'BULK', ASYNC_INSTANCES);
  // Instances the query must leave alone.
  await startInstances(engineRest, key, 'OTHER', 3);

  const modification = new DefinitionModificationPage(page);
  await modification.goto(definition.id);
  await signInPage.signIn(DEMO_USER.username, DEMO_USER.password);
  await modification.filterByBusinessKey('BULK-%');
  await expect(page).toHaveURL(/businessKey=BULK-%25/);
  await modification.open.click();

  await modification.diagramElement('review').click();
  await modification.action('Move the tokens from here to another element…').click();
  await modification.diagramElement('ship').click();
  await modification.action(/^Move here: cancel the tokens at 'Review'/).click();
  await expect(modification.instructions.getByRole('listitem')).toHaveCount(2);

  await expect(modification.byQuery).toBeChecked();
  await expect(modification.count).toContainText(`${String(ASYNC_INSTANCES)} instances match now`);
  // The engine's demo batches run too; none of them holds these new instances.
  await expect(modification.overlap.first()).toBeVisible();
  await expect(modification.panel).not.toContainText('holds');
  await page.screenshot({ path: 'test-results/definition-modification-plan.png', fullPage: true });

  // The review reads the ids the list's query matches, with that very query object, and the
  // request names exactly those.
  const idsRead = page.waitForRequest(
    (request) =>
      request.method() === 'POST' &&
      new URL(request.url()).pathname.endsWith('/engine-rest/process-instance') &&
      new URL(request.url()).searchParams.get('maxResults') === '5001',
  );
  await modification.review.click();
  await expect(modification.dialog).toBeVisible();
  // Opened on the review from its top, not on Close.
  const focused = modification.dialog.locator(':focus');
  await expect(focused).toHaveAttribute('role', 'region');
  await expect(focused.getByRole('list', { name: 'Instructions to send' })).toBeVisible();
  expect((await idsRead).postDataJSON()).toEqual({
    processDefinitionId: definition.id,
    businessKeyLike: 'BULK-%',
  });
  await expect(modification.dialog).toContainText(
    `${String(ASYNC_INSTANCES)} instances matched a runtime query for business key BULK-% when this review opened`,
  );
  const body = JSON.parse((await modification.requestBody.textContent()) ?? '') as ModificationDto;
  expect(body).not.toHaveProperty('processInstanceQuery');
  const matching = (await (
    await rest(request, 'POST', `/process-instance?maxResults=1000`, {
      processDefinitionId: definition.id,
      businessKeyLike: 'BULK-%',
    })
  ).json()) as { id: string }[];
  expect([...(body.processInstanceIds ?? [])].sort()).toEqual(matching.map(({ id }) => id).sort());
  expect(body.instructions).toEqual([
    { type: 'cancel', activityId: 'review', cancelCurrentActiveActivityInstances: false },
    { type: 'startBeforeActivity', activityId: 'ship' },
  ]);

  await modification.annotation.fill('Review step skipped for the e2e batch');
  await page.screenshot({ path: 'test-results/definition-modification-review.png' });
  await modification.runAsBatch.click();

  await expect(page).toHaveURL(/\/batches\/[^/]+$/);
  const batchId = decodeURIComponent(new URL(page.url()).pathname.split('/').at(-1) ?? '');
  await expect(page.getByRole('heading', { name: `Batch ${batchId}` })).toBeVisible();
  await expect(page.getByText('Finished', { exact: true })).toBeVisible({ timeout: 180_000 });
  await page.screenshot({ path: 'test-results/definition-modification-batch.png', fullPage: true });

  const inDefinition = `processDefinitionId=${encodeURIComponent(definition.id)}`;
  expect(
    await count(engineRest, `${inDefinition}&businessKeyLike=BULK-%25&activityIdIn=ship`),
  ).toBe(ASYNC_INSTANCES);
  expect(await count(engineRest, `${inDefinition}&activityIdIn=review`)).toBe(3);
  const log = await engineRest.get<UserOperationLogEntryDto[]>(
    `/history/user-operation?operationType=ModifyProcessInstance&${inDefinition}`,
  );
  expect(log.map(({ property, newValue }) => [property, newValue]).sort()).toEqual([
    ['async', 'true'],
    ['nrOfInstances', String(ASYNC_INSTANCES)],
  ]);
});

test('modifies the ticked instances at once, keeping the plan over a reload', async ({
  page,
  request,
  engineRest,
  signInPage,
}) => {
  const { key, definition } = await engineRest.deployProcess('two-steps.bpmn');
  const instances = await startInstances(engineRest, key, 'TICK', 4);

  const modification = new DefinitionModificationPage(page);
  await modification.goto(definition.id);
  await signInPage.signIn(DEMO_USER.username, DEMO_USER.password);
  await modification.open.click();

  // From the keyboard: the picker instead of the diagram.
  await modification.pickElement('Ship');
  await modification.action("Start before 'Ship'").click();
  await modification.pickElement('Review');
  await modification.action("Cancel all tokens at 'Review'").click();
  await modification.panel.getByText('Cancel only the instances active now').click();
  await expect(modification.instructions).toContainText(
    "Cancel the tokens at 'Review' that were active before this modification began",
  );

  await page.reload();
  await expect(modification.panel).toBeVisible();
  await expect(modification.instructions.getByRole('listitem')).toHaveCount(2);
  await expect(modification.instructions).toContainText("Start a token before 'Ship'");

  // A single-instance batch for TICK-2, kept running: the panel names it and the instance. Its
  // instruction names no activity of the process, so however soon the job executor runs its job
  // (before the suspension below lands), the job fails and TICK-2 stays as it is: Camunda's
  // ModifyProcessInstanceAsyncCmd checks nothing but the instance when it creates the batch
  // (docs/camunda-semantics.md#one-instance-as-a-batch).
  const tick2 = byBusinessKey(instances, 'TICK-2');
  const single = (await (
    await rest(request, 'POST', `/process-instance/${tick2.id}/modification-async`, {
      instructions: [{ type: 'startBeforeActivity', activityId: 'noSuchActivity' }],
    })
  ).json()) as BatchDto;
  await rest(request, 'PUT', `/batch/${single.id}/suspended`, { suspended: true });

  await modification.choose(modification.tick('TICK-2'));
  await modification.choose(modification.tick('TICK-4'));
  await modification.choose(modification.byTickedRows);
  await expect(modification.count).toContainText('2 ticked instances');

  await expect(modification.panel).toContainText(
    `Batch ${single.id} holds 1 of the selected instances: ${tick2.id}`,
  );
  await page.screenshot({
    path: 'test-results/definition-modification-overlap.png',
    fullPage: true,
  });
  await rest(request, 'DELETE', `/batch/${single.id}`);

  await modification.review.click();
  const body = JSON.parse((await modification.requestBody.textContent()) ?? '') as ModificationDto;
  const ticked = instances.filter(
    ({ businessKey }) => businessKey === 'TICK-2' || businessKey === 'TICK-4',
  );
  expect([...(body.processInstanceIds ?? [])].sort()).toEqual(ticked.map(({ id }) => id).sort());
  expect(body.instructions).toEqual([
    { type: 'startBeforeActivity', activityId: 'ship' },
    { type: 'cancel', activityId: 'review', cancelCurrentActiveActivityInstances: true },
  ]);
  await modification.annotation.fill('Two orders ship without review');
  await modification.modifyNow(2).click();
  await expect(modification.panel).toContainText(
    '2 instances were modified: the 2 the request named by id.',
  );
  await page.screenshot({ path: 'test-results/definition-modification-sync.png', fullPage: true });

  for (const instance of instances) {
    const tree = await engineRest.activityInstances(instance.id);
    const moved = ticked.some(({ id }) => id === instance.id);
    expect(activityIds(tree), instance.businessKey ?? '').toEqual(moved ? ['ship'] : ['review']);
  }
  const log = await engineRest.get<UserOperationLogEntryDto[]>(
    `/history/user-operation?operationType=ModifyProcessInstance&processDefinitionId=${encodeURIComponent(definition.id)}`,
  );
  expect(
    log
      // The single-instance batch above wrote an entry of its own, naming its instance.
      .filter(({ processInstanceId }) => processInstanceId === null)
      .map(({ property, newValue, annotation }) => [property, newValue, annotation])
      .sort(),
  ).toEqual([
    ['async', 'false', 'Two orders ship without review'],
    ['nrOfInstances', '2', 'Two orders ship without review'],
  ]);
});

function byBusinessKey(
  instances: readonly ProcessInstanceWithVariablesDto[],
  businessKey: string,
): ProcessInstanceWithVariablesDto {
  const found = instances.find((instance) => instance.businessKey === businessKey);
  if (found === undefined) {
    throw new Error(`No instance ${businessKey} was started`);
  }
  return found;
}

function activityIds(tree: ActivityInstanceDto): string[] {
  return tree.childActivityInstances.map(({ activityId }) => activityId);
}

/** A REST call as the demo user that must answer 2xx. */
async function rest(
  request: APIRequestContext,
  method: 'POST' | 'PUT' | 'DELETE',
  path: string,
  data?: unknown,
): Promise<APIResponse> {
  const response = await request.fetch(`/engine-rest${path}`, {
    method,
    headers: { Authorization: basicAuthorization() },
    data,
  });
  if (!response.ok()) {
    throw new Error(
      `${method} ${path} answered ${String(response.status())}: ${await response.text()}`,
    );
  }
  return response;
}

function basicAuthorization(): string {
  return `Basic ${Buffer.from(`${DEMO_USER.username}:${DEMO_USER.password}`).toString('base64')}`;
}
