import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
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

  it('keeps a hashed asset it has served, also once a rebuild removed it', async () => {
    const dir = builtConsole();
    const app = createApp({ engine: new ProcessEngine(), consoleDir: dir });
    expect(await (await app.request('http://localhost/assets/app.js')).text()).toBe(
      'console.log(1);',
    );
    rmSync(join(dir, 'assets', 'app.js'));

    const again = await app.request('http://localhost/assets/app.js');
    expect(again.headers.get('content-type')).toContain('javascript');
    expect(again.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await again.text()).toBe('console.log(1);');
    const head = await app.request('http://localhost/assets/app.js', { method: 'HEAD' });
    expect(head.headers.get('content-length')).toBe('15');
    expect(await head.text()).toBe('');
  });

  it('never answers REST paths with the console', async () => {
    const app = createApp({ engine: new ProcessEngine(), consoleDir: builtConsole() });
    const response = await app.request('http://localhost/engine-rest/nothing-here', {
      headers: AUTH,
    });
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ type: 'NotFoundException' });
  });

  it('serves no dotfiles, wherever they lie', async () => {
    const dir = builtConsole();
    writeFileSync(join(dir, '.env'), 'SECRET=1');
    mkdirSync(join(dir, '.git'));
    writeFileSync(join(dir, '.git', 'config'), '[core]');
    writeFileSync(join(dir, 'assets', '.hidden.js'), 'secret();');
    const app = createApp({ engine: new ProcessEngine(), consoleDir: dir });
    for (const path of [
      '/.env',
      '/.git/config',
      '/assets/.hidden.js',
      '/%2eenv',
      '/.well-known/x',
    ]) {
      const response = await app.request(`http://localhost${path}`);
      expect(response.status, path).toBe(404);
      expect(await response.text(), path).not.toContain('SECRET');
    }
  });

  it('follows no symlink out of the console directory, and serves those inside it', async () => {
    const dir = builtConsole();
    const outside = mkdtempSync(join(tmpdir(), 'outside-'));
    dirs.push(outside);
    writeFileSync(join(outside, 'secret.txt'), 'SECRET');
    symlinkSync(join(outside, 'secret.txt'), join(dir, 'assets', 'leak.txt'));
    symlinkSync(outside, join(dir, 'linked'));
    symlinkSync(join(dir, 'assets', 'app.js'), join(dir, 'assets', 'alias.js'));
    const app = createApp({ engine: new ProcessEngine(), consoleDir: dir });
    for (const path of ['/assets/leak.txt', '/linked/secret.txt']) {
      const response = await app.request(`http://localhost${path}`);
      expect(response.status, path).toBe(404);
      expect(await response.text(), path).not.toContain('SECRET');
    }
    const alias = await app.request('http://localhost/assets/alias.js');
    expect(await alias.text()).toBe('console.log(1);');
  });

  it('lets no path leave the console directory, encoded or not', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'parent-'));
    dirs.push(parent);
    writeFileSync(join(parent, 'secret.txt'), 'SECRET');
    const dir = join(parent, 'dist');
    mkdirSync(dir);
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>console</title>');
    const app = createApp({ engine: new ProcessEngine(), consoleDir: dir });
    // A raw request line, so that no client resolves the dot segments before the server sees them.
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise((resolve) => server.once('listening', resolve));
    const { port } = server.address() as AddressInfo;
    const get = (path: string) =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        httpRequest({ host: '127.0.0.1', port, path }, (response) => {
          let body = '';
          response.on('data', (chunk: Buffer) => (body += chunk.toString()));
          response.on('end', () => {
            resolve({ status: response.statusCode ?? 0, body });
          });
        })
          .on('error', reject)
          .end();
      });
    try {
      for (const path of [
        '/../secret.txt',
        '/%2e%2e/secret.txt',
        '/assets/..%2f..%2fsecret.txt',
        '/..%5csecret.txt',
        '/%2e%2e%2fsecret.txt',
      ]) {
        expect((await get(path)).body, path).not.toContain('SECRET');
      }
    } finally {
      server.close();
    }
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
