/**
 * Assertions on one instance and the engine (README.md, "Assertions"): each check returns its
 * problems, an empty list when all is well. Batch and operation log checks are in
 * batch-assertions.ts.
 */
import { isDeepStrictEqual } from 'node:util';

import type { ActivityInstanceDto } from './activity-instance-tree';
import {
  countLeaves,
  matchTree,
  renderActualTree,
  renderExpectedTree,
} from './activity-instance-tree';
import { BATCH_ASSERTIONS } from './batch-assertions';
import { parseCamundaDate } from './camunda-date';
import type { Check } from './check';
import type { CaseContext, EventSubscriptionDto, JobSummary, TargetGetter } from './case-context';
import { fetchTree, instanceAt, jobSummary, once, refScope, taskKeys } from './case-context';
import type {
  Assertions,
  EventSubscriptionCheck,
  ExpectedTree,
  JobCheck,
  JsonValue,
  Reference,
  TaskVariablesCheck,
} from './conformance-case';
import type { JobDto } from './expectations';
import { matchError, sameMultiset } from './expectations';
import { CaseFailure, fmt, reasonOf } from './problems';
import { lookupRef, resolveRef } from './references';
import type { Query } from './rest-client';
import { describeResponse } from './rest-client';

const enc = encodeURIComponent;

type VariableMap = Record<string, { value?: unknown } | undefined>;

const ASSERTIONS: Record<keyof Assertions, Check> = {
  ended: checkEnded,
  activityInstanceTree: checkTree,
  error: (expected: NonNullable<Assertions['error']>, ctx) =>
    Promise.resolve([matchError(expected, ctx.errorResponse)].filter((p) => p !== null)),
  tasks: checkTasks,
  jobs: checkJobs,
  eventSubscriptions: checkEventSubscriptions,
  processVariables: checkProcessVariables,
  processVariablesAbsent: checkProcessVariablesAbsent,
  absentVariables: checkAbsentVariables,
  variableInstanceCount: async (n: number, ctx, target) =>
    checkCount(
      ctx,
      '/variable-instance/count',
      { processInstanceIdIn: await target() },
      n,
      'variable instances',
    ),
  taskVariables: checkTaskVariables,
  parentActivityInstance: checkParentActivityInstance,
  distinctRefs: (groups: Reference[][], ctx, target) =>
    checkRefGroups(groups, ctx, target, 'distinct'),
  sameRefs: (groups: Reference[][], ctx, target) => checkRefGroups(groups, ctx, target, 'same'),
  processInstancesRunning: (n: number, ctx) =>
    checkCount(ctx, '/process-instance/count', {}, n, 'running process instances'),
  leafActivityInstanceCount: checkLeafCount,
  forEachInstance: checkForEachInstance,
  instances: checkInstances,
  jobsTotal: (n: number, ctx) => checkCount(ctx, '/job/count', {}, n, 'jobs (engine-wide)'),
  jobDefinitionsTotal: (n: number, ctx) =>
    checkCount(ctx, '/job-definition/count', {}, n, 'job definitions (engine-wide)'),
  ...BATCH_ASSERTIONS,
};

function isAssertionKey(key: string): key is keyof Assertions {
  return key in ASSERTIONS;
}

/** Checks an assertion object against the instance `target` names; returns all problems. */
export async function checkAssertions(
  spec: Assertions,
  ctx: CaseContext,
  target: () => Promise<string> | string,
): Promise<string[]> {
  const problems: string[] = [];
  const getTarget = once(target);
  for (const [key, expected] of Object.entries(spec)) {
    if (!isAssertionKey(key)) {
      problems.push(`unknown assertion '${key}'`);
      continue;
    }
    try {
      problems.push(...(await ASSERTIONS[key](expected as never, ctx, getTarget, spec)));
    } catch (error) {
      problems.push(`${key}: ${reasonOf(error)}`);
    }
  }
  return problems;
}

export async function checkCount(
  ctx: CaseContext,
  path: string,
  query: Query,
  expected: number,
  label: string,
): Promise<string[]> {
  const { count } = await ctx.client.getJson<{ count: number }>(path, query);
  return count === expected ? [] : [`${label}: expected ${expected}, found ${count}`];
}

async function checkEnded(
  expected: boolean,
  ctx: CaseContext,
  target: TargetGetter,
): Promise<string[]> {
  const pid = await target();
  const instance = await ctx.client.call('GET', `/process-instance/${enc(pid)}`);
  const tree = await ctx.client.call('GET', `/process-instance/${enc(pid)}/activity-instances`);
  if (expected) {
    if (instance.status === 404 && tree.status === 404) {
      return [];
    }
    const state =
      tree.status === 200
        ? `it is still running: ${renderActualTree(tree.body as ActivityInstanceDto, ctx.processDefinitionId)}`
        : `GET /process-instance/{id} answered ${instance.status} and .../activity-instances ${tree.status}`;
    return [`expected the instance to have ended, but ${state}`];
  }
  if (instance.status === 200 && tree.status === 200) {
    return [];
  }
  return [
    `expected the instance to be running, but GET /process-instance/{id} answered ${instance.status}`,
  ];
}

async function checkTree(
  expected: ExpectedTree,
  ctx: CaseContext,
  target: TargetGetter,
): Promise<string[]> {
  const pid = await target();
  const response = await ctx.client.call('GET', `/process-instance/${enc(pid)}/activity-instances`);
  const pdId = ctx.processDefinitionId ?? '';
  const want = renderExpectedTree(expected, pdId);
  if (response.status !== 200) {
    return [
      `tree: expected ${want}, but GET .../activity-instances answered ${describeResponse(response)}`,
    ];
  }
  const actualTree = response.body as ActivityInstanceDto;
  if (matchTree(expected, actualTree, pdId)) {
    return [];
  }
  const actual = renderActualTree(actualTree, pdId);
  const legend = `${want}${actual}`.includes('~') ? ' (~ = transition instance)' : '';
  return [`tree: expected ${want}, actual ${actual}${legend}`];
}

async function checkLeafCount(
  expected: number,
  ctx: CaseContext,
  target: TargetGetter,
): Promise<string[]> {
  const leaves = countLeaves(await fetchTree(ctx, await target()));
  return leaves === expected
    ? []
    : [`leaf activity instances: expected ${expected}, found ${leaves}`];
}

async function checkTasks(
  expected: NonNullable<Assertions['tasks']>,
  ctx: CaseContext,
  target: TargetGetter,
): Promise<string[]> {
  const tasks = await ctx.client.getJson<{ taskDefinitionKey: string }[]>('/task', {
    processInstanceId: await target(),
  });
  const keys = taskKeys(tasks);
  const problems: string[] = [];
  if (expected.count !== undefined && tasks.length !== expected.count) {
    problems.push(
      `open tasks: expected ${expected.count}, found ${tasks.length} [${keys.join(', ')}]`,
    );
  }
  const missing = (expected.includes ?? []).filter((key) => !keys.includes(key));
  if (missing.length) {
    problems.push(`open tasks: missing ${missing.join(', ')} among [${keys.join(', ')}]`);
  }
  return problems;
}

const scopeLabel = (scope: 'all' | 'instance') => (scope === 'all' ? ' (engine-wide)' : '');

function snapshotNamed(ctx: CaseContext, name: string) {
  const snapshot = ctx.snapshots[name];
  if (!snapshot) {
    throw new CaseFailure(`no snapshot '${name}' was taken`);
  }
  return snapshot;
}

/** Snapshot jobs of one scope, narrowed to an activity through the job definitions when asked. */
async function snapshotJobs(
  ctx: CaseContext,
  name: string,
  scope: 'all' | 'instance',
  activityId: string | undefined,
): Promise<JobSummary[]> {
  const jobs = snapshotNamed(ctx, name).jobs[scope];
  if (!activityId) {
    return jobs;
  }
  const definitions = await ctx.client.getJson<{ id: string }[]>('/job-definition', {
    activityIdIn: activityId,
  });
  const ids = new Set(definitions.map((definition) => definition.id));
  return jobs.filter((job) => job.jobDefinitionId !== null && ids.has(job.jobDefinitionId));
}

async function checkJobs(
  checks: JobCheck[],
  ctx: CaseContext,
  target: TargetGetter,
): Promise<string[]> {
  const problems: string[] = [];
  for (const check of checks) {
    const scope = check.scope === 'all' ? 'all' : 'instance';
    const query: Query = { activityId: check.activityId };
    if (scope === 'instance') {
      query.processInstanceId = await target();
    }
    const jobs = (await ctx.client.getJson<JobDto[]>('/job', query)).map(jobSummary);
    const label = `jobs${check.activityId ? ` of '${check.activityId}'` : ''}${scopeLabel(scope)}`;
    if (check.count !== undefined && jobs.length !== check.count) {
      problems.push(`${label}: expected ${check.count}, found ${jobs.length}`);
    }
    if (check.noneFromSnapshot) {
      const before = new Set(
        snapshotNamed(ctx, check.noneFromSnapshot).jobs[scope].map((job) => job.id),
      );
      const kept = jobs.filter((job) => before.has(job.id)).map((job) => job.id);
      if (kept.length) {
        problems.push(
          `${label}: expected only new jobs, but ${kept.join(', ')} existed at '${check.noneFromSnapshot}'`,
        );
      }
    }
    if (check.sameIdsAsSnapshot) {
      const before = await snapshotJobs(ctx, check.sameIdsAsSnapshot, scope, check.activityId);
      const [was, is] = [before.map((job) => job.id), jobs.map((job) => job.id)];
      if (!sameMultiset(was, is)) {
        problems.push(
          `${label}: ids ${fmt(is)} differ from ${fmt(was)} at '${check.sameIdsAsSnapshot}'`,
        );
      }
    }
    if (check.sameDueDatesAsSnapshot) {
      const before = await snapshotJobs(ctx, check.sameDueDatesAsSnapshot, scope, check.activityId);
      const dueDates = (list: JobSummary[]) => list.map((job) => parseCamundaDate(job.dueDate));
      if (!sameMultiset(dueDates(before), dueDates(jobs))) {
        const [was, is] = [before.map((job) => job.dueDate), jobs.map((job) => job.dueDate)];
        problems.push(
          `${label}: due dates ${fmt(is)} differ from ${fmt(was)} at '${check.sameDueDatesAsSnapshot}'`,
        );
      }
    }
  }
  return problems;
}

async function checkEventSubscriptions(
  expected: EventSubscriptionCheck,
  ctx: CaseContext,
  target: TargetGetter,
): Promise<string[]> {
  const scope = expected.scope === 'all' ? 'all' : 'instance';
  const query: Query = { eventType: expected.eventType };
  if (scope === 'instance') {
    query.processInstanceId = await target();
  }
  const subscriptions = await ctx.client.getJson<EventSubscriptionDto[]>(
    '/event-subscription',
    query,
  );
  const type = expected.eventType ? ` (${expected.eventType})` : '';
  const label = `event subscriptions${type}${scopeLabel(scope)}`;
  const problems: string[] = [];
  if (expected.count !== undefined && subscriptions.length !== expected.count) {
    problems.push(`${label}: expected ${expected.count}, found ${subscriptions.length}`);
  }
  if (expected.sameIdsAsSnapshot) {
    const before = snapshotNamed(ctx, expected.sameIdsAsSnapshot)
      .subscriptions[scope].filter((s) => !expected.eventType || s.eventType === expected.eventType)
      .map((s) => s.id);
    const now = subscriptions.map((s) => s.id);
    if (!sameMultiset(before, now)) {
      problems.push(
        `${label}: ids ${fmt(now)} differ from ${fmt(before)} at '${expected.sameIdsAsSnapshot}'`,
      );
    }
  }
  return problems;
}

/** Compares expected plain values with a Camunda variable map (`{name: {value, type}}`). */
function compareVariables(
  label: string,
  expected: Record<string, JsonValue>,
  variables: VariableMap,
): string[] {
  return Object.entries(expected).flatMap(([name, value]) => {
    if (!Object.hasOwn(variables, name)) {
      return [`${label}: variable '${name}' missing, expected ${fmt(value)}`];
    }
    const actual = variables[name]?.value;
    return isDeepStrictEqual(actual, value)
      ? []
      : [`${label}: variable '${name}' is ${fmt(actual)}, expected ${fmt(value)}`];
  });
}

function forbidVariables(label: string, names: string[], variables: VariableMap): string[] {
  return names
    .filter((name) => Object.hasOwn(variables, name))
    .map(
      (name) =>
        `${label}: variable '${name}' should be absent, but is ${fmt(variables[name]?.value)}`,
    );
}

function processVariables(ctx: CaseContext, pid: string): Promise<VariableMap> {
  return ctx.client.getJson<VariableMap>(`/process-instance/${enc(pid)}/variables`, {
    deserializeValues: false,
  });
}

async function checkProcessVariables(
  expected: Record<string, JsonValue>,
  ctx: CaseContext,
  target: TargetGetter,
): Promise<string[]> {
  return compareVariables(
    'process instance',
    expected,
    await processVariables(ctx, await target()),
  );
}

async function checkProcessVariablesAbsent(
  names: string[],
  ctx: CaseContext,
  target: TargetGetter,
): Promise<string[]> {
  return forbidVariables('process instance', names, await processVariables(ctx, await target()));
}

async function checkAbsentVariables(
  names: string[],
  ctx: CaseContext,
  target: TargetGetter,
): Promise<string[]> {
  const pid = await target();
  const problems: string[] = [];
  for (const name of names) {
    const query = { processInstanceIdIn: pid, variableName: name, deserializeValues: false };
    const found = await ctx.client.getJson<unknown[]>('/variable-instance', query);
    if (found.length) {
      problems.push(
        `variable '${name}' should not exist in the instance, but ${found.length} instance(s) exist`,
      );
    }
  }
  return problems;
}

async function checkTaskVariables(
  checks: TaskVariablesCheck[],
  ctx: CaseContext,
  target: TargetGetter,
): Promise<string[]> {
  const pid = await target();
  const problems: string[] = [];
  for (const check of checks) {
    const key = check.taskDefinitionKey;
    const tasks = await ctx.client.getJson<{ id: string }[]>('/task', {
      processInstanceId: pid,
      taskDefinitionKey: key,
    });
    if (check.count !== undefined ? tasks.length !== check.count : !tasks.length) {
      problems.push(
        `tasks '${key}': expected ${check.count ?? 'at least 1'}, found ${tasks.length}`,
      );
      continue;
    }
    const seen = new Map<string, unknown[]>();
    for (const task of tasks) {
      const variables = await ctx.client.getJson<VariableMap>(`/task/${enc(task.id)}/variables`, {
        deserializeValues: false,
      });
      problems.push(...compareVariables(`task '${key}'`, check.each ?? {}, variables));
      problems.push(...forbidVariables(`task '${key}'`, check.absent ?? [], variables));
      for (const name of Object.keys(check.distinctValues ?? {})) {
        seen.set(name, [...(seen.get(name) ?? []), variables[name]?.value]);
      }
    }
    for (const [name, values] of Object.entries(check.distinctValues ?? {})) {
      const actual = seen.get(name) ?? [];
      if (!sameMultiset(values, actual)) {
        problems.push(
          `tasks '${key}': values of '${name}' are ${fmt(actual)}, expected ${fmt(values)} in any order`,
        );
      }
    }
  }
  return problems;
}

async function checkParentActivityInstance(
  pairs: { child: Reference; parent: Reference }[],
  ctx: CaseContext,
  target: TargetGetter,
): Promise<string[]> {
  const problems: string[] = [];
  for (const { child, parent } of pairs) {
    const scope = await refScope(ctx, [child, parent], target);
    const { node } = lookupRef(child, scope);
    const parentId = resolveRef(parent, scope);
    if (!node) {
      problems.push(
        `parentActivityInstance: '${child}' does not name an activity or transition instance`,
      );
    } else if (node.parentActivityInstanceId !== parentId) {
      problems.push(
        `parent of ${child}: expected ${parent} (${String(parentId)}), actual ${String(node.parentActivityInstanceId)}`,
      );
    }
  }
  return problems;
}

async function checkRefGroups(
  groups: Reference[][],
  ctx: CaseContext,
  target: TargetGetter,
  mode: 'distinct' | 'same',
): Promise<string[]> {
  const problems: string[] = [];
  for (const group of groups) {
    const scope = await refScope(ctx, group, target);
    const ids = group.map((ref) => resolveRef(ref, scope));
    const distinct = new Set(ids.map((id) => JSON.stringify(id))).size;
    if (mode === 'distinct' && distinct !== ids.length) {
      problems.push(`expected different ids for ${group.join(' / ')}, got ${ids.join(' / ')}`);
    }
    if (mode === 'same' && distinct !== 1) {
      problems.push(`expected one id for ${group.join(' / ')}, got ${ids.join(' / ')}`);
    }
  }
  return problems;
}

const prefixed = (label: string, problems: string[]) =>
  problems.map((problem) => `${label}: ${problem}`);

async function checkForEachInstance(spec: Assertions, ctx: CaseContext): Promise<string[]> {
  if (!ctx.instances.length) {
    return ['forEachInstance: the case started no instance'];
  }
  const problems: string[] = [];
  for (const [index, id] of ctx.instances.entries()) {
    problems.push(...prefixed(`instance#${index}`, await checkAssertions(spec, ctx, () => id)));
  }
  return problems;
}

async function checkInstances(
  list: (Assertions & { index: number })[],
  ctx: CaseContext,
): Promise<string[]> {
  const problems: string[] = [];
  for (const { index, ...spec } of list) {
    problems.push(
      ...prefixed(
        `instance#${index}`,
        await checkAssertions(spec, ctx, () => instanceAt(ctx, index)),
      ),
    );
  }
  return problems;
}
