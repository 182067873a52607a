import type { APIRequestContext } from '@playwright/test';

import type { BatchDto } from '../contract/camunda/batch';
import type { ActivityInstanceDto } from '../contract/camunda/process-instance';
import { DEMO_USER, expect, test as base } from './fixtures';
import { ModificationWorkspace } from './pages/modification-workspace';
import { ProcessInstancePage } from './pages/process-instance-page';

/**
 * The console asks the engine what the signed-in user may do before it offers an action. john
 * (read-only by default) is granted one permission by demo, over REST, in the middle of a test.
 */
const JOHN = { username: 'john', password: 'john' } as const;

/** `AuthorizationDto` as `POST /authorization/create` answers it. */
interface AuthorizationDto {
  id: string;
}

const test = base.extend<{ adminRest: APIRequestContext }>({
  adminRest: async ({ playwright, baseURL }, use) => {
    const request = await playwright.request.newContext({
      baseURL,
      httpCredentials: { ...DEMO_USER, send: 'always' },
    });
    await use(request);
    await request.dispose();
  },
});

/** Creates an authorization of john's through demo (`AuthorizationCreateDto`: 1 grant, 2 revoke). */
async function authorizeJohn(
  adminRest: APIRequestContext,
  authorization: { type: 1 | 2; permissions: string[]; resourceType: number; resourceId: string },
): Promise<AuthorizationDto> {
  const created = await adminRest.post('/engine-rest/authorization/create', {
    data: { ...authorization, userId: JOHN.username, groupId: null },
  });
  expect(created.status()).toBe(200);
  return (await created.json()) as AuthorizationDto;
}

test.use({ viewport: { width: 1440, height: 1000 } });

test('john sees why he may not apply, and may apply as a batch once granted', async ({
  page,
  adminRest,
  engineRest,
  signInPage,
}) => {
  const { key } = await engineRest.deployProcess('repair.bpmn');
  const instance = await engineRest.startProcessInstance(key, { businessKey: 'JOHN-GRANT' });
  const instancePage = new ProcessInstancePage(page);
  const workspace = new ModificationWorkspace(page);

  await instancePage.goto(instance.id);
  await signInPage.signIn(JOHN.username, JOHN.password);
  await expect(instancePage.readyDiagram).toBeVisible();
  await expect(workspace.region.getByText('You can plan here, but not apply')).toBeVisible();

  await instancePage.clickDiagramElement('checkStock');
  await workspace.action("Cancel the token at 'Check stock'").click();
  await instancePage.clickDiagramElement('archiveOrder');
  await workspace.action("Start before 'Archive order'").click();
  await workspace.reviewButton.click();
  await workspace.annotation.fill('Granted for this repair');
  await expect(workspace.applyButton).toBeDisabled();
  await expect(workspace.applyButton).toHaveAccessibleDescription(
    `You may not modify this instance: that needs UPDATE on process instance ${instance.id} or UPDATE_INSTANCE on process definition ${key}. An administrator can grant it.`,
  );
  await expect(workspace.applyAsBatchButton).toBeDisabled();
  await expect(workspace.applyAsBatchButton).toHaveAccessibleDescription(
    'You may not apply this as a batch: that needs CREATE_BATCH_MODIFY_PROCESS_INSTANCES on every batch or CREATE on every batch. An administrator can grant it.',
  );
  await page.screenshot({ path: 'test-results/permissions-refused.png' });

  const grant = await authorizeJohn(adminRest, {
    type: 1,
    permissions: ['CREATE_BATCH_MODIFY_PROCESS_INSTANCES'],
    resourceType: 13,
    resourceId: '*',
  });
  try {
    // Signed in again, the console asks afresh; the plan survived the reload.
    await page.reload();
    await expect(instancePage.readyDiagram).toBeVisible();
    await expect(workspace.region.getByText('You can plan here, but not apply')).toBeHidden();
    await workspace.reviewButton.click();
    await workspace.annotation.fill('Granted for this repair');
    await expect(workspace.applyAsBatchButton).toBeEnabled();
    await expect(workspace.applyButton).toBeDisabled();
    await workspace.applyAsBatchButton.click();

    const batchCreated = workspace.region.getByText(/^Batch \S+ was created/);
    await expect(batchCreated).toBeVisible();
    const batchId = /^Batch (\S+) was created/.exec((await batchCreated.textContent()) ?? '')?.[1];
    await expect(page.getByText('The batch has finished')).toBeVisible({ timeout: 30_000 });
    const batch = await engineRest.get<BatchDto>(`/history/batch/${batchId ?? ''}`);
    expect(batch.createUserId).toBe(JOHN.username);
    const tree = await engineRest.get<ActivityInstanceDto>(
      `/process-instance/${instance.id}/activity-instances`,
    );
    expect(tree.childActivityInstances.map((child) => child.activityId)).toContain('archiveOrder');
  } finally {
    await adminRest.delete(`/engine-rest/authorization/${grant.id}`);
  }
});

test('john is told which permission he lacks to see the diagram of an instance he may read', async ({
  page,
  adminRest,
  engineRest,
  signInPage,
}) => {
  const { key } = await engineRest.deployProcess('repair.bpmn');
  const instance = await engineRest.startProcessInstance(key, { businessKey: 'JOHN-REVOKED' });
  // His group may read every definition; this one is taken from him alone.
  const revoke = await authorizeJohn(adminRest, {
    type: 2,
    permissions: ['READ'],
    resourceType: 6,
    resourceId: key,
  });
  try {
    const instancePage = new ProcessInstancePage(page);
    await instancePage.goto(instance.id);
    await signInPage.signIn(JOHN.username, JOHN.password);
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('The process definition of this instance could not be read');
    await expect(alert).toContainText(`The user john needs READ on ProcessDefinition ${key}`);
    await expect(
      page.getByRole('heading', { name: `Process instance ${instance.id}` }),
    ).toBeVisible();
  } finally {
    await adminRest.delete(`/engine-rest/authorization/${revoke.id}`);
  }
});
