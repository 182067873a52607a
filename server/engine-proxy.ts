/**
 * Proxy mode: `/engine-rest/*` is forwarded to a real Camunda 7 (or Operaton, CIB seven) REST API,
 * so the console runs unchanged against it. Method, headers (Authorization included), body and
 * the answer pass through as they are.
 */
import type { Context } from 'hono';
import { Hono } from 'hono';
import type { ExceptionDto } from '../src/api/camunda-dto';

/** Hop-by-hop headers, and those fetch recomputes itself. */
const DROPPED_REQUEST_HEADERS = [
  'host',
  'connection',
  'content-length',
  'accept-encoding',
  'keep-alive',
  'upgrade',
];
const DROPPED_RESPONSE_HEADERS = [
  'connection',
  'content-encoding',
  'content-length',
  'keep-alive',
  'transfer-encoding',
];

export interface EngineProxyOptions {
  /** Base URL of the remote REST API, e.g. `http://camunda:8080/engine-rest`. */
  target: string;
  /** For tests: how requests are sent. */
  fetch?: typeof fetch;
}

/** The URL on the remote engine for a request under `/engine-rest`. */
export function proxiedUrl(target: string, requestUrl: string): string {
  const url = new URL(requestUrl);
  const rest = url.pathname.replace(/^\/engine-rest/, '');
  return `${target.replace(/\/+$/, '')}${rest}${url.search}`;
}

async function forward(c: Context, options: EngineProxyOptions): Promise<Response> {
  const send = options.fetch ?? fetch;
  const headers = new Headers(c.req.raw.headers);
  for (const name of DROPPED_REQUEST_HEADERS) {
    headers.delete(name);
  }
  const method = c.req.method;
  const body = method === 'GET' || method === 'HEAD' ? undefined : await c.req.arrayBuffer();
  const url = proxiedUrl(options.target, c.req.url);
  let response: Response;
  try {
    response = await send(url, { method, headers, body, redirect: 'manual' });
  } catch (error) {
    const reason =
      error instanceof Error
        ? error.cause instanceof Error
          ? error.cause.message
          : error.message
        : String(error);
    return c.json<ExceptionDto>(
      {
        type: 'ProxyException',
        message: `The engine at ${options.target} cannot be reached: ${reason}`,
        code: null,
      },
      502,
    );
  }
  const responseHeaders = new Headers(response.headers);
  for (const name of DROPPED_RESPONSE_HEADERS) {
    responseHeaders.delete(name);
  }
  return new Response(response.body, {
    status: response.status,
    statusText: response.statusText,
    headers: responseHeaders,
  });
}

/** Registers the forwarding of `/engine-rest` and everything below it. */
export function addEngineProxy(app: Hono, options: EngineProxyOptions): void {
  app.all('/engine-rest', (c) => forward(c, options));
  app.all('/engine-rest/*', (c) => forward(c, options));
}
