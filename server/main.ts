/**
 * Starts the server: `tsx server/main.ts [--port P] [--host H] [--no-demo] [--no-job-executor]
 * [--no-console] [--no-auth] [--no-authorization] [--users FILE] [--history-level L]
 * [--enforce-history-time-to-live] [--max-body-size N]` (USAGE in cli-options.ts). With
 * `ENGINE_REST_URL` set it proxies `/engine-rest` to that engine instead of running the embedded
 * one.
 */
import { readFile } from 'node:fs/promises';
import type { ServerType } from '@hono/node-server';
import { serve } from '@hono/node-server';
import type { EngineApi } from '../engine/engine-api';
import { ProcessEngine } from '../engine/process-engine';
import { createApp, createProxyApp } from './app';
import type { CliOptions } from './cli-options';
import { CliUsageError, USAGE, parseCliOptions } from './cli-options';
import type { Identities } from './identities';
import { DEFAULT_IDENTITIES, IdentitiesFileError, parseIdentities } from './identities';
import { JobExecutor } from './job-executor';
import { sessionKey } from './session-cookie';

/**
 * Demo data is loaded on demand, so `--no-demo` never reads the demo files. Without
 * authentication its earlier repairs have no user, as they would have had over such a REST API.
 */
async function loadDemoData(engine: EngineApi, authentication: boolean): Promise<void> {
  const { loadDemo } = await import('./demo/load-demo');
  await loadDemo(engine, { authenticated: authentication });
}

function urlHost(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}

/** What a client of the embedded engine will see: authentication and history level. */
function describeProfile(options: CliOptions): string {
  const parts = [
    options.auth ? 'HTTP Basic authentication' : 'no authentication',
    options.authorization ? 'authorization checked' : 'authorization disabled',
    `history level ${options.historyLevel}`,
  ];
  if (options.enforceHistoryTimeToLive) {
    parts.push('historyTimeToLive enforced');
  }
  return parts.join(', ');
}

/** The embedded engine writes nothing to disk; whoever rehearses a repair on it should know. */
const IN_MEMORY_NOTICE =
  'The embedded engine keeps its state in memory only: stopping or killing this server loses ' +
  'every deployment, process instance, batch and history entry.';

function httpOptions(options: CliOptions) {
  return { maxBodyBytes: options.maxBodyBytes, frameAncestors: options.frameAncestors };
}

async function main(): Promise<void> {
  let options: CliOptions;
  try {
    options = parseCliOptions(process.argv.slice(2), process.env);
  } catch (error) {
    if (!(error instanceof CliUsageError)) {
      throw error;
    }
    console.error(`${error.message}\n\n${USAGE}`);
    process.exit(2);
  }
  if (options.help) {
    console.log(USAGE);
    return;
  }
  let identities: Identities = DEFAULT_IDENTITIES;
  if (options.usersFile !== null) {
    try {
      identities = parseIdentities(await readFile(options.usersFile, 'utf8'), options.usersFile);
    } catch (error) {
      console.error(
        error instanceof IdentitiesFileError
          ? error.message
          : `${options.usersFile}: ${(error as Error).message}`,
      );
      process.exit(2);
    }
  }
  const consoleDir = options.console ? 'dist' : null;
  const proxyTarget = process.env.ENGINE_REST_URL;
  const sessionSecret = process.env.CONSOLE_SESSION_SECRET || undefined;
  let consoleSession;
  try {
    consoleSession = { key: sessionKey(sessionSecret) };
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  }

  let executor: JobExecutor | null = null;
  let app;
  if (proxyTarget) {
    app = createProxyApp({
      target: proxyTarget,
      consoleDir,
      consoleSession,
      ...httpOptions(options),
    });
  } else {
    const engine = new ProcessEngine({
      historyLevel: options.historyLevel,
      enforceHistoryTimeToLive: options.enforceHistoryTimeToLive,
      authorizationEnabled: options.authorization,
    });
    if (options.demo) {
      await loadDemoData(engine, options.auth);
    }
    if (options.jobExecutor) {
      executor = new JobExecutor(engine, {
        onJobFailure: (job, error) => {
          const message = error instanceof Error ? error.message : String(error);
          console.warn(`job ${job.id} (${job.activityId ?? job.handlerType}) failed: ${message}`);
        },
      });
      executor.start();
    }
    try {
      app = createApp({
        engine,
        consoleDir,
        authentication: options.auth,
        identities,
        consoleSession,
        ...httpOptions(options),
      });
    } catch (error) {
      if (!(error instanceof IdentitiesFileError)) {
        throw error;
      }
      console.error(`${options.usersFile ?? 'users'}: ${error.message}`);
      process.exit(2);
    }
  }

  const server: ServerType = serve(
    { fetch: app.fetch, port: options.port, hostname: options.host },
    (info) => {
      const base = `http://${urlHost(options.host)}:${String(info.port)}`;
      console.log(
        proxyTarget
          ? `listening on ${base}/engine-rest (proxy to ${proxyTarget})`
          : `listening on ${base}/engine-rest (${describeProfile(options)})`,
      );
      if (!proxyTarget) {
        console.log(IN_MEMORY_NOTICE);
      }
      if (consoleDir) {
        console.log(`console on ${base}/`);
        if (sessionSecret === undefined) {
          console.log(
            'console sign-in: CONSOLE_SESSION_SECRET is not set, so sessions are sealed with a key made at start-up: they end when this server stops, and other copies of it do not accept them',
          );
        }
      }
    },
  );

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) {
      return;
    }
    stopping = true;
    console.log(`${signal}: stopping`);
    void (async () => {
      await executor?.stop();
      server.close(() => process.exit(0));
      // Keep-alive connections can hold close() open; do not wait for them forever.
      setTimeout(() => process.exit(0), 2_000).unref();
    })();
  };
  process.on('SIGINT', () => {
    shutdown('SIGINT');
  });
  process.on('SIGTERM', () => {
    shutdown('SIGTERM');
  });
}

await main();
