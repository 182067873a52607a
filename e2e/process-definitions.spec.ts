import type { BrowserContext } from '@playwright/test';

import { SESSION_COOKIE } from '../server/console-session';
import { sealSession, sessionKey } from '../server/session-cookie';
import { E2E_SESSION_SECRET } from './e2e-servers';
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

test('rejects credentials the engine does not know', async ({ signInPage }) => {
  await signInPage.goto();
  // Not demo: a wrong password would delay demo's next sign-in (Camunda's loginDelay), and the
  // tests running beside this one with it.
  await signInPage.submitCredentials('nobody', 'not-the-password');

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
  context,
  signInPage,
}) => {
  await signInPage.goto();
  await signInPage.signIn(DEMO_USER.username, DEMO_USER.password);
  // The user was removed meanwhile: the session stands, but the engine answers 401, with
  // Camunda's empty body. (A wrong password for demo would count towards demo's lockout.)
  await replaceSession(context, { u: 'removed-meanwhile', p: 'demo' });
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

/** Puts credentials of the test's choosing into the browser's session cookie, sealed as the server would. */
async function replaceSession(
  context: BrowserContext,
  credentials: { u: string; p: string },
): Promise<void> {
  const session = (await context.cookies()).find(({ name }) => name === SESSION_COOKIE);
  if (session === undefined) {
    throw new Error('not signed in: no session cookie');
  }
  const now = Date.now();
  const value = sealSession(sessionKey(E2E_SESSION_SECRET), {
    ...credentials,
    t: 'token',
    s: now,
    e: now + 10 * 60_000,
  });
  await context.addCookies([{ ...session, value }]);
}
