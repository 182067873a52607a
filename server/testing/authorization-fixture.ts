/**
 * The fixture of the authorization tests: an app with demo, john (read-only grants) and mary (no
 * grants until a test gives her some), two instances of a two-task process, and the check of a
 * refusal against the body and message Camunda's AuthorizationException carries.
 */
import { expect } from 'vitest';
import type { BatchDto } from '../../contract/camunda/batch';
import type { AuthorizationExceptionDto } from '../../contract/camunda/common';
import type { JobDto } from '../../contract/camunda/job';
import type { TaskDto } from '../../contract/camunda/task';
import { DEFAULT_IDENTITIES } from '../identities';
import type { TestApp } from './test-app';
import { asyncServiceProcess, createTestApp, twoTaskProcess } from './test-app';

export const JOHN = `Basic ${btoa('john:john')}`;
export const MARY = `Basic ${btoa('mary:mary')}`;

export const MOVE_TO_TASK2 = [
  { type: 'startBeforeActivity', activityId: 'task2' },
  { type: 'cancel', activityId: 'task1' },
];

export const PROCESS_DEFINITION = 6;
export const PROCESS_INSTANCE = 8;
export const DEPLOYMENT = 9;
export const TASK = 7;
export const BATCH = 13;

export function catchingProcess(): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
  xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="test">
  <message id="m" name="go" />
  <signal id="s" name="wake" />
  <process id="catching" isExecutable="true" camunda:historyTimeToLive="P1D">
    <startEvent id="start" />
    <sequenceFlow id="f1" sourceRef="start" targetRef="fork" />
    <parallelGateway id="fork" />
    <sequenceFlow id="f2" sourceRef="fork" targetRef="waitMessage" />
    <sequenceFlow id="f3" sourceRef="fork" targetRef="waitSignal" />
    <intermediateCatchEvent id="waitMessage"><messageEventDefinition messageRef="m" /></intermediateCatchEvent>
    <intermediateCatchEvent id="waitSignal"><signalEventDefinition signalRef="s" /></intermediateCatchEvent>
    <sequenceFlow id="f4" sourceRef="waitMessage" targetRef="end1" />
    <sequenceFlow id="f5" sourceRef="waitSignal" targetRef="end2" />
    <endEvent id="end1" />
    <endEvent id="end2" />
  </process>
</definitions>`;
}

export interface Fixture extends TestApp {
  definitionKey: string;
  definitionId: string;
  deploymentId: string;
  instanceId: string;
  otherInstanceId: string;
  /** Grants mary (type 1) or revokes (type 2) `permissions` on a resource, as demo. */
  grant: (
    resourceType: number,
    resourceId: string,
    permissions: string[],
    owner?: { userId?: string; groupId?: string; type?: number },
  ) => Promise<string>;
}

export async function setUp(): Promise<Fixture> {
  const app = createTestApp({
    identities: {
      ...DEFAULT_IDENTITIES,
      users: [...DEFAULT_IDENTITIES.users, { id: 'mary', password: 'mary' }],
    },
  });
  const deployment = await app.deploy('p.bpmn', twoTaskProcess());
  const instanceId = await app.start('twoTasks');
  const otherInstanceId = await app.start('twoTasks');
  const definitionId = Object.keys(
    deployment.deployedProcessDefinitions as Record<string, unknown>,
  )[0];
  const grant: Fixture['grant'] = async (resourceType, resourceId, permissions, owner = {}) => {
    const response = await app.request('POST', '/authorization/create', {
      json: {
        type: owner.type ?? 1,
        userId: owner.groupId ? null : (owner.userId ?? 'mary'),
        groupId: owner.groupId ?? null,
        resourceType,
        resourceId,
        permissions,
      },
    });
    expect(response.status, response.text).toBe(200);
    return (response.body as { id: string }).id;
  };
  return {
    ...app,
    definitionKey: 'twoTasks',
    definitionId: definitionId ?? '',
    deploymentId: deployment.id as string,
    instanceId,
    otherInstanceId,
    grant,
  };
}

export type Missing = [permissionName: string, resourceName: string, resourceId: string | null][];

export function expectRefusal(
  response: { status: number; body: unknown; text: string },
  userId: string,
  missing: Missing,
): void {
  expect(response.status, response.text).toBe(403);
  const body = response.body as AuthorizationExceptionDto;
  expect(body.type).toBe('AuthorizationException');
  expect(body.userId).toBe(userId);
  expect(
    body.missingAuthorizations.map((m) => [m.permissionName, m.resourceName, m.resourceId]),
  ).toEqual(missing);
  const describe = ([permission, resource, id]: Missing[number]) =>
    `'${permission}' permission on resource '${id === null ? '' : `${id}' of type '`}${resource}'`;
  expect(body.message).toBe(
    missing.length === 1
      ? `The user with id '${userId}' does not have ${describe(missing[0] ?? ['', '', null])}.`
      : `The user with id '${userId}' does not have one of the following permissions: ${missing.map(describe).join(' or ')}`,
  );
}

export const updateInstance = (f: Fixture): Missing => [
  ['UPDATE', 'ProcessInstance', f.instanceId],
  ['UPDATE_INSTANCE', 'ProcessDefinition', f.definitionKey],
];

export const createBatch = (specific: string): Missing => [
  [specific, 'Batch', null],
  ['CREATE', 'Batch', null],
];

export async function createdBatch(f: Fixture): Promise<string> {
  const response = await f.request('POST', '/modification/executeAsync', {
    json: {
      processDefinitionId: f.definitionId,
      instructions: MOVE_TO_TASK2,
      processInstanceIds: [f.instanceId],
    },
  });
  return (response.body as BatchDto).id;
}

export function taskOf(f: Fixture): string {
  return [...f.engine.tasks()].find((task) => task.processInstanceId === f.instanceId)?.id ?? '';
}

export async function firstTask(f: Fixture): Promise<string> {
  const tasks = (await f.request('GET', `/task?processInstanceId=${f.instanceId}`))
    .body as TaskDto[];
  return tasks[0]?.id ?? '';
}

export async function asyncJob(f: Fixture): Promise<{ jobId: string; instanceId: string }> {
  await f.deploy('a.bpmn', asyncServiceProcess());
  const instanceId = await f.start('asyncService');
  const jobs = (await f.request('GET', `/job?processInstanceId=${instanceId}`)).body as JobDto[];
  return { jobId: jobs[0]?.id ?? '', instanceId };
}
