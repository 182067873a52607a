import type { APIRequestContext } from '@playwright/test';

import type { IncidentDto, JobDto } from '../src/api/camunda-dto';
import { DEMO_USER, expect, test } from './fixtures';
import { ProcessInstancePage } from './pages/process-instance-page';

/**
 * Runs the instance's failing job until its retries are used up and it becomes an incident. The
 * server's job executor may get there first; either way the job is executed at most 3 times.
 */
async function failJobUntilIncident(
  api: APIRequestContext,
  processInstanceId: string,
): Promise<void> {
  await expect
    .poll(
      async () => {
        const incidents = await getJson<IncidentDto[]>(
          api,
          `/engine-rest/incident?processInstanceId=${processInstanceId}`,
        );
        if (incidents.length > 0) {
          return incidents.length;
        }
        const [job] = await getJson<JobDto[]>(
          api,
          `/engine-rest/job?processInstanceId=${processInstanceId}`,
        );
        if (job !== undefined && job.retries > 0) {
          // Answers 500 with the job's exception: that failure is the point.
          await api.post(`/engine-rest/job/${job.id}/execute`);
        }
        return 0;
      },
      { timeout: 20_000 },
    )
    .toBe(1);
}

async function getJson<T>(api: APIRequestContext, url: string): Promise<T> {
  const response = await api.get(url);
  expect(response.ok(), `${url} answered ${String(response.status())}`).toBe(true);
  return (await response.json()) as T;
}

test.use({ viewport: { width: 1440, height: 900 } });

test('shows where the tokens are, synced between diagram and tree, with variables and incidents', async ({
  page,
  playwright,
  baseURL,
  engineRest,
  signInPage,
}) => {
  const { key, name } = await engineRest.deployProcess('instance-page.bpmn');
  const instance = await engineRest.startProcessInstance(key, {
    businessKey: 'ORDER-42',
    variables: {
      orderId: { value: 'A-100', type: 'String' },
      order: {
        value: JSON.stringify({ customer: 'Anna Becker', items: ['keyboard', 'mouse', 'monitor'] }),
        type: 'Json',
      },
    },
  });
  const api = await playwright.request.newContext({
    baseURL,
    httpCredentials: { ...DEMO_USER, send: 'always' },
  });
  await failJobUntilIncident(api, instance.id);
  await api.dispose();

  const instancePage = new ProcessInstancePage(page);
  await instancePage.goto(instance.id);
  await signInPage.signIn(DEMO_USER.username, DEMO_USER.password);

  await expect(instancePage.heading(`${name} version 1`)).toBeVisible();
  await expect(page.getByText('ORDER-42')).toBeVisible();
  await expect(instancePage.readyDiagram).toBeVisible();
  await expect(instancePage.diagramElement('reviewOrder')).toBeVisible();

  // Badges: one token per branch; the async service task waits and has failed.
  await expect(instancePage.badge('reviewOrder', '1 active')).toBeVisible();
  await expect(instancePage.badge('stockCheck', '1 active')).toBeVisible();
  await expect(instancePage.badge('checkStock', '1 active')).toBeVisible();
  await expect(instancePage.badge('chargeCard', '1 waiting (async)')).toBeVisible();
  await expect(instancePage.badge('chargeCard', '1 incident')).toBeVisible();
  await expect(
    instancePage.overlays('chargeCard').getByRole('img', { name: /active/ }),
  ).toHaveCount(0);
  await expect(instancePage.overlays('start')).toHaveCount(0);
  await expect(instancePage.diagramElement('chargeCard')).toHaveClass(
    /diagram-marker--has-incident/,
  );

  // Diagram → tree: the subprocess is collapsed first, so selecting has to expand it.
  await instancePage.selectTreeNode('Stock check');
  await page.keyboard.press('ArrowLeft');
  await expect(instancePage.treeNode('Check stock')).toBeHidden();
  await expect(instancePage.treeNode('Stock check')).toHaveAttribute('aria-expanded', 'false');
  await instancePage.diagramElement('checkStock').click();
  await expect(instancePage.treeNode('Check stock')).toBeVisible();
  await expect(instancePage.treeNode('Check stock')).toHaveAttribute('aria-selected', 'true');
  await expect(instancePage.diagramElement('checkStock')).toHaveClass(/diagram-marker--selected/);

  // Tree → diagram.
  await instancePage.selectTreeNode('Review order');
  await expect(instancePage.diagramElement('reviewOrder')).toHaveClass(/diagram-marker--selected/);
  await expect(instancePage.diagramElement('checkStock')).not.toHaveClass(
    /diagram-marker--selected/,
  );
  await expect(instancePage.treeNode('Check stock')).toHaveAttribute('aria-selected', 'false');

  // The waiting async continuation is in the tree too, marked as such.
  await expect(instancePage.treeNode('Charge card')).toContainText('waiting (async)');
  await expect(instancePage.treeNode('Charge card')).toContainText('incident');

  // Sequence flows are clickable as well.
  await instancePage.clickDiagramElement('toStockCheck');
  await expect(instancePage.diagramElement('toStockCheck')).toHaveClass(/diagram-marker--selected/);
  await instancePage.clickDiagramElement('toStockCheck');
  await expect(instancePage.diagramElement('toStockCheck')).not.toHaveClass(
    /diagram-marker--selected/,
  );

  await instancePage.selectTreeNode('Charge card');
  await expect(instancePage.variableRow('orderId')).toContainText('A-100');
  await expect(instancePage.variableRow('order')).toContainText('Anna Becker');
  await page.screenshot({ path: 'test-results/instance-page.png', fullPage: true });

  await instancePage.incidentsTab.click();
  await expect(instancePage.incidentsTable).toContainText('undefinedVariable');
  await expect(instancePage.incidentsTable).toContainText('Charge card');
  await page.screenshot({ path: 'test-results/instance-page-incidents.png', fullPage: true });
});

test('says so when the instance no longer exists', async ({ page, signInPage }) => {
  const instancePage = new ProcessInstancePage(page);
  await instancePage.goto('no-such-instance');
  await signInPage.signIn(DEMO_USER.username, DEMO_USER.password);

  await expect(page.getByRole('alert')).toContainText('This process instance no longer exists');
  await expect(page.getByRole('link', { name: 'Back to the process definitions' })).toBeVisible();
});
