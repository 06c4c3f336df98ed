// The citation shown on the site (src/lib/citation.ts) agrees with CITATION.cff and package.json,
// and cites the article in full.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { ARTICLE, REPORT, bibtex, reference } from '../src/lib/citation.ts';

const root = (name: string) => readFileSync(new URL(`../${name}`, import.meta.url), 'utf8');
const cff = root('CITATION.cff');
const pkg = JSON.parse(root('package.json')) as { version: string; license: string };
const field = (name: string) => cff.match(new RegExp(`^${name}: "?([^"\\n]+)"?$`, 'm'))?.[1];

test('CITATION.cff, package.json and the site give the same version, date, title and licence', () => {
  assert.equal(field('cff-version'), '1.2.0');
  assert.equal(pkg.version, '0.3.0');
  assert.equal(field('version'), pkg.version);
  assert.equal(REPORT.version, pkg.version);
  assert.equal(field('date-released'), REPORT.released);
  assert.equal(field('title'), REPORT.title);
  assert.equal(field('license'), 'MIT');
  assert.equal(pkg.license, 'MIT');
});

test('CITATION.cff references the article', () => {
  const refs = cff.slice(cff.indexOf('references:'));
  assert.ok(refs.includes(`title: "${ARTICLE.title}"`));
  assert.ok(refs.includes(`url: "${ARTICLE.url}"`));
  assert.ok(refs.includes('family-names: Ralph'));
  assert.ok(refs.includes('collection-title: "Going equipped"'));
});

test('the article is cited in full', () => {
  assert.equal(ARTICLE.title, 'Understanding the effectiveness of slavery and trafficking risk orders');
  assert.equal(ARTICLE.author, 'Detective Chief Superintendent Neil Ralph');
  assert.equal(ARTICLE.url, 'https://www.college.police.uk/article/slavery-and-trafficking-risk-orders');
});

test('BibTeX and the reference carry the version and the article', () => {
  const b = bibtex('https://example.org/stro/');
  assert.match(b, /^@software\{stro-report-2026-v0-3-0,\n/);
  assert.match(b, /version = \{0\.3\.0\}/);
  assert.match(b, /url = \{https:\/\/example\.org\/stro\/\}/);
  assert.equal((b.match(/\{/g) ?? []).length, (b.match(/\}/g) ?? []).length, 'balanced braces');
  assert.doesNotMatch(bibtex(), /url =/);
  const r = reference();
  assert.ok(r.startsWith(`${REPORT.author} (2026). ${REPORT.title} (version 0.3.0).`));
  assert.ok(r.includes(ARTICLE.title) && r.includes('College of Policing') && r.includes('Going equipped'));
});

test('the changelog\'s newest section names this version, released or not; a build with unreleased changes says so', async () => {
  const { unreleasedChanges, versionWords } = await import('../src/lib/citation.ts');
  const changelog = root('src/pages/changelog.mdx');
  assert.doesNotThrow(() => unreleasedChanges(changelog), 'the newest section names package.json\'s version');
  assert.equal(unreleasedChanges('x\n## Version 0.3.0 (2026-12-06): y\n## Version 0.2.0', '0.3.0'), false);
  assert.equal(unreleasedChanges('x\n## Since version 0.3.0 (not yet released): y\n## Version 0.3.0 (2026-12-06)', '0.3.0'), true);
  // A version that lags behind the changelog (or runs ahead of it) stops the build.
  assert.throws(() => unreleasedChanges('## Since version 0.2.0 (not yet released): y', '0.3.0'), /names neither version 0\.3\.0/);
  assert.throws(() => unreleasedChanges('## Version 0.2.0: y', '0.3.0'), /names neither/);
  assert.equal(versionWords(changelog.replace(/^## Version (\S+) \(/m, '## Since version $1 (not yet released) ('), ), `${REPORT.version} with later changes, not yet released (see the Changelog)`);
});
