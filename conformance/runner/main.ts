/**
 * The conformance runner: `tsx conformance/runner/main.ts [--url URL] [options]` (USAGE below).
 * Plays every case over plain HTTP against a Camunda 7 REST API, by default the embedded engine
 * it starts itself, and exits 0 only when no case failed.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

import type { EmbeddedEngine } from './embedded-engine';
import { isEmbeddedEngine, startEmbeddedEngine } from './embedded-engine';
import { loadCases } from './load-cases';
import { printResult, printSummary, toJsonRecord } from './report';
import { RestClient, probeEngine } from './rest-client';
import type { CaseResult } from './run-case';
import { runCase } from './run-case';

const CONFORMANCE_DIR = join(dirname(fileURLToPath(import.meta.url)), '..');
const DEFAULT_TIMEOUT_MS = 10_000;

const USAGE = `usage: tsx conformance/runner/main.ts [options]    (npm run conformance -- [options])

  --url URL            the Camunda 7 REST API to test, e.g. http://localhost:8080/engine-rest
                       (default: start the embedded engine on a free port, stop it at the end)
  --user NAME          HTTP Basic user (default demo)
  --password SECRET    HTTP Basic password (default demo)
  --filter SUBSTRING   run only cases whose id contains SUBSTRING; repeatable (any matches)
  --json FILE          also write the results as JSON to FILE
  --timeout-ms N       timeout of every HTTP request (default ${String(DEFAULT_TIMEOUT_MS)})
  --strict-derived     let failed derivedExpect checks fail their case
  --verbose            print all problems and the last HTTP exchanges of failed cases
  --help               this text

Before each case the runner deletes every batch, historic batch and deployment of the engine:
point --url at a disposable engine only.`;

const OPTIONS = {
  url: { type: 'string' },
  user: { type: 'string', default: 'demo' },
  password: { type: 'string', default: 'demo' },
  filter: { type: 'string', multiple: true },
  json: { type: 'string' },
  'timeout-ms': { type: 'string' },
  'strict-derived': { type: 'boolean', default: false },
  verbose: { type: 'boolean', default: false },
  help: { type: 'boolean', default: false },
} as const;

const print = (line: string) => {
  console.log(line);
};

function usageError(message: string): number {
  console.error(`conformance: ${message}\n\n${USAGE}`);
  return 2;
}

async function main(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      options: OPTIONS,
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    return usageError(error instanceof Error ? error.message : String(error));
  }
  if (args.help) {
    print(USAGE);
    return 0;
  }
  const timeoutMs =
    args['timeout-ms'] === undefined ? DEFAULT_TIMEOUT_MS : Number(args['timeout-ms']);
  if (!Number.isInteger(timeoutMs) || timeoutMs <= 0) {
    return usageError('--timeout-ms must be a positive integer');
  }
  const filters = args.filter ?? [];
  const cases = (await loadCases(join(CONFORMANCE_DIR, 'cases'))).filter(
    (entry) => !filters.length || filters.some((filter) => entry.id.includes(filter)),
  );
  if (!cases.length) {
    return usageError(`no case found${filters.length ? ` matching ${filters.join(', ')}` : ''}`);
  }

  let engine: EmbeddedEngine | null = null;
  try {
    if (args.url === undefined) {
      engine = await startEmbeddedEngine();
      print(`embedded engine at ${engine.url}`);
    }
    const url = engine?.url ?? args.url ?? '';
    const embedded = engine !== null || (await isEmbeddedEngine(url));
    const client = new RestClient({
      baseUrl: url,
      user: args.user,
      password: args.password,
      timeoutMs,
    });
    const unreachable = await probeEngine(client);
    if (unreachable) {
      console.error(`conformance: no usable engine at ${url}: ${unreachable.join('; ')}`);
      console.error('Start the engine, or check --url, --user and --password.');
      return 2;
    }
    if (client.clockOffsetMs) {
      print(
        `note: the engine clock is ${String(client.clockOffsetMs)} ms off ours; timestamps are corrected`,
      );
    }
    const env = {
      client,
      bpmnDir: join(CONFORMANCE_DIR, 'bpmn'),
      strictDerived: args['strict-derived'],
      embedded,
    };
    const results: CaseResult[] = [];
    for (const entry of cases) {
      const result = await runCase(entry, env);
      results.push(result);
      printResult(result, args.verbose, print);
    }
    printSummary(results, print);
    if (args.json !== undefined) {
      writeFileSync(args.json, `${JSON.stringify(results.map(toJsonRecord), null, 2)}\n`);
    }
    return results.some((result) => result.status === 'fail') ? 1 : 0;
  } finally {
    await engine?.stop();
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(
      `conformance: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
    process.exitCode = 2;
  },
);
