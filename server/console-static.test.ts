import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ProcessEngine } from '../engine/process-engine';
import { createApp } from './app';

const AUTH = { Authorization: `Basic ${btoa('demo:demo')}` };

describe('console', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  function builtConsole(): string {
    const dir = mkdtempSync(join(tmpdir(), 'console-'));
    dirs.push(dir);
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>console</title>');
    writeFileSync(join(dir, 'assets', 'app.js'), 'console.log(1);');
    return dir;
  }

  it('serves files, and index.html for client-side routes', async () => {
    const app = createApp({ engine: new ProcessEngine(), consoleDir: builtConsole() });
    const index = await app.request('http://localhost/');
    expect(await index.text()).toContain('<title>console</title>');
    const asset = await app.request('http://localhost/assets/app.js');
    expect(asset.headers.get('content-type')).toContain('javascript');
    const deepLink = await app.request('http://localhost/process-instances/abc');
    expect(deepLink.status).toBe(200);
    expect(await deepLink.text()).toContain('<title>console</title>');
  });

  it('lets browsers keep hashed assets for good and check index.html on every load', async () => {
    const app = createApp({ engine: new ProcessEngine(), consoleDir: builtConsole() });
    const asset = await app.request('http://localhost/assets/app.js');
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    for (const path of ['/', '/index.html', '/process-instances/abc']) {
      const page = await app.request(`http://localhost${path}`);
      expect(page.headers.get('cache-control'), path).toBe('no-cache');
    }
  });

  it('never answers REST paths with the console', async () => {
    const app = createApp({ engine: new ProcessEngine(), consoleDir: builtConsole() });
    const response = await app.request('http://localhost/engine-rest/nothing-here', {
      headers: AUTH,
    });
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ type: 'NotFoundException' });
  });

  it('says how to build the console when it is missing', async () => {
    const app = createApp({
      engine: new ProcessEngine(),
      consoleDir: join(tmpdir(), 'no-console-here'),
    });
    const response = await app.request('http://localhost/');
    expect(response.status).toBe(404);
    expect(await response.text()).toContain('npm run build');
  });
});
