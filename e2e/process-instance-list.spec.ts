import type { ProcessInstanceDto } from '../contract/camunda/process-instance';
import { DEMO_USER, expect, test } from './fixtures';
import { ProcessInstanceListPage } from './pages/process-instance-list-page';

const INSTANCE_COUNT = 120;
/** Every tenth instance gets `amount = 500`; the others have no such variable. */
const WITH_AMOUNT_EVERY = 10;
const BASIC_AUTHORIZATION = `Basic ${Buffer.from(`${DEMO_USER.username}:${DEMO_USER.password}`).toString('base64')}`;

function businessKey(n: number): string {
  return `BK-${String(n).padStart(3, '0')}`;
}

test('pages through the instances of a definition and keeps its filters in the URL', async ({
  page,
  request,
  engineRest,
  signInPage,
  processDefinitionsPage,
}) => {
  const { key, name, definition } = await engineRest.deployProcess('user-task.bpmn');
  for (let n = 1; n <= INSTANCE_COUNT; n++) {
    await engineRest.startProcessInstance(key, {
      businessKey: businessKey(n),
      variables: n % WITH_AMOUNT_EVERY === 0 ? { amount: { value: 500, type: 'Integer' } } : null,
    });
  }
  // The list is sorted by instance id, as the engine sorts them: ask it which row comes last.
  const lastResponse = await request.get('/engine-rest/process-instance', {
    headers: { Authorization: BASIC_AUTHORIZATION },
    params: {
      processDefinitionId: definition.id,
      sortBy: 'instanceId',
      sortOrder: 'desc',
      maxResults: 1,
    },
  });
  const [last] = (await lastResponse.json()) as ProcessInstanceDto[];
  const lastBusinessKey = last?.businessKey ?? '';
  expect(lastBusinessKey).toMatch(/^BK-\d{3}$/);

  await signInPage.goto();
  await signInPage.signIn(DEMO_USER.username, DEMO_USER.password);
  await processDefinitionsPage.row(name).getByRole('link', { name }).click();

  const list = new ProcessInstanceListPage(page);
  await expect(list.heading(name)).toBeVisible();
  await expect(page).toHaveURL(`/process-definitions/${encodeURIComponent(definition.id)}`);
  await expect(list.count).toHaveText(String(INSTANCE_COUNT));
  await expect(list.table).toHaveAttribute('aria-rowcount', String(INSTANCE_COUNT + 1));
  await expect(list.table.getByRole('link').first()).toBeVisible();
  await page.screenshot({ path: 'test-results/instance-list.png', fullPage: true });

  await list.scrollToBottom();
  await expect(list.row(lastBusinessKey)).toBeInViewport();

  await list.filterByBusinessKey('BK-007');
  await expect(page).toHaveURL(/[?&]businessKey=BK-007(&|$)/);
  await expect(list.count).toHaveText('1');
  await expect(list.row('BK-007')).toBeVisible();

  await list.businessKey.clear();
  await list.addVariableCondition.click();
  await list.condition(1).name.fill('amount');
  // The engine holds amount as an Integer: the console preselects Number and says so.
  await expect(list.condition(1).type).toHaveValue('Number');
  await expect(page.getByText(/^amount is an Integer in the engine/)).toBeVisible();
  await list.filterByVariable(1, { name: 'amount', operator: '>', value: '100' });
  await expect
    .poll(() => list.variablesInUrl())
    .toEqual([{ name: 'amount', operator: 'gt', type: 'Number', value: '100' }]);
  await expect(page).not.toHaveURL(/businessKey=/);
  await expect(list.count).toHaveText(String(INSTANCE_COUNT / WITH_AMOUNT_EVERY));
  await expect(list.row('BK-010')).toBeVisible();

  await page.reload();
  await expect(list.condition(1).value).toHaveValue('100');
  await expect(list.condition(1).type).toHaveValue('Number');
  await expect(list.count).toHaveText(String(INSTANCE_COUNT / WITH_AMOUNT_EVERY));
  await expect(list.row('BK-120')).toBeVisible();
});

test('explains a value that does not fit its type instead of sending it', async ({
  page,
  engineRest,
  signInPage,
}) => {
  const { key, definition } = await engineRest.deployProcess('user-task.bpmn');
  await engineRest.startProcessInstance(key, { businessKey: 'BK-1' });

  await signInPage.goto();
  await signInPage.signIn(DEMO_USER.username, DEMO_USER.password);
  await page.goto(`/process-definitions/${encodeURIComponent(definition.id)}`);

  const list = new ProcessInstanceListPage(page);
  await expect(list.count).toHaveText('1');
  await list.filterByVariable(1, { name: 'amount', operator: '>', type: 'Number', value: 'lots' });

  await expect(page.getByText('Enter a number, e.g. 42 or 99.5.')).toBeVisible();
  await expect(list.condition(1).value).toHaveAttribute('aria-invalid', 'true');
  await expect(page).not.toHaveURL(/variables=/);
});
