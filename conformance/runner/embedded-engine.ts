/**
 * The project's embedded engine for a run without `--url`: `server/main.ts` as a child process on
 * a free port, in the profile the cases need (README.md, "What the engine under test must allow").
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPOSITORY = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const START_TIMEOUT_MS = 60_000;
const POLL_INTERVAL_MS = 200;
/** Lines of the engine's output kept to explain a failed start. */
const KEPT_OUTPUT_LINES = 40;

/**
 * No demo data (cases count instances engine-wide), no job executor (cases run jobs themselves),
 * history level full (historic batches, the user operation log), authentication on with the
 * default users (Camunda logs operations of authenticated users only), no enforced history
 * time-to-live (Camunda's own test resources carry none).
 */
const ENGINE_FLAGS = ['--no-demo', '--no-job-executor', '--no-console', '--history-level', 'full'];

/** Variables that would turn the server into a proxy or give it other users. */
const IGNORED_ENVIRONMENT = ['ENGINE_REST_URL', 'CONSOLE_USERS_FILE', 'PORT'];

export interface EmbeddedEngine {
  url: string;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => {
        resolve(port);
      });
    });
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return Promise.resolve();
  }
  return new Promise((resolve) => {
    child.once('exit', () => {
      resolve();
    });
    child.kill('SIGTERM');
  });
}

async function answers(url: string): Promise<boolean> {
  try {
    const response = await fetch(`${url}/version`, { signal: AbortSignal.timeout(1_000) });
    return response.status < 500;
  } catch {
    return false;
  }
}

/** Starts the engine and resolves once its REST API answers. */
export async function startEmbeddedEngine(): Promise<EmbeddedEngine> {
  const port = await freePort();
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !IGNORED_ENVIRONMENT.includes(name)),
  );
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'server/main.ts', '--port', String(port), ...ENGINE_FLAGS],
    { cwd: REPOSITORY, env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const output: string[] = [];
  const keep = (chunk: Buffer) => {
    output.push(...chunk.toString().split('\n').filter(Boolean));
    output.splice(0, Math.max(0, output.length - KEPT_OUTPUT_LINES));
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const url = `http://127.0.0.1:${String(port)}/engine-rest`;
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (!(await answers(url))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      await stopChild(child);
      throw new Error(
        `the embedded engine did not start (server/main.ts on port ${String(port)}):\n${output.join('\n')}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_INTERVAL_MS));
  }
  return { url, stop: () => stopChild(child) };
}

/**
 * Whether `url` is served by this project's server with its own engine: it answers its own
 * `GET /console-server` beside the REST API (server/console-server.ts).
 */
export async function isEmbeddedEngine(url: string): Promise<boolean> {
  try {
    const response = await fetch(new URL('/console-server', url), {
      signal: AbortSignal.timeout(5_000),
    });
    if (response.status !== 200) {
      return false;
    }
    const body = (await response.json()) as { engine?: unknown };
    return body.engine === 'embedded';
  } catch {
    return false;
  }
}
