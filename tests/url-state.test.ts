// URL state: a pure parse/serialise pair that round-trips every valid state, writes only what
// differs from the default, and turns anything malformed or hostile into the default view.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dataOf, defaultState, ignoredNotice, parseState, parseStateReport, serialiseState } from '../src/lib/urlState.ts';

const domain = { span: 24, categories: ['modern_slavery', 'violence', 'drugs', 'other'] };
const all = defaultState(domain);

test('the default view has an empty query', () => {
  assert.equal(serialiseState(all, domain), '');
  assert.deepEqual(parseState('', domain), all);
});

test('every window and every subset of categories round-trips', () => {
  for (let window = 1; window <= 24; window++) {
    for (let mask = 0; mask < 16; mask++) {
      const state = { window, categories: domain.categories.filter((_, k) => mask & (1 << k)) };
      const query = serialiseState(state, domain);
      assert.deepEqual(parseState(query, domain), state, query);
    }
  }
});

test('only values that differ from the default are written, categories in the data order', () => {
  assert.equal(serialiseState({ window: 12, categories: domain.categories }, domain), '?w=12');
  assert.equal(serialiseState({ window: 24, categories: ['drugs', 'violence'] }, domain), '?c=violence,drugs');
  assert.equal(serialiseState({ window: 6, categories: [] }, domain), '?w=6&c=none');
});

test('malformed or hostile queries fall back to the default without throwing', () => {
  const hostile = [
    '?w=0', '?w=25', '?w=-3', '?w=1e1', '?w=12.5', '?w=abc', '?w=', '?w=99999999999999999999',
    '?c=', '?c=fraud', '?c=<script>alert(1)</script>', '?c=%E0%A4%A', '?c=__proto__', '?c=constructor,toString',
    '?%%%', '?w=12&w=13', '?c=violence&c=drugs', '???', '?w=%00',
  ];
  for (const q of hostile) {
    const state = parseState(q, domain);
    assert.ok(state.window >= 1 && state.window <= 24, q);
    assert.ok(state.categories.every((c) => domain.categories.includes(c)), q);
  }
  assert.deepEqual(parseState('?w=0', domain), all);
  assert.deepEqual(parseState('?c=<script>', domain), all);
  assert.deepEqual(parseState('?c=__proto__', domain), all);
  // Valid parts survive next to invalid ones.
  assert.deepEqual(parseState('?w=6&c=violence,nonsense', domain), { window: 6, categories: ['violence'] });
  assert.deepEqual(parseState('?w=bad&c=drugs', domain), { window: 24, categories: ['drugs'] });
});

test('the paired test rule round-trips and only legacy is written', () => {
  const legacy = { window: 12, categories: ['violence'], wilcoxon: 'legacy' as const };
  assert.equal(serialiseState(legacy, domain), '?w=12&c=violence&wilcoxon=legacy');
  assert.deepEqual(parseState('?w=12&c=violence&wilcoxon=legacy', domain), legacy);
  assert.equal(serialiseState({ ...all, wilcoxon: 'current' }, domain), '');
  assert.deepEqual(parseState('?wilcoxon=current', domain), all);
});

test('every ignored parameter is reported with what is allowed, and valid parts survive', () => {
  const { state, ignored } = parseStateReport('?w=99&c=violence,foo&wilcoxon=r3&zoom=2', domain);
  assert.deepEqual(state, { window: 24, categories: ['violence'] });
  assert.deepEqual(ignored.map((i) => [i.name, i.value]), [['w', '99'], ['c', 'foo'], ['wilcoxon', 'r3'], ['zoom', '2']]);
  assert.match(ignored[0].allowed, /1 to 24/);
  assert.match(ignored[1].allowed, /modern_slavery, violence, drugs, other/);
  assert.deepEqual(parseStateReport('?w=12.5', domain).ignored.map((i) => i.value), ['12.5']);
  assert.deepEqual(parseStateReport('?w=12&c=none', domain).ignored, []);
  // The canonical address of a query with ignored parts is that of the state it produced.
  assert.equal(serialiseState(state, domain), '?c=violence');
});

test('the view bar\'s one-line summary follows the state', async () => {
  const { viewSummary } = await import('../src/lib/urlState.ts');
  const { categoryName } = await import('../src/analysis/categories.ts');
  assert.equal(viewSummary(all, domain, categoryName), '24 months · all categories · current R');
  assert.equal(viewSummary({ window: 1, categories: ['drugs', 'modern_slavery'], wilcoxon: 'legacy' }, domain, categoryName), '1 month · modern slavery, drugs · R 4.5 and earlier');
  assert.equal(viewSummary({ window: 12, categories: [] }, domain, categoryName), '12 months · no categories · current R');
});

test('the notice names every ignored parameter with what it accepts, and quotes hostile values as short text', async () => {
  const { ignoredNotice } = await import('../src/lib/urlState.ts');
  assert.equal(ignoredNotice([]), '');
  const { ignored } = parseStateReport('?w=99&c=foo&zoom=2', domain);
  assert.equal(
    ignoredNotice(ignored),
    "Part of this page's address was ignored: w=99 (the window is a whole number of months from 1 to 24); c=foo (the categories are one or more of modern_slavery, violence, drugs, other (comma-separated), or none); and zoom=2 (zoom is not a setting of this report, whose settings are data, w, c and wilcoxon). The address now names the view on screen.",
  );
  assert.match(ignoredNotice(parseStateReport('?w=12.5', domain).ignored), /^Part of this page's address was ignored: w=12\.5 \(the window is a whole number of months from 1 to 24\)\./);
  const long = ignoredNotice(parseStateReport(`?c=${'x'.repeat(200)}%0A`, domain).ignored);
  assert.ok(long.includes(`c=${'x'.repeat(39)}…`) && !long.includes('\n'));
});

test('data=local names the reader\'s own data: read by dataOf, written first, never taken for a view setting', () => {
  const domain = { span: 12, categories: ['fraud', 'violence'] };
  assert.equal(dataOf('?data=local&w=6'), 'local');
  assert.equal(dataOf('?w=6'), 'study');
  assert.equal(dataOf('?data=elsewhere'), 'study');
  const asked = parseStateReport('?data=local&w=6&c=fraud', domain);
  assert.deepEqual(asked.state, { window: 6, categories: ['fraud'] });
  assert.deepEqual(asked.ignored, []);
  assert.equal(serialiseState(asked.state, domain, 'local'), '?data=local&w=6&c=fraud');
  assert.equal(serialiseState(defaultState(domain), domain, 'local'), '?data=local');
  assert.equal(serialiseState(defaultState(domain), domain), '');
  const odd = parseStateReport('?data=theirs', domain);
  assert.deepEqual(odd.ignored.map((p) => p.name), ['data']);
  assert.match(ignoredNotice(odd.ignored), /data=theirs \(the data are local/);
});
