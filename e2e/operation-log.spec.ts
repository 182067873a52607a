import { randomUUID } from 'node:crypto';

import type { APIRequestContext, APIResponse } from '@playwright/test';

import type { UserOperationLogEntryDto } from '../contract/camunda/history';
import type { ProcessInstanceModificationDto } from '../contract/camunda/modification';
import type { ProcessInstanceDto } from '../contract/camunda/process-instance';
import type { DeploymentWithDefinitionsDto } from '../contract/camunda/repository';
import { DEMO_USER, expect, test } from './fixtures';
import { OperationLogPage } from './pages/operation-log-page';

const AUTHORIZATION = `Basic ${Buffer.from(`${DEMO_USER.username}:${DEMO_USER.password}`).toString('base64')}`;

/** start → A → B → end, with user tasks so that the tokens wait where the test puts them. */
function twoTaskProcess(key: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                  xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                  id="${key}-definitions" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:process id="${key}" name="E2E two tasks ${key}" isExecutable="true" camunda:historyTimeToLive="P1D">
    <bpmn:startEvent id="start" name="Start" />
    <bpmn:sequenceFlow id="to-a" sourceRef="start" targetRef="A" />
    <bpmn:userTask id="A" name="A" />
    <bpmn:sequenceFlow id="to-b" sourceRef="A" targetRef="B" />
    <bpmn:userTask id="B" name="B" />
    <bpmn:sequenceFlow id="to-end" sourceRef="B" targetRef="end" />
    <bpmn:endEvent id="end" name="End" />
  </bpmn:process>
</bpmn:definitions>`;
}

test('shows, annotates and explains a modification of one instance', async ({
  page,
  request,
  signInPage,
}) => {
  const processInstanceId = await startInstanceAtA(request);
  await modify(request, processInstanceId, {
    instructions: [
      { type: 'startBeforeActivity', activityId: 'B' },
      { type: 'cancel', activityId: 'A' },
    ],
    annotation: 'moved by e2e',
  });

  await signInPage.goto();
  await signInPage.signIn(DEMO_USER.username, DEMO_USER.password);
  const operationLog = new OperationLogPage(page);
  await operationLog.goto();
  await expect(operationLog.table).toBeVisible();
  await page.screenshot({ path: 'test-results/operation-log-all.png', fullPage: true });
  await operationLog.filterByInstance(processInstanceId);

  const modification = operationLog.operationRow('ModifyProcessInstance');
  await expect(modification).toContainText('moved by e2e');
  await expect(modification).toContainText('demo');

  await operationLog.startEditing('ModifyProcessInstance');
  await page.screenshot({ path: 'test-results/operation-log-editing.png', fullPage: true });
  await operationLog.saveAnnotation('ModifyProcessInstance', 'fixed by e2e');
  await expect(modification).toContainText('fixed by e2e');
  await expect.poll(() => annotationOf(request, processInstanceId)).toBe('fixed by e2e');

  await operationLog.startClearing('ModifyProcessInstance');
  await expect(operationLog.clearDialog).toContainText('fixed by e2e');
  await page.screenshot({ path: 'test-results/operation-log-clearing.png' });
  await operationLog.confirmClearing();
  await expect(operationLog.clearDialog).toBeHidden();
  await expect(modification).toContainText('No annotation');
  await expect.poll(() => annotationOf(request, processInstanceId)).toBeNull();

  const changes = await operationLog.showChanges('ModifyProcessInstance');
  await expect(changes).toContainText('Removed: A (1)');
  await expect(changes).toContainText('Added: B (1)');
  await expect(changes).toContainText(
    "Reconstructed from the instance's history around the time of the operation",
  );
  await page.screenshot({ path: 'test-results/operation-log.png', fullPage: true });
});

/** Deploys the process under a key of its own and starts one instance; its token waits at A. */
async function startInstanceAtA(request: APIRequestContext): Promise<string> {
  const key = `e2e-two-tasks-${randomUUID().slice(0, 8)}`;
  const deployment = await json<DeploymentWithDefinitionsDto>(
    await request.post('/engine-rest/deployment/create', {
      headers: { Authorization: AUTHORIZATION },
      multipart: {
        'deployment-name': `e2e ${key}`,
        'deployment-source': 'e2e',
        [`${key}.bpmn`]: {
          name: `${key}.bpmn`,
          mimeType: 'application/octet-stream',
          buffer: Buffer.from(twoTaskProcess(key)),
        },
      },
    }),
  );
  expect(Object.values(deployment.deployedProcessDefinitions ?? {})).toHaveLength(1);
  const instance = await json<ProcessInstanceDto>(
    await request.post(`/engine-rest/process-definition/key/${key}/start`, {
      headers: { Authorization: AUTHORIZATION },
      data: {},
    }),
  );
  return instance.id;
}

async function modify(
  request: APIRequestContext,
  processInstanceId: string,
  body: ProcessInstanceModificationDto,
): Promise<void> {
  const response = await request.post(
    `/engine-rest/process-instance/${processInstanceId}/modification`,
    { headers: { Authorization: AUTHORIZATION }, data: body },
  );
  expect(response.status()).toBe(204);
}

/** The annotation of the instance's modification, as the engine has it now. */
async function annotationOf(
  request: APIRequestContext,
  processInstanceId: string,
): Promise<string | null | undefined> {
  const entries = await json<UserOperationLogEntryDto[]>(
    await request.get('/engine-rest/history/user-operation', {
      headers: { Authorization: AUTHORIZATION },
      params: { processInstanceId, operationType: 'ModifyProcessInstance' },
    }),
  );
  expect(entries).toHaveLength(1);
  return entries[0]?.annotation;
}

async function json<T>(response: APIResponse): Promise<T> {
  if (!response.ok()) {
    throw new Error(
      `${response.url()} answered ${String(response.status())}: ${await response.text()}`,
    );
  }
  return (await response.json()) as T;
}
