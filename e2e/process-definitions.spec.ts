import { DEMO_USER, expect, test } from './fixtures';

test('lists a deployed process with its running instances', async ({
  page,
  engineRest,
  signInPage,
  processDefinitionsPage,
}) => {
  const { key, name } = await engineRest.deployProcess('user-task.bpmn');
  await engineRest.startProcessInstance(key);
  await engineRest.startProcessInstance(key);

  await signInPage.goto();
  await signInPage.signIn(DEMO_USER.username, DEMO_USER.password);

  await expect(processDefinitionsPage.heading).toBeVisible();
  await expect(processDefinitionsPage.cell(name, 'Key')).toHaveText(key);
  await expect(processDefinitionsPage.cell(name, 'Version')).toHaveText('1');
  await expect(processDefinitionsPage.cell(name, 'Running instances')).toHaveText('2');
  await expect(processDefinitionsPage.cell(name, 'Incidents')).toHaveText('0');
  await page.screenshot({ path: 'test-results/definitions.png', fullPage: true });
});

test('rejects a wrong password', async ({ signInPage }) => {
  await signInPage.goto();
  await signInPage.submitCredentials(DEMO_USER.username, 'not-the-password');

  await expect(signInPage.error).toContainText('Wrong user name or password');
  await expect(signInPage.heading).toBeVisible();
});

test('sends a signed-out visitor to sign in, then back, and signs out', async ({
  page,
  signInPage,
  processDefinitionsPage,
}) => {
  await processDefinitionsPage.goto();
  await expect(signInPage.heading).toBeVisible();

  await signInPage.signIn(DEMO_USER.username, DEMO_USER.password);
  await expect(processDefinitionsPage.heading).toBeVisible();
  await expect(page).toHaveURL(/\/process-definitions$/);

  await processDefinitionsPage.signOut.click();
  await expect(signInPage.heading).toBeVisible();
});

test('says why it signed the operator out when the engine refuses the stored credentials', async ({
  page,
  signInPage,
}) => {
  await signInPage.goto();
  await signInPage.signIn(DEMO_USER.username, DEMO_USER.password);
  // The password changed meanwhile: the engine answers 401, with Camunda's empty body.
  await page.evaluate(() => {
    sessionStorage.setItem(
      'camunda-repair-console.credentials',
      JSON.stringify({ username: 'demo', password: 'changed meanwhile' }),
    );
  });
  await page.getByRole('link', { name: 'Batches' }).click();

  await expect(signInPage.heading).toBeVisible();
  await expect(signInPage.signedOut).toContainText('did not accept the credentials (HTTP 401)');
  await page.screenshot({ path: 'test-results/sign-in-refused.png' });
});

test('shows the demo processes the server starts with', async ({
  signInPage,
  processDefinitionsPage,
}) => {
  await signInPage.goto();
  await signInPage.signIn(DEMO_USER.username, DEMO_USER.password);

  for (const [name, key] of [
    ['Order fulfilment', 'orderFulfilment'],
    ['Invoice approval', 'invoiceApproval'],
    ['Payment', 'payment'],
  ] as const) {
    await expect(processDefinitionsPage.cell(name, 'Key')).toHaveText(key);
  }
  // The payment demo has jobs that fail until they raise incidents.
  await expect(processDefinitionsPage.cell('Payment', 'Incidents')).not.toHaveText('0');
});
