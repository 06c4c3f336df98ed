/**
 * Draws from the exponential, standard normal and gamma distributions, built on a seeded uniform
 * generator (random.ts's mulberry32), so a simulation is reproducible from its seed.
 *
 * - Exponential with rate λ, by inversion: −log(1 − U) / λ (1 − U is in (0, 1], so the log is finite).
 * - Standard normal, by Marsaglia's polar method (two uniforms in the unit disc give two
 *   independent normals; the second is kept for the next call of the same drawer).
 * - Gamma with shape a and scale 1, by Marsaglia & Tsang (2000), "A simple method for generating
 *   gamma variables", ACM TOMS 26: 363–372: for a ≥ 1, d = a − 1/3, c = 1/√(9d); draw a normal Z
 *   until V = (1 + cZ)³ > 0 and log U < Z²/2 + d − dV + d·log V, and return d·V. For a < 1 it
 *   draws with shape a + 1 and multiplies by U^(1/a). Scale it by θ for shape a, scale θ
 *   (mean aθ, variance aθ²), R's rgamma(n, shape = a, scale = θ) in distribution, not draw by draw.
 *
 * None of these matches R's generators draw for draw; they promise only the distribution and
 * determinism. tests/null-world.test.ts checks their means and variances against the formulas
 * within Monte-Carlo error.
 *
 * @example
 * const draw = drawer(mulberry32(1));
 * draw.gamma(2) * 3; // one draw from Gamma(shape 2, scale 3), mean 6
 */

export interface Drawer {
  /** Uniform on [0, 1), the generator itself. */
  uniform: () => number;
  /** Exponential with the given rate (mean 1/rate). */
  exponential(rate: number): number;
  /** Standard normal. */
  normal(): number;
  /** Gamma with the given shape and scale 1. */
  gamma(shape: number): number;
}

export function drawer(uniform: () => number): Drawer {
  let spare: number | null = null;
  const normal = (): number => {
    if (spare !== null) {
      const z = spare;
      spare = null;
      return z;
    }
    let u: number, v: number, s: number;
    do {
      u = 2 * uniform() - 1;
      v = 2 * uniform() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const f = Math.sqrt((-2 * Math.log(s)) / s);
    spare = v * f;
    return u * f;
  };
  const gamma = (shape: number): number => {
    if (!(shape > 0) || !Number.isFinite(shape)) throw new RangeError(`gamma shape must be a positive number, got ${shape}`);
    if (shape < 1) return gamma(shape + 1) * Math.pow(1 - uniform(), 1 / shape);
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      let z: number, v: number;
      do {
        z = normal();
        v = 1 + c * z;
      } while (v <= 0);
      v = v * v * v;
      const u = 1 - uniform(); // (0, 1]
      if (Math.log(u) < 0.5 * z * z + d - d * v + d * Math.log(v)) return d * v;
    }
  };
  return {
    uniform,
    exponential: (rate) => -Math.log(1 - uniform()) / rate,
    normal,
    gamma,
  };
}
