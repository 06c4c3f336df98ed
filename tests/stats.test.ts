// Checks src/analysis/stats against golden values computed by R 4.2.2
// (tests/fixtures/r/make-stats-fixtures.R writes tests/fixtures/r/stats.json).
//
// Tolerances: estimates, statistics and p-values must agree with R to a
// relative 1e-9. The implementations follow R's algorithms, so differences
// are only floating-point rounding: at most ~5e-13, seen for the regression
// on calendar years, where R's QR on uncentred x is itself off from the
// exact rational answer by ~1e-13 while ours is within 1e-15. 1e-9 leaves
// room for that while still catching any wrong branch, tie correction or
// tail, which move results in the third digit or earlier. Exact zeros in R
// (clamped or impossible tails) must be exact zeros here. R's NA/NaN is JSON
// null and must map to null; an R error must map to a null result with a
// plain-English reason.
//
// Two justified exceptions, both where R's output is rounding noise from its
// QR decomposition rather than statistics:
// - a perfect straight line: R's se is ~1e-16, so its t and p are noise too.
//   We require slope and intercept to 1e-9, and only that both R and we report
//   a negligible se (< 1e-12 x |slope|) and p (< 1e-12);
// - a constant y that R fits with ~1e-17 of slope noise (giving t = -1.04,
//   p = 0.49): we deliberately report slope 0, se 0 and null t and p, which is
//   what R itself returns for other constant series (see "ols constant y").
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  holm, kendallTest, linearTrend, mulberry32, pearsonTest, pkendall, prho, psignrank,
  quantileSorted, randomInt, rank, spearmanTest, wilcoxonSignedRank,
} from '../src/analysis/stats/index.ts';

type Json = number | string | boolean | null;
interface Case {
  name: string;
  fn: string;
  call: string;
  input: Record<string, Json[]>;
  expected: Record<string, Json | Json[]>;
}
const fixtures: { cases: Case[] } = JSON.parse(
  readFileSync(new URL('./fixtures/r/stats.json', import.meta.url), 'utf8'),
);

const REL = 1e-9;

function close(actual: number | null | undefined, expected: Json | Json[] | undefined, what: string): void {
  if (expected === null) {
    assert.equal(actual, null, `${what}: R gives NA, expected null`);
    return;
  }
  assert.equal(typeof expected, 'number', `${what}: fixture value is not a number`);
  const e = expected as number;
  assert.equal(typeof actual, 'number', `${what}: got ${actual}, R gives ${e}`);
  const a = actual as number;
  assert.ok(Math.abs(a - e) <= REL * Math.abs(e), `${what}: got ${a}, R gives ${e}`);
}

const nums = (v: Json[]) => v as number[];
const isError = (c: Case) => 'error' in c.expected;
function assertReason(reason: string | undefined, c: Case): void {
  assert.ok(typeof reason === 'string' && reason.length > 0, `${c.name}: null result needs a reason`);
}

const checks: Record<string, (c: Case) => void> = {
  wilcoxonSignedRank(c) {
    const r = wilcoxonSignedRank(nums(c.input.x), nums(c.input.y));
    const e = c.expected;
    if (isError(c)) {
      assert.deepEqual([r.V, r.p, r.method], [null, null, null]);
      return assertReason(r.reason, c);
    }
    close(r.V, e.V, 'V');
    close(r.p, e.p, 'p');
    assert.equal(r.method, String(e.method).includes('exact') ? 'exact' : 'normal');
    assert.deepEqual([r.n, r.zeros, r.ties], [e.n, e.zeros, e.ties]);
    if (r.p === null) assertReason(r.reason, c);
  },
  holm(c) {
    const got = holm(c.input.p as (number | null)[]);
    const want = c.expected.p as Json[];
    assert.equal(got.length, want.length);
    want.forEach((w, i) => close(got[i], w, `p[${i}]`));
  },
  linearTrend(c) {
    const r = linearTrend(nums(c.input.x), nums(c.input.y));
    const e = c.expected;
    if (isError(c)) {
      assert.deepEqual([r.slope, r.se, r.p], [null, null, null]);
      return assertReason(r.reason, c);
    }
    if (c.name === 'ols constant y with QR rounding noise in R') {
      // A deliberate divergence: y is constant, so the true slope is 0 and
      // there is nothing to test. R's QR leaves ~1e-17 of noise in the slope
      // and se, which yields a meaningless t and p; we report the clean answer.
      assert.ok(Math.abs(e.slope as number) < 1e-15 && Math.abs(e.se as number) < 1e-15);
      assert.deepEqual([r.slope, r.se, r.t, r.p], [0, 0, null, null]);
      close(r.intercept, e.intercept, 'intercept');
      return assertReason(r.reason, c);
    }
    close(r.slope, e.slope, 'slope');
    close(r.intercept, e.intercept, 'intercept');
    close(r.df, e.df, 'df');
    if (c.name === 'ols perfect line') {
      // See header: R's se, t and p are rounding noise here.
      const slope = Math.abs(e.slope as number);
      for (const se of [r.se as number, e.se as number]) assert.ok(se < 1e-12 * slope, `se ${se}`);
      for (const p of [r.p as number, e.p as number]) assert.ok(p < 1e-12, `p ${p}`);
      return;
    }
    close(r.se, e.se, 'se');
    close(r.t, e.t, 't');
    close(r.p, e.p, 'p');
    if (r.p === null) assertReason(r.reason, c);
  },
  kendallTest(c) {
    const r = kendallTest(nums(c.input.x), nums(c.input.y));
    const e = c.expected;
    if (isError(c)) {
      assert.deepEqual([r.tau, r.statistic, r.p, r.method], [null, null, null, null]);
      return assertReason(r.reason, c);
    }
    close(r.tau, e.tau, 'tau');
    close(r.statistic, e.statistic, 'statistic');
    close(r.p, e.p, 'p');
    assert.equal(r.statisticName, e.statisticName);
    assert.equal(r.method, e.p === null ? null : e.statisticName === 'T' ? 'exact' : 'normal');
    if (r.p === null) assertReason(r.reason, c);
  },
  pearsonTest(c) {
    const r = pearsonTest(nums(c.input.x), nums(c.input.y));
    const e = c.expected;
    if (isError(c)) {
      assert.deepEqual([r.r, r.t, r.p], [null, null, null]);
      return assertReason(r.reason, c);
    }
    close(r.r, e.r, 'r');
    close(r.t, e.t, 't');
    close(r.df, e.df, 'df');
    close(r.p, e.p, 'p');
    if (r.p === null) assertReason(r.reason, c);
  },
  spearmanTest(c) {
    const r = spearmanTest(nums(c.input.x), nums(c.input.y));
    const e = c.expected;
    close(r.rho, e.rho, 'rho');
    close(r.S, e.S, 'S');
    close(r.p, e.p, 'p');
    assert.equal(r.method, e.method);
    if (r.p === null) assertReason(r.reason, c);
  },
  psignrank(c) {
    const [q, n, lower] = [c.input.q[0], c.input.n[0], c.input.lower[0]];
    close(psignrank(q as number, n as number, lower as boolean), c.expected.p, 'p');
  },
  pkendall(c) {
    close(pkendall(c.input.q[0] as number, c.input.n[0] as number), c.expected.p, 'p');
  },
  prho(c) {
    const [is, n, lower] = [c.input.is[0], c.input.n[0], c.input.lower[0]];
    close(prho(n as number, is as number, lower as boolean), c.expected.p, 'p');
  },
  quantileSorted(c) {
    const sorted = [...nums(c.input.x)].sort((a, b) => a - b);
    const want = c.expected.q as Json[];
    nums(c.input.probs).forEach((p, i) => close(quantileSorted(sorted, p), want[i], `q(${p})`));
  },
};

describe('statistics agree with R', () => {
  for (const c of fixtures.cases) {
    test(`${c.name}  [${c.call}]`, () => {
      const check = checks[c.fn];
      assert.ok(check, `no check for fixture function ${c.fn}`);
      check(c);
    });
  }
});

describe('helpers', () => {
  test('rank averages ties like R rank()', () => {
    assert.deepEqual(rank([10, 30, 20, 20, 5, 30]), [2, 5.5, 3.5, 3.5, 1, 5.5]);
  });

  test('inputs are not mutated', () => {
    const x = [3, 1, 2, 2];
    const y = [1, 2, 3, 5];
    const p = [0.04, null, 0.01];
    wilcoxonSignedRank(x, y);
    kendallTest(x, y);
    spearmanTest(x, y);
    linearTrend(x, y);
    holm(p);
    rank(x);
    assert.deepEqual([x, y, p], [[3, 1, 2, 2], [1, 2, 3, 5], [0.04, null, 0.01]]);
  });

  test('mulberry32 is deterministic for a fixed seed', () => {
    // These values were recorded once from this implementation: the test pins
    // determinism across runs and platforms, not agreement with any reference.
    const rng = mulberry32(42);
    const draws = Array.from({ length: 5 }, () => rng());
    assert.deepEqual(draws, RECORDED_SEED_42);
    const again = mulberry32(42);
    assert.equal(again(), draws[0]);
    assert.notEqual(mulberry32(43)(), draws[0]);
  });

  test('randomInt stays in 0..n-1 and rejects bad n', () => {
    const rng = mulberry32(7);
    for (let i = 0; i < 1000; i++) {
      const k = randomInt(rng, 3);
      assert.ok(Number.isInteger(k) && k >= 0 && k < 3);
    }
    assert.throws(() => randomInt(rng, 0), RangeError);
  });
});

const RECORDED_SEED_42 = [0.6011037519201636, 0.44829055899754167, 0.8524657934904099, 0.6697340414393693, 0.17481389874592423];
