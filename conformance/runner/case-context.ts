/**
 * What a case holds while it plays: the engine prepared for it (cleaned, its BPMN deployed, its
 * instances started), the instances steps target, snapshots, the current batch, and references.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';

import type { ActivityInstanceDto } from './activity-instance-tree';
import { renderActualTree } from './activity-instance-tree';
import type { ConformanceCase, StepTarget } from './conformance-case';
import type { JobDto } from './expectations';
import { CaseFailure, reasonOf } from './problems';
import type { RefScope, RefView } from './references';
import {
  TARGET_REF_KINDS,
  TREE_REF_KINDS,
  collectRefs,
  parseRef,
  resolveRef,
  substituteRefs,
} from './references';
import type { HttpResponse, RestClient, Stage } from './rest-client';
import { describeResponse, requireStatus } from './rest-client';

export interface RunEnvironment {
  client: RestClient;
  bpmnDir: string;
  strictDerived: boolean;
}

/** Camunda's `BatchDto`, the fields the runner reads. */
export interface BatchDto {
  id: string;
  seedJobDefinitionId?: string | null;
  monitorJobDefinitionId?: string | null;
  batchJobDefinitionId?: string | null;
  [field: string]: unknown;
}

export interface JobSummary {
  id: string;
  dueDate: string | null;
  jobDefinitionId: string | null;
}

export interface EventSubscriptionDto {
  id: string;
  eventType: string;
}

/** What a snapshot step recorded. */
export interface Snapshot extends RefView {
  targetId: string;
  tree: ActivityInstanceDto;
  jobs: { instance: JobSummary[]; all: JobSummary[] };
  subscriptions: { instance: EventSubscriptionDto[]; all: EventSubscriptionDto[] };
}

export class CaseContext {
  readonly client: RestClient;
  stage: Stage = 'setup';
  processDefinitionId: string | null = null;
  /** Engine time just before the instances are started. */
  startedAt = 0;
  readonly instances: string[] = [];
  readonly snapshots: Record<string, Snapshot> = {};
  /** The BatchDto of the last modifyAsync or modifyManyAsync step. */
  batch: BatchDto | null = null;
  /** The response the `error` assertion judges. */
  errorResponse: HttpResponse | undefined;
  stepsDone = false;

  constructor(
    readonly definition: ConformanceCase,
    readonly env: RunEnvironment,
  ) {
    this.client = env.client;
    this.client.exchanges = [];
    this.setStage('setup');
  }

  setStage(stage: Stage): void {
    this.stage = stage;
    this.client.stage = stage;
  }
}

const enc = encodeURIComponent;

export function fetchTree(ctx: CaseContext, pid: string): Promise<ActivityInstanceDto> {
  return ctx.client.getJson<ActivityInstanceDto>(
    `/process-instance/${enc(pid)}/activity-instances`,
  );
}

export function jobSummary(job: JobDto): JobSummary {
  return { id: job.id, dueDate: job.dueDate ?? null, jobDefinitionId: job.jobDefinitionId ?? null };
}

/** Counts such as `processInstancesRunning` assume the case is alone in the engine. */
export async function cleanEngine(ctx: CaseContext): Promise<void> {
  const { client } = ctx;
  for (const batch of await client.getJson<BatchDto[]>('/batch')) {
    const response = await client.call('DELETE', `/batch/${enc(batch.id)}`, {
      query: { cascade: true },
    });
    requireStatus(response, 204, `cleanup: DELETE /batch/${batch.id}`);
  }
  for (const batch of await client.getJson<BatchDto[]>('/history/batch')) {
    const response = await client.call('DELETE', `/history/batch/${enc(batch.id)}`);
    requireStatus(response, 204, `cleanup: DELETE /history/batch/${batch.id}`);
  }
  const cascade = { cascade: true, skipCustomListeners: true, skipIoMappings: true };
  for (const deployment of await client.getJson<{ id: string }[]>('/deployment')) {
    const response = await client.call('DELETE', `/deployment/${enc(deployment.id)}`, {
      query: cascade,
    });
    requireStatus(response, 204, `cleanup: DELETE /deployment/${deployment.id}`);
  }
}

interface DeploymentDto {
  deployedProcessDefinitions?: Record<string, { id: string; key: string }> | null;
}

export async function deploy(ctx: CaseContext): Promise<void> {
  const { definition } = ctx;
  if (!definition.bpmn.length) {
    throw new CaseFailure('the case names no BPMN file');
  }
  const form = new FormData();
  form.append('deployment-name', definition.id);
  form.append('enable-duplicate-filtering', 'false');
  for (const file of definition.bpmn) {
    const path = join(ctx.env.bpmnDir, file);
    if (!existsSync(path)) {
      throw new CaseFailure(`BPMN file ${file} not found in ${ctx.env.bpmnDir}`);
    }
    // Camunda only parses resources whose name ends in .bpmn or .bpmn20.xml; the files keep theirs.
    const name = basename(file);
    form.append(name, new Blob([readFileSync(path)], { type: 'text/xml' }), name);
  }
  const response = await ctx.client.call('POST', '/deployment/create', { form });
  requireStatus(response, 200, 'deployment: POST /deployment/create');
  const deployed = Object.values((response.body as DeploymentDto).deployedProcessDefinitions ?? {});
  ctx.processDefinitionId =
    deployed.find((d) => d.key === definition.processDefinitionKey)?.id ??
    (await latestDefinitionId(ctx));
}

async function latestDefinitionId(ctx: CaseContext): Promise<string> {
  const key = ctx.definition.processDefinitionKey;
  const [found] = await ctx.client.getJson<{ id: string }[]>('/process-definition', {
    key,
    latestVersion: true,
  });
  if (!found) {
    throw new CaseFailure(`deployment: no process definition with key '${key}' was deployed`);
  }
  return found.id;
}

export async function startInstances(ctx: CaseContext): Promise<void> {
  const { count = 1, byMessage, variables, startInstructions } = ctx.definition.start ?? {};
  for (let i = 0; i < count; i++) {
    const scope: RefScope = {
      processDefinitionId: ctx.processDefinitionId,
      instances: ctx.instances,
      snapshots: {},
    };
    const resolved = substituteRefs({ variables, startInstructions }, (ref) =>
      resolveRef(ref, scope),
    ) as Record<string, unknown>;
    const id =
      byMessage === undefined
        ? await startByKey(ctx, resolved)
        : await startByMessage(ctx, byMessage, resolved.variables);
    ctx.instances.push(id);
  }
}

async function startByKey(ctx: CaseContext, body: Record<string, unknown>): Promise<string> {
  const path = `/process-definition/key/${enc(ctx.definition.processDefinitionKey)}/start`;
  const json = Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined));
  const response = requireStatus(
    await ctx.client.call('POST', path, { json }),
    200,
    `start: POST ${path}`,
  );
  const id = (response.body as { id?: string } | null)?.id;
  if (!id) {
    throw new CaseFailure(`start: POST ${path} returned no instance id`);
  }
  return id;
}

async function startByMessage(
  ctx: CaseContext,
  messageName: string,
  processVariables: unknown,
): Promise<string> {
  const json = { messageName, resultEnabled: true, processVariables };
  const response = requireStatus(
    await ctx.client.call('POST', '/message', { json }),
    200,
    'start: POST /message',
  );
  const [result] = (response.body ?? []) as { processInstance?: { id?: string } }[];
  const id = result?.processInstance?.id;
  if (!id) {
    throw new CaseFailure(`start: message '${messageName}' started no process instance`);
  }
  return id;
}

export function mainInstance(ctx: CaseContext): string {
  const [main] = ctx.instances;
  if (main === undefined) {
    throw new CaseFailure('this needs a process instance, but the case started none');
  }
  return main;
}

export function instanceAt(ctx: CaseContext, index: number): string {
  const id = ctx.instances[index];
  if (id === undefined) {
    throw new CaseFailure(
      `instance #${index} does not exist: the case started ${ctx.instances.length}`,
    );
  }
  return id;
}

async function calledInstance(ctx: CaseContext, spec: string): Promise<string> {
  const match = /^subProcessInstance#(\d+)$/.exec(spec);
  if (!match) {
    throw new CaseFailure(`unknown step target "on": ${JSON.stringify(spec)}`);
  }
  const called = await ctx.client.getJson<{ id: string }[]>('/process-instance', {
    superProcessInstance: mainInstance(ctx),
  });
  const instance = called[Number(match[1])];
  if (!instance) {
    throw new CaseFailure(`${spec}: the main instance has ${called.length} called instance(s)`);
  }
  return instance.id;
}

/** The instance a step works on: `on` (a called instance), `instance` (k-th started) or the main. */
export function stepTarget(step: StepTarget, ctx: CaseContext): Promise<string> {
  if (step.on !== undefined) {
    return calledInstance(ctx, step.on);
  }
  if (step.instance !== undefined) {
    return Promise.resolve(instanceAt(ctx, step.instance));
  }
  return Promise.resolve(mainInstance(ctx));
}

export type TargetGetter = () => Promise<string>;

/** The target is read at most once, and only when something needs it. */
export function once(fn: () => Promise<string> | string): TargetGetter {
  let promise: Promise<string> | undefined;
  return () => (promise ??= Promise.resolve().then(fn));
}

/** What references see; the target and its current tree are read only when a reference needs them. */
export async function refScope(
  ctx: CaseContext,
  refs: readonly string[],
  getTarget: TargetGetter,
): Promise<RefScope> {
  const current = refs.map(parseRef).filter((parsed) => parsed.snapshot === null);
  const targetId = current.some((p) => TARGET_REF_KINDS.has(p.kind))
    ? await getTarget()
    : undefined;
  const tree =
    targetId !== undefined && current.some((p) => TREE_REF_KINDS.has(p.kind))
      ? await fetchTree(ctx, targetId)
      : undefined;
  return {
    targetId,
    tree,
    processDefinitionId: ctx.processDefinitionId,
    instances: ctx.instances,
    snapshots: ctx.snapshots,
  };
}

/** `value` with its references resolved against the target's tree of just now. */
export async function resolveRefsIn(
  value: unknown,
  ctx: CaseContext,
  getTarget: TargetGetter,
): Promise<unknown> {
  const refs = collectRefs(value);
  if (!refs.length) {
    return value;
  }
  const scope = await refScope(ctx, refs, getTarget);
  return substituteRefs(value, (ref) => resolveRef(ref, scope));
}

/** Open tasks and tree of an instance, for failure messages. */
export async function describeInstance(ctx: CaseContext, pid: string): Promise<string> {
  try {
    const tasks = await ctx.client.getJson<{ taskDefinitionKey: string }[]>('/task', {
      processInstanceId: pid,
    });
    const tree = await ctx.client.call('GET', `/process-instance/${enc(pid)}/activity-instances`);
    const keys = taskKeys(tasks).join(', ') || 'none';
    const shape =
      tree.status === 200
        ? renderActualTree(tree.body as ActivityInstanceDto, ctx.processDefinitionId)
        : `tree: ${describeResponse(tree)}`;
    return `open tasks: ${keys}; ${shape}`;
  } catch (error) {
    return `state unknown: ${reasonOf(error)}`;
  }
}

export function taskKeys(tasks: readonly { taskDefinitionKey: string }[]): string[] {
  return tasks.map((task) => task.taskDefinitionKey).sort();
}
