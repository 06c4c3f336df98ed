// glue(): a number's handle and the closing punctuation after it, as one item; the text unchanged.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { glue } from '../src/lib/glue.ts';
import { analyse } from '../src/analysis/analyse.ts';
import { SENTENCE_PARTS, sentenceParts } from '../src/lib/live.ts';
import { bundled } from './helpers/bundled.ts';

const h = (text: string) => ({ text, path: text });
const textOf = (items: ReturnType<typeof glue<{ text: string; path: string }>>) => items.map((s) => (typeof s === 'string' ? s : s.head + s.handle.text + s.tail)).join('');

test('closing punctuation after a number goes with it; other text does not', () => {
  assert.deepEqual(glue(['ρ = ', h('0.83'), ' (p ', h('< 0.001'), ').']), ['ρ = ', { head: '', handle: h('0.83'), tail: '' }, ' ', { head: '(p ', handle: h('< 0.001'), tail: ').' }]);
  assert.deepEqual(glue([h('0%'), ', so fewer than 1 in 1,000)']), [{ head: '', handle: h('0%'), tail: ',' }, ' so fewer than 1 in 1,000)']);
  assert.deepEqual(glue([h('a'), h('b'), '.']), [{ head: '', handle: h('a'), tail: '' }, { head: '', handle: h('b'), tail: '.' }]);
  assert.deepEqual(glue(['no numbers here.']), ['no numbers here.']);
  assert.deepEqual(glue([h('56%'), ' fewer']), [{ head: '', handle: h('56%'), tail: '' }, ' fewer']);
});

test('what opens onto a number goes with it too: an opening bracket, or "p = " and "p < "', () => {
  // "against 63 in the same months before (" must not end a line with "54% fewer)" on the next.
  assert.deepEqual(glue(['before (', h('54%'), ' fewer).']), ['before ', { head: '(', handle: h('54%'), tail: '' }, ' fewer).']);
  assert.deepEqual(glue(['(', h('0.83'), ')']), [{ head: '(', handle: h('0.83'), tail: ')' }]);
  assert.deepEqual(glue(['uncertain (p = ', h('0.812'), ').']), ['uncertain ', { head: '(p = ', handle: h('0.812'), tail: ').' }]);
  assert.deepEqual(glue(['so; p < ', h('0.001'), ')']), ['so; ', { head: 'p < ', handle: h('0.001'), tail: ')' }]);
  assert.deepEqual(glue(['(p ', h('< 0.001'), ')']), [{ head: '(p ', handle: h('< 0.001'), tail: ')' }]);
  // Not a word ending in p ("step = " is not a p-value), nor a bracket with a space before the number.
  assert.deepEqual(glue(['a step = ', h('2')]), ['a step = ', { head: '', handle: h('2'), tail: '' }]);
  assert.deepEqual(glue(['( ', h('2')]), ['( ', { head: '', handle: h('2'), tail: '' }]);
});

test('every sentence of the report reads the same glued, in the study view and a narrow one', () => {
  for (const r of [analyse(bundled), analyse(bundled, { window: 1, categories: ['violence'] })]) {
    for (const name of Object.keys(SENTENCE_PARTS)) {
      const spec = name === 'trend' ? 'trend:harm' : name === 'verdict' ? 'verdict:trend.harm' : name === 'significance' ? 'significance:harm.drugs' : name;
      const parts = sentenceParts(r, spec);
      assert.equal(textOf(glue(parts)), parts.map((s) => (typeof s === 'string' ? s : s.text)).join(''), spec);
    }
  }
});

test('in the MDX pages, a number written straight before punctuation is glued to it, as glue() does for sentences', () => {
  // <Live> with a unit ends in its word ("24 months"), which does not break from a stop; a bare number does.
  const root = new URL('../src/pages/', import.meta.url);
  const bare = /<(?:Live(?![^>]*\bunits?=)|RobustLive) [^>]*\/>(?=[).,;:%])/g;
  for (const file of readdirSync(root).filter((f) => f.endsWith('.mdx'))) {
    const text = readFileSync(new URL(file, root), 'utf8');
    for (const m of text.matchAll(bare)) {
      assert.ok(text.slice(0, m.index).endsWith('<span class="nobr">'), `${file}: ${m[0]} is followed by punctuation outside <span class="nobr">`);
    }
  }
});
