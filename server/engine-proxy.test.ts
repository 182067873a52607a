import { describe, expect, it } from 'vitest';
import { ProcessEngine } from '../engine/process-engine';
import { createApp, createProxyApp } from './app';
import { proxiedUrl } from './engine-proxy';

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

  it('answers 502 when the engine cannot be reached', async () => {
    const proxy = createProxyApp({
      target: 'http://remote/engine-rest',
      consoleDir: null,
      fetch: () =>
        Promise.reject(new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED') })),
    });
    const response = await proxy.request('http://localhost/engine-rest/version');
    expect(response.status).toBe(502);
    expect(await response.json()).toMatchObject({
      message: expect.stringContaining('ECONNREFUSED') as string,
    });
  });
});
