/**
 * The busiest tenth: how much of a total the few people with the most carry, and how the rest
 * changed without them.
 *
 * Arrest counts are skewed: most people have a few, some have many. When a handful of people carry
 * most of the total, a fall in the total says little about the typical person, and one of them
 * leaving (prison, death, moving away) moves the total a long way. Those picked out for having the
 * most before are also the ones most likely to have fewer after by chance alone (regression to the
 * mean). So: sort the people by their count before, take the tenth of them with the most, give
 * their share of the total before, and the reduction 1 − Σafter ÷ Σbefore of everyone else.
 *
 * "A tenth" is n ÷ 10 rounded half up, and at least one, so that a view of 5 people still names its
 * busiest one; rounding half up (not R's round(), which rounds half to even) is written in R as
 * floor(n / 10 + 0.5). Ties at the cut do not change the share (whichever tied person is taken adds
 * the same), but they can change the others' reduction, so the earlier of the tied people (in the
 * order given) counts as busier, as R's stable order(-before) has it. With nothing before there is
 * no share, and with nothing before among the others no reduction for them.
 *
 * Matches R's
 *   k <- max(1, floor(length(before) / 10 + 0.5)); busiest <- order(-before)[seq_len(k)]
 *   sum(before[busiest]) / sum(before)                          # share
 *   1 - sum(after[-busiest]) / sum(before[-busiest])            # the others' reduction
 *
 * @example
 * busiestTenth([9, 1, 0, 2, 0, 1, 3, 0, 4, 0], [2, 1, 0, 1, 0, 0, 3, 0, 2, 1]);
 * // => { people: 1, top: 9, share: 0.45, othersBefore: 11, othersAfter: 8, tiedOut: 0, othersAfterLeast: 8, othersAfterMost: 8 }
 */
import { neumaierSum } from './neumaier.ts';

export interface BusiestTenth {
  /** How many people the busiest tenth is: round(n ÷ 10) half up, at least 1 (0 with nobody). */
  people: number;
  /** What they carry between them before. */
  top: number;
  /** Their share of everyone's total before; null when that total is 0. */
  share: number | null;
  /** Everyone else's total before and after. */
  othersBefore: number;
  othersAfter: number;
  /**
   * People with as many before as the last one in the tenth, but left out of it: who of the tied
   * people counts as busiest is a choice (here the earlier), and it moves the others' total after.
   */
  tiedOut: number;
  /** The least and the most the others' total after can be over every choice among the tied (both othersAfter when none are left out). */
  othersAfterLeast: number;
  othersAfterMost: number;
}

export function busiestTenth(before: readonly number[], after: readonly number[]): BusiestTenth {
  const n = before.length;
  if (after.length !== n) throw new RangeError('busiestTenth: before and after must be paired (the same length)');
  if (n === 0) return { people: 0, top: 0, share: null, othersBefore: 0, othersAfter: 0, tiedOut: 0, othersAfterLeast: 0, othersAfterMost: 0 };
  const people = Math.max(1, Math.floor(n / 10 + 0.5));
  // Busiest first; among equals, the earlier first (Array.prototype.sort is stable, as R's order()).
  const ranked = before.map((_, i) => i).sort((a, b) => before[b] - before[a]);
  const busiest = new Set(ranked.slice(0, people));
  const top = neumaierSum(ranked.slice(0, people).map((i) => before[i]));
  const total = neumaierSum(before);
  const others = before.map((_, i) => i).filter((i) => !busiest.has(i));
  // The tied at the cut: whichever m of them are left out, the others' before is the same; their
  // after is least with the m smallest afters left out among the others, most with the m largest.
  const cut = before[ranked[people - 1]];
  const tied = before.map((_, i) => i).filter((i) => before[i] === cut);
  const tiedOut = tied.filter((i) => !busiest.has(i)).length;
  const tiedAfters = tied.map((i) => after[i]).sort((a, b) => a - b);
  const untied = neumaierSum(others.filter((i) => before[i] !== cut).map((i) => after[i]));
  const othersAfter = neumaierSum(others.map((i) => after[i]));
  return {
    people,
    top,
    share: total > 0 ? top / total : null,
    othersBefore: neumaierSum(others.map((i) => before[i])),
    othersAfter,
    tiedOut,
    othersAfterLeast: tiedOut === 0 ? othersAfter : neumaierSum([untied, ...tiedAfters.slice(0, tiedOut)]),
    othersAfterMost: tiedOut === 0 ? othersAfter : neumaierSum([untied, ...tiedAfters.slice(tiedAfters.length - tiedOut)]),
  };
}
