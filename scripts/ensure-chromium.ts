// Makes sure the browser tests have a Chromium: uses one that is already there, and otherwise, on
// a Debian machine where we run as root, installs Debian's `chromium` package (Playwright's own
// browser downloads are not reachable on the machines this project is tested on). Elsewhere it
// stops with instructions instead of guessing.
import { findChromium } from '../tests/e2e/chromium.ts';
import { aptInstall, canApt } from './apt.ts';

let found = findChromium();
if (!found && canApt()) {
  console.log('No Chromium found: installing Debian\'s chromium package (apt-get install chromium) …');
  aptInstall('chromium');
  found = findChromium();
}
if (!found) {
  console.error('The browser tests need Chromium. Install it (Debian/Ubuntu: apt-get install chromium) or set CHROMIUM_PATH to a Chromium or Chrome binary.');
  process.exit(1);
}
console.log(`Browser tests will use ${found}`);
