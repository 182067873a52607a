import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ProcessEngine } from '../engine/process-engine';
import { createApp, createProxyApp } from './app';

const AUTH = { Authorization: `Basic ${btoa('demo:demo')}` };
const INLINE_SCRIPT = 'window.early = 1;';

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

function expectSecurityHeaders(response: Response, what: string): void {
  const csp = response.headers.get('content-security-policy') ?? '';
  expect(csp, what).toContain("frame-ancestors 'none'");
  expect(csp, what).toMatch(/script-src 'self'(?: 'sha256-[^']+')*;/);
  expect(csp, what).not.toContain('unsafe-inline');
  expect(csp, what).not.toContain('unsafe-eval');
  expect(csp, what).toContain("object-src 'none'");
  expect(response.headers.get('x-frame-options'), what).toBe('DENY');
  expect(response.headers.get('x-content-type-options'), what).toBe('nosniff');
  expect(response.headers.get('referrer-policy'), what).toBe('same-origin');
}

describe('security headers', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  function builtConsole(script = INLINE_SCRIPT): string {
    const dir = mkdtempSync(join(tmpdir(), 'console-'));
    dirs.push(dir);
    mkdirSync(join(dir, 'assets'));
    writeIndex(dir, script);
    writeFileSync(join(dir, 'assets', 'app.js'), 'console.log(1);');
    return dir;
  }

  function writeIndex(dir: string, script: string): void {
    writeFileSync(
      join(dir, 'index.html'),
      `<!doctype html><head><script>${script}</script>` +
        `<script type="module" src="/assets/app.js"></script></head><title>console</title>`,
    );
  }

  it('are on the console, its assets and every kind of REST answer', async () => {
    const app = createApp({ engine: new ProcessEngine(), consoleDir: builtConsole() });
    const answers: [string, Response | Promise<Response>][] = [
      ['page', app.request('http://localhost/')],
      ['deep link', app.request('http://localhost/process-instances/abc')],
      ['asset', app.request('http://localhost/assets/app.js')],
      ['REST', app.request('http://localhost/engine-rest/version', { headers: AUTH })],
      ['401', app.request('http://localhost/engine-rest/version')],
      ['404', app.request('http://localhost/engine-rest/nothing', { headers: AUTH })],
      [
        '415',
        app.request('http://localhost/engine-rest/message', {
          method: 'POST',
          headers: { ...AUTH, 'Content-Type': 'text/plain' },
          body: '{}',
        }),
      ],
    ];
    for (const [what, answer] of answers) {
      expectSecurityHeaders(await answer, what);
    }
  });

  it("allows the console's inline script by its hash, and follows a rebuild", async () => {
    const dir = builtConsole();
    const app = createApp({ engine: new ProcessEngine(), consoleDir: dir });
    const page = await app.request('http://localhost/');
    expect(page.headers.get('content-security-policy')).toContain(
      `script-src 'self' ${sha256(INLINE_SCRIPT)};`,
    );
    writeIndex(dir, 'window.rebuilt = true;');
    const rebuilt = await app.request('http://localhost/process-instances/abc');
    expect(rebuilt.headers.get('content-security-policy')).toContain(
      `script-src 'self' ${sha256('window.rebuilt = true;')};`,
    );
    const api = await app.request('http://localhost/engine-rest/version', { headers: AUTH });
    expect(api.headers.get('content-security-policy')).toContain("script-src 'self';");
  });

  it('are on proxied answers, replacing the engine’s own, and on the 502', async () => {
    const proxy = createProxyApp({
      target: 'http://engine/engine-rest',
      consoleDir: null,
      fetch: () =>
        Promise.resolve(
          new Response('{}', {
            headers: { 'Content-Type': 'application/json', 'X-Frame-Options': 'SAMEORIGIN' },
          }),
        ),
    });
    expectSecurityHeaders(await proxy.request('http://localhost/engine-rest/version'), 'proxied');
    const unreachable = createProxyApp({
      target: 'http://engine/engine-rest',
      consoleDir: null,
      fetch: () => Promise.reject(new TypeError('fetch failed')),
    });
    const response = await unreachable.request('http://localhost/engine-rest/version');
    expect(response.status).toBe(502);
    expectSecurityHeaders(response, '502');
  });

  it('lets the operator name who may frame the console', async () => {
    const portal = createApp({
      engine: new ProcessEngine(),
      consoleDir: null,
      frameAncestors: "'self' https://portal.example.com",
    });
    const framed = await portal.request('http://localhost/engine-rest/version', { headers: AUTH });
    expect(framed.headers.get('content-security-policy')).toContain(
      "frame-ancestors 'self' https://portal.example.com",
    );
    // X-Frame-Options cannot name another origin; browsers that read CSP follow frame-ancestors.
    expect(framed.headers.get('x-frame-options')).toBeNull();

    const self = createApp({
      engine: new ProcessEngine(),
      consoleDir: null,
      frameAncestors: "'self'",
    });
    const response = await self.request('http://localhost/engine-rest/version', { headers: AUTH });
    expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
  });
});
