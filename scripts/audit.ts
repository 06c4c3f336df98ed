// npm run audit: Lighthouse (mobile, its default throttling) on every page of the production build,
// in the Chromium the tests use. Needs `npm run build` first. Prints, per page, the performance
// score, Largest Contentful Paint, Cumulative Layout Shift, Total Blocking Time, the bytes of
// JavaScript and CSS transferred, and the gzip size of the JavaScript requested before any
// interaction: the test server sends files uncompressed, so each script Lighthouse saw requested
// is gzipped here from the build (dist/, or ROOT) as a compressing host would send it (the server
// compresses its responses too, GZIP=1, so the simulated network downloads what a reader would). That
// JavaScript is split into what was requested up to the load event (start-up) and what was
// requested after it (the engine, preloaded when the browser is idle). AUDIT_RUNS=n takes the median
// of n runs; AUDIT_PAGES=a,b audits only the pages whose address or short name contains a or b. A measurement, not a test.
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { findChromium } from '../tests/e2e/chromium.ts';
import { PAGES } from '../src/lib/pages.ts';

const port = Number(process.env.AUDIT_PORT ?? 4394);
const root = fileURLToPath(new URL(`../${process.env.ROOT ?? 'dist'}/`, import.meta.url));
const server = spawn(process.execPath, [fileURLToPath(new URL('./serve-static.ts', import.meta.url))], { env: { ...process.env, PORT: String(port), GZIP: '1' }, stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 500));
const chrome = await chromeLauncher.launch({
  chromePath: findChromium(),
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

interface Item { url: string; resourceType?: string; transferSize?: number; networkRequestTime?: number; rendererStartTime?: number }
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
/** The gzip size of a script the page requested, from the built file it was served from. */
const gzipped = new Map<string, number>();
function gzipSize(url: string): number {
  const path = new URL(url).pathname.replace(/^\//, '');
  let size = gzipped.get(path);
  if (size === undefined) {
    size = gzipSync(readFileSync(root + path), { level: 9 }).length;
    gzipped.set(path, size);
  }
  return size;
}

const runs = Math.max(1, Number(process.env.AUDIT_RUNS ?? 1));
console.log(`Lighthouse, mobile (simulated 4× CPU slowdown and slow 4G), production build${runs > 1 ? `, median of ${runs} runs` : ''}`);
console.log('page                score   LCP      CLS     TBT      JS (transferred)   CSS        JS gzip: to load   after load (idle)');
const median = <T>(v: T[], key: (t: T) => number) => [...v].sort((a, b) => key(a) - key(b))[Math.floor(v.length / 2)];
try {
  // AUDIT_PAGES=robustness,results audits only the pages whose address or short name contains one
  // of these, ignoring case (the Overview's address is empty: AUDIT_PAGES=overview names it).
  const only = (process.env.AUDIT_PAGES ?? '').toLowerCase().split(',').filter(Boolean);
  const named = (q: (typeof PAGES)[number], o: string) => q.slug.includes(o) || q.short.toLowerCase().includes(o);
  for (const p of PAGES.filter((q) => only.length === 0 || only.some((o) => named(q, o)))) {
    const rows = [];
    for (let k = 0; k < runs; k++) {
      const run = await lighthouse(`http://127.0.0.1:${port}/${p.slug}`, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] });
      const lhr = run!.lhr;
      const audit = (id: string) => lhr.audits[id];
      const items = ((audit('network-requests')?.details as { items?: Item[] } | undefined)?.items ?? []);
      const bytes = (type: string) => items.filter((i) => i.resourceType === type).reduce((s, i) => s + (i.transferSize ?? 0), 0);
      // Both times are ms from the start of the navigation (the first request).
      const metrics = (audit('metrics')?.details as { items?: { observedLoad?: number }[] } | undefined)?.items?.[0];
      const load = metrics?.observedLoad ?? Infinity;
      const scripts = items.filter((i) => i.resourceType === 'Script' && new URL(i.url).port === String(port));
      const sum = (list: Item[]) => list.reduce((s, i) => s + gzipSize(i.url), 0);
      const early = scripts.filter((i) => (i.rendererStartTime ?? i.networkRequestTime ?? 0) <= load);
      const late = scripts.filter((i) => !early.includes(i));
      rows.push({
        score: Math.round(100 * (lhr.categories.performance.score ?? 0)),
        lcp: audit('largest-contentful-paint').numericValue ?? NaN,
        lcpText: audit('largest-contentful-paint').displayValue ?? '',
        cls: audit('cumulative-layout-shift').displayValue ?? '',
        tbt: audit('total-blocking-time').displayValue ?? '',
        js: bytes('Script'),
        css: bytes('Stylesheet'),
        early: sum(early),
        late: sum(late),
      });
    }
    const r = median(rows, (x) => x.lcp);
    const lcps = runs > 1 ? ` (LCP ${rows.map((x) => (x.lcp / 1000).toFixed(2)).join(', ')} s; scores ${rows.map((x) => x.score).join(', ')})` : '';
    console.log(
      `${p.short.padEnd(18)} ${String(r.score).padStart(5)}   ${r.lcpText.padEnd(8)} ${r.cls.padEnd(7)} ${r.tbt.padEnd(8)} ${kb(r.js).padStart(10)}         ${kb(r.css).padEnd(10)} ${kb(r.early).padStart(10)}         ${kb(r.late).padStart(8)}${lcps}`,
    );
  }
} finally {
  chrome.kill();
  server.kill();
}
