// Makes sure the browser tests have a Chromium: uses one that is already there, and otherwise, on
// a Debian machine where we run as root, installs Debian's `chromium` package (Playwright's own
// browser downloads are not reachable on the machines this project is tested on). Elsewhere it
// stops with instructions instead of guessing.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findChromium } from '../tests/e2e/chromium.ts';

let found = findChromium();
if (!found) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (process.platform === 'linux' && isRoot && existsSync('/usr/bin/apt-get')) {
    console.log('No Chromium found: installing Debian\'s chromium package (apt-get install chromium) …');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'chromium'], { stdio: 'inherit', env });
    found = findChromium();
  }
}
if (!found) {
  console.error('The browser tests need Chromium. Install it (Debian/Ubuntu: apt-get install chromium) or set CHROMIUM_PATH to a Chromium or Chrome binary.');
  process.exit(1);
}
console.log(`Browser tests will use ${found}`);
