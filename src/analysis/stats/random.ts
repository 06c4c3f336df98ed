/**
 * A small seeded pseudo-random number generator (Mulberry32).
 *
 * Resampling methods (bootstrap, permutation tests) need randomness that is
 * reproducible: the same seed must give the same draws on every run and
 * platform, so a published number can be regenerated. Mulberry32 keeps a
 * single 32-bit state and uses only 32-bit integer arithmetic
 * (`Math.imul`, shifts), which JavaScript defines exactly. It is fast and
 * statistically adequate for simulation, but not cryptographic. It does not
 * match R's Mersenne Twister; it only promises determinism.
 *
 * @example
 * const rng = mulberry32(42);
 * rng(); // => 0.6011037519201636
 */

/** Returns a function giving uniform draws in [0, 1), 2^-32 apart. */
export function mulberry32(seed: number): () => number {
  const stream = uniformStream(seed);
  return () => stream.next();
}

/**
 * The same generator, for code that needs millions of draws (the bootstrap): fill(out) writes the
 * next out.length draws into an array, the sequence next() would give one at a time. Calling a
 * closure per draw costs more than the arithmetic itself; a loop over an array does not.
 * The state is kept as a signed 32-bit integer (its bits are what matter: every step reads them
 * through `|`, `^`, `>>>` or Math.imul), so it never needs a heap-allocated number.
 */
export function uniformStream(seed: number): { next(): number; fill(out: Float64Array): void } {
  let state = seed | 0;
  return {
    next() {
      state = (state + 0x6d2b79f5) | 0;
      let t = state;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    },
    fill(out) {
      let s = state;
      for (let j = 0; j < out.length; j++) {
        s = (s + 0x6d2b79f5) | 0;
        let t = s;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        out[j] = ((t ^ (t >>> 14)) >>> 0) / 4294967296;
      }
      state = s;
    },
  };
}

/** A uniform integer in 0..n-1 (e.g. an index to resample). */
export function randomInt(rng: () => number, n: number): number {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`randomInt needs a positive integer n, got ${n}`);
  return Math.floor(rng() * n);
}
