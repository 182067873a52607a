// Playwright cannot download its own browsers on this project's machines (only the npm registry
// and Debian's packages are reachable), so the e2e suite drives Debian's Chromium instead.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const DEFAULT_CHROMIUM_PATH = '/usr/bin/chromium';
const chromiumPath = process.env.CHROMIUM_PATH ?? DEFAULT_CHROMIUM_PATH;

if (existsSync(chromiumPath)) {
  process.exit(0);
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasAptGet = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;

if (!isRoot || !hasAptGet || process.env.CHROMIUM_PATH !== undefined) {
  console.error(
    [
      `Chromium was not found at ${chromiumPath}.`,
      'Install it, then run the tests again:',
      '  Debian/Ubuntu: sudo apt-get update && sudo apt-get install -y chromium',
      '  elsewhere: install Chromium or Chrome and set CHROMIUM_PATH to its executable.',
    ].join('\n'),
  );
  process.exit(1);
}

console.log('Chromium is missing: installing Debian’s chromium package …');
const install = spawnSync('sh', ['-c', 'apt-get update && apt-get install -y chromium'], {
  stdio: 'inherit',
  env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
});
if (install.status !== 0 || !existsSync(DEFAULT_CHROMIUM_PATH)) {
  console.error('Installing chromium with apt-get failed; see the output above.');
  process.exit(1);
}
