// npm run audit: Lighthouse (mobile, its default throttling) on every page of the production build,
// in the Chromium the tests use. Needs `npm run build` first. Prints, per page, the performance
// score, Largest Contentful Paint, Cumulative Layout Shift, Total Blocking Time, and the bytes of
// JavaScript and CSS transferred before any interaction. A measurement, not a test.
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { findChromium } from '../tests/e2e/chromium.ts';
import { PAGES } from '../src/lib/pages.ts';

const port = 4394;
const server = spawn(process.execPath, [fileURLToPath(new URL('./serve-static.ts', import.meta.url))], { env: { ...process.env, PORT: String(port) }, stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 500));
const chrome = await chromeLauncher.launch({
  chromePath: findChromium(),
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

interface Item { resourceType?: string; transferSize?: number }
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
console.log('Lighthouse, mobile (simulated 4× CPU slowdown and slow 4G), production build');
console.log('page                score   LCP      CLS     TBT      JS (transferred)   CSS');
try {
  for (const p of PAGES) {
    const run = await lighthouse(`http://127.0.0.1:${port}/${p.slug}`, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] });
    const lhr = run!.lhr;
    const audit = (id: string) => lhr.audits[id];
    const items = ((audit('network-requests')?.details as { items?: Item[] } | undefined)?.items ?? []);
    const bytes = (type: string) => items.filter((i) => i.resourceType === type).reduce((s, i) => s + (i.transferSize ?? 0), 0);
    const score = Math.round(100 * (lhr.categories.performance.score ?? 0));
    console.log(
      `${p.short.padEnd(18)} ${String(score).padStart(5)}   ${audit('largest-contentful-paint').displayValue?.padEnd(8)} ${audit('cumulative-layout-shift').displayValue?.padEnd(7)} ${audit('total-blocking-time').displayValue?.padEnd(8)} ${kb(bytes('Script')).padStart(10)}         ${kb(bytes('Stylesheet'))}`,
    );
  }
} finally {
  await chrome.kill();
  server.kill();
}
