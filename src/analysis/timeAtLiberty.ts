// Time at liberty: arrests per month in which a person could have been arrested.
//
// Someone in prison, or deported, for part of the months after their order cannot be arrested
// in those months, and the count of arrests after falls for that reason alone. Dividing arrests
// by the months at liberty instead of the calendar months removes that part of the fall:
//   rate before = arrests before / (n · W)
//   rate after  = arrests after  / (n · W · (1 − s))
// for n people, W months either side, and s the share of the after-window spent in custody or
// abroad (0 ≤ s < 1; the before-window is taken as fully at liberty). The fall in the rate is
//   1 − rate after / rate before = 1 − post / (pre · (1 − s)),
// and it disappears at the break-even share
//   s* = 1 − post / pre,
// the share of the after-window people would have to have spent unavailable for the whole fall
// in arrests to be explained by absence. If they were away for less, part of the fall remains.
// - pre = 0: there is no rate before and no fall, so s* is null.
// - post = 0: s* = 1. No share short of the whole window (s < 1) erases a fall to no arrests
//   at all: the rate after is 0 however little time was spent at liberty.
// - post > pre: arrests rose already, so there is no fall to erase, and s* is null (1 − post/pre
//   would be negative, not a share); any time away makes the rise in the rate steeper.
//
// The break-even share assumes the time away is spread evenly over people. It need not be: time
// away that fell mostly on the people who had been busiest would explain the fall with less. How much
// less these data cannot say: a person arrested after their order was not away for all of it, and
// the arrests do not say which months anyone was away (a re-check found the busiest people, whose
// absence would have been needed, all arrested after their orders).
//
// When the data say how many months each person was unavailable (orders.csv's optional
// months_unavailable_before and months_unavailable_after, validate.ts), the rates use them
// directly: rate = Σ arrests / Σ months at liberty, over everyone analysed, each period on its own
// (timeAtLibertyByPerson). Those columns describe the design window; a narrower analysis window
// needs months for that window, and months unavailable beyond the window are an error here.
//
// @example
// timeAtLiberty({ pre: 210, post: 93, people: 41, window: 24, unavailableShare: 0.2 }).rateFall; // => 0.4464285714285714
// timeAtLiberty({ pre: 210, post: 93, people: 41, window: 24, unavailableShare: 0 }).breakEven;  // => 0.5571428571428572

import type { Order } from './types.ts';

/** Whether every analysed order gives its months in custody or abroad, before and after (and there is at least one). */
export function givesMonthsAway(orders: readonly Order[]): boolean {
  const analysed = orders.filter((o) => o.sample === 'analysed');
  return analysed.length > 0 && analysed.every((o) => o.monthsUnavailableBefore !== undefined && o.monthsUnavailableAfter !== undefined);
}

export interface LibertyRates {
  /** Arrests per person-month at liberty before the order; null when there are no months at liberty. */
  rateBefore: number | null;
  /** The same after the order. */
  rateAfter: number | null;
  /** 1 − rateAfter / rateBefore; null when there is no rate before, or it is 0. */
  rateFall: number | null;
  /** Why a rate or the fall is null, in plain words. */
  reason?: string;
}

export interface LibertyWhatIf extends LibertyRates {
  /** The share s of the after-window assumed spent in custody or abroad. */
  unavailableShare: number;
  /** s* = 1 − post / pre, where the rate fall disappears; null when pre = 0, post = 0 (no share removes the fall) or arrests rose. */
  breakEven: number | null;
  breakEvenReason?: string;
}

/** The rates and their fall with a share s of the after-window unavailable, and the break-even share. */
export function timeAtLiberty({ pre, post, people, window, unavailableShare: s }: { pre: number; post: number; people: number; window: number; unavailableShare: number }): LibertyWhatIf {
  if (!(s >= 0 && s < 1)) throw new RangeError(`timeAtLiberty: the share unavailable must be at least 0 and below 1, got ${s}`);
  if (!Number.isInteger(people) || people < 0) throw new RangeError(`timeAtLiberty: people must be a whole number ≥ 0, got ${people}`);
  if (!Number.isInteger(window) || window < 1) throw new RangeError(`timeAtLiberty: window must be a whole number of months ≥ 1, got ${window}`);
  if (!(pre >= 0 && post >= 0)) throw new RangeError(`timeAtLiberty: arrests must be 0 or more, got ${pre} and ${post}`);
  const rates = libertyRates(pre, post, people * window, people * window * (1 - s));
  const breakEven =
    pre === 0 ? { breakEven: null, breakEvenReason: 'there were no arrests before the orders, so there is no fall to explain' }
      : post > pre ? { breakEven: null, breakEvenReason: 'arrests rose, so there is no fall for time away to explain' }
        // The rate after is 0 at every share below 1, and 0/0 at 1: no share removes the fall (1 − post/pre = 1 would say "all of it" does).
        : post === 0 ? { breakEven: null, breakEvenReason: 'there were no arrests after the orders, so however much of the period after people spent away (short of all of it), the rate after is 0 and the fall stays' }
        : { breakEven: 1 - post / pre };
  return { ...rates, unavailableShare: s, ...breakEven };
}

export interface LibertyByPerson extends LibertyRates {
  /** Person-months at liberty in the windows before and after. */
  monthsBefore: number;
  monthsAfter: number;
  /** The share of all person-months after the orders spent unavailable. */
  unavailableShareAfter: number | null;
  /**
   * People recorded as away for the whole of a period yet arrested in it (the files' warning), and
   * their arrests: counted in Σ arrests with no months of their own in Σ months, so they raise that
   * period's rate. The rates keep them (which record is wrong is for the analyst to find out); the
   * page says how many there are.
   */
  arrestedWhileAway: { before: { people: number; arrests: number }; after: { people: number; arrests: number } };
}

/**
 * Rates from each person's own months unavailable: Σ arrests / Σ (W − months unavailable), before
 * and after. Throws if the arrays differ in length or a person's months unavailable are not
 * 0 … W (the data's boundary, validate.ts, checks them against the design window with row and column).
 */
export function timeAtLibertyByPerson({ pre, post, unavailableBefore, unavailableAfter, window }: {
  pre: readonly number[];
  post: readonly number[];
  unavailableBefore: readonly number[];
  unavailableAfter: readonly number[];
  window: number;
}): LibertyByPerson {
  const n = pre.length;
  if (post.length !== n || unavailableBefore.length !== n || unavailableAfter.length !== n) {
    throw new RangeError(`timeAtLibertyByPerson: arrests and months unavailable must have one value per person (${n}, ${post.length}, ${unavailableBefore.length}, ${unavailableAfter.length})`);
  }
  if (!Number.isInteger(window) || window < 1) throw new RangeError(`timeAtLibertyByPerson: window must be a whole number of months ≥ 1, got ${window}`);
  let monthsBefore = 0;
  let monthsAfter = 0;
  let arrestsBefore = 0;
  let arrestsAfter = 0;
  const away = { before: { people: 0, arrests: 0 }, after: { people: 0, arrests: 0 } };
  for (let i = 0; i < n; i++) {
    for (const [name, u] of [['before', unavailableBefore[i]], ['after', unavailableAfter[i]]] as const) {
      if (!(u >= 0 && u <= window)) throw new RangeError(`timeAtLibertyByPerson: person ${i + 1} has ${u} months unavailable ${name} the order, outside 0 … ${window}`);
    }
    monthsBefore += window - unavailableBefore[i];
    monthsAfter += window - unavailableAfter[i];
    arrestsBefore += pre[i];
    arrestsAfter += post[i];
    for (const [period, u, count] of [['before', unavailableBefore[i], pre[i]], ['after', unavailableAfter[i], post[i]]] as const) {
      if (u === window && count > 0) {
        away[period].people++;
        away[period].arrests += count;
      }
    }
  }
  return {
    ...libertyRates(arrestsBefore, arrestsAfter, monthsBefore, monthsAfter),
    monthsBefore,
    monthsAfter,
    unavailableShareAfter: n === 0 ? null : 1 - monthsAfter / (n * window),
    arrestedWhileAway: away,
  };
}

function libertyRates(pre: number, post: number, monthsBefore: number, monthsAfter: number): LibertyRates {
  const rateBefore = monthsBefore > 0 ? pre / monthsBefore : null;
  const rateAfter = monthsAfter > 0 ? post / monthsAfter : null;
  const rateFall = rateBefore !== null && rateBefore > 0 && rateAfter !== null ? 1 - rateAfter / rateBefore : null;
  const reason =
    rateBefore === null ? 'there are no months at liberty before the orders'
      : rateAfter === null ? 'there are no months at liberty after the orders'
        : rateBefore === 0 ? 'there were no arrests before the orders, so there is no fall to measure'
          : undefined;
  return reason ? { rateBefore, rateAfter, rateFall, reason } : { rateBefore, rateAfter, rateFall };
}
