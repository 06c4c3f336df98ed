// The shipped Content-Security-Policy (src/lib/csp.ts): every page carries it, no page has an inline
// script for it to allow, and under it a page cannot send anything to another server, which is
// what keeps a reader's own data in their browser.
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { CSP } from '../../src/lib/csp.ts';
import { PAGES } from '../../src/lib/pages.ts';

test('every page carries the policy, and has no inline script', () => {
  for (const p of [...PAGES.map((x) => x.slug), '404.html']) {
    const html = readFileSync(join('dist', p.endsWith('.html') ? p : join(p, 'index.html')), 'utf8');
    expect(html, p).toContain(`<meta http-equiv="Content-Security-Policy" content="${CSP}"`);
    for (const [, attrs, body] of html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)) {
      if (/\bsrc=/.test(attrs)) continue;
      expect(attrs, `${p}: an inline script that would run`).toMatch(/type="application\/json"/);
      expect(body.length).toBeGreaterThan(0);
    }
  }
  const headers = readFileSync(join('dist', '_headers'), 'utf8');
  expect(headers).toContain(`Content-Security-Policy: ${CSP}`);
});

test('under the policy, a request to another server is refused, and the page says nothing went', async ({ page, baseURL }) => {
  // Another origin that is really there: the same server would answer this address if asked directly.
  const other = new URL(baseURL!);
  other.port = String(Number(other.port) + 1);
  const elsewhere = `${other.origin}/stro/`;
  expect((await fetch(elsewhere)).status).toBe(200);
  const sent: string[] = [];
  page.on('request', (r) => { if (r.url().startsWith(other.origin)) sent.push(r.url()); });
  await page.goto('own-data/');
  const outcome = await page.evaluate(async (url) => {
    const violations: string[] = [];
    document.addEventListener('securitypolicyviolation', (e) => violations.push(e.violatedDirective));
    try {
      await fetch(url, { method: 'POST', body: 'order_id,month\nO-1,3\n' });
      return { refused: false, violations };
    } catch {
      await new Promise((r) => setTimeout(r, 50));
      return { refused: true, violations };
    }
  }, elsewhere);
  expect(outcome.refused).toBe(true);
  expect(outcome.violations).toContain('connect-src');
  expect(sent).toEqual([]);
});

test('the Web Worker that holds a reader\'s data is under the policy too: its request to another server is refused, and none arrives', async ({ page }) => {
  // A worker takes its policy from the headers its script is served with, not from the page's meta
  // tag: the server must send them (scripts/serve-static.ts applies the build's _headers, as hosts do).
  const hits: string[] = [];
  const server = createServer((req, res) => { hits.push(req.url ?? ''); res.writeHead(200, { 'Access-Control-Allow-Origin': '*' }).end('ok'); });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const elsewhere = `http://127.0.0.1:${(server.address() as AddressInfo).port}/collect`;
  try {
    // Reachable from here: a refusal in the worker is the policy's, not a dead address.
    expect(await (await fetch(elsewhere)).text()).toBe('ok');
    hits.length = 0;
    const started = page.waitForEvent('worker', (w) => /dataWorker/.test(w.url()));
    await page.goto('own-data/');
    const worker = await started;
    const outcome = await worker.evaluate(async (url) => {
      try {
        await fetch(url, { method: 'POST', body: 'order_id,month\nO-1,3\n' });
        return 'sent';
      } catch {
        return 'refused';
      }
    }, elsewhere);
    await new Promise((r) => setTimeout(r, 200));
    expect(outcome).toBe('refused');
    expect(hits).toEqual([]);
  } finally {
    server.close();
  }
});
