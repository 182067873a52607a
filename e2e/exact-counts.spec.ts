import type { APIRequestContext, Page, Request } from '@playwright/test';

import type { CountResultDto } from '../contract/camunda/common';
import type { UserOperationLogEntryDto } from '../contract/camunda/history';
import type { ModificationDto } from '../contract/camunda/modification';
import type {
  ProcessInstanceQueryDto,
  ProcessInstanceWithVariablesDto,
} from '../contract/camunda/process-instance';
import { DEMO_USER, expect, test } from './fixtures';
import type { EngineRest } from './fixtures';
import { DefinitionModificationPage } from './pages/definition-modification-page';
import { ProcessInstanceListPage } from './pages/process-instance-list-page';

/**
 * What the console says it selected and changed is what the engine selected and changed: every
 * number is compared with the engine's own answer over REST.
 */

test('tells the String "00042" from the Integer 42 in the list, its count and the modification', async ({
  page,
  request,
  engineRest,
  signInPage,
}) => {
  const { key, definition } = await engineRest.deployProcess('user-task.bpmn');
  const text = await startWithOrderNo(engineRest, key, 'TEXT', { value: '00042', type: 'String' });
  const number = await startWithOrderNo(engineRest, key, 'NUMBER', { value: 42, type: 'Integer' });
  await startWithOrderNo(engineRest, key, 'TEXT-42', { value: '42', type: 'String' });
  await engineRest.startProcessInstance(key, { businessKey: 'NONE' });

  const list = new ProcessInstanceListPage(page);
  await page.goto(`/process-definitions/${encodeURIComponent(definition.id)}`);
  await signInPage.signIn(DEMO_USER.username, DEMO_USER.password);
  await expect(list.count).toHaveText('4');

  // The engine holds orderNo as a String in some instances and an Integer in another: the console
  // preselects no type and says so.
  await list.addVariableCondition.click();
  await list.condition(1).name.fill('orderNo');
  await expect(
    page.getByText(
      'orderNo is String and Integer in different instances: this condition matches only the String ones.',
    ),
  ).toBeVisible();
  let counted = nextCount(page);
  await list.filterByVariable(1, { name: 'orderNo', operator: '=', value: '00042' });
  await expect(list.count).toHaveText('1');
  await expect(list.row('TEXT')).toBeVisible();
  // The count the list shows is the engine's count of the very body the console sent.
  const textQuery = (await counted).postDataJSON() as ProcessInstanceQueryDto;
  expect(textQuery.variables).toEqual([{ name: 'orderNo', operator: 'eq', value: '00042' }]);
  expect(await restCount(request, textQuery)).toBe(1);

  counted = nextCount(page);
  await list.filterByVariable(1, {
    name: 'orderNo',
    operator: '=',
    type: 'Number',
    value: '42',
  });
  await expect(list.count).toHaveText('1');
  await expect(list.row('NUMBER')).toBeVisible();
  const numberQuery = (await counted).postDataJSON() as ProcessInstanceQueryDto;
  expect(numberQuery.variables).toEqual([{ name: 'orderNo', operator: 'eq', value: 42 }]);
  expect(await restCount(request, numberQuery)).toBe(1);
  await expect(
    page.getByText(
      'orderNo is String and Integer in different instances: this condition matches only the Integer ones.',
    ),
  ).toBeVisible();
  await page.screenshot({ path: 'test-results/exact-counts-typed-filter.png', fullPage: true });

  // The type is part of the shared link.
  await page.reload();
  await expect(list.condition(1).type).toHaveValue('Number');
  await expect(list.count).toHaveText('1');

  // A modification of "the list's filters" reads its instances with the same query object.
  const modification = new DefinitionModificationPage(page);
  await modification.open.click();
  await modification.pickElement('Review');
  await modification.action("Cancel all tokens at 'Review'").click();
  await expect(modification.count).toContainText('1 instance matches now');
  await expect(modification.panel).toContainText('orderNo = 42 (Number)');
  const idsRead = page.waitForRequest(isIdRead);
  await modification.review.click();
  expect((await idsRead).postDataJSON()).toEqual(numberQuery);
  const body = JSON.parse((await modification.requestBody.textContent()) ?? '') as ModificationDto;
  expect(body.processInstanceIds).toEqual([number.id]);
  expect(body.processInstanceIds).not.toContain(text.id);
});

test('modifies exactly the instances reviewed, however many start to match meanwhile', async ({
  page,
  request,
  engineRest,
  signInPage,
}) => {
  const reviewed = 30;
  const meanwhile = 5;
  const { key, definition } = await engineRest.deployProcess('two-steps.bpmn');
  await startInstances(engineRest, key, 'EXACT', 1, reviewed);

  const modification = new DefinitionModificationPage(page);
  await modification.goto(definition.id);
  await signInPage.signIn(DEMO_USER.username, DEMO_USER.password);
  await modification.filterByBusinessKey('EXACT-%');
  await modification.open.click();
  await modification.pickElement('Ship');
  await modification.action("Start before 'Ship'").click();
  await modification.pickElement('Review');
  await modification.action("Cancel all tokens at 'Review'").click();
  await expect(modification.count).toContainText(`${String(reviewed)} instances match now`);

  await modification.review.click();
  await expect(modification.dialog).toContainText(
    `${String(reviewed)} instances matched a runtime query for business key EXACT-% when this review opened. The request names exactly these by id`,
  );
  // Five more instances start to match while the operator reads the review.
  await startInstances(engineRest, key, 'EXACT', reviewed + 1, meanwhile);
  expect(
    await restCount(request, { processDefinitionId: definition.id, businessKeyLike: 'EXACT-%' }),
  ).toBe(reviewed + meanwhile);
  await modification.annotation.fill('Ship the reviewed orders');
  await page.screenshot({ path: 'test-results/exact-counts-review.png' });
  await modification.modifyNow(reviewed).click();

  await expect(modification.panel).toContainText(
    `${String(reviewed)} instances were modified: the ${String(reviewed)} the request named by id.`,
  );
  await page.screenshot({ path: 'test-results/exact-counts-applied.png', fullPage: true });
  // What REST shows changed is what the console reported, and the engine's own count agrees.
  const inDefinition = { processDefinitionId: definition.id, businessKeyLike: 'EXACT-%' };
  expect(await restCount(request, { ...inDefinition, activityIdIn: ['ship'] })).toBe(reviewed);
  expect(await restCount(request, { ...inDefinition, activityIdIn: ['review'] })).toBe(meanwhile);
  const log = await engineRest.get<UserOperationLogEntryDto[]>(
    `/history/user-operation?operationType=ModifyProcessInstance&property=nrOfInstances&processDefinitionId=${encodeURIComponent(definition.id)}`,
  );
  expect(log.map(({ newValue }) => newValue)).toEqual([String(reviewed)]);
});

test('names the instance a failed batch job could not modify', async ({
  page,
  request,
  engineRest,
  signInPage,
}) => {
  const { key, definition } = await engineRest.deployProcess('amount-route.bpmn');
  const [kept, changed, deleted] = await Promise.all(
    ['ROUTE-1', 'ROUTE-2', 'ROUTE-3'].map((businessKey) =>
      engineRest.startProcessInstance(key, {
        businessKey,
        variables: { amount: { value: 500, type: 'Integer' } },
      }),
    ),
  ).then(([first, second, third]) => [defined(first), defined(second), defined(third)] as const);

  const modification = new DefinitionModificationPage(page);
  await modification.goto(definition.id);
  await signInPage.signIn(DEMO_USER.username, DEMO_USER.password);
  await modification.filterByBusinessKey('ROUTE-%');
  await modification.open.click();
  await modification.pickElement('Route by amount');
  await modification.action("Start before 'Route by amount'").click();
  await modification.pickElement('Review');
  await modification.action("Cancel all tokens at 'Review'").click();
  await modification.review.click();
  await expect(modification.dialog).toContainText('3 instances matched');
  await modification.annotation.fill('Route the reviewed orders again');

  // Camunda examines no instance when it creates a modification batch, only when a job runs: so
  // these changes, made after the review and just before the batch is created (where the job
  // executor cannot run first), meet the jobs exactly as changes made just after would. One
  // instance is deleted (its job's exception names it); one loses the variable the gateway reads
  // (its job's exception names no instance, and the change leaves no activity history).
  await rest(request, 'DELETE', `/process-instance/${deleted.id}`);
  await rest(request, 'DELETE', `/process-instance/${changed.id}/variables/amount`);
  await modification.runAsBatch.click();

  await expect(page).toHaveURL(/\/batches\/[^/]+$/);
  const table = page.getByRole('table', { name: 'Failed jobs' });
  const deletedRow = table.getByRole('row').filter({ hasText: 'ENGINE-13036' });
  const unnamedRow = table.getByRole('row').filter({ hasText: 'Unknown property' });
  await expect(deletedRow.getByRole('link', { name: deleted.id })).toBeVisible({
    timeout: 30_000,
  });
  await expect(deletedRow).toContainText('named in the exception');
  await expect(unnamedRow.getByRole('link', { name: changed.id })).toBeVisible();
  await expect(unnamedRow).toContainText('the only instance of this batch still in its old state');
  const help = page.getByRole('region', { name: 'Instances still in their old state' });
  await expect(help).toContainText(
    '1 of the 3 instances this console sent with the batch still runs and shows no activity started or ended since the batch was created.',
  );
  await page.screenshot({ path: 'test-results/exact-counts-failed-jobs.png', fullPage: true });

  // Through REST: the instance named is the one left unchanged, the other one moved on.
  expect(activityIds(await engineRest.activityInstances(changed.id))).toEqual(['review']);
  expect(activityIds(await engineRest.activityInstances(kept.id))).toEqual(['approve']);
});

function defined<T>(value: T | undefined): T {
  if (value === undefined) {
    throw new Error('Every instance was started');
  }
  return value;
}

function isIdRead(request: Request): boolean {
  const url = new URL(request.url());
  return (
    request.method() === 'POST' &&
    url.pathname.endsWith('/engine-rest/process-instance') &&
    url.searchParams.get('maxResults') === '5001'
  );
}

/** The next `POST /process-instance/count` the console sends. */
function nextCount(page: Page): Promise<Request> {
  return page.waitForRequest(
    (request) =>
      request.method() === 'POST' &&
      new URL(request.url()).pathname.endsWith('/engine-rest/process-instance/count'),
  );
}

async function startWithOrderNo(
  engineRest: EngineRest,
  key: string,
  businessKey: string,
  orderNo: { value: string | number; type: 'String' | 'Integer' },
): Promise<ProcessInstanceWithVariablesDto> {
  return engineRest.startProcessInstance(key, { businessKey, variables: { orderNo } });
}

async function startInstances(
  engineRest: EngineRest,
  key: string,
  prefix: string,
  first: number,
  count: number,
): Promise<void> {
  await Promise.all(
    Array.from({ length: count }, (_, i) =>
      engineRest.startProcessInstance(key, { businessKey: `${prefix}-${String(first + i)}` }),
    ),
  );
}

function activityIds(tree: { childActivityInstances: { activityId: string }[] }): string[] {
  return tree.childActivityInstances.map(({ activityId }) => activityId);
}

async function restCount(
  request: APIRequestContext,
  query: ProcessInstanceQueryDto,
): Promise<number> {
  const response = await rest(request, 'POST', '/process-instance/count', query);
  return ((await response.json()) as CountResultDto).count;
}

/** A REST call as the demo user that must answer 2xx. */
async function rest(
  request: APIRequestContext,
  method: 'POST' | 'DELETE',
  path: string,
  data?: unknown,
) {
  const response = await request.fetch(`/engine-rest${path}`, {
    method,
    headers: {
      Authorization: `Basic ${Buffer.from(`${DEMO_USER.username}:${DEMO_USER.password}`).toString('base64')}`,
    },
    data,
  });
  if (!response.ok()) {
    throw new Error(
      `${method} ${path} answered ${String(response.status())}: ${await response.text()}`,
    );
  }
  return response;
}
