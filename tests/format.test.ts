// formatNumber writes numbers without Intl (see src/lib/format.ts), so it is held here to Intl
// itself, ICU's en-GB number format in Node, over a million values: whole numbers, every tenth and
// twentieth (the ties) up to 20,000, values a step either side of each tie, random doubles of
// every magnitude from 10^-4 to 10^22, and negatives and zeros.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatChangeSize, formatEstimate, formatNumber, formatPercent, formatPercentTenths, formatSpreadPoints } from '../src/lib/format.ts';

const icu = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });

/** A seeded generator (mulberry32), so a failure names a value that can be reproduced. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function values(): number[] {
  const out = [0, -0, 0.04, -0.04, 0.05, -0.05, 0.25, -0.25, 0.95, 9.95, 99.95, 999.95, 9999.95, 1e20, 9.99e20, 1e21, -1e21, 1.5e22, Number.MAX_SAFE_INTEGER, Number.MIN_VALUE, -Number.MIN_VALUE];
  for (let k = 0; k <= 400_000; k++) {
    const x = k / 20; // every twentieth to 20,000: each tenth, and each tie between two tenths
    out.push(x);
    if (k % 4 === 1) out.push(-x, x + Number.EPSILON * Math.max(1, x), x - Number.EPSILON * Math.max(1, x));
  }
  const next = random(20261203);
  for (let k = 0; k < 150_000; k++) {
    const x = 10 ** (-4 + 26 * next()) * (next() < 0.2 ? -1 : 1);
    out.push(x, Math.round(x), Math.round(10 * x) / 10 + 0.05);
  }
  return out;
}

test('formatNumber writes every value as Intl.NumberFormat en-GB with at most one decimal does', () => {
  let checked = 0;
  for (const x of values()) {
    const want = icu.format(x);
    const got = formatNumber(x);
    if (got !== want) assert.fail(`formatNumber(${x}) gave "${got}", Intl gives "${want}"`);
    checked++;
  }
  assert.ok(checked > 1_000_000, `only ${checked} values checked`);
});

test('formatNumber says n/a for what is not a number, and formatEstimate groups large magnitudes as whole numbers', () => {
  for (const x of [null, undefined, NaN, Infinity, -Infinity]) assert.equal(formatNumber(x), 'n/a');
  assert.equal(formatNumber(32424.5), '32,424.5');
  assert.equal(formatNumber(1234567.25), '1,234,567.3');
  assert.equal(formatEstimate(-32424.46), '−32,424');
  assert.equal(formatEstimate(1000), '1,000');
  // One precision for every large estimate: the harm step and its neighbours on the robustness page.
  assert.equal(formatEstimate(-1104.3), '−1,104');
  assert.equal(formatEstimate(-1852.04), '−1,852');
  assert.equal(formatEstimate(999.6), '1,000'); // not "1000" from three significant digits
  assert.equal(formatEstimate(999.4), '999');
});

test('formatEstimate reads floating-point noise around zero as 0, and keeps small real values', () => {
  assert.equal(formatEstimate(2.220446049250313e-16), '0'); // a fitted slope where the data give none (found at ?w=2&c=drugs)
  assert.equal(formatEstimate(-3.1086244689504383e-15), '0');
  assert.equal(formatEstimate(0.000123), '0.000123');
  assert.equal(formatEstimate(-0.585), '−0.585');
});

test('formatEstimate gives every estimate the same significant digits, trailing zeros included', () => {
  // Time at liberty printed "0.244 per person before the order and 0.18 after", and Kendall's τ "−0.3"
  // beside "−0.57": the same precision must look the same.
  assert.equal(formatEstimate(0.18), '0.180');
  assert.equal(formatEstimate(0.244), '0.244');
  assert.equal(formatEstimate(-0.3, 2), '−0.30');
  assert.equal(formatEstimate(-3), '−3.00');
  assert.equal(formatEstimate(12), '12.0');
  assert.equal(formatEstimate(0.0800001), '0.0800');
  for (let k = 1; k < 2000; k++) {
    const x = k / 997;
    const digits = formatEstimate(x).replace(/^0\.0*/, '').replace('.', '');
    assert.equal(digits.length, 3, `${x} → ${formatEstimate(x)}`);
  }
});

test('formatPercent gives a change the same size with or without its sign, ties away from zero', () => {
  // Sentences format the size of a change (formatPercent(Math.abs(x))) and tables the signed value:
  // both must say the same number. k/8 and k/40 are exact halves of a percent.
  for (let k = -800; k <= 800; k++) {
    for (const x of [k / 8, k / 40, k / 1000, k / 1000 + 0.0049, k / 1000 - 0.0049].map((v) => v / 100)) {
      const signed = formatPercent(x);
      const size = formatPercent(Math.abs(x));
      if (signed !== (signed.startsWith('−') ? `−${size}` : size)) assert.fail(`formatPercent(${x}) gave "${signed}" but its size "${size}"`);
    }
  }
  // A tie the arithmetic misses: 1 − 27/40 is 0.32499999999999996 in floating point, and 40 → 27 is a 32.5% fall.
  assert.equal(formatPercent(1 - 27 / 40), '33%');
  assert.equal(formatPercent(1 - 17 / 40), '58%');
  // Every fall or rise between two counts up to 200: the rounding of the exact fraction, in whole numbers.
  for (let pre = 1; pre <= 200; pre++) {
    for (let post = 0; post <= 2 * pre; post++) {
      const num = 100 * Math.abs(pre - post); // |reduction| × 100 = num / pre, rounded with halves up
      const exact = Math.floor((2 * num + pre) / (2 * pre));
      let want = post > pre && exact > 0 ? `−${formatNumber(exact)}%` : `${formatNumber(exact)}%`;
      // A change that is neither none nor all never prints as 0% or 100%: the fewest decimals that tell it apart.
      if ((exact === 0 && num > 0) || (exact === 100 && num !== 100 * pre)) {
        let d = 1;
        let v = 0;
        for (; ; d++) {
          v = Math.floor((2 * num * 10 ** d + pre) / (2 * pre));
          if (v !== 0 && v !== 100 * 10 ** d) break;
        }
        want = `${post > pre ? '−' : ''}${(v / 10 ** d).toFixed(d)}%`;
      }
      if (formatPercent(1 - post / pre) !== want) assert.fail(`${pre} → ${post}: ${formatPercent(1 - post / pre)}, not ${want}`);
    }
  }
  assert.equal(formatPercent(-0.125), '−13%');
  assert.equal(formatPercent(0.125), '13%');
  assert.equal(formatPercent(-0.375), '−38%');
  assert.equal(formatPercent(0.557), '56%');
  assert.equal(formatPercent(-0.004), '−0.4%'); // a rise too small for a whole percent is not "0%", and never "−0%"
  assert.equal(formatPercent(-0.0004172), '−0.04%'); // a reviewer's interval end, printed "0%" beside "takes in no change"
  assert.equal(formatPercent(0.99789), '99.8%'); // a fall that left 20 harm days is not "100%"
  assert.equal(formatPercent(1e-12), '0%'); // floating-point noise is no change
  assert.equal(formatPercent(1), '100%');
  assert.equal(formatPercent(-0), '0%');
  // Thousands are grouped, as in every other number of the report.
  assert.equal(formatPercent(-34.04), '−3,404%');
  assert.equal(formatPercent(-145.74), '−14,574%');
  assert.equal(formatPercent(9.99), '999%');
  for (const x of [null, undefined, NaN, Infinity]) assert.equal(formatPercent(x), 'n/a');
});

test('formatChangeSize never rounds a change to none, nor a fall with some left to all of it', () => {
  // The size of a change in a sentence ("fell by …"): as formatPercent, except where that would
  // say "0%" of a change that happened, or "100%" of a fall that left some behind.
  assert.equal(formatChangeSize(0.557), '56%');
  assert.equal(formatChangeSize(-0.28), '28%');
  assert.equal(formatChangeSize(0.005), '1%');
  assert.equal(formatChangeSize(0.0049), 'less than 1%');
  assert.equal(formatChangeSize(-0.001), 'less than 1%');
  assert.equal(formatChangeSize(0.994), '99%');
  assert.equal(formatChangeSize(0.995), 'more than 99%');
  assert.equal(formatChangeSize(0.9999), 'more than 99%');
  assert.equal(formatChangeSize(1), '100%');
  // A rise of 99.7% is about a doubling, and 100% says so.
  assert.equal(formatChangeSize(-0.997), '100%');
  assert.equal(formatChangeSize(0), '0%');
  assert.equal(formatChangeSize(null), 'n/a');
});

test('formatSpreadPoints: a spread of reductions in percentage points to one decimal, never "0.0" for a spread', () => {
  assert.equal(formatSpreadPoints(0.246730757718698), '24.7 percentage points');
  assert.equal(formatSpreadPoints(1.4715253575710263), '147.2 percentage points');
  assert.equal(formatSpreadPoints(0.05), '5.0 percentage points');
  assert.equal(formatSpreadPoints(0.0004), 'less than 0.1 percentage points');
  assert.equal(formatSpreadPoints(0), '0.0 percentage points');
  assert.equal(formatSpreadPoints(13.933), '1,393.3 percentage points');
  assert.equal(formatPercentTenths(-13.6), '1,360.0%');
  for (const x of [null, NaN, Infinity]) assert.equal(formatSpreadPoints(x), 'n/a');
});
