// Print: each page printed to PDF by Chromium holds every table's caption (the "Show as table"
// tables open for print) and a line naming the view and its address.
import { test, expect } from '@playwright/test';
import { extractText, getDocumentProxy } from 'unpdf';
import { PAGES } from '../../src/lib/pages.ts';
import { commandParts, sentence } from '../../src/lib/live.ts';
import { plain } from '../../src/lib/wording.ts';
import { emitRGenerator } from '../../src/lib/rCheck.ts';
import { serialiseState, type ViewState } from '../../src/lib/urlState.ts';
import { domain, expected, waitForView } from './helpers.ts';

/** Text without white space, since a PDF breaks lines (and sometimes words) where it likes. */
const squash = (s: string) => s.replace(/\s+/g, '').replace(/[\u2010-\u2015\u2212-]/g, '-');

async function pdfText(bytes: Buffer): Promise<string> {
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  const { text } = await extractText(pdf, { mergePages: true });
  return text as string;
}

// The study's view, and one that changes every part of the view (the printout must name each).
const views: ViewState[] = [{ window: 24, categories: domain.categories }, { window: 12, categories: ['violence', 'drugs'], gap: 1, weights: 'low', wilcoxon: 'legacy' }];

for (const view of views) {
  const query = serialiseState(view, domain);
  test(`every page prints its tables and its view ${query || '(study view)'}`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.emulateMedia({ media: 'print' });
    for (const p of PAGES) {
      await page.goto(p.slug + query);
      await waitForView(page, view);
      // How robust is it? computes part of the view in the background: printed before it is done, those parts say "Recomputing".
      await expect(page.locator('[data-updating]')).toHaveCount(0, { timeout: 30_000 });
      // Every table the page offers the reader (not those, like Check in R's, that wait for a click).
      const captions = await page.locator('caption').evaluateAll((els) => els.filter((e) => !e.closest('[hidden]')).map((e) => (e as HTMLElement).innerText)); // as rendered: a caption's study-only or own-data-only words are not both shown
      expect(captions.length, `${p.slug}: tables found`).toBeGreaterThanOrEqual(p.slug === 'results/' ? 2 : 0);
      const text = squash(await pdfText(await page.pdf({ format: 'A4' })));
      for (const c of captions) expect(text, `${p.slug}: table caption "${c}"`).toContain(squash(c));
      expect(text, `${p.slug}: view line`).toContain(squash(`Printed view: ${sentence(expected(view), 'viewName')}. Data: the report's synthetic data`));
      expect(text, `${p.slug}: address`).toContain(squash(page.url()));
      // Controls that only act on a screen do not print, nor the addresses of files made in this browser.
      for (const screenOnly of ['Copy BibTeX', 'Copy reference', 'Show this view', 'select any number to see how', 'The controls beside this text', 'Set how strongly orders follow', 'Change the gap with the gap control', 'Selecting a number opens', 'only when you ask', 'setting beside the window']) expect(text, `${p.slug}: "${screenOnly}"`).not.toContain(squash(screenOnly));
      // The R script of another view is made in the browser: on paper, the command that writes it.
      if (query && (await page.locator('[data-script]').count()) > 0) {
        await expect(page.locator('[data-script]').first()).toHaveAttribute('data-print-command', /emit-r/); // its code loads after the view is drawn
        const printed = squash(await pdfText(await page.pdf({ format: 'A4' })));
        expect(printed, `${p.slug}: the R script's command`).toContain(squash(`Download R script (written by: ${emitRGenerator({ ...view, wilcoxon: view.wilcoxon ?? 'current' }, domain).replace('npm run analyze', 'npm run --silent analyze')})`));
      }
      // So are the results CSV and JSON of another view (a phone reader's printout had neither an address nor a command for them).
      if (query && (await page.locator('a[data-download]').count()) > 0) {
        const command = plain(commandParts(expected(view)));
        await expect(page.locator('a[data-download="json"]').first()).toHaveAttribute('data-print-command', command);
        const printed = squash(await pdfText(await page.pdf({ format: 'A4' })));
        expect(printed, `${p.slug}: the CSV's command`).toContain(squash(`Results table (CSV) (written by: ${command.replace(/ --json$/, ' --csv')})`));
        expect(printed, `${p.slug}: the JSON's command`).toContain(squash(`Full results (JSON) (written by: ${command})`));
      }
      // No printed page in the middle of the printout says that parts were still being recomputed.
      expect(text, `${p.slug}: pending note`).not.toContain(squash('still being recomputed'));
      expect(text, `${p.slug}: a blob: address`).not.toContain('blob:');
      if (query) expect(text, `${p.slug}: the study view's R script under another view`).not.toContain('stro-reproduce.R');
      // The widest table (the specification curve's) is printed whole, to its last column, one line a row.
      if (p.slug === 'robustness/') {
        expect(text).toContain(squash('Significant at 5% Current view'));
        const heights = await page.locator('[data-robust-figure="specificationCurve"] tbody tr').evaluateAll((rows) => rows.map((r) => (r as HTMLElement).getBoundingClientRect().height));
        const line = await page.locator('[data-robust-figure="specificationCurve"] tbody td').first().evaluate((td) => parseFloat(getComputedStyle(td).lineHeight) || parseFloat(getComputedStyle(td).fontSize) * 1.2);
        expect(heights.length).toBeGreaterThan(100);
        expect(Math.max(...heights), 'a specification\'s row wraps onto a second line').toBeLessThan(1.8 * line);
      }
      // The form cannot be used on paper: the printout says where it can, under its heading.
      if (p.slug === 'own-data/') expect(text).toContain(squash('The form for choosing your files works only in a browser'));
    }
  });
}
