/**
 * The busiest tenth: how much of a total the few people with the most carry.
 *
 * Arrest counts are skewed: most people have a few, some have many. When a handful of people carry
 * most of the total, a fall in the total says little about the typical person, and one of them
 * leaving (prison, death, moving away) moves the total a long way. This puts a number on it: sort
 * the people by their count, take the tenth of them with the most, and give their share of the
 * total.
 *
 * "A tenth" is n ÷ 10 rounded half up, and at least one person, so that a view of 5 people still
 * names its busiest one; rounding half up (not R's round(), which rounds half to even) is written
 * in R as floor(n / 10 + 0.5). Ties at the cut do not matter: whichever of the tied people is
 * taken, they add the same. With nobody counted before, there is no share.
 *
 * Matches R's `k <- max(1, floor(length(x) / 10 + 0.5)); sum(sort(x, decreasing = TRUE)[seq_len(k)]) / sum(x)`.
 *
 * @example
 * busiestTenth([9, 1, 0, 2, 0, 1, 3, 0, 4, 0]); // => { people: 1, top: 9, share: 0.45 }
 */
import { neumaierSum } from './neumaier.ts';

export interface BusiestTenth {
  /** How many people the busiest tenth is: round(n ÷ 10) half up, at least 1 (0 with nobody). */
  people: number;
  /** What they carry between them. */
  top: number;
  /** Their share of everyone's total; null when the total is 0. */
  share: number | null;
}

export function busiestTenth(values: readonly number[]): BusiestTenth {
  const n = values.length;
  if (n === 0) return { people: 0, top: 0, share: null };
  const people = Math.max(1, Math.floor(n / 10 + 0.5));
  const sorted = [...values].sort((a, b) => b - a);
  const top = neumaierSum(sorted.slice(0, people));
  const total = neumaierSum(values);
  return { people, top, share: total > 0 ? top / total : null };
}
