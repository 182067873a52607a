/**
 * What a request may carry: the media type a resource consumes, and how large a body may be.
 * JSON's nesting depth is limited where bodies are parsed (request-body.ts).
 */
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { ExceptionDto } from '../contract/camunda/common';
import { RestException } from './rest-errors';

/** 10 MiB: a large BPMN deployment or a bulk request over 100,000 instance ids fits well inside. */
export const DEFAULT_MAX_BODY_BYTES = 10 * 1024 * 1024;

/**
 * JAX-RS answers a resource method annotated `@Consumes(...)` with `NotSupportedException` (415)
 * when the request's Content-Type is another one, or missing (Camunda's
 * `TaskRestServiceInteractionTest.testAddTaskCommentWithoutBody`); Camunda's `ExceptionHandler`
 * turns it into an error body with the exception's own message.
 */
export class NotSupportedException extends RestException {
  override readonly type: string = 'NotSupportedException';
  constructor() {
    super(415, 'HTTP 415 Unsupported Media Type');
  }
}

/** The media type of a Content-Type header: `application/json; charset=UTF-8` → `application/json`. */
function mediaTypeOf(c: Context): string | null {
  const header = c.req.header('content-type');
  if (header === undefined) {
    return null;
  }
  return (header.split(';')[0] ?? '').trim().toLowerCase();
}

/**
 * Refuses a request to a resource that consumes only `mediaType`. This is what keeps a form on
 * another site from writing through the API: a browser sends a cross-site request without asking
 * first only as text/plain, form-urlencoded or multipart, and a JSON resource consumes none of those.
 */
export function requireMediaType(
  c: Context,
  mediaType: 'application/json' | 'multipart/form-data',
): void {
  if (mediaTypeOf(c) !== mediaType) {
    throw new NotSupportedException();
  }
}

export function formatBytes(bytes: number): string {
  const mib = bytes / (1024 * 1024);
  if (Number.isInteger(mib)) {
    return `${String(mib)} MiB`;
  }
  const kib = bytes / 1024;
  return Number.isInteger(kib) ? `${String(kib)} KiB` : `${String(bytes)} bytes`;
}

/** The 413 answer, in Camunda's error body shape. */
export function payloadTooLarge(c: Context, maxBytes: number): Response {
  return c.json<ExceptionDto>(
    {
      type: 'InvalidRequestException',
      message: `The request body is larger than this server accepts (${formatBytes(maxBytes)})`,
      code: null,
    },
    413,
  );
}

/**
 * Refuses bodies over `maxBytes` with 413: at once when Content-Length says so, else while a
 * chunked body is read, before any of it reaches a resource.
 */
export function limitBodySize(maxBytes: number): MiddlewareHandler {
  return bodyLimit({ maxSize: maxBytes, onError: (c) => payloadTooLarge(c, maxBytes) });
}

/** Reads `--max-body-size` and `MAX_BODY_SIZE`: bytes, or a number with kb, mb or gb (powers of 1024). */
export function parseByteSize(text: string): number | null {
  const match = /^\s*(\d+)\s*(b|kb|k|kib|mb|m|mib|gb|g|gib)?\s*$/i.exec(text);
  if (!match) {
    return null;
  }
  const unit = (match[2] ?? 'b').toLowerCase()[0];
  const factor = unit === 'k' ? 1024 : unit === 'm' ? 1024 ** 2 : unit === 'g' ? 1024 ** 3 : 1;
  const bytes = Number(match[1]) * factor;
  return Number.isSafeInteger(bytes) && bytes > 0 ? bytes : null;
}
