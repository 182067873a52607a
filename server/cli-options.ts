/** Command-line options of `server/main.ts`. */
import type { HistoryLevel } from '../engine/runtime/history-level';
import { HISTORY_LEVELS, isHistoryLevel } from '../engine/runtime/history-level';
import { DEFAULT_MAX_BODY_BYTES, parseByteSize } from './request-limits';

export interface CliOptions {
  port: number;
  host: string;
  demo: boolean;
  jobExecutor: boolean;
  console: boolean;
  /** HTTP Basic authentication of the REST API; `--no-auth` serves it as Camunda Run does by default. */
  auth: boolean;
  /** Camunda's `authorizationEnabled`; `--no-authorization` checks no permission. */
  authorization: boolean;
  /** A users file replacing the default users, groups and authorizations. */
  usersFile: string | null;
  historyLevel: HistoryLevel;
  enforceHistoryTimeToLive: boolean;
  /** Largest request body in bytes, answered 413 beyond (the proxy's too). */
  maxBodyBytes: number;
  /** CSP `frame-ancestors` sources; undefined for `'none'`. */
  frameAncestors: string | undefined;
  help: boolean;
}

export const USAGE = `usage: tsx server/main.ts [options]

  --port P            port to listen on (default: env PORT or 8080)
  --host H            address to bind (default: 127.0.0.1)
  --no-demo           start with an empty engine instead of the demo data
  --no-job-executor   do not run jobs in the background (run them with POST /job/{id}/execute)
  --no-console        serve only the REST API, not the built console
  --no-auth           serve the REST API without authentication, as Camunda Run does by default:
                      no request has a user, so no user operation log is written
  --no-authorization  authenticate users but check no permission, as Camunda 7 does with
                      authorization disabled (its default): every user may do everything
  --users FILE        users, groups and authorizations (JSON, see README) instead of the
                      default demo (administrator) and john (read only)
  --history-level L   ${HISTORY_LEVELS.join(' | ')} (default: full): how much history the engine
                      writes; below full there is no user operation log and no historic batch
  --enforce-history-time-to-live
                      refuse to deploy a process without camunda:historyTimeToLive, as a stock
                      Camunda 7.20+ engine does (default: accept it)
  --max-body-size N   largest request body, in bytes or with kb, mb, gb (default: env
                      MAX_BODY_SIZE or ${String(DEFAULT_MAX_BODY_BYTES / 1024 ** 2)}mb); larger ones are answered 413

environment:
  ENGINE_REST_URL     proxy /engine-rest to this Camunda 7 REST API instead of the embedded engine
  CONSOLE_USERS_FILE  the users file when --users is not given
  PORT                default port
  MAX_BODY_SIZE       default of --max-body-size
  FRAME_ANCESTORS     who may show the console in a frame, as CSP frame-ancestors sources
                      (default 'none'; e.g. "'self' https://portal.example.com")`;

/** Wrong command-line usage; the message says what. */
export class CliUsageError extends Error {}

function parseBodySize(text: string, source: string): number {
  const bytes = parseByteSize(text);
  if (bytes === null) {
    throw new CliUsageError(`${source}: not a size: ${text} (e.g. 10485760, 512kb, 10mb)`);
  }
  return bytes;
}

function parsePort(text: string, source: string): number {
  const port = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!Number.isInteger(port) || port > 65_535) {
    throw new CliUsageError(`${source}: not a port: ${text}`);
  }
  return port;
}

export function parseCliOptions(
  args: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): CliOptions {
  const options: CliOptions = {
    port: env.PORT ? parsePort(env.PORT, 'PORT') : 8080,
    host: '127.0.0.1',
    demo: true,
    jobExecutor: true,
    console: true,
    auth: true,
    authorization: true,
    usersFile: env.CONSOLE_USERS_FILE ? env.CONSOLE_USERS_FILE : null,
    historyLevel: 'full',
    enforceHistoryTimeToLive: false,
    maxBodyBytes: env.MAX_BODY_SIZE
      ? parseBodySize(env.MAX_BODY_SIZE, 'MAX_BODY_SIZE')
      : DEFAULT_MAX_BODY_BYTES,
    frameAncestors: env.FRAME_ANCESTORS?.trim() === '' ? undefined : env.FRAME_ANCESTORS?.trim(),
    help: false,
  };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    const equals = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const flag = equals < 0 ? arg : arg.slice(0, equals);
    const inline = equals < 0 ? undefined : arg.slice(equals + 1);
    const value = (): string => {
      const next = inline ?? args[++i];
      if (next === undefined) {
        throw new CliUsageError(`${flag} needs a value`);
      }
      return next;
    };
    switch (flag) {
      case '--port':
        options.port = parsePort(value(), '--port');
        break;
      case '--host':
        options.host = value();
        break;
      case '--no-demo':
        options.demo = false;
        break;
      case '--no-job-executor':
        options.jobExecutor = false;
        break;
      case '--no-console':
        options.console = false;
        break;
      case '--no-auth':
        options.auth = false;
        break;
      case '--no-authorization':
        options.authorization = false;
        break;
      case '--users':
        options.usersFile = value();
        break;
      case '--history-level': {
        const level = value();
        if (!isHistoryLevel(level)) {
          throw new CliUsageError(
            `--history-level: not a history level: ${level} (one of ${HISTORY_LEVELS.join(', ')})`,
          );
        }
        options.historyLevel = level;
        break;
      }
      case '--enforce-history-time-to-live':
        options.enforceHistoryTimeToLive = true;
        break;
      case '--max-body-size':
        options.maxBodyBytes = parseBodySize(value(), '--max-body-size');
        break;
      case '--help':
      case '-h':
        options.help = true;
        break;
      default:
        throw new CliUsageError(`unknown option: ${arg}`);
    }
  }
  return options;
}
