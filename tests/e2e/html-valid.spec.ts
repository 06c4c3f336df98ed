// Valid HTML: the Nu HTML Checker (vnu-jar, the W3C's checker, run locally on Java) reports no
// errors on any built page, nor on any page as the browser leaves it after a change of view
// (numbers, tables and figures redrawn by the client).
import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PAGES } from '../../src/lib/pages.ts';
import { serialiseState, type ViewState } from '../../src/lib/urlState.ts';
import { domain, waitForView } from './helpers.ts';

const vnu = String(createRequire(import.meta.url)('vnu-jar'));

/** Nu's errors for a set of HTML documents, one line each ("file:line.col: message"). */
function validate(documents: Record<string, string>): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'stro-vnu-'));
  try {
    const files = Object.entries(documents).map(([name, html]) => {
      const file = join(dir, `${name.replace(/[^a-z0-9-]+/gi, '_') || 'index'}.html`);
      writeFileSync(file, html);
      return file;
    });
    try {
      execFileSync('java', ['-jar', vnu, '--errors-only', '--format', 'gnu', ...files], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
      return [];
    } catch (e) {
      // vnu exits 1 when it found errors and lists them on standard error.
      const out = String((e as { stderr?: string }).stderr ?? e);
      return out.split('\n').filter((l) => l.includes('error')).map((l) => l.replace(dir, ''));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('every built page is valid HTML', () => {
  test.setTimeout(60_000); // the Nu checker over every page (14.8 s in a fresh-clone CI)
  const built = Object.fromEntries(PAGES.map((p) => [`built-${p.slug}`, readFileSync(join('dist', p.slug, 'index.html'), 'utf8')]));
  built['built-404'] = readFileSync(join('dist', '404.html'), 'utf8');
  expect(validate(built)).toEqual([]);
});

test('every page is still valid HTML after the view changes', async ({ page }) => {
  test.setTimeout(90_000);
  const view: ViewState = { window: 12, categories: ['violence', 'drugs'] };
  const rendered: Record<string, string> = {};
  for (const p of PAGES) {
    await page.goto(p.slug + serialiseState(view, domain));
    await waitForView(page, view);
    // Draw every figure (off-screen ones are drawn before printing) and open every table.
    await page.evaluate(() => {
      window.dispatchEvent(new Event('beforeprint'));
      for (const d of document.querySelectorAll('details')) d.open = true;
    });
    rendered[`view-${p.slug}`] = await page.content();
  }
  expect(validate(rendered)).toEqual([]);
});
