// Regression to the mean: the seeded "null world" (src/analysis/nullWorld.ts), the random draws it
// is built on (src/analysis/stats/randomDraws.ts) and the closed form for normal data
// (src/analysis/stats/regressionToMean.ts).
//
// Simulation tolerances are stated from the simulation's own standard errors: Z = 4 standard
// errors (a two-sided normal tail of 6e-5), so a correct simulation fails about once in 16,000
// fresh seeds, while a wrong mean or variance by a few per cent fails at once. The seeds are
// fixed, so each run is the same run. Golden numbers (the calibration, the closed form, the
// quantiles of the falls) come from R, in R 4.6 (webR) and, where installed, R 4.2 (Rscript).
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { analyse } from '../src/analysis/analyse.ts';
import { NULL_WORLD_CROSSING_SHARE, NULL_WORLD_SEED, nullWorld, type NullWorld } from '../src/analysis/nullWorld.ts';
import { mulberry32 } from '../src/analysis/stats/random.ts';
import { drawer } from '../src/analysis/stats/randomDraws.ts';
import { inverseMillsRatio, regressionToMean } from '../src/analysis/stats/regressionToMean.ts';
import { bundled } from './helpers/bundled.ts';
import { hasRscript, runRscript, runWebR, stopWebR } from './helpers/r.ts';

after(stopWebR);

const Z = 4;
const study = analyse(bundled);
const before = study.perOrder.map((p) => p.eventsPre);
const observedFall = study.events.reduction!;
const W = study.window;

/** Both Rs where available: [label, output]. */
async function inR(script: string): Promise<[string, string][]> {
  const out: [string, string][] = [['R 4.6 (webR)', await runWebR(script)]];
  if (hasRscript()) out.push(['R 4.2 (Rscript)', runRscript(script)]);
  return out;
}
const numbers = (text: string) => text.trim().split(/\s+/).map(Number);
const close = (actual: number, expected: number, relative: number, what: string) =>
  assert.ok(Math.abs(actual - expected) <= relative * Math.max(1, Math.abs(expected)), `${what}: ${actual}, R ${expected}`);

// ---- random draws ---------------------------------------------------------------------------

describe('random draws', () => {
  const N = 200_000;
  const moments = (xs: Float64Array) => {
    let mean = 0;
    for (const x of xs) mean += x;
    mean /= xs.length;
    let v = 0;
    for (const x of xs) v += (x - mean) ** 2;
    return { mean, variance: v / (xs.length - 1) };
  };

  for (const shape of [0.3, 0.83, 1, 3.7, 25]) {
    test(`gamma(shape ${shape}): mean and variance equal the shape within ${Z} standard errors`, () => {
      const draw = drawer(mulberry32(7));
      const xs = Float64Array.from({ length: N }, () => draw.gamma(shape));
      const { mean, variance } = moments(xs);
      // Gamma(a, 1): mean a, variance a, fourth central moment 3a² + 6a, so Var(s²) ≈ (2a² + 6a) / N.
      assert.ok(Math.abs(mean - shape) <= Z * Math.sqrt(shape / N), `mean ${mean}`);
      assert.ok(Math.abs(variance - shape) <= Z * Math.sqrt((2 * shape ** 2 + 6 * shape) / N), `variance ${variance}`);
    });
  }

  test("gamma draws follow R's qgamma: the share below each R quantile is its probability within binomial error", async () => {
    const shapes = [0.5, 2.2];
    const ps = [0.05, 0.25, 0.5, 0.75, 0.95];
    const [[, text]] = await inR(`for (a in c(${shapes.join(', ')})) cat(sprintf("%.17g", qgamma(c(${ps.join(', ')}), shape = a)), "\\n")`);
    const q = numbers(text);
    shapes.forEach((shape, s) => {
      const draw = drawer(mulberry32(11));
      const xs = Float64Array.from({ length: N }, () => draw.gamma(shape));
      ps.forEach((p, k) => {
        const share = xs.filter((x) => x <= q[s * ps.length + k]).length / N;
        assert.ok(Math.abs(share - p) <= Z * Math.sqrt((p * (1 - p)) / N), `shape ${shape}, p ${p}: ${share}`);
      });
    });
  });

  test('normal and exponential: mean and variance within standard errors; the same seed gives the same draws', () => {
    const a = drawer(mulberry32(3));
    const normals = Float64Array.from({ length: N }, () => a.normal());
    const n = moments(normals);
    assert.ok(Math.abs(n.mean) <= Z * Math.sqrt(1 / N), `normal mean ${n.mean}`);
    assert.ok(Math.abs(n.variance - 1) <= Z * Math.sqrt(2 / N), `normal variance ${n.variance}`);
    const rate = 0.25;
    const exps = Float64Array.from({ length: N }, () => a.exponential(rate));
    const e = moments(exps);
    assert.ok(Math.abs(e.mean - 1 / rate) <= Z * (1 / rate) / Math.sqrt(N), `exponential mean ${e.mean}`);
    assert.ok(exps.every((x) => x >= 0 && Number.isFinite(x)));
    const again = drawer(mulberry32(3));
    assert.deepEqual(Float64Array.from({ length: 1000 }, () => again.normal()), normals.slice(0, 1000));
    assert.throws(() => a.gamma(0), RangeError);
  });
});

// ---- the closed form --------------------------------------------------------------------------

describe('regression to the mean for normal data (Barnett, van der Pols & Dobson 2005)', () => {
  // mean, sd, correlation, cutoff
  const cases: [number, number, number, number][] = [
    [0, 1, 0.5, 1], [5.12, 6.06, 0.86, 10], [5.12, 6.06, 0.3, 0], [100, 15, 0.7, 130], [0, 1, 0, -3], [0, 1, 0.9, 8], [2, 0.5, 1, 3], [0, 1, -0.4, 30],
  ];

  test('equals R: (1 - rho) * sigma * dnorm(z) / pnorm(z, lower.tail = FALSE), z = (c - mu) / sigma', async () => {
    const script = cases.map(([mu, sigma, rho, c]) => `local({ mu <- ${mu}; sigma <- ${sigma}; rho <- ${rho}; c <- ${c}; z <- (c - mu) / sigma; cat(sprintf("%.17g", (1 - rho) * sigma * dnorm(z) / pnorm(z, lower.tail = FALSE)), "\\n") })`).join('\n');
    for (const [version, text] of await inR(script)) {
      const expected = numbers(text);
      assert.equal(expected.length, cases.length);
      cases.forEach(([mean, sd, correlation, cutoff], k) => close(regressionToMean({ mean, sd, correlation, cutoff }), expected[k], 1e-12, `${version}, case ${k + 1}`));
    }
  });

  test('no noise (ρ = 1) means no regression; beyond where doubles underflow the ratio follows its asymptote z + 1/z', () => {
    assert.equal(regressionToMean({ mean: 3, sd: 2, correlation: 1, cutoff: 4 }), 0);
    const z = 40;
    assert.ok(Number.isFinite(inverseMillsRatio(z)));
    assert.ok(Math.abs(inverseMillsRatio(z) - (z + 1 / z)) < 1e-4);
    // the two branches meet at z = 37
    assert.ok(Math.abs(inverseMillsRatio(37) - inverseMillsRatio(37 + 1e-9)) < 1e-6);
    assert.ok(inverseMillsRatio(-40) >= 0 && inverseMillsRatio(-40) < 1e-300, 'far below the cutoff nobody is selected out');
    assert.throws(() => regressionToMean({ mean: 0, sd: 0, correlation: 0.5, cutoff: 1 }), RangeError);
    assert.throws(() => regressionToMean({ mean: 0, sd: 1, correlation: 1.5, cutoff: 1 }), RangeError);
  });
});

// ---- the null world ---------------------------------------------------------------------------

/**
 * The mean of the cohorts' falls 1 − A/B is a ratio estimator: with no effect, A and B have the
 * same expectation Λ given the people drawn, but E[A/B] ≈ 1 + 1/Λ (Poisson B), so the mean fall
 * is about −E[1/Λ] ≈ −(1 + CV²)/E[Λ], where E[Λ] = n·m and CV² = 1/(n·size) is the spread of
 * Λ between cohorts of gamma-distributed rates. This first-order bias is what "0" means here.
 */
function ratioBias(world: NullWorld): number {
  const p = world.parameters!;
  const cv2 = p.size === null ? 0 : 1 / (p.cohortSize * p.size);
  return -(1 + cv2) / (p.cohortSize * p.beforeMean);
}

describe('the null world: orders that do nothing', () => {
  const worlds = new Map<number, NullWorld>();
  const at = (selection: number) => {
    if (!worlds.has(selection)) worlds.set(selection, nullWorld(before, { window: W, selection, observedFall }));
    return worlds.get(selection)!;
  };

  test('calibration: mean, variance and negative binomial size by moments equal R\'s', async () => {
    const p = at(0).parameters!;
    const script = `x <- c(${before.join(', ')}); m <- mean(x); v <- var(x); cat(sprintf("%.17g", c(m, v, m^2 / (v - m), (v - m) / v, m / ${W})))`;
    for (const [version, text] of await inR(script)) {
      const [m, v, size, rho, rate] = numbers(text);
      close(p.beforeMean, m, 1e-14, `${version}: mean`);
      close(p.beforeVariance!, v, 1e-14, `${version}: variance`);
      close(p.size!, size, 1e-13, `${version}: size`);
      close(p.correlation, rho, 1e-13, `${version}: correlation`);
      close(p.monthlyRate, rate, 1e-14, `${version}: monthly rate`);
    }
    assert.deepEqual(
      { cohorts: p.cohorts, cohortSize: p.cohortSize, lookback: p.lookback, seed: p.seed, window: p.window },
      { cohorts: 1000, cohortSize: before.length, lookback: 6, seed: NULL_WORLD_SEED, window: W },
    );
    assert.ok(p.crossingShare > 0 && p.crossingShare <= NULL_WORLD_CROSSING_SHARE, `the default threshold ${p.threshold} picks at most a quarter of candidates (${p.crossingShare})`);
  });

  test('selection 0 (orders at random moments): the mean fall is 0 within Monte-Carlo error, allowing for the ratio estimator', () => {
    const world = at(0);
    const bias = ratioBias(world);
    assert.ok(Math.abs(world.mean! - bias) <= Z * world.se!, `mean fall ${world.mean}, expected ${bias} ± ${Z} × ${world.se}`);
    // the bias is small beside the spread, but not nothing: without it the tolerance would be hiding it
    assert.ok(Math.abs(bias) < world.se! * Z);
    // and in a Poisson world (no spread between people): everyone has 3 or 4 arrests, variance below the mean
    const flat = [3, 4, 3, 4, 3, 4, 3, 4, 3, 4, 3, 4, 3, 4, 3, 4, 3, 4, 3, 4];
    for (const seed of [1, 2, 3]) {
      const poisson = nullWorld(flat, { window: 12, selection: 0, seed });
      assert.equal(poisson.parameters!.size, null);
      assert.equal(poisson.parameters!.correlation, 0);
      assert.ok(Math.abs(poisson.mean! - ratioBias(poisson)) <= Z * poisson.se!, `seed ${seed}: ${poisson.mean}`);
    }
  });

  test('stronger selection gives a larger mean fall: 0 < 0.25 < 0.5 < 0.75 < 1, each step beyond 2 standard errors of the difference', () => {
    const levels = [0, 0.25, 0.5, 0.75, 1];
    const means = levels.map((s) => at(s).mean!);
    for (let k = 1; k < levels.length; k++) {
      const [a, b] = [at(levels[k - 1]), at(levels[k])];
      const seDifference = Math.hypot(a.se!, b.se!); // as if independent; the shared population makes the real one smaller
      assert.ok(b.mean! - a.mean! > 2 * seDifference, `selection ${levels[k - 1]} → ${levels[k]}: ${a.mean} → ${b.mean}`);
    }
    assert.ok(means[4] > 0, 'selection alone produces a fall');
  });

  test('a gap leaves out the months nearest each simulated order, as the view does: at a gap as long as the look-back, the busy spell is left out and no regression to the mean is left (a peer reviewer: the W − gap months next to the order were compared)', () => {
    const gapped = analyse(bundled, { window: 12, gap: 6 });
    const counts = gapped.perOrder.map((p) => p.eventsPre);
    const world = nullWorld(counts, { window: 12, gap: 6, selection: 1, lookback: 6 });
    const p = world.parameters!;
    assert.deepEqual([p.window, p.gap], [12, 6]);
    // the counts before are over the 6 months compared, so the rate is m ÷ (W − g)
    assert.equal(p.monthlyRate, p.beforeMean / 6);
    // Orders sought on months t−6 … t−1, counts compared over t−12 … t−7 and t+6 … t+11: given a
    // person's rate, the months compared say nothing of the months selected on, so before and after
    // have one mean and the fall is the ratio estimator's small bias, within Monte-Carlo error.
    const bias = ratioBias(world);
    assert.ok(Math.abs(world.mean! - bias) <= Z * world.se! + Math.abs(bias), `mean fall ${world.mean}, expected ${bias} ± ${Z} × ${world.se}`);
    // Comparing the 6 months next to each order instead (no gap, a window of 6) finds the busy spell's fall.
    const adjacent = nullWorld(counts, { window: 6, selection: 1, lookback: 6 });
    assert.ok(adjacent.mean! - world.mean! > 10 * Math.hypot(adjacent.se!, world.se!), `next to the order ${adjacent.mean}, with the gap ${world.mean}`);
    // A gap of 0 is no gap: the same draws and the same falls.
    assert.deepEqual(nullWorld(before, { window: W, gap: 0, selection: 0.5 }), nullWorld(before, { window: W, selection: 0.5 }));
    assert.throws(() => nullWorld(before, { window: 12, gap: 12, selection: 1 }), /gap must be a whole number of months from 0 to window − 1 = 11, got 12/);
  });

  test('the same seed gives identical output; a different seed gives different falls', () => {
    const a = nullWorld(before, { window: W, selection: 0.6, observedFall });
    const b = nullWorld(before, { window: W, selection: 0.6, observedFall });
    assert.deepEqual(a, b);
    const c = nullWorld(before, { window: W, selection: 0.6, observedFall, seed: NULL_WORLD_SEED + 1 });
    assert.notDeepEqual(c.falls, a.falls);
    assert.notEqual(c.mean, a.mean);
    // and the population does not depend on the selection: only the cohorts drawn from it change
    // (and the share of orders after a busy spell, which is the selection's doing: all of them at 1, the crossing share at 0)
    assert.deepEqual({ ...at(1).parameters, selection: 0, afterBusyShare: at(0).parameters!.crossingShare }, at(0).parameters);
    assert.equal(at(1).parameters!.afterBusyShare, 1);
  });

  test("the distribution: sorted falls, R's type-7 quantiles, the share at least the observed fall", async () => {
    const world = at(0.75);
    assert.equal(world.falls.length + world.dropped, 1000);
    assert.ok(world.falls.every((f, k) => k === 0 || world.falls[k - 1] <= f), 'ascending');
    assert.equal(world.shareAtLeastObserved, world.falls.filter((f) => f >= observedFall).length / world.falls.length);
    const script = `x <- c(${world.falls.map((f) => f.toPrecision(17)).join(', ')}); cat(sprintf("%.17g", c(quantile(x, c(0.025, 0.975), names = FALSE), mean(x), sd(x), mean(x >= ${observedFall.toPrecision(17)}))))`;
    for (const [version, text] of await inR(script)) {
      const [lo, hi, mean, sd, share] = numbers(text);
      close(world.interval![0], lo, 1e-14, `${version}: 2.5%`);
      close(world.interval![1], hi, 1e-14, `${version}: 97.5%`);
      close(world.mean!, mean, 1e-13, `${version}: mean`);
      close(world.sd!, sd, 1e-12, `${version}: sd`);
      assert.equal(world.shareAtLeastObserved, share, `${version}: share`);
    }
    assert.equal(world.se, world.sd! / Math.sqrt(world.falls.length));
    assert.equal(world.observedFall, observedFall);
  });

  test('degenerate inputs give a reason, never NaN', () => {
    const cases: [string, NullWorld, RegExp][] = [
      ['no people', nullWorld([], { window: 24, selection: 0.5 }), /no people/],
      ['nobody arrested before', nullWorld([0, 0, 0], { window: 24, selection: 0.5 }), /nobody was arrested/],
      ['a threshold nobody reaches, with full selection', nullWorld(before, { window: W, selection: 1, threshold: 500, cohorts: 10 }), /no simulated candidate/],
      ['a cohort bigger than the population', nullWorld(before, { window: W, selection: 0, population: 20 }), /cannot be drawn from 20/],
      ['too few people ever cross', nullWorld([1, 0, 0, 0, 0, 0, 0, 0, 0, 0], { window: 6, selection: 1, threshold: 1, population: 12, history: 13, cohorts: 5 }), /fewer than a cohort of 10/],
    ];
    for (const [label, world, reason] of cases) {
      assert.match(world.reason ?? '', reason, label);
      assert.deepEqual(world.falls, [], label);
      assert.equal(world.mean, null, label);
      assert.equal(world.interval, null, label);
      assert.doesNotMatch(JSON.stringify(world), /NaN|Infinity/, label);
    }
    // a threshold nobody reaches is fine when quiet candidates can still get orders
    const partial = nullWorld(before, { window: W, selection: 0.5, threshold: 500, cohorts: 10 });
    assert.equal(partial.reason, undefined);
    assert.equal(partial.parameters!.crossingShare, 0);
    // a single person: no variance, so Poisson
    const one = nullWorld([6], { window: 12, selection: 0.5, cohorts: 50 });
    assert.equal(one.parameters!.beforeVariance, null);
    assert.equal(one.parameters!.size, null);
    assert.equal(one.falls.length + one.dropped, 50);
    assert.equal(one.shareAtLeastObserved, null, 'no observed fall given');
    for (const bad of [{ selection: -0.1 }, { selection: 1.1 }, { selection: Number.NaN }, { window: 0 }, { lookback: 0 }, { cohorts: 0 }, { threshold: 0 }, { history: 10 }]) {
      assert.throws(() => nullWorld(before, { window: W, selection: 0.5, ...bad }), RangeError, JSON.stringify(bad));
    }
    assert.throws(() => nullWorld([1, -1], { window: 12, selection: 0 }), RangeError);
  });
});
