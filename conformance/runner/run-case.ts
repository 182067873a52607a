/** Plays one case against the engine and judges it. */
import { checkAssertions } from './assertions';
import type { RunEnvironment } from './case-context';
import { CaseContext, cleanEngine, deploy, mainInstance, startInstances } from './case-context';
import type { ConformanceCase, Feature } from './conformance-case';
import { CaseFailure, reasonOf, summarizeProblems } from './problems';
import type { Exchange, Stage } from './rest-client';
import { runSteps } from './steps';

/** A case file as loaded: its case, or why it could not be read. */
export interface CaseEntry {
  id: string;
  group: string;
  definition: ConformanceCase | null;
  loadError?: string;
}

export type CaseStatus = 'pass' | 'fail' | 'unsupported';

export interface CaseResult {
  id: string;
  group: string;
  camundaTest: string | null;
  features: Feature[];
  status: CaseStatus;
  reason: string | null;
  /** Where a failed case stopped. */
  step: Stage | null;
  ms: number;
  derivedExpect: { status: 'pass' | 'fail'; reason: string | null } | null;
  problems: string[];
  stack: string | null;
  exchanges: Exchange[];
}

export interface CaseRunEnvironment extends RunEnvironment {
  /** Whether the engine is this project's embedded one, which skips cases it cannot support. */
  embedded: boolean;
}

interface Outcome {
  problems: string[];
  stage: Stage;
  stack?: string | null;
}

async function playCase(ctx: CaseContext): Promise<string[]> {
  await cleanEngine(ctx);
  await deploy(ctx);
  ctx.setStage('start');
  ctx.startedAt = ctx.client.now();
  await startInstances(ctx);
  await runSteps(ctx);
  ctx.stepsDone = true;
  ctx.setStage('expect');
  return checkAssertions(ctx.definition.expect, ctx, () => mainInstance(ctx));
}

/** Runs `body`, which returns problems or throws, and notes where it stopped. */
async function evaluate(ctx: CaseContext, body: () => Promise<string[]>): Promise<Outcome> {
  try {
    return { problems: await body(), stage: ctx.stage };
  } catch (error) {
    const stack = error instanceof CaseFailure ? null : error instanceof Error ? error.stack : null;
    const problems = error instanceof CaseFailure ? error.problems : [reasonOf(error)];
    return { problems, stage: ctx.stage, stack };
  }
}

/** The outcome that fails the case: its steps and `expect`, else `derivedExpect` when strict. */
function decidingOutcome(
  main: Outcome,
  derived: Outcome | null,
  strictDerived: boolean,
): Outcome | null {
  if (main.problems.length) {
    return main;
  }
  if (strictDerived && derived?.problems.length) {
    return derived;
  }
  return null;
}

function notRun(entry: CaseEntry, status: CaseStatus, reason: string, step: Stage | null) {
  return {
    id: entry.id,
    group: entry.group,
    camundaTest: entry.definition?.camundaTest ?? null,
    features: entry.definition?.features ?? [],
    status,
    reason,
    step,
    ms: 0,
    derivedExpect: null,
    problems: status === 'fail' ? [reason] : [],
    stack: null,
    exchanges: [],
  } satisfies CaseResult;
}

export async function runCase(entry: CaseEntry, env: CaseRunEnvironment): Promise<CaseResult> {
  const { definition } = entry;
  if (!definition) {
    return notRun(entry, 'fail', entry.loadError ?? 'the case could not be read', 'setup');
  }
  if (env.embedded && definition.unsupportedByEmbeddedEngine !== undefined) {
    return notRun(entry, 'unsupported', definition.unsupportedByEmbeddedEngine, null);
  }
  const startedMs = Date.now();
  const ctx = new CaseContext(definition, env);
  const main = await evaluate(ctx, () => playCase(ctx));
  let derived: Outcome | null = null;
  const { derivedExpect } = definition;
  if (derivedExpect && ctx.stepsDone) {
    derived = await evaluate(ctx, () => {
      ctx.setStage('derivedExpect');
      return checkAssertions(derivedExpect, ctx, () => mainInstance(ctx));
    });
  }
  const decisive = decidingOutcome(main, derived, env.strictDerived);
  return {
    id: entry.id,
    group: entry.group,
    camundaTest: definition.camundaTest,
    features: definition.features,
    status: decisive ? 'fail' : 'pass',
    reason: decisive ? summarizeProblems(decisive.problems) : null,
    step: decisive ? decisive.stage : null,
    ms: Date.now() - startedMs,
    derivedExpect: derived && {
      status: derived.problems.length ? 'fail' : 'pass',
      reason: derived.problems.length ? summarizeProblems(derived.problems) : null,
    },
    problems: decisive?.problems ?? [],
    stack: decisive?.stack ?? null,
    exchanges: decisive ? [...env.client.exchanges] : [],
  };
}
