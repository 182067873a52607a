/** Plain HTTP to a Camunda 7 REST API, with every exchange of the current case kept for reports. */
import type { RestResponse } from './expectations';
import { CaseFailure, truncate } from './problems';

/** The HTTP `Date` header has whole seconds: smaller clock differences are noise. */
const IGNORED_CLOCK_SKEW_MS = 2_000;
const KEPT_EXCHANGES = 50;

/** Where a case is: setting up, starting, step N (from 1), or checking. */
export type Stage = 'setup' | 'start' | 'expect' | 'derivedExpect' | number;

export interface Exchange {
  stage: Stage;
  method: string;
  url: string;
  request: string;
  status?: number | 'none';
  response?: string;
  ms?: number;
}

export type Query = Record<string, string | number | boolean | string[] | null | undefined>;

export interface HttpResponse extends RestResponse {
  text: string;
  headers: Headers;
}

export function queryString(query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined || value === null) {
      continue;
    }
    params.append(name, Array.isArray(value) ? value.join(',') : String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

function formFieldNames(form: FormData): string[] {
  const names: string[] = [];
  form.forEach((_value, name) => {
    names.push(name);
  });
  return names;
}

function parseJsonOrNull(text: string): unknown {
  try {
    return text ? (JSON.parse(text) as unknown) : null;
  } catch {
    return null;
  }
}

function networkReason(error: unknown): string {
  const cause = error instanceof Error ? (error.cause as { code?: string; message?: string }) : {};
  if (cause.message === 'bad port') {
    return 'fetch refuses this port (it is on the WHATWG "bad ports" list)';
  }
  if (cause.code === 'ECONNREFUSED') {
    return 'connection refused';
  }
  if (cause.code === 'ENOTFOUND') {
    return 'host not found';
  }
  const message = error instanceof Error ? error.message : String(error);
  return `request failed (${cause.code ?? cause.message ?? message})`;
}

/** One line for a response: Camunda's `ExceptionDto` type and message, or the text. */
export function describeResponse(response: HttpResponse): string {
  const body = response.body;
  if (body !== null && typeof body === 'object' && !Array.isArray(body)) {
    const { type, message } = body as { type?: unknown; message?: unknown };
    if (type !== undefined || message !== undefined) {
      const text = typeof message === 'string' ? message : '';
      return `${response.status} ${typeof type === 'string' ? type : ''}: ${truncate(text, 300)}`;
    }
  }
  return response.text
    ? `${response.status} ${truncate(response.text, 300)}`
    : String(response.status);
}

export function requireStatus(
  response: HttpResponse,
  expected: number | number[],
  what: string,
): HttpResponse {
  const allowed = ([] as number[]).concat(expected);
  if (!allowed.includes(response.status)) {
    throw new CaseFailure(
      `${what} answered ${describeResponse(response)}, expected ${allowed.join(' or ')}`,
    );
  }
  return response;
}

export interface RestClientOptions {
  baseUrl: string;
  user: string;
  password: string;
  timeoutMs: number;
}

export class RestClient {
  readonly baseUrl: string;
  private readonly authorization: string;
  private readonly timeoutMs: number;
  /** Engine clock minus ours, when they differ noticeably. */
  clockOffsetMs = 0;
  exchanges: Exchange[] = [];
  stage: Stage = 'setup';

  constructor({ baseUrl, user, password, timeoutMs }: RestClientOptions) {
    this.baseUrl = baseUrl.replace(/\/+$/, '');
    this.authorization = `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
    this.timeoutMs = timeoutMs;
  }

  /** The engine's idea of now, for `afterTimestamp` and due date checks. */
  now(): number {
    return Date.now() + this.clockOffsetMs;
  }

  /** Sends one request; throws a CaseFailure when no answer comes. */
  async call(
    method: string,
    path: string,
    { query, json, form }: { query?: Query; json?: unknown; form?: FormData } = {},
  ): Promise<HttpResponse> {
    const url = this.baseUrl + path + queryString(query);
    const headers: Record<string, string> = {
      Authorization: this.authorization,
      Accept: 'application/json',
    };
    let body: string | FormData | undefined;
    let request = '';
    if (json !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(json);
      request = body;
    } else if (form) {
      // fetch sets the multipart boundary itself.
      body = form;
      request = `<multipart form: ${formFieldNames(form).join(', ')}>`;
    }
    const exchange: Exchange = { stage: this.stage, method, url, request };
    this.exchanges.push(exchange);
    if (this.exchanges.length > KEPT_EXCHANGES) {
      this.exchanges.shift();
    }
    const started = Date.now();
    try {
      const response = await fetch(url, {
        method,
        headers,
        body,
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      const text = await response.text();
      Object.assign(exchange, {
        status: response.status,
        response: text,
        ms: Date.now() - started,
      });
      return {
        status: response.status,
        body: parseJsonOrNull(text),
        text,
        headers: response.headers,
      };
    } catch (error) {
      const reason =
        error instanceof Error && error.name === 'TimeoutError'
          ? `no answer within ${this.timeoutMs} ms`
          : networkReason(error);
      Object.assign(exchange, { status: 'none', response: reason, ms: Date.now() - started });
      throw new CaseFailure(`${method} ${path}: ${reason}`);
    }
  }

  /** GET that must answer 200; its JSON body. */
  async getJson<T>(path: string, query?: Query): Promise<T> {
    const response = await this.call('GET', path, { query });
    requireStatus(response, 200, `GET ${path}${queryString(query)}`);
    return response.body as T;
  }
}

/** Engine clock offset from the Date header, ignored below the header's one-second resolution. */
export function clockOffsetFrom(headers: Headers, sentAt: number, receivedAt: number): number {
  const engineTime = Date.parse(headers.get('date') ?? '');
  if (Number.isNaN(engineTime)) {
    return 0;
  }
  const offset = engineTime - (sentAt + receivedAt) / 2;
  return Math.abs(offset) > IGNORED_CLOCK_SKEW_MS ? Math.round(offset) : 0;
}

/** null when GET /engine or GET /version answers 2xx (and the clock offset is set), else why not. */
export async function probeEngine(client: RestClient): Promise<string[] | null> {
  const reasons: string[] = [];
  for (const path of ['/engine', '/version']) {
    const sentAt = Date.now();
    try {
      const response = await client.call('GET', path);
      if (response.status >= 200 && response.status < 300) {
        client.clockOffsetMs = clockOffsetFrom(response.headers, sentAt, Date.now());
        return null;
      }
      reasons.push(`GET ${path} answered ${describeResponse(response)}`);
    } catch (error) {
      reasons.push(error instanceof Error ? error.message : String(error));
    }
  }
  return reasons;
}
