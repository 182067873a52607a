import type { Page } from '@playwright/test';

import type { HistoricBatchDto } from '../contract/camunda/batch';
import type {
  HistoricProcessInstanceDto,
  UserOperationLogEntryDto,
} from '../contract/camunda/history';
import type { IncidentDto } from '../contract/camunda/job';
import type { ActivityInstanceDto } from '../contract/camunda/process-instance';
import type { TaskDto } from '../contract/camunda/task';
import type { VariableValueDto } from '../contract/camunda/variables';
import type { EngineRest } from './fixtures';
import { DEMO_USER, expect, openInstance, test } from './fixtures';

/**
 * Repairs through the console, each checked afterwards through the REST API. The fixture
 * (`repair.bpmn`) forks into three branches: Charge card (async, always fails) → Ship order;
 * the Stock check subprocess around Check stock; Review order → Calculate discount (always
 * fails) → Archive order.
 */
test.use({ viewport: { width: 1440, height: 1000 } });

/** Tokens per activity id: activity instances and waiting async continuations alike. */
function tokenCounts(tree: ActivityInstanceDto): Record<string, number> {
  const counts: Record<string, number> = {};
  const visit = (node: ActivityInstanceDto) => {
    for (const child of node.childActivityInstances) {
      counts[child.activityId] = (counts[child.activityId] ?? 0) + 1;
      visit(child);
    }
    for (const transition of node.childTransitionInstances) {
      counts[transition.activityId] = (counts[transition.activityId] ?? 0) + 1;
    }
  };
  visit(tree);
  return counts;
}

const AT_START = { chargeCard: 1, stockCheck: 1, checkStock: 1, reviewOrder: 1 };

async function startRepairInstance(engineRest: EngineRest, businessKey: string) {
  const { key } = await engineRest.deployProcess('repair.bpmn');
  const instance = await engineRest.startProcessInstance(key, { businessKey });
  return { key, instance };
}

async function operationLog(
  engineRest: EngineRest,
  processInstanceId: string,
): Promise<UserOperationLogEntryDto[]> {
  return engineRest.get<UserOperationLogEntryDto[]>(
    `/history/user-operation?processInstanceId=${processInstanceId}&operationType=ModifyProcessInstance`,
  );
}

test('moves the token off an activity with an incident', async ({
  page,
  engineRest,
  signInPage,
}) => {
  const { instance } = await startRepairInstance(engineRest, 'ORDER-INCIDENT');
  await engineRest.failJobUntilIncident(instance.id);
  const { instancePage, workspace } = await openInstance(page, signInPage, instance.id);
  await expect(instancePage.badge('chargeCard', '1 incident')).toBeVisible();

  await instancePage.clickDiagramElement('chargeCard');
  await workspace.action('Move the token from here to another element…').click();
  await instancePage.clickDiagramElement('shipOrder');
  await workspace.action(/^Move here: cancel the token at .Charge card./).click();
  await expect(instancePage.badge('chargeCard', 'The plan cancels 1 token')).toBeVisible();
  await expect(instancePage.badge('shipOrder', 'The plan adds 1 token')).toBeVisible();
  await expect(workspace.instructions.getByRole('listitem')).toHaveCount(2);

  await workspace.reviewButton.click();
  await expect(workspace.requestBody).toContainText('"activityId": "chargeCard"');
  await page.screenshot({ path: 'test-results/modification-move-review.png' });
  await workspace.annotation.fill('Card charged by phone, ticket 4711');
  await workspace.applyButton.click();
  await expect(page.getByText('The modification was applied')).toBeVisible();
  await expect(instancePage.badge('shipOrder', '1 active')).toBeVisible();
  await expect(instancePage.operationLog).toContainText('ModifyProcessInstance');
  await page.screenshot({ path: 'test-results/modification-move-applied.png' });

  const { chargeCard: _gone, ...others } = AT_START;
  expect(tokenCounts(await engineRest.activityInstances(instance.id))).toEqual({
    ...others,
    shipOrder: 1,
  });
  expect(await engineRest.get<IncidentDto[]>(`/incident?processInstanceId=${instance.id}`)).toEqual(
    [],
  );
  const [entry] = await operationLog(engineRest, instance.id);
  expect(entry?.annotation).toBe('Card charged by phone, ticket 4711');
  expect(entry?.userId).toBe(DEMO_USER.username);
});

test('cancels one of two subprocess instances and starts a task under the chosen one', async ({
  page,
  engineRest,
  signInPage,
}) => {
  const { instance } = await startRepairInstance(engineRest, 'ORDER-SUBPROCESS');
  await engineRest.post(`/process-instance/${instance.id}/modification`, {
    instructions: [
      {
        type: 'startBeforeActivity',
        activityId: 'stockCheck',
        variables: { warehouse: { value: 'Hamburg', type: 'String', local: true } },
      },
    ],
  });
  const before = await engineRest.activityInstances(instance.id);
  const stockChecks = before.childActivityInstances.filter(
    (child) => child.activityId === 'stockCheck',
  );
  expect(stockChecks).toHaveLength(2);
  const [original, hamburg] = stockChecks as [ActivityInstanceDto, ActivityInstanceDto];
  const hamburgIsSecond = hamburg.childActivityInstances.length === 1;
  expect(hamburgIsSecond).toBe(true);

  const { instancePage, workspace } = await openInstance(page, signInPage, instance.id);
  await expect(instancePage.badge('stockCheck', '2 active')).toBeVisible();

  // Start Check stock again: two Stock check instances exist, so the console asks which one.
  const shortId = (id: string) => id.slice(id.lastIndexOf(':') + 1).slice(0, 8);
  await workspace.chooseElement('Check stock', /^Check stock \[checkStock\]/);
  await workspace.action("Start before 'Check stock'").click();
  await expect(workspace.reviewButton).toBeDisabled();
  const picker = workspace
    .instruction(1)
    .getByRole('group', { name: 'Where the new token of instruction 1 starts' });
  await expect(picker).toContainText('warehouse');
  const hamburgChoice = picker.getByRole('radio', {
    name: new RegExp(`${shortId(hamburg.id)}.*Hamburg`),
  });
  // Carbon hides the radio input itself; its label takes the click.
  await picker.getByText(new RegExp(`${shortId(hamburg.id)}.*Hamburg`)).click();
  await expect(hamburgChoice).toBeChecked();
  await expect(workspace.reviewButton).toBeEnabled();

  // Cancel the original instance: the action list names each one with its start and variables.
  await workspace.chooseElement('Stock check', /^Stock check \[stockCheck\]/);
  await workspace.action(`Cancel token ${shortId(original.id)}…`).click();
  await expect(workspace.instruction(2)).toContainText('Cancel');
  await page.screenshot({ path: 'test-results/modification-ancestor.png' });

  await workspace.reviewAndApply('Berlin stock check was a duplicate');
  await expect(page.getByText('The modification was applied')).toBeVisible();

  const after = await engineRest.activityInstances(instance.id);
  const remaining = after.childActivityInstances.filter(
    (child) => child.activityId === 'stockCheck',
  );
  expect(remaining.map((child) => child.id)).toEqual([hamburg.id]);
  expect(remaining[0]?.childActivityInstances.map((child) => child.activityId)).toEqual([
    'checkStock',
    'checkStock',
  ]);
});

test('starts a token on a sequence flow', async ({ page, engineRest, signInPage }) => {
  const { instance } = await startRepairInstance(engineRest, 'ORDER-FLOW');
  const { instancePage, workspace } = await openInstance(page, signInPage, instance.id);

  await instancePage.clickDiagramElement('toArchive');
  await workspace.action("Start a token on this sequence flow (to 'Archive order')").click();
  await expect(workspace.instruction(1)).toContainText('Discount calculated');
  await expect(instancePage.badge('toArchive', 'The plan adds 1 token')).toBeVisible();
  await page.screenshot({ path: 'test-results/modification-flow.png' });

  await workspace.reviewAndApply('Discount was calculated by hand');
  await expect(page.getByText('The modification was applied')).toBeVisible();
  expect(tokenCounts(await engineRest.activityInstances(instance.id))).toEqual({
    ...AT_START,
    archiveOrder: 1,
  });
});

test('starts an activity with a local and a process variable', async ({
  page,
  engineRest,
  signInPage,
}) => {
  const { instance } = await startRepairInstance(engineRest, 'ORDER-VARIABLES');
  const { instancePage, workspace } = await openInstance(page, signInPage, instance.id);

  await instancePage.clickDiagramElement('shipOrder');
  await workspace.action("Start before 'Ship order'").click();
  await workspace.region
    .getByRole('button', { name: 'Edit variables (0) of instruction 1' })
    .click();
  const editor = workspace.region.getByRole('form', { name: 'Variables of instruction 1' });
  await editor.getByRole('button', { name: 'Add variable' }).click();
  await editor.getByLabel('Name of variable 1').fill('carrier');
  await editor.getByLabel('Value of variable 1').fill('DHL');
  await editor.getByRole('button', { name: 'Add variable' }).click();
  await editor.getByLabel('Name of variable 2').fill('attempt');
  await editor.getByLabel('Type of variable 2').selectOption('Integer');
  await editor.getByLabel('Value of variable 2').fill('two');
  await editor.getByRole('button', { name: 'Save variables' }).click();
  // A wrong value for its type is refused where it was typed.
  await expect(editor.getByText(/whole number/)).toBeVisible();
  await editor.getByLabel('Value of variable 2').fill('2');
  // Carbon hides the checkbox input itself; its label takes the click.
  await editor.getByText('Local (variable 2)').click();
  await expect(editor.getByLabel('Local (variable 2)')).toBeChecked();
  await page.screenshot({ path: 'test-results/modification-variables.png' });
  await editor.getByRole('button', { name: 'Save variables' }).click();
  await expect(
    workspace.region.getByRole('button', { name: 'Edit variables (2) of instruction 1' }),
  ).toBeVisible();

  await workspace.reviewButton.click();
  await expect(workspace.requestBody).toContainText('"carrier"');
  await expect(workspace.applyAsBatchButton).toBeDisabled();
  await workspace.annotation.fill('Ship again with DHL');
  await workspace.applyButton.click();
  await expect(page.getByText('The modification was applied')).toBeVisible();

  const processVariables = await engineRest.get<Record<string, VariableValueDto>>(
    `/process-instance/${instance.id}/variables`,
  );
  expect(processVariables.carrier).toMatchObject({ value: 'DHL', type: 'String' });
  expect(processVariables.attempt).toBeUndefined();
  const [task] = await engineRest.get<TaskDto[]>(
    `/task?processInstanceId=${instance.id}&taskDefinitionKey=shipOrder`,
  );
  expect(task).toBeDefined();
  const taskVariables = await engineRest.get<Record<string, VariableValueDto>>(
    `/task/${task?.id ?? ''}/variables`,
  );
  expect(taskVariables.attempt).toMatchObject({ value: 2, type: 'Integer' });
  expect(taskVariables.carrier).toMatchObject({ value: 'DHL' });
});

test('shows the engine refusing a plan and keeps the plan, also across a reload', async ({
  page,
  engineRest,
  signInPage,
}) => {
  const { instance } = await startRepairInstance(engineRest, 'ORDER-REFUSED');
  const { instancePage, workspace } = await openInstance(page, signInPage, instance.id);

  await instancePage.clickDiagramElement('reviewOrder');
  await workspace.action("Cancel the token at 'Review order'").click();
  await instancePage.clickDiagramElement('calculateDiscount');
  await workspace.action("Start before 'Calculate discount'").click();
  await workspace.reviewAndApply('Skip the review');

  // Carbon's text area holds an empty alert region of its own.
  const alert = workspace.reviewDialog.getByRole('alert').filter({ hasText: /\S/ });
  await expect(alert).toContainText('The modification was not applied');
  await expect(alert).toContainText('discountRules');
  await expect(alert).toContainText('ProcessEngineException');
  await page.screenshot({ path: 'test-results/modification-refused.png' });
  await expect(workspace.reviewDialog).toBeVisible();
  await workspace.reviewDialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(workspace.instructions.getByRole('listitem')).toHaveCount(2);

  await page.reload();
  await expect(instancePage.readyDiagram).toBeVisible();
  await expect(workspace.instructions.getByRole('listitem')).toHaveCount(2);
  await expect(workspace.instruction(2)).toContainText('Calculate discount');
  await workspace.reviewButton.click();
  await expect(workspace.annotation).toHaveValue('Skip the review');

  expect(tokenCounts(await engineRest.activityInstances(instance.id))).toEqual(AT_START);
  expect(await operationLog(engineRest, instance.id)).toEqual([]);
});

test('applies a plan as a batch and follows it to the end', async ({
  page,
  engineRest,
  signInPage,
}) => {
  const { instance } = await startRepairInstance(engineRest, 'ORDER-BATCH');
  const { instancePage, workspace } = await openInstance(page, signInPage, instance.id);

  await instancePage.clickDiagramElement('checkStock');
  await workspace.action("Cancel the token at 'Check stock'").click();
  await instancePage.clickDiagramElement('archiveOrder');
  await workspace.action("Start before 'Archive order'").click();
  await workspace.reviewAndApply('Stock is known, archive it', 'batch');

  const created = workspace.region.getByText(/^Batch \S+ was created/);
  await expect(created).toBeVisible();
  const batchId = /^Batch (\S+) was created/.exec((await created.textContent()) ?? '')?.[1] ?? '';
  const finished = page.getByText('The batch has finished');
  await expect(finished).toBeVisible({ timeout: 30_000 });
  await expect(instancePage.operationLog).toContainText('ModifyProcessInstance');
  await finished.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/modification-batch.png' });
  await expect(instancePage.badge('archiveOrder', '1 active')).toBeVisible();

  const { stockCheck: _subprocess, checkStock: _task, ...others } = AT_START;
  expect(tokenCounts(await engineRest.activityInstances(instance.id))).toEqual({
    ...others,
    archiveOrder: 1,
  });
  const [entry] = await operationLog(engineRest, instance.id);
  expect(entry?.annotation).toBe('Stock is known, archive it');
  const batch = await engineRest.get<HistoricBatchDto>(`/history/batch/${batchId}`);
  expect(batch).toMatchObject({ type: 'instance-modification', totalJobs: 1 });
  expect(batch.endTime).not.toBeNull();
});

test('stops before sending when the instance changed since the plan was made', async ({
  page,
  engineRest,
  signInPage,
}) => {
  const { instance } = await startRepairInstance(engineRest, 'ORDER-STALE');
  const { instancePage, workspace } = await openInstance(page, signInPage, instance.id);

  await instancePage.clickDiagramElement('checkStock');
  await workspace.action("Cancel the token at 'Check stock'").click();
  await workspace.reviewButton.click();
  await workspace.annotation.fill('Stock is known');

  // Someone else checks the stock meanwhile, which ends the subprocess.
  const [task] = await engineRest.get<TaskDto[]>(
    `/task?processInstanceId=${instance.id}&taskDefinitionKey=checkStock`,
  );
  await engineRest.post(`/task/${task?.id ?? ''}/complete`, {});

  await workspace.applyButton.click();
  // Carbon's text area holds an empty alert region of its own.
  const alert = workspace.reviewDialog.getByRole('alert').filter({ hasText: /\S/ });
  await expect(alert).toContainText('The instance changed since the plan was made');
  await expect(workspace.reviewDialog.getByRole('list', { name: 'What changed' })).toContainText(
    'Check stock',
  );
  await page.screenshot({ path: 'test-results/modification-stale.png' });

  const { stockCheck: _subprocess, checkStock: _task, ...others } = AT_START;
  expect(tokenCounts(await engineRest.activityInstances(instance.id))).toEqual(others);
  expect(await operationLog(engineRest, instance.id)).toEqual([]);
});

test('after a stale stop, plans against the current state: preview, page and result agree', async ({
  page,
  engineRest,
  signInPage,
}) => {
  // Order placed → Split ⇉ (Pack goods, Send invoice) → Both done (parallel join) → Ship order.
  const { key } = await engineRest.deployProcess('parallel-join.bpmn');
  const instance = await engineRest.startProcessInstance(key, { businessKey: 'ORDER-REBASE' });
  const { instancePage, workspace } = await openInstance(page, signInPage, instance.id);
  const warnings = workspace.reviewDialog.getByRole('group', {
    name: 'Warnings about the predicted result',
  });

  // The operator gives up on the order: both branches are cancelled, so the instance would end.
  await instancePage.clickDiagramElement('pack');
  await workspace.action("Cancel the token at 'Pack goods'").click();
  await instancePage.clickDiagramElement('invoice');
  await workspace.action("Cancel the token at 'Send invoice'").click();
  await workspace.reviewButton.click();
  await workspace.annotation.fill('Order withdrawn by the customer');
  await expect(warnings).toContainText('The process instance would end');

  // Meanwhile someone packs the goods: that token now waits at the join.
  const [task] = await engineRest.get<TaskDto[]>(
    `/task?processInstanceId=${instance.id}&taskDefinitionKey=pack`,
  );
  await engineRest.post(`/task/${task?.id ?? ''}/complete`, {});
  await workspace.applyButton.click();
  await expect(
    workspace.reviewDialog.getByText(
      'The instance changed since the plan was made – nothing was sent',
    ),
  ).toBeVisible();

  await workspace.reviewDialog
    .getByRole('button', { name: 'Plan against the current state' })
    .click();
  await expect(
    workspace.reviewDialog.getByText('The plan now runs against the current state'),
  ).toBeVisible();
  // The prediction is about the instance as it is now: the packed token stays at the join, and
  // nothing can come along the cancelled branch any more.
  await expect(
    workspace.reviewDialog.getByRole('list', { name: 'Predicted activity instances' }),
  ).toContainText("'Both done'");
  await expect(warnings).toContainText("'Both done' would wait forever");
  await expect(warnings).not.toContainText('would end');
  await expect(warnings.locator('.cds--inline-notification--warning').first()).toBeVisible();
  // The page shows the tokens as they are now, too.
  await expect(instancePage.badge('join', '1 active')).toBeVisible();
  await expect(instancePage.overlays('pack').getByRole('img', { name: '1 active' })).toHaveCount(0);
  await workspace.reviewDialog
    .getByRole('heading', { name: 'Predicted result' })
    .scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/modification-rebased-join-warning.png' });

  // So the operator cancels the waiting token too: now the instance ends, and nothing is stuck.
  await workspace.reviewDialog.getByRole('button', { name: 'Cancel', exact: true }).click();
  await instancePage.clickDiagramElement('join');
  await workspace.action("Cancel the token at 'Both done'").click();
  await workspace.reviewButton.click();
  await expect(warnings).toContainText('The process instance would end');
  await expect(warnings).not.toContainText('would wait forever');
  await page.screenshot({ path: 'test-results/modification-rebased-ends.png' });
  await workspace.applyButton.click();
  await expect(page.getByText('The instance ended as planned')).toBeVisible();

  const history = await engineRest.get<HistoricProcessInstanceDto>(
    `/history/process-instance/${instance.id}`,
  );
  expect(history.state).toBe('EXTERNALLY_TERMINATED');
  expect(
    await engineRest.get<unknown[]>(`/process-instance?processInstanceIds=${instance.id}`),
  ).toEqual([]);
});

test('builds and applies a modification with the keyboard alone', async ({
  page,
  engineRest,
  signInPage,
}) => {
  // Some sixty key presses, each waited for: on a busy 2-core machine this runs past 30 s.
  test.slow();
  const { instance } = await startRepairInstance(engineRest, 'ORDER-KEYBOARD');
  const { workspace } = await openInstance(page, signInPage, instance.id);

  await workspace.elementPicker.focus();
  await page.keyboard.type('Review order');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  const cancel = workspace.action("Cancel the token at 'Review order'");
  await tabTo(page, cancel);
  await page.keyboard.press('Enter');

  await workspace.elementPicker.focus();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('Archive order');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  const start = workspace.action("Start before 'Archive order'");
  await tabTo(page, start);
  await page.keyboard.press('Enter');
  await expect(workspace.instructions.getByRole('listitem')).toHaveCount(2);

  await tabTo(page, workspace.reviewButton);
  await page.keyboard.press('Enter');
  await expect(workspace.reviewDialog).toBeVisible();
  // The dialog opens on the review from its top, which the arrow keys scroll, not on Close.
  const focused = workspace.reviewDialog.locator(':focus');
  await expect(focused).toHaveAttribute('role', 'region');
  await expect(focused.getByRole('list', { name: 'Instructions to send' })).toBeVisible();
  await tabTo(page, workspace.annotation);
  await page.keyboard.type('Reviewed on paper');
  await tabTo(page, workspace.applyButton);
  await page.screenshot({ path: 'test-results/modification-keyboard.png' });
  await page.keyboard.press('Enter');
  await expect(page.getByText('The modification was applied')).toBeVisible();

  const { reviewOrder: _cancelled, ...others } = AT_START;
  expect(tokenCounts(await engineRest.activityInstances(instance.id))).toEqual({
    ...others,
    archiveOrder: 1,
  });
});

/** Presses Tab until the target has the focus; fails if it is not reached in 40 steps. */
async function tabTo(page: Page, target: ReturnType<Page['locator']>): Promise<void> {
  for (let step = 0; step < 40; step += 1) {
    if (await target.evaluate((element) => element === document.activeElement)) {
      return;
    }
    await page.keyboard.press('Tab');
  }
  throw new Error('Tab never reached the control');
}
