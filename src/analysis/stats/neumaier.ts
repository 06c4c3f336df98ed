/**
 * Compensated summation (Neumaier's improvement of Kahan's algorithm).
 *
 * Adding floating-point numbers one by one loses the low-order bits of each partial sum, so
 * 0.6 + 0.3 + 0.1 gives 0.9999999999999999 and no longer ties with a person whose total is 1.
 * Neumaier's method carries the lost bits in a second accumulator, choosing at each step
 * whichever operand is larger to recover them, and adds them back at the end. The result is the
 * exactly rounded sum in all but pathological cases, which is also what R's `sum()` gives here
 * (R accumulates in extended precision), so totals that tie in R tie here too, and rank tests
 * take the same branch.
 *
 * @example
 * neumaierSum([0.6, 0.3, 0.1]); // => 1
 */
export function neumaierSum(values: Iterable<number>): number {
  const acc = new NeumaierAccumulator();
  for (const v of values) acc.add(v);
  return acc.value();
}

/** A running compensated sum, for totals built up one event at a time. */
export class NeumaierAccumulator {
  private sum = 0;
  private compensation = 0;
  add(v: number): void {
    const t = this.sum + v;
    // Whichever of the two is larger in magnitude keeps its bits; recover the other's lost part.
    this.compensation += Math.abs(this.sum) >= Math.abs(v) ? this.sum - t + v : v - t + this.sum;
    this.sum = t;
  }
  value(): number {
    return this.sum + this.compensation;
  }
}
