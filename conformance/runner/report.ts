/** What the runner prints: a line per case, a table per group, and the totals on the last line. */
import { truncate } from './problems';
import type { Stage } from './rest-client';
import type { CaseResult } from './run-case';

const VERBOSE_EXCHANGES = 10;
const PREVIEW_CHARS = 600;

type Print = (line: string) => void;

function stageLabel(stage: Stage | null): string {
  return typeof stage === 'number' ? `step ${stage}` : (stage ?? '');
}

export function printResult(result: CaseResult, verbose: boolean, print: Print): void {
  if (result.status === 'pass') {
    const derived =
      result.derivedExpect?.status === 'fail'
        ? ` (derivedExpect not met: ${String(result.derivedExpect.reason)})`
        : '';
    print(`PASS ${result.id}${derived}`);
    return;
  }
  if (result.status === 'unsupported') {
    print(`UNSUPPORTED ${result.id}: ${String(result.reason)}`);
    return;
  }
  print(`FAIL ${result.id}: ${truncate(result.reason ?? '', 1000)} (${stageLabel(result.step)})`);
  if (verbose) {
    printFailureDetails(result, print);
  }
}

function printFailureDetails(result: CaseResult, print: Print): void {
  if (result.problems.length > 1) {
    print('    problems:');
    for (const problem of result.problems) {
      print(`      - ${problem}`);
    }
  }
  if (result.stack) {
    print(`    ${result.stack.split('\n').join('\n    ')}`);
  }
  print('    last HTTP exchanges:');
  for (const exchange of result.exchanges.slice(-VERBOSE_EXCHANGES)) {
    const request = exchange.request ? ` ${truncate(exchange.request, PREVIEW_CHARS)}` : '';
    print(`      [${stageLabel(exchange.stage)}] ${exchange.method} ${exchange.url}${request}`);
    const response = exchange.response ? ` ${truncate(exchange.response, PREVIEW_CHARS)}` : '';
    print(`        -> ${String(exchange.status)} (${String(exchange.ms)} ms)${response}`);
  }
}

/** `N passed, M failed, K unsupported`: always the last line. */
export function totalsLine(results: readonly CaseResult[]): string {
  const count = (status: CaseResult['status']) => results.filter((r) => r.status === status).length;
  return `${count('pass')} passed, ${count('fail')} failed, ${count('unsupported')} unsupported`;
}

export function printSummary(results: readonly CaseResult[], print: Print): void {
  const groups = new Map<string, Record<CaseResult['status'], number>>();
  for (const result of results) {
    const counts = groups.get(result.group) ?? { pass: 0, fail: 0, unsupported: 0 };
    counts[result.status]++;
    groups.set(result.group, counts);
  }
  const cell = (n: number, width: number) => String(n).padStart(width);
  print('');
  print('group      passed  failed  unsupported');
  for (const [group, counts] of [...groups].sort(([a], [b]) => a.localeCompare(b))) {
    print(
      `${group.padEnd(10)} ${cell(counts.pass, 6)}  ${cell(counts.fail, 6)}  ${cell(counts.unsupported, 11)}`,
    );
  }
  const derived = results.flatMap((r) => (r.derivedExpect ? [r.derivedExpect] : []));
  if (derived.length) {
    const failed = derived.filter((d) => d.status === 'fail').length;
    print(`derivedExpect checks: ${derived.length - failed} passed, ${failed} failed`);
  }
  print(totalsLine(results));
}

/** One record per case for `--json`. */
export function toJsonRecord(result: CaseResult) {
  const { id, group, camundaTest, features, status, reason, step, ms, derivedExpect } = result;
  return { id, group, camundaTest, features, status, reason, step, ms, derivedExpect };
}
