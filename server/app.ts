/**
 * The HTTP application: Camunda 7's REST API over the embedded engine at `/engine-rest` (and
 * `/engine-rest/engine/default`), and the built console at `/`. In-process testable with
 * `app.request()`.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { EngineApi } from '../engine/engine-api';
import type { ExceptionDto } from '../contract/camunda/common';
import { CommandChecker } from '../engine/authorization/command-checker';
import { readableEngine } from '../engine/authorization/readable-engine';
import { anonymous, basicAuth } from './basic-auth';
import type { ConsoleSessionOptions } from './console-session';
import { addConsoleServer } from './console-server';
import { addConsoleSession, ephemeralSessionOptions } from './console-session';
import { consoleHandler, inlineScriptHashes } from './console-static';
import { addEngineProxy } from './engine-proxy';
import type { Identities } from './identities';
import { DEFAULT_IDENTITIES, loadIdentities } from './identities';
import { DEFAULT_MAX_BODY_BYTES, limitBodySize } from './request-limits';
import type { RestEnv } from './rest-env';
import {
  InvalidRequestException,
  RestException,
  isProcessEngineException,
  toErrorResponse,
} from './rest-errors';
import { authorizationRoutes } from './routes/authorization';
import { batchRoutes } from './routes/batch';
import { deploymentRoutes } from './routes/deployment';
import { engineInfoRoutes } from './routes/engine-info';
import { historyRoutes } from './routes/history';
import { historyVariableRoutes } from './routes/history-variables';
import { identityRoutes } from './routes/identity';
import { jobRoutes } from './routes/job';
import { messageRoutes } from './routes/message';
import { modificationRoutes } from './routes/modification';
import { processDefinitionRoutes } from './routes/process-definition';
import { processInstanceRoutes } from './routes/process-instance';
import { runtimeListRoutes } from './routes/runtime-lists';
import { taskRoutes } from './routes/task';
import { securityHeaders } from './security-headers';

export const REST_PATH = '/engine-rest';
export const DEFAULT_ENGINE_PATH = '/engine-rest/engine/default';

/** ProcessEngineAuthenticationFilter's WHITE_LISTED_URL_PATTERNS, matched against the whole path. */
const ENGINE_LIST_PATH = /^\/engine\/?$/;
/** Its ENGINE_REQUEST_URL_PATTERN: the engine a request addresses. */
const ENGINE_NAME_IN_PATH = /^\/engine\/(.*?)(?:\/|$)/;

export interface AppOptions {
  engine: EngineApi;
  /**
   * The users, groups and authorizations loaded into the engine; default Camunda's demo users
   * (`DEFAULT_IDENTITIES`). Null keeps what the engine already has.
   */
  identities?: Identities | null;
  /**
   * False serves the REST API without authentication, as Camunda Run does by default: requests
   * have no user, whatever Authorization header they send. Default true (HTTP Basic).
   */
  authentication?: boolean;
  /** The built console; `null` serves none. Default `dist`. */
  consoleDir?: string | null;
  /** The console's sign-in cookie (`console-session.ts`); default: a key of this process's own. */
  consoleSession?: ConsoleSessionOptions;
  /** Largest request body in bytes, answered 413 beyond; default `DEFAULT_MAX_BODY_BYTES`. */
  maxBodyBytes?: number;
  /** CSP `frame-ancestors` sources: who may frame the console; default `'none'`. */
  frameAncestors?: string;
}

export interface ProxyAppOptions {
  /** Base URL of the remote REST API, e.g. `http://camunda:8080/engine-rest`. */
  target: string;
  consoleDir?: string | null;
  consoleSession?: ConsoleSessionOptions;
  /** For tests: how requests are sent to the remote engine. */
  fetch?: typeof fetch;
  maxBodyBytes?: number;
  frameAncestors?: string;
}

/**
 * Maps anything a route throws to Camunda's error body
 * (docs/camunda-semantics.md#error-bodies-and-status-codes).
 */
function handleError(error: Error, c: Context): Response {
  // Hono's own errors, e.g. a multipart body that cannot be parsed.
  const cause =
    error instanceof HTTPException
      ? new InvalidRequestException(error.status, error.message)
      : error;
  const { status, body } = toErrorResponse(cause);
  if (!(cause instanceof RestException) && !isProcessEngineException(cause)) {
    // Not a Camunda error but a bug: keep the stack for whoever reads the server log.
    console.error(`${c.req.method} ${c.req.path} failed:`, error);
  }
  return c.json(body, status as 400);
}

/** All REST resources; mounted once per base path. */
function restApi(engine: EngineApi): Hono<RestEnv> {
  const api = new Hono<RestEnv>();
  api.onError(handleError);
  for (const routes of [
    engineInfoRoutes(),
    deploymentRoutes(engine),
    processDefinitionRoutes(engine),
    processInstanceRoutes(engine),
    modificationRoutes(engine),
    messageRoutes(engine),
    taskRoutes(engine),
    jobRoutes(engine),
    runtimeListRoutes(engine),
    historyRoutes(engine),
    historyVariableRoutes(engine),
    batchRoutes(engine),
    authorizationRoutes(engine),
    identityRoutes(engine),
  ]) {
    api.route('/', routes);
  }
  return api;
}

function notFound(c: Context): Response {
  return c.json<ExceptionDto>(
    {
      type: 'NotFoundException',
      message: `Could not find resource for full path: ${c.req.url}`,
      code: null,
    },
    404,
  );
}

/** First of all middleware, so that every answer carries the headers, errors and 401s included. */
function addSecurityHeaders(
  app: Hono,
  options: { consoleDir?: string | null; frameAncestors?: string },
): void {
  const consoleDir = options.consoleDir === null ? null : (options.consoleDir ?? 'dist');
  app.use(
    '*',
    securityHeaders({
      frameAncestors: options.frameAncestors,
      inlineScripts: consoleDir === null ? undefined : inlineScriptHashes(consoleDir),
    }),
  );
}

function addConsole(app: Hono, consoleDir: string | null | undefined): void {
  if (consoleDir === null) {
    return;
  }
  app.use('*', consoleHandler(consoleDir ?? 'dist'));
}

/** The REST API over the embedded engine, plus the console. */
export function createApp(options: AppOptions): Hono {
  const app = new Hono();
  app.onError(handleError);
  addSecurityHeaders(app, options);
  addConsoleSession(app, options.consoleSession ?? ephemeralSessionOptions());
  addConsoleServer(app, { engine: 'embedded', stateInMemory: true });

  const { engine } = options;
  if (options.identities !== null) {
    loadIdentities(engine, options.identities ?? DEFAULT_IDENTITIES);
  }
  const rest = new Hono<RestEnv>();
  rest.onError(handleError);
  if (options.authentication === false) {
    rest.use('*', anonymous);
    // Without the authentication filter an unknown engine name reaches the resource, whose
    // AbstractRestProcessEngineAware.getProcessEngine refuses it with 400.
    rest.use('/engine/:name/*', async (c, next) => {
      if (c.req.param('name') !== 'default') {
        throw new InvalidRequestException(400, 'No process engine available');
      }
      await next();
    });
  } else {
    const authenticate = basicAuth(engine.identityService);
    const filter: MiddlewareHandler<RestEnv> = async (c, next) => {
      const path = c.req.path.slice(REST_PATH.length);
      // ProcessEngineAuthenticationFilter: the engine list (WHITE_LISTED_URL_PATTERNS, `/engine`)
      // is served to anyone, and a request to an engine that does not exist is refused with 404
      // before any credentials are looked at.
      if (ENGINE_LIST_PATH.test(path)) {
        c.set('userId', null);
        c.set('groupIds', []);
        await next();
        return;
      }
      const engineName = ENGINE_NAME_IN_PATH.exec(path)?.[1];
      if (engineName !== undefined && engineName !== 'default') {
        throw new InvalidRequestException(404, `Process engine ${engineName} not available`);
      }
      return authenticate(c, next);
    };
    rest.use('*', filter);
  }
  // After authentication: a client without credentials gets its 401 before any body is read.
  rest.use('*', limitBodySize(options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES));
  rest.use('*', async (c, next) => {
    const { origin, pathname } = new URL(c.req.url);
    const base = pathname.startsWith(`${DEFAULT_ENGINE_PATH}/`) ? DEFAULT_ENGINE_PATH : REST_PATH;
    c.set('baseUrl', `${origin}${base}`);
    // The authentication engine commands run with (IdentityService.setAuthentication).
    const { userId, groupIds } = c.var;
    const checker = new CommandChecker(
      engine.authorizationService,
      userId === null ? null : { userId, groupIds },
    );
    c.set('checker', checker);
    c.set('reader', readableEngine(engine, checker));
    await next();
  });
  const api = restApi(engine);
  rest.route('/', api);
  rest.route('/engine/default', api);
  rest.all('*', notFound);

  app.route(REST_PATH, rest);
  addConsole(app, options.consoleDir);
  return app;
}

/** Proxy mode: `/engine-rest` forwarded to a remote engine, plus the console. No engine runs here. */
export function createProxyApp(options: ProxyAppOptions): Hono {
  const app = new Hono();
  app.onError(handleError);
  addSecurityHeaders(app, options);
  addConsoleSession(app, options.consoleSession ?? ephemeralSessionOptions());
  addConsoleServer(app, { engine: 'proxy', stateInMemory: false });
  addEngineProxy(app, {
    target: options.target,
    fetch: options.fetch,
    maxBodyBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
  });
  addConsole(app, options.consoleDir);
  return app;
}
