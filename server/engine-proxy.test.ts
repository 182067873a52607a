import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ServerType } from '@hono/node-server';
import { serve } from '@hono/node-server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ProcessEngine } from '../engine/process-engine';
import { createApp, createProxyApp } from './app';
import { PathEscapeError, proxiedUrl } from './engine-proxy';

/** Servers a test started, closed after it. */
const servers: { close: () => void }[] = [];
afterEach(() => {
  for (const server of servers.splice(0)) {
    server.close();
  }
  vi.restoreAllMocks();
});

/** A real engine stand-in on a loopback port, so that streaming is what node's sockets do. */
async function fakeEngine(
  handle: (request: IncomingMessage, response: ServerResponse) => void,
): Promise<string> {
  const server = createServer(handle);
  servers.push({ close: () => server.close() });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${String((server.address() as AddressInfo).port)}/engine-rest`;
}

async function listen(fetchApp: (request: Request) => Response | Promise<Response>) {
  const server: ServerType = serve({ fetch: fetchApp, port: 0, hostname: '127.0.0.1' });
  servers.push({
    close: () => {
      if ('closeAllConnections' in server) {
        server.closeAllConnections();
      }
      server.close();
    },
  });
  await new Promise((resolve) => server.once('listening', resolve));
  return `http://127.0.0.1:${String((server.address() as AddressInfo).port)}`;
}

/** A GET with the path exactly as written: no client resolves its dot segments first. */
function rawGet(base: string, path: string): Promise<number> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    httpRequest({ host: hostname, port, path }, (response) => {
      response.resume();
      response.on('end', () => {
        resolve(response.statusCode ?? 0);
      });
    })
      .on('error', reject)
      .end();
  });
}

describe('proxy mode', () => {
  it('maps /engine-rest paths onto the target', () => {
    expect(
      proxiedUrl('http://camunda:8080/engine-rest/', 'http://localhost:8080/engine-rest/task?x=1'),
    ).toBe('http://camunda:8080/engine-rest/task?x=1');
  });

  it('forwards method, headers and body, and passes the answer back', async () => {
    // The "remote" engine is an embedded one answering in-process.
    const remote = createApp({ engine: new ProcessEngine(), consoleDir: null });
    const seen: string[] = [];
    const proxy = createProxyApp({
      target: 'http://remote/engine-rest',
      consoleDir: null,
      fetch: (input, init) => {
        const request = new Request(input, init);
        seen.push(`${request.method} ${request.url}`);
        return Promise.resolve(remote.request(request));
      },
    });
    const authorization = `Basic ${btoa('demo:demo')}`;
    const version = await proxy.request('http://localhost/engine-rest/version', {
      headers: { Authorization: authorization },
    });
    expect(version.status).toBe(200);
    expect(await version.json()).toEqual({ version: '7.24.0' });

    const unauthenticated = await proxy.request('http://localhost/engine-rest/version');
    expect(unauthenticated.status).toBe(401);
    expect(unauthenticated.headers.get('WWW-Authenticate')).toBe('Basic realm="default"');

    const message = await proxy.request('http://localhost/engine-rest/message', {
      method: 'POST',
      headers: { Authorization: authorization, 'Content-Type': 'application/json' },
      body: JSON.stringify({}),
    });
    expect(message.status).toBe(400);
    expect(await message.json()).toMatchObject({ message: 'No message name supplied' });
    expect(seen).toContain('POST http://remote/engine-rest/message');
  });

  it('answers 502 naming no address, and logs the reason for the operator', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const proxy = createProxyApp({
      target: 'http://10.1.2.3:8080/engine-rest',
      consoleDir: null,
      fetch: () =>
        Promise.reject(
          new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED 10.1.2.3:8080') }),
        ),
    });
    const response = await proxy.request('http://localhost/engine-rest/version');
    expect(response.status).toBe(502);
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({
      type: 'ProxyException',
      message: 'The process engine cannot be reached',
      code: null,
    });
    expect(text).not.toContain('10.1.2.3');
    expect(text).not.toContain('ECONNREFUSED');
    expect(log.mock.calls.flat().join(' ')).toContain('connect ECONNREFUSED 10.1.2.3:8080');
  });

  it('strips hop-by-hop headers both ways, the ones Connection names included', async () => {
    let forwarded = new Headers();
    const proxy = createProxyApp({
      target: 'http://remote/engine-rest',
      consoleDir: null,
      fetch: (input, init) => {
        forwarded = new Request(input, init).headers;
        return Promise.resolve(
          new Response('{}', {
            headers: {
              'Content-Type': 'application/json',
              Connection: 'close, X-Engine-Hop',
              'X-Engine-Hop': 'secret',
              'Keep-Alive': 'timeout=5',
              'Proxy-Authenticate': 'Basic',
              Trailer: 'Expires',
              Upgrade: 'h2c',
              'X-Engine-End': 'kept',
            },
          }),
        );
      },
    });
    const response = await proxy.request('http://localhost/engine-rest/version', {
      headers: {
        Authorization: 'Basic ZGVtbzpkZW1v',
        Connection: 'X-Client-Hop',
        'X-Client-Hop': 'secret',
        'Keep-Alive': 'timeout=5',
        'Proxy-Authorization': 'Basic cHJveHk6cHJveHk=',
        TE: 'trailers',
        Trailer: 'Expires',
        Upgrade: 'websocket',
        Expect: '100-continue',
        'X-Client-End': 'kept',
      },
    });
    for (const name of [
      'connection',
      'x-client-hop',
      'keep-alive',
      'proxy-authorization',
      'te',
      'trailer',
      'upgrade',
      'expect',
    ]) {
      expect(forwarded.has(name), name).toBe(false);
    }
    expect(forwarded.get('authorization')).toBe('Basic ZGVtbzpkZW1v');
    expect(forwarded.get('x-client-end')).toBe('kept');
    for (const name of [
      'connection',
      'x-engine-hop',
      'keep-alive',
      'proxy-authenticate',
      'trailer',
      'upgrade',
    ]) {
      expect(response.headers.has(name), name).toBe(false);
    }
    expect(response.headers.get('x-engine-end')).toBe('kept');
  });

  it('streams the body: the engine reads its start before the client has sent the rest', async () => {
    let sawFirstChunk: () => void = () => undefined;
    const firstChunkArrived = new Promise<void>((resolve) => {
      sawFirstChunk = resolve;
    });
    const received: string[] = [];
    const target = await fakeEngine((request, response) => {
      request.on('data', (chunk: Buffer) => {
        received.push(chunk.toString());
        sawFirstChunk();
      });
      request.on('end', () => {
        response.writeHead(200, { 'Content-Type': 'application/json' });
        response.end(JSON.stringify({ received: received.join('') }));
      });
    });
    const proxy = await listen(
      createProxyApp({ target, consoleDir: null, maxBodyBytes: 1024 }).fetch,
    );
    let part = 0;
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        part++;
        if (part === 1) {
          controller.enqueue(new TextEncoder().encode('{"first":1,'));
          return;
        }
        // A proxy that buffered would wait for the end of a body that never ends.
        await firstChunkArrived;
        controller.enqueue(new TextEncoder().encode('"second":2}'));
        controller.close();
      },
    });
    const response = await fetch(`${proxy}/engine-rest/message`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body,
      duplex: 'half',
    } as RequestInit);
    expect(await response.json()).toEqual({ received: '{"first":1,"second":2}' });
  });

  it('cuts a streamed body off with 413 once it passes the limit', async () => {
    let engineBytes = 0;
    const target = await fakeEngine((request, response) => {
      request.on('data', (chunk: Buffer) => (engineBytes += chunk.length));
      request.on('error', () => undefined);
      request.on('end', () => response.end('{}'));
    });
    const proxy = await listen(
      createProxyApp({ target, consoleDir: null, maxBodyBytes: 1024 }).fetch,
    );
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ === 64) {
          controller.close();
        } else {
          controller.enqueue(new Uint8Array(256).fill(0x20));
        }
      },
    });
    const response = await fetch(`${proxy}/engine-rest/message`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body,
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ type: 'InvalidRequestException' });
    expect(engineBytes).toBeLessThanOrEqual(1024);
  });

  it("passes on the engine's early refusal of a body it does not read", async () => {
    const target = await fakeEngine((request, response) => {
      // As an engine that refuses the credentials before it reads the body.
      response.writeHead(401, { 'WWW-Authenticate': 'Basic realm="default"' });
      response.end();
      request.resume();
    });
    const proxy = await listen(
      createProxyApp({ target, consoleDir: null, maxBodyBytes: 1024 * 1024 }).fetch,
    );
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ === 16) {
          controller.close();
        } else {
          controller.enqueue(new Uint8Array(16 * 1024).fill(0x20));
        }
      },
    });
    const response = await fetch(`${proxy}/engine-rest/message`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body,
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(401);
  });

  it('refuses a declared length over the limit without asking the engine', async () => {
    const send = vi.fn<typeof fetch>();
    const proxy = createProxyApp({
      target: 'http://remote/engine-rest',
      consoleDir: null,
      maxBodyBytes: 1024,
      fetch: send,
    });
    const response = await proxy.request('http://localhost/engine-rest/message', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Content-Length': '2048' },
      body: 'x'.repeat(2048),
    });
    expect(response.status).toBe(413);
    expect(send).not.toHaveBeenCalled();
  });

  it('forwards no path that leaves /engine-rest on the target', async () => {
    expect(() =>
      proxiedUrl('http://camunda:8080/engine-rest', 'http://localhost/engine-rest/..%2Fadmin'),
    ).toThrow(PathEscapeError);
    expect(() =>
      proxiedUrl('http://camunda:8080/engine-rest', 'http://localhost/engine-rest/%2e%2E%5Cadmin'),
    ).toThrow(PathEscapeError);
    expect(() =>
      proxiedUrl('http://camunda:8080/engine-rest', 'http://localhost/engine-rest/..;/manager'),
    ).toThrow(PathEscapeError);
    expect(() =>
      proxiedUrl('http://camunda:8080/engine-rest', 'http://localhost/engine-rest/%2e%2e;x=1/app'),
    ).toThrow(PathEscapeError);
    // URL parsing resolves a plain or encoded dot segment before the proxy sees the path.
    expect(
      proxiedUrl('http://camunda:8080/engine-rest', 'http://localhost/engine-rest/task/%2e/x'),
    ).toBe('http://camunda:8080/engine-rest/task/x');

    const paths: string[] = [];
    const target = await fakeEngine((request, response) => {
      paths.push(request.url ?? '');
      response.end('{}');
    });
    const proxy = await listen(createProxyApp({ target, consoleDir: null }).fetch);
    const statuses = new Map<string, number>();
    for (const path of [
      '/engine-rest/../admin',
      '/engine-rest/%2e%2e/admin',
      '/engine-rest/..%2fadmin',
      '/engine-rest/%2e%2e%2fadmin',
      '/engine-rest/task/..%5c..%5cadmin',
      '/engine-rest/..;/manager',
      '/engine-rest/task',
    ]) {
      statuses.set(path, await rawGet(proxy, path));
    }
    expect(statuses.get('/engine-rest/..%2fadmin')).toBe(400);
    expect(statuses.get('/engine-rest/task')).toBe(200);
    expect(paths.length).toBeGreaterThan(0);
    for (const path of paths) {
      expect(path).toMatch(/^\/engine-rest\/[^%]*$/);
    }
  });
});
