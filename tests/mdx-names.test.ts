// The MDX pages' names reach the compiler through src/integrations/mdxNames.ts: one typed call
// per <Live>/<Say>/<LiveTable>/<Figure>/<RobustLive>/<RobustFigure> attribute, with the page and line. This checks that no
// usage is missed (counted independently from the page text) and that a misspelt name is carried
// through verbatim, so that `npm run check` reports it (shown by hand: see the branch's report).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { namesSource } from '../src/integrations/mdxNames.ts';

const root = new URL('..', import.meta.url).pathname;

test('every named component usage in the MDX pages becomes one typed check', () => {
  const source = namesSource(root, join(root, 'src/pages'));
  const pages = readdirSync(join(root, 'src/pages')).filter((f) => f.endsWith('.mdx'));
  let expected = 0;
  for (const p of pages) {
    const text = readFileSync(join(root, 'src/pages', p), 'utf8');
    expected += (text.match(/<(Live|Say|LiveTable|Figure|RobustLive|RobustFigure) /g) ?? []).length + (text.match(/<Live [^>]*format=/g) ?? []).length;
  }
  const checks = source.split('\n').filter((l) => l.startsWith('check.'));
  assert.equal(checks.length, expected);
  // The line is found in the page itself, so the check follows edits to the page.
  const results = readFileSync(join(root, 'src/pages/results.mdx'), 'utf8').split('\n');
  const line = results.findIndex((l) => l.includes('<Say what="headline"')) + 1;
  assert.ok(line > 0);
  assert.ok(checks.some((l) => l === `check.say("headline"); // src/pages/results.mdx:${line}`));
});

test('a misspelt name is passed through verbatim with its page and line', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mdx-names-'));
  try {
    mkdirSync(join(dir, 'pages'));
    writeFileSync(join(dir, 'pages', 'x.mdx'), 'Intro\n\nThe <Live path="events.pree" /> and <Figure name="scater" />.\n');
    const source = namesSource(dir, join(dir, 'pages'));
    assert.match(source, /check\.live\("events\.pree"\); \/\/ pages\/x\.mdx:3/);
    assert.match(source, /check\.figure\("scater"\); \/\/ pages\/x\.mdx:3/);
  } finally {
    rmSync(dir, { recursive: true });
  }
});
