/** Pure comparisons of what a case expects with what the engine answered. */
import { isDeepStrictEqual } from 'node:util';

import type { ExpectedError } from './conformance-case';
import { fmt, truncate } from './problems';

/** An HTTP answer as the runner keeps it. */
export interface RestResponse {
  status: number;
  body: unknown;
  text?: string;
}

/** Whether two lists hold the same values, each as often, in any order. */
export function sameMultiset(a: readonly unknown[], b: readonly unknown[]): boolean {
  const key = (v: unknown) => (v === undefined ? 'undefined' : JSON.stringify(v));
  const sorted = (list: readonly unknown[]) => list.map(key).sort().join('\u0000');
  return a.length === b.length && sorted(a) === sorted(b);
}

/** Whether every item of `left` can be paired with its own item of `right` (augmenting paths). */
export function hasPerfectMatching<L, R>(
  left: readonly L[],
  right: readonly R[],
  fits: (l: L, r: R) => boolean,
): boolean {
  if (left.length !== right.length) {
    return false;
  }
  const edges = left.map((l) => right.map((r) => fits(l, r)));
  const owner = new Array<number>(right.length).fill(-1);
  const assign = (i: number, seen: boolean[]): boolean => {
    for (let j = 0; j < right.length; j++) {
      if (!edges[i]?.[j] || seen[j]) {
        continue;
      }
      seen[j] = true;
      const current = owner[j] ?? -1;
      if (current < 0 || assign(current, seen)) {
        owner[j] = i;
        return true;
      }
    }
    return false;
  };
  return left.every((_, i) => assign(i, new Array<boolean>(right.length).fill(false)));
}

function describeExpectedError(expected: ExpectedError): string {
  return [expected.status ?? 'any status', expected.type].filter(Boolean).join(' ');
}

/** Camunda's `ExceptionDto` fields, when the body has them. */
function exceptionOf(body: unknown): { type?: unknown; message?: unknown } {
  return body !== null && typeof body === 'object' ? body : {};
}

/** null when `response` is the expected error, else what differs. */
export function matchError(
  expected: ExpectedError,
  response: RestResponse | undefined,
): string | null {
  const want = `expected error ${describeExpectedError(expected)}`;
  if (!response) {
    return `${want}, but no request was made`;
  }
  if (response.status >= 200 && response.status < 300) {
    return `${want}, but the request succeeded with ${response.status}`;
  }
  const body = exceptionOf(response.body);
  const message = typeof body.message === 'string' ? body.message : '';
  const missing = (expected.messageContains ?? []).filter((part) => !message.includes(part));
  const statusDiffers = expected.status !== undefined && response.status !== expected.status;
  const typeDiffers = expected.type !== undefined && body.type !== expected.type;
  if (!statusDiffers && !typeDiffers && !missing.length) {
    return null;
  }
  const type = typeof body.type === 'string' ? body.type : '(no type)';
  const got = `${response.status} ${type} ${JSON.stringify(truncate(message, 300))}`;
  const lacks = missing.length
    ? `; the message lacks ${missing.map((s) => JSON.stringify(s)).join(', ')}`
    : '';
  return `${want}, got ${got}${lacks}`;
}

function fieldOf(actual: unknown, key: string): unknown {
  return actual !== null && typeof actual === 'object'
    ? ((actual as Record<string, unknown>)[key] ?? null)
    : null;
}

/** Whether `actual` holds `value` under `key`; an absent field counts as null. */
export function hasField(actual: unknown, key: string, value: unknown): boolean {
  return isDeepStrictEqual(fieldOf(actual, key), value);
}

/** Problems for every field of `expected` that `actual` lacks or holds differently. */
export function compareFields(
  label: string,
  expected: Readonly<Record<string, unknown>>,
  actual: unknown,
): string[] {
  return Object.entries(expected)
    .filter(([key, value]) => !hasField(actual, key, value))
    .map(
      ([key, value]) => `${label}: ${key} is ${fmt(fieldOf(actual, key))}, expected ${fmt(value)}`,
    );
}

/** Replaces `${name}` placeholders in every string of a value. */
export function expandPlaceholders(
  value: unknown,
  vars: Readonly<Record<string, string>>,
): unknown {
  if (typeof value === 'string') {
    return value.replace(/\$\{(\w+)\}/g, (whole, name: string) => vars[name] ?? whole);
  }
  if (Array.isArray(value)) {
    return value.map((item) => expandPlaceholders(item, vars));
  }
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, expandPlaceholders(item, vars)]),
    );
  }
  return value;
}

/** A batch execution job as `GET /job` describes it. */
export interface JobDto {
  id: string;
  dueDate?: string | null;
  jobDefinitionId?: string | null;
  retries?: number;
  exceptionMessage?: string | null;
}

export interface ExecutionJobSpec {
  retries?: number;
  exceptionMessageContains?: string[];
}

function describeJob(job: JobDto): string {
  return `{retries ${String(job.retries)}, exception ${fmt(job.exceptionMessage ?? null)}}`;
}

function describeJobSpec(spec: ExecutionJobSpec): string {
  const parts: string[] = [];
  if (spec.retries !== undefined) {
    parts.push(`retries ${spec.retries}`);
  }
  if (spec.exceptionMessageContains) {
    parts.push(`exception containing ${fmt(spec.exceptionMessageContains)}`);
  }
  return `{${parts.join(', ')}}`;
}

/** Each expected execution job matched by its own actual job, in any order. */
export function checkExecutionJobs(specs: readonly ExecutionJobSpec[], jobs: readonly JobDto[]) {
  const fits = (spec: ExecutionJobSpec, job: JobDto) =>
    (spec.retries === undefined || job.retries === spec.retries) &&
    (spec.exceptionMessageContains ?? []).every((part) =>
      (job.exceptionMessage ?? '').includes(part),
    );
  if (hasPerfectMatching(specs, jobs, fits)) {
    return [];
  }
  return [
    `batch execution jobs: expected [${specs.map(describeJobSpec).join(', ')}], ` +
      `actual [${jobs.map(describeJob).join(', ')}]`,
  ];
}
