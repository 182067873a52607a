/**
 * Proxy mode: `/engine-rest/*` is forwarded to a real Camunda 7 (or Operaton, CIB seven) REST API,
 * so the console runs unchanged against it. Method, end-to-end headers (Authorization included),
 * body and the answer pass through; the body streams both ways, so nothing is held here while the
 * engine reads it, and a body over the size limit is cut off with 413.
 */
import type { Context } from 'hono';
import { Hono } from 'hono';
import type { ExceptionDto } from '../contract/camunda/common';
import { payloadTooLarge } from './request-limits';

/** RFC 9110 §7.6.1: headers that describe one connection, never forwarded by a proxy. */
const HOP_BY_HOP_HEADERS = [
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
];
/**
 * Headers fetch sets itself: the target's Host, the length of a body it streams, and the
 * encodings it decodes (the answer arrives decoded, so its Content-Encoding no longer applies).
 * `Expect: 100-continue` (curl sends it for large bodies) was answered by this server's own HTTP
 * stack already, and fetch refuses to send it.
 */
const RECOMPUTED_REQUEST_HEADERS = ['host', 'content-length', 'accept-encoding', 'expect'];
const RECOMPUTED_RESPONSE_HEADERS = ['content-encoding', 'content-length'];

export interface EngineProxyOptions {
  /** Base URL of the remote REST API, e.g. `http://camunda:8080/engine-rest`. */
  target: string;
  /** Request bodies beyond this many bytes are answered 413 and not forwarded further. */
  maxBodyBytes: number;
  /** For tests: how requests are sent. */
  fetch?: typeof fetch;
}

/** A copy of `source` without hop-by-hop headers, the ones `Connection` names among them. */
export function endToEndHeaders(source: Headers, recomputed: readonly string[]): Headers {
  const headers = new Headers(source);
  const named = (source.get('connection') ?? '')
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter((name) => name !== '');
  for (const name of [...HOP_BY_HOP_HEADERS, ...named, ...recomputed]) {
    headers.delete(name);
  }
  return headers;
}

/** A path the proxy refuses to forward: it would leave `/engine-rest` on the target. */
export class PathEscapeError extends Error {}

/**
 * The URL on the remote engine for a request under `/engine-rest`. URL parsing has already
 * resolved plain and `%2e` dot segments; a segment that is still a dot segment once decoded, or
 * holds a slash or backslash (`..%2F`, `%5C`), could be read as one by the target, and so could a
 * dot segment with path parameters (`..;x`), which Tomcat strips before it resolves the path.
 */
export function proxiedUrl(target: string, requestUrl: string): string {
  const url = new URL(requestUrl);
  const rest = url.pathname.replace(/^\/engine-rest/, '');
  for (const segment of rest.split('/')) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      throw new PathEscapeError(segment);
    }
    const name = decoded.split(';')[0];
    if (name === '.' || name === '..' || /[/\\]/.test(decoded)) {
      throw new PathEscapeError(segment);
    }
  }
  const base = target.replace(/\/+$/, '');
  const proxied = new URL(`${base}${rest}${url.search}`);
  if (proxied.origin !== new URL(base).origin) {
    throw new PathEscapeError(rest);
  }
  return proxied.href;
}

class BodyTooLargeError extends Error {}

/** The request body as a stream that fails once more than `maxBytes` have passed. */
function limitedBody(body: ReadableStream<Uint8Array>, maxBytes: number) {
  let size = 0;
  return body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        size += chunk.byteLength;
        if (size > maxBytes) {
          controller.error(new BodyTooLargeError());
          return;
        }
        controller.enqueue(chunk);
      },
    }),
  );
}

function causeOf(error: unknown): unknown {
  return error instanceof Error && error.cause !== undefined ? error.cause : error;
}

function badGateway(c: Context): Response {
  // Only the server log names the engine: a client of the proxy learns nothing of what lies
  // behind it.
  return c.json<ExceptionDto>(
    {
      type: 'ProxyException',
      message: 'The process engine cannot be reached',
      code: null,
    },
    502,
  );
}

async function forward(c: Context, options: EngineProxyOptions): Promise<Response> {
  let url: string;
  try {
    url = proxiedUrl(options.target, c.req.url);
  } catch (error) {
    if (!(error instanceof PathEscapeError)) {
      throw error;
    }
    return c.json<ExceptionDto>(
      { type: 'InvalidRequestException', message: 'Invalid path', code: null },
      400,
    );
  }
  const declaredLength = Number(c.req.header('content-length') ?? 0);
  if (declaredLength > options.maxBodyBytes) {
    return payloadTooLarge(c, options.maxBodyBytes);
  }
  const method = c.req.method;
  const raw = c.req.raw.body;
  const body =
    method === 'GET' || method === 'HEAD' || raw === null
      ? undefined
      : limitedBody(raw, options.maxBodyBytes);
  const init: RequestInit & { duplex?: 'half' } = {
    method,
    headers: endToEndHeaders(c.req.raw.headers, RECOMPUTED_REQUEST_HEADERS),
    body,
    // A stream body is sent while it is read, without waiting for its end (fetch's `duplex`).
    duplex: body ? 'half' : undefined,
    redirect: 'manual',
    signal: c.req.raw.signal,
  };
  let response: Response;
  try {
    response = await (options.fetch ?? fetch)(url, init);
  } catch (error) {
    if (causeOf(error) instanceof BodyTooLargeError || error instanceof BodyTooLargeError) {
      return payloadTooLarge(c, options.maxBodyBytes);
    }
    const reason = causeOf(error);
    console.error(
      `proxy: ${method} ${url} failed:`,
      reason instanceof Error ? reason.message : reason,
    );
    return badGateway(c);
  }
  return new Response(response.body, {
    status: response.status,
    statusText: response.statusText,
    headers: endToEndHeaders(response.headers, RECOMPUTED_RESPONSE_HEADERS),
  });
}

/** Registers the forwarding of `/engine-rest` and everything below it. */
export function addEngineProxy(app: Hono, options: EngineProxyOptions): void {
  app.all('/engine-rest', (c) => forward(c, options));
  app.all('/engine-rest/*', (c) => forward(c, options));
}
