import { describe, expect, it } from 'vitest';

import type { ConsoleServerDto } from '../contract/console-server';
import { ProcessEngine } from '../engine/process-engine';
import { createApp, createProxyApp } from './app';

async function consoleServer(app: { request: (path: string) => Response | Promise<Response> }) {
  const response = await app.request('/console-server');
  return { status: response.status, body: (await response.json()) as ConsoleServerDto };
}

describe('GET /console-server', () => {
  it('tells anyone, signed in or not, that the embedded engine keeps its state in memory', async () => {
    const app = createApp({ engine: new ProcessEngine(), consoleDir: null });
    expect(await consoleServer(app)).toEqual({
      status: 200,
      body: { engine: 'embedded', stateInMemory: true },
    });
  });

  it('says a proxied engine is not this server’s to lose', async () => {
    const app = createProxyApp({
      target: 'http://127.0.0.1:9/engine-rest',
      consoleDir: null,
      fetch: () => Promise.reject(new Error('the engine is not asked')),
    });
    expect(await consoleServer(app)).toEqual({
      status: 200,
      body: { engine: 'proxy', stateInMemory: false },
    });
  });
});
