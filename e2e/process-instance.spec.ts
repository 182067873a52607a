import { DEMO_USER, expect, test } from './fixtures';
import { ProcessInstancePage } from './pages/process-instance-page';

test.use({ viewport: { width: 1440, height: 900 } });

test('shows where the tokens are, synced between diagram and tree, with variables and incidents', async ({
  page,
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
  await engineRest.failJobUntilIncident(instance.id);

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

  // Sequence flows are clickable as well; a second click keeps them selected, Escape deselects.
  await instancePage.clickDiagramElement('toStockCheck');
  await expect(instancePage.diagramElement('toStockCheck')).toHaveClass(/diagram-marker--selected/);
  await instancePage.clickDiagramElement('toStockCheck');
  await expect(instancePage.diagramElement('toStockCheck')).toHaveClass(/diagram-marker--selected/);
  await page.keyboard.press('Escape');
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
