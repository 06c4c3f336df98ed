// The shipped Content-Security-Policy (src/lib/csp.ts): every page carries it, no page has an inline
// script for it to allow, and under it a page cannot send anything to another server, which is
// what keeps a reader's own data in their browser.
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
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
