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

test('the view bar\'s one-line summary follows the state, naming the paired test only when it is not current R\'s', async () => {
  const { viewSummary } = await import('../src/lib/urlState.ts');
  const { categoryName } = await import('../src/analysis/categories.ts');
  assert.equal(viewSummary(all, domain, categoryName), '24\u00a0months · all categories');
  assert.equal(viewSummary({ window: 1, categories: ['drugs', 'modern_slavery'], wilcoxon: 'legacy' }, domain, categoryName), '1\u00a0month · modern slavery, drugs · paired test as R 4.5 and earlier');
  assert.equal(viewSummary({ window: 12, categories: [] }, domain, categoryName), '12\u00a0months · no categories');
  assert.equal(viewSummary({ window: 12, categories: ['violence'], gap: 3 }, domain, categoryName), '12\u00a0months · violence · gap\u00a03\u00a0months');
  // a part holds together where the bar wraps (a re-check on a phone: "gap 2 | months")
  assert.doesNotMatch(viewSummary({ window: 12, categories: ['violence'], gap: 3, weights: 'low' }, domain, categoryName), /gap \d|\d months|low weights/);
  assert.equal(viewSummary({ ...all, gap: 1, weights: 'low', wilcoxon: 'legacy' }, domain, categoryName), '24\u00a0months · all categories · gap\u00a01\u00a0month · low\u00a0weights · paired test as R 4.5 and earlier');
  assert.equal(viewSummary({ ...all, gap: 0 }, domain, categoryName), '24\u00a0months · all categories', 'gap 0 is no gap');
});

// ---- gap and weights ------------------------------------------------------------------------------

test('gap and weights round-trip; only a gap above 0 and a chosen weight set are written', () => {
  for (const window of [1, 2, 6, 24]) {
    for (let gap = 0; gap < window; gap++) {
      for (const weights of [undefined, 'low', 'central', 'high'] as const) {
        const state = { window, categories: ['violence'], ...(gap > 0 ? { gap } : {}), ...(weights ? { weights } : {}) };
        const query = serialiseState(state, domain);
        assert.deepEqual(parseState(query, domain), state, query);
        assert.equal(query.includes('gap='), gap > 0, query);
        assert.equal(query.includes('weights='), weights !== undefined, query);
      }
    }
  }
  assert.equal(serialiseState({ window: 12, categories: ['violence'], gap: 3, weights: 'low', wilcoxon: 'legacy' }, domain), '?w=12&c=violence&gap=3&weights=low&wilcoxon=legacy');
  assert.equal(serialiseState({ ...all, gap: 0 }, domain), '');
  assert.deepEqual(parseState('?gap=0', domain), all, 'gap=0 is the default');
});

test('a gap must be below the window, whatever the order of the parameters; anything else is ignored with a notice', () => {
  assert.deepEqual(parseState('?gap=3&w=6', domain), { ...defaultState(domain), window: 6, gap: 3 }, 'the window may come after the gap');
  for (const [query, window] of [['?w=6&gap=6', 6], ['?gap=6&w=6', 6], ['?gap=24', 24], ['?gap=-1', 24], ['?gap=1.5', 24], ['?gap=x', 24], ['?gap=', 24], ['?gap=9999', 24]] as const) {
    const { state, ignored } = parseStateReport(query, domain);
    assert.equal(state.gap, undefined, query);
    assert.equal(state.window, window, query);
    assert.deepEqual(ignored.map((i) => i.name), ['gap'], query);
    assert.equal(ignored[0].allowed, `a whole number of months from 0 to ${window - 1}, less than the window of ${window}`, query);
  }
  // A bad window is dropped first; the gap is then checked against the default window.
  assert.deepEqual(parseStateReport('?w=99&gap=12', domain).state, { ...all, gap: 12 });
  const notice = ignoredNotice(parseStateReport('?w=6&gap=6', domain).ignored);
  assert.equal(notice, "Part of this page's address was ignored: gap=6 (the gap is a whole number of months from 0 to 5, less than the window of 6). The address now names the view on screen.");
  // With a window of 1 month there is no range to give (a reviewer read "from 0 to 0, less than the window of 1").
  assert.equal(ignoredNotice(parseStateReport('?w=1&gap=6', domain).ignored), "Part of this page's address was ignored: gap=6 (the gap is 0: a window of 1 month leaves no month to leave out). The address now names the view on screen.");
});

test('weights: low, central or high, as the data\'s index offers; anything else is ignored with a notice', () => {
  assert.deepEqual(parseState('?weights=high', domain), { ...all, weights: 'high' });
  for (const value of ['medium', 'LOW', '', 'data', '__proto__']) {
    const { state, ignored } = parseStateReport(`?weights=${value}`, domain);
    assert.deepEqual(state, all, value);
    assert.deepEqual(ignored, [{ name: 'weights', value, allowed: "low, central or high (the harm index's weight sets)" }], value);
  }
  assert.match(ignoredNotice(parseStateReport('?weights=medium', domain).ignored), /weights=medium \(the harm weights are low, central or high \(the harm index's weight sets\)\)/);
  // Data whose index has only harm_days, or no index at all.
  const central = { ...domain, weights: ['central'] as const };
  assert.deepEqual(parseState('?weights=central', central), { ...all, weights: 'central' });
  assert.deepEqual(parseStateReport('?weights=low', central).ignored.map((i) => i.allowed), ["central (the harm index's weight sets)"]);
  assert.deepEqual(parseStateReport('?weights=low', { ...domain, weights: [] }).ignored.map((i) => i.allowed), ['not available, as these data have no harm index']);
});

test('sameState tells views apart by gap and weights, with an absent gap equal to 0', async () => {
  const { sameState } = await import('../src/lib/urlState.ts');
  assert.ok(sameState(all, { ...all, gap: 0 }));
  assert.ok(!sameState(all, { ...all, gap: 1 }));
  assert.ok(!sameState(all, { ...all, weights: 'low' }));
  assert.ok(!sameState({ ...all, weights: 'high' }, { ...all, weights: 'low' }));
  assert.ok(sameState({ ...all, gap: 2, weights: 'low' }, { ...all, gap: 2, weights: 'low' }));
});

test('the notice names every ignored parameter with what it accepts, and quotes hostile values as short text', async () => {
  assert.equal(ignoredNotice([]), '');
  const { ignored } = parseStateReport('?w=99&c=foo&zoom=2', domain);
  assert.equal(
    ignoredNotice(ignored),
    "Part of this page's address was ignored: w=99 (the window is a whole number of months from 1 to 24); c=foo (the categories are one or more of modern_slavery, violence, drugs, other (comma-separated), or none); and zoom=2 (zoom is not a setting of this report, whose settings are data, w, c, gap, weights and wilcoxon). The address now names the view on screen.",
  );
  assert.match(ignoredNotice(parseStateReport('?w=12.5', domain).ignored), /^Part of this page's address was ignored: w=12\.5 \(the window is a whole number of months from 1 to 24\)\./);
  const long = ignoredNotice(parseStateReport(`?c=${'x'.repeat(200)}%0A`, domain).ignored);
  assert.ok(long.includes(`c=${'x'.repeat(39)}…`) && !long.includes('\n'));
});

test('tags added to a shared link to track its clicks are dropped from the view without a notice; other unknown names get one', () => {
  const asked = parseStateReport('?fbclid=IwAR3abcdefghijklmnopqrstuvwxyz0123456789&w=12&utm_source=newsletter&UTM_Campaign=x&gclid=Cj0&zoom=2', domain);
  assert.deepEqual(asked.state, { window: 12, categories: domain.categories });
  assert.deepEqual(asked.ignored.map((p) => p.name), ['zoom']);
  assert.equal(serialiseState(asked.state, domain), '?w=12');
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

test('a setting given twice: the first is read, and each later one is named as ignored, never taken over or dropped in silence (a reviewer)', () => {
  const d = domain;
  const twice = (q: string) => parseStateReport(q, d);
  assert.equal(twice('?gap=3&gap=30').state.gap, 3);
  assert.deepEqual(twice('?gap=3&gap=30').ignored.map((p) => `${p.name}=${p.value}`), ['gap=30']);
  assert.equal(twice('?w=12&w=6').state.window, 12);
  assert.deepEqual(twice('?c=violence&c=drugs').state.categories, ['violence']);
  assert.equal(twice('?weights=low&weights=high').state.weights, 'low');
  const notice = ignoredNotice(twice('?w=12&w=6').ignored);
  assert.equal(notice, "Part of this page's address was ignored: w=6 (the window is set once in an address, and the first, w=12, is the one read). The address now names the view on screen.");
  // The first may itself be unusable: both are named, and the view is the study's.
  const both = twice('?w=99&w=12');
  assert.equal(both.state.window, d.span);
  assert.deepEqual(both.ignored.map((p) => `${p.name}=${p.value}`), ['w=99', 'w=12']);
});

test('an empty item in a list of categories is passed over with the rest read, never named as if the whole setting had been ignored (a peer reviewer at ?c=violence,,drugs); an empty list is still ignored with a notice', () => {
  for (const search of ['?c=violence,,drugs', '?c=,violence,drugs', '?c=violence,drugs,']) {
    const { state, ignored } = parseStateReport(search, domain);
    assert.deepEqual(state.categories, ['violence', 'drugs'], search);
    assert.deepEqual(ignored, [], search);
  }
  // "none" with an empty item beside it is still none (a re-check: ?c=none, was ignored, its notice naming "none" as allowed).
  for (const search of ['?c=none,', '?c=,none']) assert.deepEqual(parseStateReport(search, domain), { state: { ...all, categories: [] }, ignored: [] }, search);
  // An empty item beside an unknown one: only the unknown one is named.
  assert.deepEqual(parseStateReport('?c=violence,,foo', domain).ignored.map((p) => p.value), ['foo']);
  for (const search of ['?c=', '?c=,']) {
    const { state, ignored } = parseStateReport(search, domain);
    assert.deepEqual(state.categories, domain.categories, search);
    assert.equal(ignored.length, 1, search);
    assert.equal(ignored[0].name, 'c');
  }
});
