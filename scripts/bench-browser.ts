// npm run bench:browser: how long the report takes, in Chromium, from a change of view to a fully
// updated page (analyse() + every live number, sentence, table and figure), on each page of the
// production build. Needs `npm run build` first. A measurement, not a test: the target is one
// 60 Hz frame (16.7 ms) for analyse() plus the redraw of the page in view.
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { findChromium } from '../tests/e2e/chromium.ts';
import { PAGES } from '../src/lib/pages.ts';

const port = 4393;
const server = spawn(process.execPath, [fileURLToPath(new URL('./serve-static.ts', import.meta.url))], { env: { ...process.env, PORT: String(port) }, stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 500));
const browser = await chromium.launch({ executablePath: findChromium(), args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
const page = await browser.newPage();
const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)] ?? NaN;
const windows = [23, 18, 12, 6, 3, 9, 15, 21, 24];

console.log(`Change of window → updated page, median of ${windows.length} changes after one warm-up (Chromium, production build)`);
for (const p of PAGES) {
  await page.goto(`http://127.0.0.1:${port}/${p.slug}?w=20`);
  await page.waitForFunction(() => document.documentElement.dataset.view === '?w=20');
  const slider = page.getByRole('slider', { name: /window/i });
  for (const w of windows) {
    await slider.fill(String(w));
    await page.waitForFunction((q) => document.documentElement.dataset.view === q, w === 24 ? 'default' : `?w=${w}`);
  }
  const m = await page.evaluate(() => ({
    analyse: performance.getEntriesByName('stro:analyse').map((e) => e.duration),
    update: performance.getEntriesByName('stro:update').map((e) => e.duration),
  }));
  const a = median(m.analyse.slice(1));
  const u = median(m.update.slice(1));
  console.log(`${p.short.padEnd(18)} analyse ${a.toFixed(1).padStart(6)} ms   whole update ${u.toFixed(1).padStart(6)} ms   (${((100 * u) / (1000 / 60)).toFixed(0)}% of a frame)`);
}
await browser.close();
server.kill();
