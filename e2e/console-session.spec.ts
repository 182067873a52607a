import { createServer } from 'node:http';
import type { Server } from 'node:http';

import type { Page } from '@playwright/test';

import { SESSION_COOKIE } from '../server/console-session';
import { DEMO_USER, expect, test } from './fixtures';

/** Everything a page keeps in web storage, as one text. */
function webStorage(page: Page): Promise<string> {
  return page.evaluate(() =>
    JSON.stringify([sessionStorage, localStorage].map((storage) => Object.entries(storage))),
  );
}

test('a second tab is signed in, and no password lies in web storage', async ({
  page,
  context,
  signInPage,
  processDefinitionsPage,
}) => {
  await signInPage.goto();
  await signInPage.signIn(DEMO_USER.username, DEMO_USER.password);
  await expect(processDefinitionsPage.heading).toBeVisible();

  const second = await context.newPage();
  await second.goto('/process-definitions');
  await expect(second.getByRole('heading', { name: 'Process definitions' })).toBeVisible();
  await expect(second.getByRole('heading', { name: 'Sign in' })).toBeHidden();

  // demo's password is its user name: neither appears anywhere a script could read it.
  for (const tab of [page, second]) {
    expect(await webStorage(tab)).not.toContain(DEMO_USER.password);
    expect(await tab.evaluate(() => document.cookie)).not.toContain(SESSION_COOKIE);
  }
  const [cookie] = (await context.cookies()).filter(({ name }) => name === SESSION_COOKIE);
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
  expect(cookie?.value).not.toContain(DEMO_USER.password);
});

test('signing out ends the session in every tab', async ({
  context,
  signInPage,
  processDefinitionsPage,
}) => {
  await signInPage.goto();
  await signInPage.signIn(DEMO_USER.username, DEMO_USER.password);
  const second = await context.newPage();
  await second.goto('/process-definitions');
  await expect(second.getByRole('button', { name: 'Sign out' })).toBeVisible();

  await processDefinitionsPage.signOut.click();
  await expect(signInPage.heading).toBeVisible();

  // The other tab hears of it at once, without waiting for its next request.
  await expect(second.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await expect(second.getByRole('status').filter({ hasText: 'Signed out' })).toContainText(
    'you signed out in another tab',
  );
  const third = await context.newPage();
  await third.goto('/process-definitions');
  await expect(third.getByRole('heading', { name: 'Sign in' })).toBeVisible();
});

test.describe('a form on another site', () => {
  let attacker: Server;
  let attackerPort = 0;
  /** What the attacker's page posts, set by each test before it opens the page. */
  let target = '';

  test.beforeAll(async () => {
    attacker = createServer((_request, response) => {
      // A JSON body from a plain form: enctype text/plain writes `name=value`.
      const name = JSON.stringify({ instructions: [{ type: 'cancel', activityId: 'review' }] })
        .slice(0, -1)
        .concat(',"padding":"');
      response.setHeader('Content-Type', 'text/html');
      response.end(`<!doctype html>
<form method="POST" action="${target}" enctype="text/plain">
  <input type="hidden" name='${name}' value='"}'>
</form>
<script>document.forms[0].submit()</script>`);
    });
    await new Promise<void>((resolve) => attacker.listen(0, resolve));
    const address = attacker.address();
    attackerPort = typeof address === 'object' && address !== null ? address.port : 0;
  });

  test.afterAll(async () => {
    await new Promise((resolve) => attacker.close(resolve));
  });

  for (const [site, host] of [
    // Another port of the same host is the same site: the SameSite=Strict cookie goes along.
    ['the same site', '127.0.0.1'],
    ['a site of its own', 'localhost'],
  ] as const) {
    test(`from ${site} does not modify an instance of the signed-in operator`, async ({
      page,
      baseURL,
      engineRest,
      signInPage,
    }) => {
      const { key } = await engineRest.deployProcess('user-task.bpmn');
      const instance = await engineRest.startProcessInstance(key);
      await signInPage.goto();
      await signInPage.signIn(DEMO_USER.username, DEMO_USER.password);
      target = `${baseURL ?? ''}/engine-rest/process-instance/${instance.id}/modification`;

      const answer = page.waitForResponse(target);
      await page.goto(`http://${host}:${String(attackerPort)}/`);

      expect((await answer).status()).toBe(403);
      const tree = await engineRest.activityInstances(instance.id);
      expect(tree.childActivityInstances.map(({ activityId }) => activityId)).toEqual(['review']);
    });
  }
});

test('the sign-in page and every page after it say the engine keeps its state in memory', async ({
  page,
  signInPage,
  processDefinitionsPage,
}) => {
  await signInPage.goto();
  await expect(page.getByRole('status')).toContainText(
    'This engine keeps its state in memory only',
  );
  await page.screenshot({ path: 'test-results/sign-in-in-memory-engine.png' });
  await signInPage.signIn(DEMO_USER.username, DEMO_USER.password);
  await expect(processDefinitionsPage.heading).toBeVisible();
  await page.getByRole('button', { name: 'In-memory engine: what this means' }).click();
  await expect(page.getByText(/restarting the server loses every deployment/)).toBeVisible();
  await page.screenshot({ path: 'test-results/header-in-memory-engine.png' });
});
