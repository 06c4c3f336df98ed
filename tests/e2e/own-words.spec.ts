// The narrative is the report's own: the article is quoted only in quotation marks, with its author
// named. Every built page's text, outside quotations, is compared with the article: no run of six
// words may be shared, apart from names (of the Act, the systems, the index, the series) and the
// article's title. The article is not in the repository; tests/fixtures/article-runs.txt holds a
// fingerprint of each of its runs of six words (scripts/article-runs.ts made it from the article).
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PAGES } from '../../src/lib/pages.ts';
import { RUN, articleRuns, runHash, words } from '../helpers/ownWords.ts';

/** Names and titles that any account of the study writes as the article does. */
const NAMES = [
  'Understanding the effectiveness of slavery and trafficking risk orders',
  'Part 2 of the Modern Slavery Act 2015',
  'the Police National Computer (PNC) and the Police National Database (PND)',
  'the Cambridge Crime Harm Index (CCHI)',
  'College of Policing Going Equipped series',
  'by Detective Chief Superintendent Neil Ralph',
  'https://www.college.police.uk/article/slavery-and-trafficking-risk-orders',
  // "convicted of a slavery or trafficking offence": the orders' legal test, in the Act's terms
  'been convicted of a slavery or',
];

/** A page's text, without scripts, styles, block quotations, anything in quotation marks, and the names above. */
function prose(html: string): string {
  const text = html
    .replace(/<(script|style|blockquote)\b[\s\S]*?<\/\1>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&[a-z]+;|&#\d+;/g, ' ')
    .replace(/“[^”]{0,400}”|"[^"]{0,400}"/g, ' ');
  let out = ` ${words(text).join(' ')} `;
  // A name breaks the text in two, so that no run spans it.
  for (const name of NAMES) out = out.replaceAll(` ${words(name).join(' ')} `, ' . ');
  return out;
}

const fingerprint = new Set(readFileSync(join('tests', 'fixtures', 'article-runs.txt'), 'utf8').trim().split('\n'));

test('the fingerprint finds a copied sentence, and not the same words in another order', () => {
  expect(fingerprint.size).toBeGreaterThan(1000);
  // From the article's Method (kept here as the check's own example, in quotation marks in this comment's sense).
  const copied = 'In 2023, we obtained a list of every STRO issued in the UK, which totalled 114.';
  expect(articleRuns(copied).some((r) => fingerprint.has(runHash(r)))).toBe(true);
  expect(articleRuns(prose(`<p>${copied}</p>`)).some((r) => fingerprint.has(runHash(r)))).toBe(true);
  expect(articleRuns(prose(`<p>“${copied}”</p>`)).some((r) => fingerprint.has(runHash(r)))).toBe(false);
  expect(articleRuns('In 2023 the team got hold of the register of all STROs made in the UK').some((r) => fingerprint.has(runHash(r)))).toBe(false);
});

test(`no page shares a run of ${RUN} words with the article outside quotations and names`, () => {
  const shared: string[] = [];
  for (const p of [...PAGES.map((q) => q.slug), '404']) {
    const file = p === '404' ? join('dist', '404.html') : join('dist', p, 'index.html');
    // A run that spans a name's break (".") is no run: the check works on each stretch between names.
    for (const stretch of prose(readFileSync(file, 'utf8')).split(' . ')) {
      for (const run of articleRuns(stretch)) if (fingerprint.has(runHash(run))) shared.push(`${p || '/'}: ${run}`);
    }
  }
  expect(shared).toEqual([]);
});
