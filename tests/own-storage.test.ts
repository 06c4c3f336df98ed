// Where a reader's own files are kept (src/client/ownStorage.ts), and what the page says about it.
// The page must say what actually happens to the files, no more and no less:
// - files in the tab's own storage go when the tab closes, and the page says so;
// - large files, kept in the browser's database, do not: the page says they stay until Forget or
//   until no tab has used them for 12 hours, and never that closing the tab forgets them;
// - a copy is left behind only by another tab, never this tab's own or the one remembered on
//   purpose, and the 12 hours are counted as the code counts them;
// - a page opened where the files are not blames no "someone", and after Forget says they were removed.
// (Reading and writing IndexedDB itself is tested in the browser: tests/e2e/own-data-cache.spec.ts.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { keptNoticeWords, keptWords, missingWords, REMEMBERED, sortCopies, STALE_HOURS, unrememberedWords } from '../src/client/ownStorage.ts';

const HOUR = 60 * 60 * 1000;

test('after a load, the words match where the files went: the tab\'s storage goes with the tab, the browser\'s database does not', () => {
  assert.match(keptWords('tab', false), /closing the tab forgets them/);
  for (const remembered of [false, true]) {
    const words = keptWords('browser', remembered);
    assert.doesNotMatch(words, /closing the tab forgets|kept in this tab only/, 'large files are never said to go with the tab');
    assert.match(words, /closing the tab does not delete them/);
    assert.match(words, /“Forget my data” deletes them/);
    assert.match(words, new RegExp(`no tab has used them for ${STALE_HOURS} hours`));
  }
  // Remembered: the copy kept on this device is named, whichever storage the tab's copy is in.
  for (const where of ['tab', 'browser'] as const) {
    assert.match(keptWords(where, true), /a copy also stays in this browser.*until you choose Forget/);
    assert.doesNotMatch(keptWords(where, false), /chose to remember/);
  }
  assert.doesNotMatch(keptWords('tab', true), /closing the tab forgets them/, 'a remembered copy outlives the tab');
  // Unticking "Remember": the tab's own copy lives as long as its storage says.
  assert.match(unrememberedWords('tab'), /this tab forgets them when it closes/);
  assert.doesNotMatch(unrememberedWords('browser'), /forgets them when it closes/);
  assert.match(unrememberedWords('browser'), new RegExp(`${STALE_HOURS} hours`));
});

test('copies left behind: other tabs\' copies only, never this tab\'s or the remembered one; stale after 12 hours unused', () => {
  const now = Date.UTC(2026, 11, 5, 12);
  const keys = [
    'tab-mine', 'touched:tab-mine', 'cache:tab-mine',
    'tab-recent', 'touched:tab-recent', 'cache:tab-recent',
    'tab-old', 'touched:tab-old', 'cache:tab-old',
    'tab-edge', 'touched:tab-edge',
    'tab-untimed', // kept by an earlier version, with no time of use: its 12 hours start now
    REMEMBERED, `cache:${REMEMBERED}`,
    'touched:tab-gone', 'cache:tab-gone', // records whose files have gone are not copies
  ];
  const touched = new Map([
    ['tab-mine', now - 100 * HOUR],
    ['tab-recent', now - 1 * HOUR],
    ['tab-old', now - STALE_HOURS * HOUR - 1],
    ['tab-edge', now - STALE_HOURS * HOUR],
  ]);
  const sorted = sortCopies(keys, touched, 'tab-mine', now);
  assert.deepEqual(sorted.stale, ['tab-old']);
  assert.deepEqual(sorted.untimed, ['tab-untimed']);
  assert.deepEqual(sorted.others, ['tab-recent', 'tab-edge', 'tab-untimed']);
  assert.equal(sorted.remembered, true);
  // This tab's copy is never another's, however old its time of use; without a tab of its own, it is.
  assert.ok(!sorted.others.includes('tab-mine') && !sorted.stale.includes('tab-mine'));
  assert.ok(sortCopies(keys, touched, null, now).stale.includes('tab-mine'));
  // Only the remembered copy: nothing left behind, and it is said to be remembered.
  assert.deepEqual(sortCopies([REMEMBERED, `cache:${REMEMBERED}`], new Map(), null, now), { stale: [], untimed: [], others: [], remembered: true });
});

test('the notice on "Use your own data" names what is there: files left behind, files remembered, or both', () => {
  assert.equal(keptNoticeWords(0, false), '');
  const left = keptNoticeWords(2, false);
  assert.match(left, /earlier visit/);
  assert.match(left, new RegExp(`${STALE_HOURS} hours`));
  assert.doesNotMatch(left, /remember/i, 'files left behind are not the remembered ones');
  const remembered = keptNoticeWords(0, true);
  assert.match(remembered, /remember on this device.*until you choose Forget/);
  assert.doesNotMatch(remembered, /earlier visit|hours/, 'the remembered copy is never called left behind, nor deleted after 12 hours');
  assert.match(keptNoticeWords(1, true), /remember.*also still kept/);
});

test('a page opened where the files are not: no "someone", the tab named, and after Forget, that they were removed', () => {
  const elsewhere = missingWords(false);
  assert.doesNotMatch(elsewhere, /someone/);
  assert.match(elsewhere, /not in this tab/);
  assert.match(elsewhere, /Go back to the tab where you loaded them, or load them again on “Use your own data”/);
  assert.match(elsewhere, /“Remember them on this device”/);
  assert.match(elsewhere, /study's synthetic data/);
  const forgotten = missingWords(true);
  assert.match(forgotten, /^Your data were removed from this browser by Forget/);
  assert.doesNotMatch(forgotten, /another tab|Go back/);
  assert.doesNotMatch(elsewhere + forgotten, /earlier visit/);
  assert.match(missingWords(false, 1), /Files from an earlier visit are still kept in this browser.*“Use your own data” can delete them/);
});

test('the words name the page\'s own controls: every “…” they quote is a button, box or page the report has', () => {
  const pages = ['src/components/OwnDataForm.astro', 'src/layouts/Report.astro', 'src/pages/own-data.mdx'].map((p) => readFileSync(p, 'utf8')).join('\n');
  const words = [keptWords('browser', true), unrememberedWords('browser'), missingWords(false, 1), missingWords(true), keptNoticeWords(1, true)].join(' ');
  const quoted = [...words.matchAll(/“([^”]+)”/g)].map((m) => m[1]!);
  assert.ok(quoted.length >= 3);
  for (const name of new Set(quoted)) assert.ok(pages.includes(name), `“${name}” is on the page`);
});
