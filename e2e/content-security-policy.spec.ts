import type { Page } from '@playwright/test';

import { DEMO_USER, expect, test } from './fixtures';
import { ModificationWorkspace } from './pages/modification-workspace';
import { ProcessInstancePage } from './pages/process-instance-page';

/**
 * The console works under its own Content-Security-Policy: nothing it does is refused, so an
 * operator's browser reports no violation (and a real attack's report is not drowned in noise).
 */
async function recordViolations(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    Object.assign(window, { cspViolations: seen });
    document.addEventListener('securitypolicyviolation', (event) => {
      seen.push(`${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}`);
    });
  });
  const console: string[] = [];
  page.on('console', (message) => {
    if (message.text().includes('Content Security Policy')) {
      console.push(message.text());
    }
  });
  return async () => [
    ...console,
    ...(await page.evaluate(
      () => (window as unknown as { cspViolations: string[] }).cspViolations,
    )),
  ];
}

test('the console signs in, plans and reviews a repair without a CSP violation', async ({
  page,
  engineRest,
  signInPage,
}) => {
  const violations = await recordViolations(page);
  const { key } = await engineRest.deployProcess('repair.bpmn');
  const instance = await engineRest.startProcessInstance(key, { businessKey: 'CSP-1' });

  const served = await page.goto('/');
  const policy = (await served?.allHeaders())?.['content-security-policy'] ?? '';
  expect(policy).toContain("script-src 'self'");
  expect(policy).not.toContain('unsafe-inline');
  expect(policy).not.toContain('unsafe-eval');

  await signInPage.signIn(DEMO_USER.username, DEMO_USER.password);
  const instancePage = new ProcessInstancePage(page);
  await instancePage.goto(instance.id);
  await expect(instancePage.readyDiagram).toBeVisible();

  // The variable editor validates with zod, whose first parse probes for `new Function`.
  const workspace = new ModificationWorkspace(page);
  await instancePage.clickDiagramElement('shipOrder');
  await workspace.action("Start before 'Ship order'").click();
  await workspace.region
    .getByRole('button', { name: 'Edit variables (0) of instruction 1' })
    .click();
  const editor = workspace.region.getByRole('form', { name: 'Variables of instruction 1' });
  await editor.getByRole('button', { name: 'Add variable' }).click();
  await editor.getByLabel('Name of variable 1').fill('carrier');
  await editor.getByLabel('Value of variable 1').fill('DHL');
  await editor.getByRole('button', { name: 'Save variables' }).click();
  await workspace.reviewButton.click();
  await expect(workspace.reviewDialog).toBeVisible();

  expect(await violations()).toEqual([]);
});
