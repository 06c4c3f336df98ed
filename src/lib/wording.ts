// Sentences whose words follow the numbers. Each is a pure function of an analyse() result
// returning plain text, used both when the page is built and when the reader changes the view:
// a fall is never called a rise, a result is called significant only when p < 0.05, a tendency
// is claimed only when the test supports it, and a value the data cannot give is explained
// rather than shown as NaN.

import type { AnalysisResult, Measure, Trend } from '../analysis/analyse.ts';
import { EXACT_BELOW, wilcoxonLean } from '../analysis/stats/wilcoxonLean.ts';
import { HAC_SHORT_SERIES } from '../analysis/stats/hacShortSeries.ts';
import { MIN_CONTRIBUTORS } from '../analysis/reduction.ts';
import type { WilcoxonRule } from '../analysis/stats/wilcoxonSignedRank.ts';
import { formatChangeSize, formatEstimate, formatInterval, formatNumber, formatPercent, formatPEquals, formatReductionInWords } from './format.ts';
import type { ResultPath } from './resultPaths.ts';

export const ALPHA = 0.05;
/** Below this many months a trend test has too few points to say much; the wording says so. */
export const FEW_MONTHS = 6;

// ---- segments: a sentence as text with its numbers marked, so each number can open its derivation

/** A piece of a sentence: plain words, or a number with the result path it was formatted from. */
export type Segment = string | { text: string; path: ResultPath };
export type Segments = Segment[];

/** The sentence as the page prints it. */
export function plain(parts: Segment | Segments): string {
  const list = Array.isArray(parts) ? parts : [parts];
  return list.map((s) => (typeof s === 'string' ? s : s.text)).join('');
}

/** A number as a segment: its text as formatted, and where it comes from (none: plain text). */
export function num(text: string, path?: ResultPath): Segment {
  return path ? { text, path } : text;
}

/** A sentence from a template whose values may be text, numbers as segments or segment lists. */
export function say(strings: TemplateStringsArray, ...values: (Segment | Segments)[]): Segments {
  const out: Segments = [];
  const push = (s: Segment) => {
    if (typeof s === 'string') {
      if (s === '') return;
      if (typeof out.at(-1) === 'string') out[out.length - 1] += s;
      else out.push(s);
    } else out.push(s);
  };
  strings.forEach((text, k) => {
    push(text);
    if (k < values.length) for (const v of Array.isArray(values[k]) ? (values[k] as Segments) : [values[k] as Segment]) push(v);
  });
  return out;
}

/** Where a measure lives in the result: 'events', 'harm' or `byCategory.${code}.events` … */
export type MeasureBase = 'events' | 'harm' | `byCategory.${string}.${'events' | 'harm'}`;
const at = <S extends string>(base: MeasureBase | undefined, rest: S) => (base ? (`${base}.${rest}` as ResultPath) : undefined);

/**
 * The one plural rule: "1 month", "2 months", "1,234 arrests", "0.327 arrests", "1 arrest". The
 * noun agrees with the number as printed (a slope of 1.0004 prints "1", so "1 arrest"), and the
 * number can be formatted as an estimate instead of a count.
 */
export function count(n: number, one: string, many = `${one}s`, format: (n: number) => string = formatNumber): string {
  return plain(countParts(n, one, many, format));
}

/** count() with the number as a segment carrying its path. */
export function countParts(n: number, one: string, many = `${one}s`, format: (n: number) => string = formatNumber, path?: ResultPath): Segments {
  const text = format(n);
  // "−1 arrest a month" as "1 arrest": the noun follows the size, whatever the sign.
  return [num(text, path), ` ${/^[−-]?1$/.test(text) ? one : many}`];
}
const months = (w: number) => count(w, 'month');
const monthsParts = (w: number, path?: ResultPath) => countParts(w, 'month', 'months', formatNumber, path);

/** Method's view in words: "uses 24 months and leaves no gap", or "uses 12 months and leaves out 3 months either side of the order" (not "0 months"). */
export function windowGapParts(result: AnalysisResult): Segments {
  const uses = say`The current view uses ${monthsParts(result.window, 'window')}`;
  return result.gap === 0
    ? say`${uses} and leaves no gap around the order.`
    : say`${uses} and leaves out ${monthsParts(result.gap, 'gap')} either side of the order.`;
}

/** Months from … to in words: "month 3", "months 1 and 2", "months 13 to 24". */
export function monthRange(from: number, to: number): string {
  if (from === to) return `month ${formatNumber(from)}`;
  return `months ${formatNumber(from)} ${to === from + 1 ? 'and' : 'to'} ${formatNumber(to)}`;
}

/**
 * The months after the order that the trend is fitted to: "the 24 months" or, with a gap, "months 3
 * to 6"; and with a gap the months left out ("months 1 and 2"), otherwise ''.
 */
export function monthsAfterWords(result: Pick<AnalysisResult, 'window' | 'gap'>): { over: string; leftOut: string } {
  return result.gap > 0
    ? { over: monthRange(result.gap + 1, result.window), leftOut: monthRange(1, result.gap) }
    : { over: `the ${months(result.window)}`, leftOut: '' };
}

/** "a" or "an" before a whole percentage as it is read aloud: an 8%, an 11%, an 18%, an 80–89%. */
export function indefinite(percentText: string): string {
  const n = percentText.replace(/[^0-9]/g, '');
  return /^(8|11|18)$/.test(n) || /^8\d$/.test(n) || /^8\d\d$/.test(n) ? 'an' : 'a';
}

/**
 * A fall (1 − after ÷ before; below 0 a rise) in words, as its three pieces, so that the size can be
 * a handle: ['an ', '8%', ' fall'], ['a ', '7%', ' rise'], or ['a ', '0%', ' change'] when it rounds
 * to nothing. The noun follows the sign and the article the size as read aloud.
 */
export function fallPieces(fall: number): [string, string, string] {
  const size = formatChangeSize(fall);
  const noun = fall === 0 ? 'change' : fall > 0 ? 'fall' : 'rise';
  // A change that rounds to 0% or 100% without being either (formatChangeSize): "a fall of less than 1%".
  if (/ than /.test(size)) return [`a ${noun} of `, size, ''];
  return [`${indefinite(size)} `, size, ` ${noun}`];
}

/** A change with its direction in words, the size a handle: "fell 98%", "rose 33%", "did not change". */
function changeWordsParts(change: number, path: ResultPath): Segments {
  if (change === 0) return ['did not change'];
  return say`${change > 0 ? 'fell' : 'rose'} ${num(formatChangeSize(change), path)}`;
}

/** fallPieces() as text: "an 8% fall", "a 7% rise", "a rise of less than 1%", "a 0% change" (none at all). */
export const fallWords = (fall: number): string => fallPieces(fall).join('');

// The null world's words (How robust is it?: the paragraph, src/lib/robustness.ts, and the
// figure's caption, src/charts/nullWorld.ts, say them alike).

/** After the number of simulated cohorts with no arrests before: " had no arrests before, so no fall, and is left out". */
export const droppedTail = (dropped: number): string => ` had no arrests before, so no fall, and ${dropped === 1 ? 'is' : 'are'} left out`;

/** The simulated cohorts that did at least as well as the observed change: for a rise, a smaller rise or any fall. */
export const atLeastWords = (observed: number): string => (observed < 0 ? 'rose no more than that, or fell' : 'fell at least as much');

/** "a 56% fall", "an 83% fall", "a 28% rise", "no change", "a rise from none to 3". */
export function changeWords(m: Measure): string {
  return plain(changeParts(m));
}

export function changeParts(m: Measure, base?: MeasureBase): Segments {
  if (m.reduction === null) return m.post > 0 ? say`a rise from none to ${num(formatNumber(m.post), at(base, 'post'))}` : ['no change (none before or after)'];
  if (m.post === m.pre) return ['no change'];
  const size = formatChangeSize(m.reduction);
  const noun = m.reduction > 0 ? 'fall' : 'rise';
  // "a 56% fall", but "a fall of less than 1%" (formatChangeSize's words for a size that would round away).
  return /^\d/.test(size) ? say`${indefinite(size)} ${num(size, at(base, 'reduction'))} ${noun}` : say`a ${noun} of ${num(size, at(base, 'reduction'))}`;
}

/**
 * The change in large type, short: "56% fewer" arrests, "83% less" harm, "28% more", "no change",
 * "up from none". The percentage is a handle to the measure's reduction.
 */
export function changeShortParts(m: Measure, base: MeasureBase, fewer = 'fewer'): Segments {
  // Nothing before and nothing after: nothing to compare, as the sentences say ("no change" read as a result beside "harm cannot be compared", a reviewer).
  if (m.reduction === null) return m.post > 0 ? ['up from none'] : ['none before or after'];
  if (m.post === m.pre) return ['no change'];
  return say`${num(formatChangeSize(m.reduction), at(base, 'reduction'))} ${m.reduction > 0 ? fewer : 'more'}`;
}

/** "fell", "rose" or "did not change". */
export function verb(m: Measure): string {
  return m.post < m.pre ? 'fell' : m.post > m.pre ? 'rose' : 'did not change';
}

/** "a", "a and b", "a, b and c" (or "a, b or c" with `last` = 'or'). */
export function listWords(items: readonly string[], last = 'and'): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${last} ${items.at(-1)}`;
}

export function categoryList(result: AnalysisResult): string {
  const names = result.categories.map((c) => result.categoryNames[c].toLowerCase());
  return names.length === 0 ? 'no categories' : listWords(names);
}

/**
 * The whole view in words, for the printout's view line and the downloads' heading: "12 months
 * before and after, violence and drugs, leaving out the 1 month either side of the order, harm from
 * the harm index's low weights, with the paired test as R 4.5 and earlier". Each part of the view
 * is named, so a printout read away from the screen says which numbers it holds.
 */
export function viewWords(result: AnalysisResult): string {
  const gap = result.gap > 0 ? `, leaving out the ${count(result.gap, 'month')} either side of the order` : '';
  const weights = result.weights !== 'data' ? `, harm from the harm index's ${result.weights} weights` : '';
  const test = result.wilcoxon === 'legacy' ? 'R 4.5 and earlier' : 'current R';
  return `${count(result.window, 'month')} before and after, ${categoryList(result)}${gap}${weights}, with the paired test as ${test}`;
}

export function isEmpty(result: AnalysisResult): boolean {
  return result.categories.length === 0;
}

export const EMPTY_VIEW = 'No offence category is selected, so there is nothing to count. Choose at least one category to see the results.';

/**
 * A 95% interval for a reduction, as printed: "47% to 69%". One wholly below zero is a rise, and is
 * said again as one (an analyst's rise of 106% read "−155% to −67%"): "−155% to −67%, that is a rise
 * of 67% to 155%". One that runs from below zero to above is said in words too (a police leader
 * could not read "−22% to 88%"): "−22% to 88%, that is from a rise of 22% to a fall of 88%". The
 * handle stays the reduction's interval, as its derivation and R give it.
 */
export function intervalParts(ci: [number, number], path?: ResultPath): Segments {
  const interval = num(formatInterval(ci), path);
  // ending at no change exactly (a re-check, on a reader's own data): "−20% to 0%, that is from a rise of 20% to no change"
  if (ci[0] < 0 && formatPercent(ci[0]) !== '0%' && formatPercent(ci[1]) === '0%') return [interval, `, that is from a rise of ${formatPercent(-ci[0])} to no change`];
  if (ci[0] < 0 && ci[1] > 0 && formatPercent(ci[0]) !== '0%' && formatPercent(ci[1]) !== '0%') {
    return [interval, `, that is from a rise of ${formatPercent(-ci[0])} to a fall of ${formatPercent(ci[1])}`];
  }
  if (ci[1] >= 0 || formatPercent(ci[1]) === '0%') return [interval];
  return [interval, `, that is a rise of ${formatInterval([-ci[1], -ci[0]])}`];
}

/**
 * Below this many arrests before the orders, a view holds too little to read a change from: the
 * headline says so in words (a window of 1 month has about 10, and its interval runs from −200% to 50%).
 */
export const FEW_ARRESTS = 20;

/** After a shift in seriousness read from the point estimates, on fewer than FEW_ARRESTS arrests before the orders. */
export const restsOnFew = (e: Measure): Segments => say`, but with only ${countParts(e.pre, 'arrest', 'arrests', formatNumber, 'events.pre')} before the orders that rests on very few`;

/** Where the engine gives no interval it says why (Measure.bootstrap.reason); the page says it too. */
export function noIntervalReason(m: Measure): string {
  return m.bootstrap.reason ?? 'the bootstrap gives none for these data';
}

/**
 * A change with no 95% interval that counts against it: one where there was something to bound,
 * some change and something left after the orders. With nothing after, every resample falls by
 * 100%, and the interval is left out because it adds nothing, not because the fall is in doubt.
 */
export const missingInterval = (m: Measure): boolean => m.ci === null && m.reduction !== null && m.post !== 0 && m.post !== m.pre;

/** The interval as a table cell shows it: "47% to 69%", or "none: <the reason>". */
export function intervalCell(m: Measure): string {
  return m.ci ? formatInterval(m.ci) : m.reduction === null ? formatInterval(null) : `none: ${noIntervalReason(m)}`;
}

/** " (95% interval for the reduction 47% to 69%)", " (no 95% interval: <reason>)", or nothing if there is no change to bound. */
function intervalClause(m: Measure, base: 'events' | 'harm'): Segments {
  if (m.reduction === null || m.post === m.pre) return [];
  if (m.ci) return say` (95% interval for the reduction ${intervalParts(m.ci, `${base}.ci`)})`;
  return [` (no 95% interval: ${noIntervalReason(m)})`];
}

/**
 * The warning a thin view needs, in plain words, or '' when there are enough arrests:
 * "Only 10 arrests before the orders in this view: too few to read much into, so read the change and
 * its interval as a rough indication at best."
 */
export function fewArrestsWarning(result: AnalysisResult): string {
  const e = result.events;
  if (isEmpty(result) || e.pre >= FEW_ARRESTS || e.pre === 0) return '';
  // Without an interval, the headline has already said why there is none (the engine's reason):
  // the warning does not give a second, different one.
  if (!e.ci) return `Only ${count(e.pre, 'arrest')} before the orders in this view, so read the change as a rough indication at best.`;
  // Not "too wide": at ?w=5&c=other the interval is 42% to 95%, clear of no change, and still rests on 16 arrests.
  return `Only ${count(e.pre, 'arrest')} before the orders in this view: too few to read much into, so read the change and its interval as a rough indication at best.`;
}

/** ", leaving out the 3 months either side of it (months 4 to 12 either side analysed)" when the view has a gap, else nothing: after "… before and after each order". */
export const gapWords = (result: AnalysisResult): string => (result.gap
  ? `, leaving out the ${count(result.gap, 'month')} either side of it (${result.gap + 1 === result.window ? `month ${result.window}` : `months ${result.gap + 1} to ${result.window}`} either side analysed)`
  : '');

/** The headline: volume before and after, the change with its interval, and harm. */
export function headline(result: AnalysisResult): string {
  return plain(headlineParts(result));
}

export function headlineParts(result: AnalysisResult): Segments {
  if (isEmpty(result)) return [EMPTY_VIEW];
  const { events: e } = result;
  const warning = fewArrestsWarning(result);
  const { before, after, which } = periodParts(result);
  // "were 5 … and 5 …, no change", not "did not change from 5 to 5".
  const counts = e.post === e.pre
    ? say`were ${num(formatNumber(e.pre), 'events.pre')} in ${before} before the order and ${num(formatNumber(e.post), 'events.post')} in ${after} after`
    : say`${verb(e)} from ${num(formatNumber(e.pre), 'events.pre')} in ${before} before the order to ${num(formatNumber(e.post), 'events.post')} in ${after} after`;
  return say`Across the ${num(formatNumber(result.orders), 'orders')} analysed ${result.orders === 1 ? 'order' : 'orders'}, arrests for ${categoryList(result)} ${counts}${which}, ${changeParts(e, 'events')}${intervalClause(e, 'events')}; ${harmClause(result)}${warning ? ` ${warning}` : ''}`;
}

/**
 * The months a view compares, for "from 210 in the 24 months before the order to 93 in the 24
 * months after": `before` and `after` ("the 24 months"; with a gap, "the 21 months analysed") and,
 * with a gap, which months those are (`which`: " (months 4 to 24 either side, leaving out the 3
 * months nearest the order)"), so that no total reads as the whole window's. The window and the
 * gap are handles; the months analysed, W − gap, are derived and plain text.
 */
export function periodParts(result: Pick<AnalysisResult, 'window' | 'gap'>): { before: Segments; after: Segments; which: Segments } {
  if (result.gap === 0) {
    const w = monthsParts(result.window, 'window');
    return { before: say`the ${w}`, after: say`the ${w}`, which: [] };
  }
  const analysed = `the ${months(result.window - result.gap)} analysed`;
  const from = result.gap + 1;
  const range = from === result.window
    ? say`month ${num(formatNumber(result.window), 'window')}`
    : say`months ${formatNumber(from)} ${result.window === from + 1 ? 'and' : 'to'} ${num(formatNumber(result.window), 'window')}`;
  return {
    before: [analysed],
    after: [analysed],
    which: say` (${range} either side, leaving out the ${countParts(result.gap, 'month', 'months', formatNumber, 'gap')} nearest the order)`,
  };
}

function harmClause(result: AnalysisResult): Segments {
  const h = result.harm;
  if (h.reduction === null) {
    return [result.events.pre === 0 ? 'with no arrests before the orders, there is no harm before them to compare with either.' : 'there was no recorded harm before the orders to compare with.'];
  }
  if (h.post === h.pre) return ['total harm did not change.'];
  return say`total harm ${verb(h)} by ${num(formatChangeSize(h.reduction), 'harm.reduction')}${intervalClause(h, 'harm')}.`;
}

/** Harm before and after, in a sentence: "Total harm fell by 83%, from 32,424.5 to 5,577 harm days." */
export function harmChange(result: AnalysisResult): string {
  return plain(harmChangeParts(result));
}

export function harmChangeParts(result: AnalysisResult): Segments {
  if (isEmpty(result)) return [EMPTY_VIEW];
  const h = result.harm;
  const span = say`from ${num(formatNumber(h.pre), 'harm.pre')} to ${num(formatNumber(h.post), 'harm.post')} harm days`;
  if (h.reduction === null) {
    return result.events.pre === 0
      ? say`There were no arrests before the orders in this view, so there is no harm before them to compare with (${span}).`
      : say`There was no recorded harm before the orders in this view (${span}).`;
  }
  if (h.post === h.pre) return say`Total harm did not change (${span}).`;
  return say`Total harm ${verb(h)} by ${num(formatChangeSize(h.reduction), 'harm.reduction')}, ${span}.`;
}

/** Whether a paired test found a difference, in words, with its p-value (and Holm's, if any). */
export function significance(m: Measure, name = 'the change', measure: 'events' | 'harm' = 'events'): string {
  return plain(significanceParts(m, name, undefined, 'current', measure));
}

export function significanceParts(m: Measure, name = 'the change', base?: MeasureBase, rule: WilcoxonRule = 'current', measure: 'events' | 'harm' = 'events'): Segments {
  const p = m.test.p;
  if (p === null) return [`${capitalise(name)} cannot be tested: ${m.test.reason ?? 'the test has no answer for these data'}.`];
  // Every difference zero: current R gives V = 0 and p = 1 (an exact test over no ranks), R 4.5 and
  // earlier no p at all. Either way there is nothing to test, and the sentence says so under both
  // rules (a reviewer at ?gap=23&c=modern_slavery: "not significant (p = 1)" beside "no change to weigh").
  if (m.test.n === 0) return [`${capitalise(name)} cannot be tested: no one's count changed, so there is nothing to rank (R 4.6 reports V = 0 and p = 1 for this).`];
  const holm = m.test.pAdjusted ?? null;
  const adjusted = holm !== null ? say`; ${pEqualsParts(holm, at(base, 'test.pAdjusted'), 'Holm-adjusted p')}` : [];
  const stat = say`Wilcoxon signed-rank V = ${num(formatNumber(m.test.V), at(base, 'test.V'))}, ${pEqualsParts(p, at(base, 'test.p'))}${adjusted}`;
  if (p >= ALPHA) return say`${capitalise(name)} is not statistically significant at the 5% level (${stat}).`;
  const against = leansAgainstTotal(m, rule, measure, base);
  // A significant test beside an interval that takes in no change is a weak signal, said as the
  // Overview's answer says it (?w=12&c=drugs: p = 0.0329, interval −10% to 78%), not a bare "significant".
  // (Not where the test leans against the total: that sentence already says the test is not about the total.)
  // No interval at all (too few people with an arrest) is as weak, as the Overview says of the same
  // test (a statistician at ?w=2&gap=1&c=violence: "significant" here, "uncertain" there).
  const weak = plain(against) !== '.' ? []
    : m.ci && includesNoChange(m.ci) ? say` But the 95% interval for the reduction, ${intervalParts(m.ci, at(base, 'ci'))}, takes in no change, so it is a weak signal at best.`
      : missingInterval(m) ? [` But there is no 95% interval: ${noIntervalReason(m)}; so it is a weak signal at best.`]
        // On few arrests, as the Overview and the verdicts say it (a sweep: 2,944 views firm here, weak there).
        : measure === 'events' && m.pre < FEW_ARRESTS ? [` But it rests on only ${count(m.pre, 'arrest')} before the orders, so it is a weak signal at best.`] : [];
  if (holm !== null && holm >= ALPHA) {
    return say`${capitalise(name)} is statistically significant on its own but not after adjusting for testing several categories (${stat})${against}${weak}`;
  }
  return say`${capitalise(name)} is statistically significant (${stat})${against}${weak}`;
}

/** A significant test that points, by rank, the other way from its total (or at an unchanged total): leansAgainstTotal's case. */
export function pointsAgainstTotal(m: Measure, rule: WilcoxonRule): boolean {
  if (m.test.p === null || m.test.p >= ALPHA) return false;
  const lean = wilcoxonLean(m.test, rule);
  return lean !== 0 && lean !== Math.sign(m.pre - m.post);
}

/**
 * The end of a significant test's sentence: "." when the test leans the way the totals moved, and
 * otherwise which way it points. The test ranks each person's change by size, so many small falls
 * can outweigh a few large rises (or the reverse) while the totals move the other way: a
 * significant p is then evidence of the direction the ranks lean, not of the change in the total.
 */
function leansAgainstTotal(m: Measure, rule: WilcoxonRule, measure: 'events' | 'harm', base?: MeasureBase): Segments {
  const lean = wilcoxonLean(m.test, rule);
  const total = Math.sign(m.pre - m.post); // +1: the total fell
  if (lean === 0 || lean === total) return ['.'];
  const [to, over] = lean > 0 ? ['falls', 'the falls outweigh the rises'] : ['rises', 'the rises outweigh the falls'];
  const fewer = measure === 'harm' ? 'less' : 'fewer';
  // The counts are the sign test's (each opens its derivation); the rises are n − fewer, said in words.
  const people = countParts(m.sign.n, 'person', 'people', formatNumber, at(base, 'sign.n'));
  const ranked = say`the test ranks each person's change by size, and by rank ${over} (${num(formatNumber(m.sign.fewer), at(base, 'sign.fewer'))} of the ${people} whose ${measure === 'harm' ? 'harm' : 'arrests'} changed had ${fewer} after)`;
  if (total === 0) return say`, although the total did not change: ${ranked}.`;
  const n = total > 0 ? m.sign.fewer : m.sign.n - m.sign.fewer;
  const carried = total > 0 ? num(formatNumber(n), at(base, 'sign.fewer')) : formatNumber(n);
  const those = n === 1 ? say`the ${carried} ${total > 0 ? 'fall' : 'rise'} was` : say`the ${carried} ${total > 0 ? 'falls' : 'rises'} were`;
  return say`, but it points to ${to} while the total ${total > 0 ? 'fell' : 'rose'}: ${ranked}; ${those} large enough to carry the total ${total > 0 ? 'down' : 'up'}.`;
}

/** "p = 0.0071" as a label and a number segment: only the number is the handle. */
export function pEqualsParts(p: number | null, path?: ResultPath, label = 'p'): Segments {
  const text = formatPEquals(p);
  const m = /^p( = |\u00a0)(.*)$/.exec(text);
  if (!m) return [text];
  return [`${label}${m[1]}`, num(m[2], path)];
}

/** The post-order trend of monthly totals, as slope and Kendall's tau. */
export function trendSentence(result: AnalysisResult, which: 'events' | 'harm'): string {
  return plain(trendParts(result, which));
}

/** The trend after the order; `brief` (Conclusions) leaves out Kendall's τ, which Trends gives. */
export function trendParts(result: AnalysisResult, which: 'events' | 'harm', brief = false): Segments {
  if (isEmpty(result)) return [EMPTY_VIEW];
  const t: Trend = result.trend[which];
  const what = which === 'events' ? 'monthly arrests' : 'monthly harm';
  // No line (one month).
  if (t.slope === null) return [`The trend in ${what} after the order cannot be estimated: ${t.reason ?? 'too few months'}.`];
  // A slope of floating-point noise (2.5e-17, which prints as 0) is level, as an exact 0 is: "rose by 0 arrests" read as a rise (an analyst, own data at ?w=6).
  const flat = noStep(t.slope);
  const direction = flat ? 'stayed level' : t.slope < 0 ? 'declined' : 'rose';
  const size = (n: number) => formatEstimate(n);
  const by = flat
    ? []
    : say` by ${which === 'events' ? countParts(Math.abs(t.slope), 'arrest', 'arrests', size, `trend.${which}.slope`) : countParts(Math.abs(t.slope), 'harm day', 'harm days', size, `trend.${which}.slope`)} a month on average`;
  const sig = t.p === null ? null
    : t.p < ALPHA && !flat ? `a statistically significant ${t.slope < 0 ? 'downward' : 'upward'} trend`
      : 'not a statistically significant trend';
  const kendall = brief || t.tau === null || t.tauP === null
    ? []
    : say` Kendall's τ = ${num(formatEstimate(t.tau, 2), `trend.${which}.tau`)} (${pEqualsParts(t.tauP, `trend.${which}.tauP`)}): ${t.tauP < ALPHA ? `later months tend to be ${t.tau < 0 ? 'lower' : 'higher'}` : 'no significant tendency for later months to be higher or lower'}.`;
  // With a gap the months fitted are W − K, a derived count, so they are plain text, not the window's handle.
  const analysed = result.window - result.gap;
  const few = analysed >= FEW_MONTHS ? []
    : result.gap > 0 ? [` With only ${months(analysed)} analysed after the order, these tests say little.`]
      : say` With only ${monthsParts(result.window, 'window')} after the order, these tests say little.`;
  const { over, leftOut } = monthsAfterWords(result);
  const lead = result.gap > 0 ? [`Over ${over} after the order (${leftOut} left out)`] : say`Over the ${monthsParts(result.window, 'window')} after the order`;
  // A line with nothing to test it against (two months, or months exactly on it): its slope and
  // Kendall's τ are still said, as the other windows say them (a reviewer: ?w=2 gave neither).
  // (Conclusions' brief version quotes no test here, so it does not say that "these tests say little".)
  if (sig === null) return say`${lead}, ${what} ${direction}${by}, but the trend cannot be tested: ${t.reason ?? 'the line has nothing to test it against'}.${kendall}${brief ? [] : few}`;
  return say`${lead}, ${what} ${direction}${by}: ${sig} (straight-line fit, ${pEqualsParts(t.p, `trend.${which}.p`)}).${kendall}${few}`;
}

export function correlationSentence(result: AnalysisResult): string {
  return plain(correlationParts(result));
}

/** Monthly arrests against monthly harm; `brief` (Conclusions) leaves out Spearman's ρ, which Trends gives. */
export function correlationParts(result: AnalysisResult, brief = false): Segments {
  if (isEmpty(result)) return [EMPTY_VIEW];
  const { pearson, spearman } = result.correlation;
  if (pearson.r === null || pearson.p === null) return [`Monthly arrests and monthly harm cannot be correlated: ${pearson.reason ?? 'one of them does not vary'}.`];
  const stats = say`Pearson r = ${num(formatEstimate(pearson.r, 2), 'correlation.pearson.r')}, ${pEqualsParts(pearson.p, 'correlation.pearson.p')}`;
  const rho = brief || spearman.rho === null ? [] : say` Spearman's ρ = ${num(formatEstimate(spearman.rho, 2), 'correlation.spearman.rho')} (${pEqualsParts(spearman.p, 'correlation.spearman.p')}).`;
  // The months analysed (2 × window, less any gap): a derived count, shown as plain text.
  // "the 48 months analysed (24 before and 24 after)": the window is months each side, so "the 48 months of the window" misread.
  const side = result.monthly.length / 2;
  const over = `Across the ${months(result.monthly.length)} analysed (${side} before and ${side} after the order${result.gap > 0 ? `, leaving out ${months(result.gap)} either side` : ''})`;
  if (pearson.p < ALPHA && pearson.r !== 0) {
    return say`${over}, months with more arrests tend to have ${pearson.r > 0 ? 'more' : 'less'} harm: a ${pearson.r > 0 ? 'positive' : 'negative'}, statistically significant correlation (${stats}).${rho}`;
  }
  // The ranks can agree where the values do not line up (?w=12&c=drugs: r = 0.37, p = 0.0734; ρ = 0.74,
  // p < 0.001): said, so that the two results do not read as a contradiction.
  const ranks = !brief && spearman.rho !== null && spearman.p !== null && spearman.p < ALPHA && spearman.rho !== 0
    ? ` Spearman's ρ compares the months' ranks rather than their values: by rank, months with more arrests do have ${spearman.rho > 0 ? 'more' : 'less'} harm, though not along a straight line.`
    : '';
  return say`${over}, there is no statistically significant linear relationship between monthly arrests and monthly harm (${stats}).${rho}${ranks}`;
}

/** Whether a 95% interval for a reduction takes in no change (runs from a rise, or none, to a fall). */
export const includesNoChange = (ci: [number, number] | null): boolean => ci !== null && ci[0] <= 0 && ci[1] >= 0;

/**
 * Whether a change in harm is too uncertain to read a shift in seriousness from: its paired test
 * is not significant, or its 95% interval for the reduction runs from a rise to a fall. Then the
 * words say what the point estimates suggest, and that the harm change is uncertain, with the numbers.
 */
/**
 * Harm fell more (or less) than arrests by the point estimates, but one fall's 95% interval takes in
 * the other fall (harm's reaching to the arrests' fall, or the arrests' to harm's): the two are not
 * clearly apart. A conservative reading of the gap, from the intervals the page shows, not a test of
 * the difference itself. Which interval does so, and the words that say it, or null. Both ways: a
 * copy-editor found a smaller fall in harm said as certain at ?c=violence&weights=high (harm 44%,
 * interval 18% to 66%; arrests 50%), where the larger one was hedged.
 */
export function harmGapUnclear(e: Measure, h: Measure): Segments | null {
  if (e.reduction === null || h.reduction === null || h.reduction === e.reduction) return null;
  const harmMore = h.reduction > e.reduction;
  const reaches = (ci: [number, number], other: number, down: boolean) => (down ? ci[0] <= other : ci[1] >= other);
  if (h.ci !== null && reaches(h.ci, e.reduction, harmMore)) return say`the 95% interval for the fall in harm, ${intervalParts(h.ci, 'harm.ci')}, takes in the fall in arrests`;
  // (a re-check at ?gap=2&c=violence,drugs,other: harm 67%, arrests 55% with an interval to 69%)
  if (e.ci !== null && reaches(e.ci, h.reduction, !harmMore)) return say`the 95% interval for the fall in arrests, ${intervalParts(e.ci, 'events.ci')}, takes in the fall in harm`;
  return null;
}

export function harmUncertain(h: Measure): boolean {
  const p = h.test.p;
  const spans = includesNoChange(h.ci);
  // No interval (too few people with any harm): nothing says how far the point estimate can be trusted.
  // (Not where there was nothing after the orders: every resample then falls by 100%, and the interval
  // is left out because it adds nothing, not because the fall is in doubt; a statistician at
  // ?w=2&gap=1&c=violence found the Overview calling that change uncertain and Results significant.)
  const none = missingInterval(h);
  return p === null || p >= ALPHA || spans || none;
}

/**
 * What makes the harm change uncertain (harmUncertain), with the overall harm's handles, so that it
 * never reads as contradicting a significance said beside it: " (95% interval for the reduction −34%
 * to 78%, p = 0.146)" when both say so; otherwise the one that does, against the other: " (p = 0.0156,
 * but no 95% interval: only 6 people …)", " (the 95% interval for the reduction, −7% to 99%, includes
 * no change, although the paired test gives p = 0.00257)", " (the paired test cannot tell it from
 * chance, p = 0.0625, although the 95% interval for the reduction, 85% to 98%, is clear of no change)".
 */
export function harmUncertainty(h: Measure, rule: WilcoxonRule = 'current'): Segments {
  const p = h.test.p;
  const pText = p === null ? [] : pEqualsParts(p, 'harm.test.p');
  const untested = p === null ? `no paired test: ${h.test.reason ?? 'the test has no answer for these data'}` : '';
  if (!h.ci) {
    const none = `no 95% interval: ${noIntervalReason(h)}`;
    // "but" only where p would otherwise read as a clear result; a large p and no interval agree (a reviewer: "p = 0.938, but no 95% interval").
    return p === null ? [` (${none}; ${untested})`] : say` (${pText}, ${p < ALPHA ? 'but' : 'and'} ${none})`;
  }
  const interval = intervalParts(h.ci, 'harm.ci');
  if (p === null) return say` (95% interval for the reduction ${interval}, but ${untested})`;
  const spans = includesNoChange(h.ci);
  if (spans && p < ALPHA) {
    // A test that leans against the total (by rank, falls while the total rose) backs neither the
    // change nor its absence: said as such, not as "although the test gives p", which read as support
    // for the change (?w=7&c=violence,other&gap=3: harm rose 9%, 16 of 21 people had less after).
    const lean = wilcoxonLean(h.test, rule);
    const total = Math.sign(h.pre - h.post);
    if (lean !== 0 && lean !== total) {
      return say` (the 95% interval for the reduction, ${interval}, takes in no change, and the paired test, ${pText}, points by rank to ${lean > 0 ? 'falls' : 'rises'}, not to the ${total > 0 ? 'fall in the total' : total < 0 ? 'rise in the total' : 'unchanged total'})`;
    }
    return say` (the two checks disagree: the 95% interval for the reduction, ${interval}, takes in no change, although the paired test gives ${pText})`;
  }
  // An end within half a percentage point of 0 (0.0024 at ?w=7&gap=5, printed "0.2%") is only just clear of no change: said so.
  const touches = Math.abs(h.ci[0]) < 0.005 || Math.abs(h.ci[1]) < 0.005;
  if (!spans) return say` (the two checks disagree: the paired test cannot tell it from chance, ${pText}, although the 95% interval for the reduction, ${interval}, ${touches ? 'only just stays clear of no change' : 'is clear of no change'})`;
  return say` (95% interval for the reduction ${interval}, ${pText})`;
}

/** Which measure fell more, in words (the article: "greater on crime harm than on volume"). */
export function harmVersusVolume(result: AnalysisResult): string {
  return plain(harmVersusVolumeParts(result));
}

/**
 * After Conclusions' comparison of harm with arrests, where harm fell clearly more than arrests (as
 * harmVersusVolumeParts reads them, not "about the same"): that is partly what orders sought after
 * serious arrests would show anyway, as Results explains under Harm. Said only then: after a smaller
 * fall in harm, or a rise, it stood beside a sentence saying the opposite (a re-check at ?c=violence&gap=3).
 */
export function harmSelectionParts(result: AnalysisResult): Segments {
  if (isEmpty(result)) return [];
  const { events: e, harm: h } = result;
  if (e.reduction === null || h.reduction === null || !(e.reduction > 0 && h.reduction > e.reduction)) return [];
  if (aboutTheSame(h.reduction, e.reduction, formatReductionInWords)) return [];
  return ['A larger fall in harm than in arrests is partly what the way orders are sought would produce, with or without an effect: Results explains why, under Harm.'];
}

/**
 * Falls in harm and in arrests within this much of each other (5 percentage points) are "about the
 * same": no shift in seriousness is read from them (?w=12&c=violence,drugs&gap=3&weights=high:
 * harm fell 37%, arrests 36%, and harm per arrest went from 168 to 166.5 days).
 */
export const SAME_FALL = 0.05;

/** Two changes that read as "about the same": equal as `format` prints them, or within SAME_FALL of each other. */
export const aboutTheSame = (a: number, b: number, format: (x: number) => string = formatPercent): boolean =>
  format(a) === format(b) || Math.abs(a - b) < SAME_FALL;

export function harmVersusVolumeParts(result: AnalysisResult): Segments {
  if (isEmpty(result)) return [EMPTY_VIEW];
  const { events: e, harm: h } = result;
  if (e.reduction === null || h.reduction === null) return ['Arrests and harm cannot both be compared in this view.'];
  // A fall as the sentences beside it say it ("more than 99%", not "99.8%" after "fell by more than 99%").
  const epText = formatReductionInWords(e.reduction);
  const hpText = formatReductionInWords(h.reduction);
  const ep = num(epText, 'events.reduction');
  const hp = num(hpText, 'harm.reduction');
  if (e.reduction > 0 && h.reduction > 0) {
    if (aboutTheSame(h.reduction, e.reduction, formatReductionInWords)) return say`Harm and arrests fell by about the same proportion (${hp} and ${ep}).`;
    const [size, harmful] = h.reduction > e.reduction ? ['larger', 'less'] : ['smaller', 'more'];
    // As the Overview says it: a shift in seriousness read from an uncertain change in harm is the point estimates' only.
    if (harmUncertain(h)) {
      return say`The fall in harm (${hp}) is ${size} than the fall in arrests (${ep}): the point estimates suggest that the arrests that remained after the orders were, on average, for ${harmful} harmful offences, but the change in harm is uncertain${harmUncertainty(h, result.wilcoxon)}.`;
    }
    // On few arrests, the shift in seriousness is the point estimates' too (a statistician at ?w=8&c=drugs:
    // 19 arrests, harm per arrest after against before 0.50, with a bootstrap interval from 0.01 to 1.03).
    if (e.pre < FEW_ARRESTS) {
      return say`The fall in harm (${hp}) is ${size} than the fall in arrests (${ep}): the point estimates suggest that the arrests that remained after the orders were, on average, for ${harmful} harmful offences${restsOnFew(e)}.`;
    }
    // Harm's interval reaching down to the fall in arrests: the gap between the two is not clear
    // (a statistician's bootstrap of the gap at ?w=6&c=violence ran from −26 to +56 points).
    const overlap = harmGapUnclear(e, h);
    if (overlap) {
      return say`The fall in harm (${hp}) is ${size} than the fall in arrests (${ep}), but ${overlap}, so the point estimates' suggestion that the arrests that remained were for ${harmful} harmful offences is not clear.`;
    }
    return say`The fall in harm (${hp}) is ${size} than the fall in arrests (${ep}): the arrests that remained after the orders were, on average, for ${harmful} harmful offences.`;
  }
  // Harm fell and arrests did not: the article's finding holds, as the verdict on Conclusions says.
  if (h.reduction > 0) {
    // Within SAME_FALL of no change in arrests, as the verdict reads it (a sweep: "harm fell 1%, arrests did not change").
    if (aboutTheSame(h.reduction, e.reduction, formatReductionInWords)) return say`Harm and arrests changed by about the same proportion (${hp} and ${ep}).`;
    if (!harmUncertain(h) && e.pre < FEW_ARRESTS) {
      return say`Harm fell by ${hp} while arrests show ${changeParts(e, 'events')}: the point estimates put the fall in harm alone, so that the arrests after the orders were, on average, for less harmful offences${restsOnFew(e)}.`;
    }
    return harmUncertain(h)
      ? say`Harm fell by ${hp} while arrests show ${changeParts(e, 'events')}: the point estimates put the fall in harm alone, so that the arrests after the orders were, on average, for less harmful offences, but the change in harm is uncertain${harmUncertainty(h, result.wilcoxon)}.`
      : say`Harm fell by ${hp} while arrests show ${changeParts(e, 'events')}: the fall is in harm alone, so the arrests after the orders were, on average, for less harmful offences.`;
  }
  return say`In this view arrests show ${changeParts(e, 'events')} and harm ${changeParts(h, 'harm')}, so the article's finding that harm fell further than volume does not hold.`;
}

/**
 * The interrupted time series in words (How robust is it?): the slope before the order, the step at
 * it and the change in slope, for arrests and for harm, each with its p; or, where the two lines
 * cannot be fitted (too few months either side), why, instead of a row of "n/a"; and where they fit
 * but cannot be tested (four months for the lines' four numbers, or months exactly on the lines),
 * the estimates and the engine's reason there is no p.
 */
export function itsParts(result: AnalysisResult): Segments {
  if (isEmpty(result)) return [EMPTY_VIEW];
  const { events: e, harm: h } = result.its;
  const est = (v: number, path: ResultPath) => num(formatEstimate(v), path);
  const why = (fit: typeof e) => (fit.reason ? `: ${fit.reason}` : '');
  const unfit = (fit: typeof e) => fit.preSlope === null || fit.level === null || fit.slopeChange === null;
  const untested = (fit: typeof e) => fit.levelP === null || fit.slopeChangeP === null;
  if (unfit(e) && unfit(h) && e.reason === h.reason) return say`The two lines cannot be fitted in this view${why(e)}.`;
  let events: Segments;
  if (e.preSlope === null || e.level === null || e.slopeChange === null) events = say`For arrests, the two lines cannot be fitted in this view${why(e)}.`;
  else {
    // The direction in words, the size as the handle: "rose by 0.258 a month", "stepped down by 4.02
    // arrests" (a step in the monthly count, not a rate: it happens once, at the order).
    // With its p, so that a slope its test cannot tell from flat is not read as a trend (a sweep: "rose by
    // 0.0595 a month" at ?w=8&c=drugs, p = 0.819, beside "no clear trend").
    const preP = noStep(e.preSlope) ? [] : e.preSlopeP === null ? [' (untested)'] : say` (${preSlopePParts(e, 'events')}${unclearPreSlope(e) ? ', not a clear trend' : ''})`;
    const before = say`Before the order, arrests ${slopeWords(e.preSlope, 'its.events.preSlope')}${preP}.`;
    // A step of floating-point noise (formatEstimate's 0) is no step: "stepped down by 0 arrests" read as one.
    const step = noStep(e.level) ? say`did not step (a step of ${num('0', 'its.events.level')})` : say`stepped ${e.level < 0 ? 'down' : 'up'} by ${countParts(Math.abs(e.level), 'arrest', 'arrests', formatEstimate, 'its.events.level')}`;
    events = untested(e)
      ? say`${before} At the order, the fitted line of monthly arrests ${step}, and its slope changed by ${est(e.slopeChange, 'its.events.slopeChange')} a month, but neither can be tested (no p-value)${why(e)}.`
      : say`${before} At the order, the fitted line of monthly arrests ${step} (${pEqualsParts(e.levelP, 'its.events.levelP')}${hacParts(e.levelPHac, 'its.events.levelPHac')}), and its slope changed by ${est(e.slopeChange, 'its.events.slopeChange')} a month (${pEqualsParts(e.slopeChangeP, 'its.events.slopeChangeP')}${hacParts(e.slopeChangePHac, 'its.events.slopeChangePHac')}).`;
  }
  let harm: Segments;
  if (h.preSlope === null || h.level === null || h.slopeChange === null) harm = say`For harm, the two lines cannot be fitted in this view${why(h)}.`;
  else if (untested(h)) {
    // The same reason as arrests' (the same months) is not said twice.
    const because = !unfit(e) && untested(e) && e.reason === h.reason ? ', for the same reason' : why(h);
    harm = say`For harm: a pre-order slope of ${est(h.preSlope, 'its.harm.preSlope')} a month, a step of ${est(h.level, 'its.harm.level')} and a change in slope of ${est(h.slopeChange, 'its.harm.slopeChange')}, none of which can be tested${because}.`;
  } else harm = say`For harm: a pre-order slope of ${est(h.preSlope, 'its.harm.preSlope')} a month${h.preSlopeP === null || noStep(h.preSlope) ? '' : say` (${preSlopePParts(h, 'harm')}${unclearPreSlope(h) ? ', not a clear trend' : ''})`}, a step of ${est(h.level, 'its.harm.level')} (${pEqualsParts(h.levelP, 'its.harm.levelP')}${hacParts(h.levelPHac, 'its.harm.levelPHac')}) and a change in slope of ${est(h.slopeChange, 'its.harm.slopeChange')} (${pEqualsParts(h.slopeChangeP, 'its.harm.slopeChangeP')}${hacParts(h.slopeChangePHac, 'its.harm.slopeChangePHac')}).`;
  return [...events, ' ', ...harm, ...gapStepWords(result)];
}

/**
 * The interrupted time series as counts (How robust is it?), for arrests and for harm: the step at the
 * order as a ratio, with its 95% interval and p; the month-on-month ratio before and after the order
 * and the change between them, with its interval and p. A ratio beyond a thousandfold, or whose
 * interval spans more (across a gap, say), is not printed: the view cannot pin it down, and its
 * direction is said only where the interval leaves no doubt of it. Then the variance of
 * arrests against Poisson counts, what the p-values do not allow for, and where the two models' steps
 * disagree, how: opposite directions, or p-values either side of 0.05 (both models' p-values given, the
 * straight lines' with its Newey–West p, so that nothing here contradicts the verdict in "In short").
 * Where the log lines cannot be fitted (a side of the order with nothing in any month, say), the
 * engine's reason.
 */
export function itsCountParts(result: AnalysisResult): Segments {
  if (isEmpty(result)) return [];
  const { events: e, harm: h } = result.its;
  const unfit = (fit: typeof e) => fit.levelRatio === null || fit.slopeChangeRatio === null || fit.preSlopeRatio === null || fit.postSlopeRatio === null;
  if (unfit(e) && unfit(h) && e.countReason === h.countReason) return [`This model cannot be fitted in this view${e.countReason ? `: ${e.countReason}` : ''}.`];
  const est = (v: number, path: ResultPath) => num(formatEstimate(v), path);
  const one = (fit: typeof e, which: 'events' | 'harm'): Segments => {
    const noun = which === 'events' ? 'arrests' : 'harm';
    if (unfit(fit)) return say`For ${noun}, this model cannot be fitted in this view${fit.countReason ? `: ${fit.countReason}` : ''}.`;
    const base = `its.${which}` as const;
    const line = which === 'events' ? 'In this model the fitted line of monthly arrests' : 'For harm, the line';
    const slopes = say`month-on-month ratio is ${est(fit.preSlopeRatio!, `${base}.preSlopeRatio`)} before the order and ${est(fit.postSlopeRatio!, `${base}.postSlopeRatio`)} after`;
    if (fit.levelRatioP === null || fit.slopeChangeRatioP === null) {
      // Untested (two months a side): a ratio beyond a thousandfold is no reading of anything.
      if (!ratioReadable(fit.levelRatio!) || !ratioReadable(fit.slopeChangeRatio!)) {
        return say`${line} changes at the order by more than a thousandfold, which with so few months means nothing, and cannot be tested${fit.countReason ? `: ${fit.countReason}` : ''}.`;
      }
      return say`${line} steps at the order to ${est(fit.levelRatio!, `${base}.levelRatio`)} times the line before, and its ${slopes}, a change by a factor of ${est(fit.slopeChangeRatio!, `${base}.slopeChangeRatio`)}; neither can be tested${fit.countReason ? `: ${fit.countReason}` : ''}.`;
    }
    // "(95% interval 0.507 to 1.27; p = 0.336)", or, where the view cannot pin the ratio down, its
    // direction where the interval leaves no doubt of it, and no size.
    const interval = (stem: 'levelRatio' | 'slopeChangeRatio', first: boolean): Segments =>
      say`(${first ? '95% interval ' : ''}${est(fit[`${stem}Low`]!, `${base}.${stem}Low`)} to ${est(fit[`${stem}High`]!, `${base}.${stem}High`)}; ${pEqualsParts(fit[`${stem}P`], `${base}.${stem}P`)})`;
    const stepPinned = ratioPinned(fit, 'levelRatio');
    const stepWay = ratioDirection(fit, 'levelRatio');
    const step = stepPinned
      ? say`${line} steps at the order to ${est(fit.levelRatio!, `${base}.levelRatio`)} times the line before, extended ${interval('levelRatio', true)}.`
      : say`${line} has a step${stepWay === 0 ? '' : stepWay < 0 ? ' down' : ' up'} at the order whose size this view cannot pin down: its 95% interval spans more than a thousandfold (${pEqualsParts(fit.levelRatioP, `${base}.levelRatioP`)}).`;
    const turnWay = ratioDirection(fit, 'slopeChangeRatio');
    const turn = ratioPinned(fit, 'slopeChangeRatio')
      ? say` Its ${slopes}, a change by a factor of ${est(fit.slopeChangeRatio!, `${base}.slopeChangeRatio`)} ${interval('slopeChangeRatio', !stepPinned)}.`
      : say` The change in its month-on-month ratio at the order${turnWay === 0 ? '' : turnWay < 0 ? ', downwards,' : ', upwards,'} cannot be pinned down${stepPinned ? '' : ' either'}: its 95% interval spans more than a thousandfold (${pEqualsParts(fit.slopeChangeRatioP, `${base}.slopeChangeRatioP`)}).`;
    return [...step, ...turn];
  };
  const tested = (fit: typeof e) => !unfit(fit) && fit.levelRatioP !== null;
  const gap = result.gap > 0 && (tested(e) || tested(h)) ? [' As with the straight lines, the step is measured at the order itself, with both lines carried across the months left out.'] : [];
  const dispersion: Segments = !tested(e) || e.dispersion === null || e.dispersion === 0 ? []
    : say` The variance of monthly arrests about these lines is ${num(formatEstimate(e.dispersion), 'its.events.dispersion')} times that of Poisson counts (the dispersion), and the intervals and p-values allow for it, though not for a busy month following a busy month: like the straight lines' first p-values, they treat the months as independent.`;
  // Where the two models' steps disagree: opposite ways (one of them with p below 0.05), or on either
  // side of 0.05. The straight lines' step counts as below 0.05 as "In short" reads it, only when its
  // ordinary and its Newey–West p both are; both p-values are given.
  const differ = (['events', 'harm'] as const).flatMap((which): Segments => {
    const fit = result.its[which];
    if (fit.level === null || fit.levelP === null || !tested(fit) || fit.levelRatioP === null) return [];
    const noun = which === 'events' ? 'arrests' : 'harm';
    const straightWay = noStep(fit.level) ? 0 : Math.sign(fit.level);
    const proportionalWay = ratioDirection(fit, 'levelRatio');
    const straightBelow = fit.levelP < ALPHA && fit.levelPHac !== null && fit.levelPHac < ALPHA;
    const straightP = say`${pEqualsParts(fit.levelP, `its.${which}.levelP`)}${hacParts(fit.levelPHac, `its.${which}.levelPHac`)}`;
    const proportionalP = pEqualsParts(fit.levelRatioP, `its.${which}.levelRatioP`);
    if (straightWay !== 0 && proportionalWay !== 0 && straightWay !== proportionalWay && (straightBelow || fit.levelRatioP < ALPHA)) {
      return say` The two models' steps in ${noun} point opposite ways (the straight lines' ${straightWay < 0 ? 'down' : 'up'}, ${straightP}; the proportional one ${proportionalWay < 0 ? 'down' : 'up'}, ${proportionalP}), so neither reads the step in this view reliably.`;
    }
    if (straightBelow === fit.levelRatioP < ALPHA) return [];
    // "In the slope instead" only where the slope moves the same way as the straight lines' step, clearly.
    const inSlope = straightBelow && straightWay !== 0 && ratioDirection(fit, 'slopeChangeRatio') === straightWay && fit.slopeChangeRatioP !== null && fit.slopeChangeRatioP < ALPHA;
    return say` The two models' steps in ${noun} fall either side of ${String(ALPHA)}: the straight lines' p-values are ${straightBelow ? 'both below' : 'not both below'} it (${straightP}), the proportional step's ${fit.levelRatioP < ALPHA ? 'is below' : 'is not'} (${proportionalP})${inSlope ? '; as a proportion, the change shows in the slope instead' : ''}.`;
  });
  return [...one(e, 'events'), ' ', ...one(h, 'harm'), ...gap, ...dispersion, ...differ];
}

/** A ratio of the model of counts that reads as one: within a thousandfold of 1 either way. */
export const ratioReadable = (ratio: number): boolean => ratio >= 1e-3 && ratio <= 1e3;

/**
 * Whether the view pins a ratio of the model of counts down: tested, readable, and with a 95% interval
 * whose ends are within a thousandfold of each other (across a gap, or in a few months, they can span
 * 1e-66 to 1e81).
 */
export function ratioPinned(fit: AnalysisResult['its']['events'], stem: 'levelRatio' | 'slopeChangeRatio'): boolean {
  const [ratio, low, high] = [fit[stem], fit[`${stem}Low`], fit[`${stem}High`]];
  return ratio !== null && low !== null && high !== null && ratioReadable(ratio) && high / low <= 1e3;
}

/** The way a ratio points where its 95% interval leaves no doubt of it: −1 down, 1 up, 0 not known (an end beyond a double is 0 or ∞). */
export function ratioDirection(fit: AnalysisResult['its']['events'], stem: 'levelRatio' | 'slopeChangeRatio'): -1 | 0 | 1 {
  const [ratio, low, high, p] = [fit[stem], fit[`${stem}Low`], fit[`${stem}High`], fit[`${stem}P`]];
  if (ratio === null || p === null) return 0;
  if (ratioPinned(fit, stem)) return formatEstimate(ratio) === '1' ? 0 : ratio < 1 ? -1 : 1;
  if (high !== null && high < 1) return -1;
  if (low !== null && low > 1) return 1;
  return 0;
}

/**
 * With months left out around the order, where the step is measured: at the order itself (month 0),
 * where neither line has data, so both are carried across the months left out; said, as a step
 * measured there rests on the lines' slopes as much as on the months either side.
 */
function gapStepWords(result: AnalysisResult): string[] {
  if (result.gap === 0 || result.its.events.level === null) return [];
  return [` With ${result.gap === 1 ? 'the month' : `the ${months(result.gap)}`} either side of the order left out, the step is measured at the order itself, where neither line has data: both lines are carried across the months left out, so the step rests on their slopes as well as on the months either side.`];
}

/** A step of the time series that formatEstimate shows as 0 (floating-point noise included) is no step. */
export const noStep = (level: number): boolean => formatEstimate(Math.abs(level)) === '0';

/** A monthly slope in words, its size the handle: "rose by 0.258 a month", "fell by 0.1 a month", "did not change". */
function slopeWords(slope: number, path: ResultPath): Segments {
  if (noStep(slope)) return ['did not change']; // a fitted slope of 1e-15 is no slope: it prints as 0
  return say`${slope > 0 ? 'rose' : 'fell'} by ${num(formatEstimate(Math.abs(slope)), path)} a month`;
}

/** After an ordinary p of the time series: "; allowing for autocorrelation, p = 0.0486" (Newey–West), or nothing without one. */
function hacParts(p: number | null, path: ResultPath): Segments {
  return p === null ? [] : say`; allowing for autocorrelation, ${pEqualsParts(p, path)}`;
}

/**
 * The slope of the line fitted to the months before the orders (Conclusions, regression to the mean):
 * a rise there is what selection after a busy spell would leave; where no line can be fitted, why.
 */
export function preTrendParts(result: AnalysisResult): Segments {
  if (isEmpty(result)) return []; // the page's other sentences say there is nothing to count
  const e = result.its.events;
  if (e.preSlope === null) return say`In this view, no line can be fitted to the months before the orders${e.reason ? `: ${e.reason}` : ''}.`;
  if (noStep(e.preSlope)) return say`In this view, the line fitted to the months before the orders is flat.`;
  const by = say`${e.preSlope > 0 ? 'rises' : 'falls'} by ${countParts(Math.abs(e.preSlope), 'arrest', 'arrests', formatEstimate, 'its.events.preSlope')} a month`;
  if (e.preSlopeP === null) return say`In this view, the line fitted to the months before the orders ${by}, but it cannot be tested, so it shows no clear trend before the orders.`;
  const p = preSlopePParts(e, 'events');
  return clearPreSlope(e)
    ? say`In this view, the line fitted to the months before the orders ${by} (${p}).`
    : say`In this view, the line fitted to the months before the orders ${by}, but not clearly (${p}): the months show no clear trend before the orders.`;
}

/**
 * Whether the line before the order clearly rises or falls: a slope that is not floating-point
 * noise and whose t-test is below 0.05. A statistician found the pages asserting a falling line at
 * ?w=8&c=drugs (slope −6 a month, p = 0.91) and a rising one at ?w=21&c=other (p = 0.97); such a
 * line is said to show no clear trend, with its p.
 */
export const clearPreSlope = (fit: AnalysisResult['its']['events']): boolean =>
  fit.preSlope !== null && !noStep(fit.preSlope) && fit.preSlopeP !== null && fit.preSlopeP < ALPHA && (fit.preSlopePHac === null || fit.preSlopePHac < ALPHA);

/** A slope before the order that was tested and is not clear: one of its p-values (ordinary or Newey–West) is 0.05 or more. */
const unclearPreSlope = (fit: AnalysisResult['its']['events']): boolean =>
  fit.preSlope !== null && !noStep(fit.preSlope) && fit.preSlopeP !== null && !clearPreSlope(fit);

/**
 * The p-values of the slope before the order, as the step's are given: "p = 0.00204; allowing for
 * autocorrelation, p = 0.011" (a peer reviewer: the trend before was given only the ordinary p, which
 * the page itself calls too small). A trend before the order is a reason for caution, not a finding,
 * so it is said where both are below 0.05; the stricter 0.01 is for the changes at the order, which
 * are the findings (the time series' notes and captions say both rules).
 */
function preSlopePParts(fit: AnalysisResult['its']['events'], which: 'events' | 'harm'): Segments {
  return [...pEqualsParts(fit.preSlopeP!, `its.${which}.preSlopeP`), ...hacParts(fit.preSlopePHac, `its.${which}.preSlopePHac`)];
}

/**
 * "How robust is it?"'s summary of the time series, in one sentence: whether monthly arrests were
 * already rising or falling before the order (by the slope's own test), and whether the step at the
 * order is clear by the rule itsStepParts gives in full (both p-values below 0.05, in a series of at
 * least HAC_SHORT_SERIES months). Its numbers are handles; the section gives the detail.
 */
export function trendInShortParts(result: AnalysisResult): Segments {
  if (isEmpty(result)) return [];
  const e = result.its.events;
  if (e.preSlope === null || e.level === null) return say`The time series cannot be fitted in this view${e.reason ? `: ${e.reason}` : ''}.`;
  const rising = clearPreSlope(e) && e.preSlope > 0;
  const falling = clearPreSlope(e) && e.preSlope < 0;
  const before = noStep(e.preSlope) ? ['Before the order, monthly arrests were flat']
    : e.preSlopeP === null ? ['Before the order, the trend in monthly arrests cannot be tested']
      : clearPreSlope(e) ? say`Before the order, monthly arrests were already ${rising ? 'rising' : 'falling'} (${preSlopePParts(e, 'events')}${seriesMonths(result) < HAC_SHORT_SERIES ? `, though in ${formatNumber(seriesMonths(result))} months these p-values may be too small` : ''})`
        : say`Before the order, monthly arrests show no clear trend (${preSlopePParts(e, 'events')})`;
  // The model of counts beside it, where it was tested: its step and the change in its month-on-month
  // ratio, as a second reading of the same months (the size only where the view pins it down).
  const stepWay = ratioDirection(e, 'levelRatio');
  const asCounts: Segments = e.levelRatio === null || e.levelRatioP === null || e.slopeChangeRatioP === null || e.preSlopeRatio === null || e.postSlopeRatio === null ? []
    : !ratioPinned(e, 'levelRatio')
      ? say` In a model of counts, this view cannot pin the step's size down${stepWay === 0 ? '' : `, though it is a step ${stepWay < 0 ? 'down' : 'up'}`} (${pEqualsParts(e.levelRatioP, 'its.events.levelRatioP')}).`
      : say` In a model of counts, which treats the months as independent, the line steps to ${num(formatEstimate(e.levelRatio), 'its.events.levelRatio')} times the line before (${pEqualsParts(e.levelRatioP, 'its.events.levelRatioP')}), and its month-on-month ratio goes from ${num(formatEstimate(e.preSlopeRatio), 'its.events.preSlopeRatio')} before the order to ${num(formatEstimate(e.postSlopeRatio), 'its.events.postSlopeRatio')} after (${pEqualsParts(e.slopeChangeRatioP, 'its.events.slopeChangeRatioP')} for the change).`;
  // With a gap the step is a projection across months with no data, said here as in the section (a
  // peer reviewer: "not a clear step (p = 0.601)" at ?gap=6, where the months either side fell from
  // 7.17 to 2.50), whichever branch says the step, and the model of counts' step is one too.
  const acrossGap = result.gap > 0 ? `; with ${result.gap === 1 ? 'the month' : `${months(result.gap)}`} either side left out, the step is the two lines carried across months with no data, so it rests on their slopes as much as on the months` : '';
  if (noStep(e.level)) return [...before, `; at the order, the fitted line shows no step${acrossGap}.`, ...asCounts];
  const size = num(formatEstimate(Math.abs(e.level)), 'its.events.level');
  // singular by the number as printed ("1.00 arrests" from a step of 1.0000000000000142 read oddly beside "1.00 arrest")
  // A one-off step in the level, not a slope (a reviewer read "drops by 4.02 arrests a month" as one).
  const moves = say`at the order, the fitted line of monthly arrests ${e.level < 0 ? 'steps down' : 'steps up'} by ${size} ${formatEstimate(Math.abs(e.level)) === '1' ? 'arrest' : 'arrests'} (a one-off change in the monthly count)`;
  if (e.levelP === null) return [...before, '; ', ...moves, `, but the step cannot be tested${acrossGap}.`, ...asCounts];
  const short = seriesMonths(result) < HAC_SHORT_SERIES;
  const bothBelow = e.levelP < ALPHA && e.levelPHac !== null && e.levelPHac < ALPHA;
  const clear = bothBelow && !short;
  const onlyJust = clear && Math.max(e.levelP, e.levelPHac!) >= 0.01;
  // Why a step is not clear, said where the reader sees the verdict (a police leader read "only just
  // clear" at 48 months and "not a clear step" at 24 with much the same p-values): the series is too
  // short to rely on its p-values, or one of them is 0.05 or more (the larger is given).
  const larger: Segments = e.levelPHac !== null && e.levelPHac >= e.levelP ? say`allowing for autocorrelation, ${pEqualsParts(e.levelPHac, 'its.events.levelPHac')}` : pEqualsParts(e.levelP, 'its.events.levelP');
  const verdict: Segments = clear ? (onlyJust ? say`, not a clear step: its p-values are below 0.05, but only just (${larger}), and in ${formatNumber(seriesMonths(result))} autocorrelated months such tests find a step that is not there more often than 1 time in 20` : [', a clear step'])
    : bothBelow ? [`, not a clear step: its p-values are below 0.05, but ${formatNumber(seriesMonths(result))} months are too few to rely on them`]
      : e.levelPHac === null ? [', not a clear step'] : say`, not a clear step (${larger})`;
  const why = rising && e.level < 0 ? '; a rise before the order, as a busy spell before it would give, makes a drop look larger'
    : falling ? '; a fall already under way before the order could have carried on without it' : '';
  return [...before, '; ', ...moves, ...verdict, acrossGap, `${why}.`, ...asCounts];
}

/** The months the time series is fitted to: the window either side, less the months left out. */
function seriesMonths(result: AnalysisResult): number {
  return 2 * (result.window - result.gap);
}

/**
 * The interrupted time series' step at the order for arrests, in one sentence (Conclusions), with
 * what its p-value leaves out: the months are not independent, so the p is too small, and a line
 * before the order that rises (as a busy spell before orders would make it) makes the step look
 * larger. Where the step was fitted but cannot be tested, the engine's reason there is no p.
 */
export function itsStepParts(result: AnalysisResult, which: 'events' | 'harm' = 'events'): Segments {
  if (isEmpty(result)) return [];
  const e = result.its[which];
  const unit = which === 'events' ? 'in monthly arrests' : 'in monthly harm (harm days)';
  if (e.level === null) return say`In this view the time series cannot be fitted${e.reason ? `: ${e.reason}` : ''}.`;
  // The step as the fit gives it, its direction in words and its size the handle: "a drop of 4.02 in
  // monthly arrests" (a step in the monthly count, once, at the order; not a rate a month).
  const size = num(formatEstimate(Math.abs(e.level)), `its.${which}.level`);
  const flat = noStep(e.level);
  const step = flat ? say`no step (${size}) ${unit}` : say`a ${e.level < 0 ? 'drop' : 'rise'} of ${size} ${unit}`;
  if (e.levelP === null) return say`In this view the time series finds ${step} at the order, but it cannot be tested${e.reason ? `: ${e.reason}` : ''}.${gapStepWords(result)}`;
  // A line before the order that rises (as a busy spell before orders would make it) continues high
  // past the order, so a drop at the order looks larger, and a rise smaller, than the months show.
  const rising = clearPreSlope(e) && e.preSlope! > 0 && !flat
    ? `; and the line before the order rises, perhaps because orders follow a busy spell, which makes ${e.level < 0 ? 'the drop look larger' : 'the rise look smaller'} than it would without that spell`
    : '';
  const p = pEqualsParts(e.levelP, `its.${which}.levelP`);
  if (e.levelPHac === null) {
    return e.levelP < ALPHA
      ? say`In this view the time series finds ${step} at the order (${p}), but that p-value treats the months as independent, and where a busy month tends to follow a busy month it is too small and the step less certain than it looks${rising}.${gapStepWords(result)}`
      : say`In this view the time series finds ${step} at the order (${p}), not a clear step, and that p-value treats the months as independent, so where a busy month tends to follow a busy month it is if anything too small${rising}.${gapStepWords(result)}`;
  }
  // The ordinary p treats the months as independent; the Newey–West p allows for a busy month following a busy month.
  const hac = pEqualsParts(e.levelPHac, `its.${which}.levelPHac`);
  const [plain, robust] = [e.levelP < ALPHA, e.levelPHac < ALPHA];
  const months = seriesMonths(result);
  const short = months < HAC_SHORT_SERIES;
  // Between 0.01 and 0.05 is said as only just below, naming which reading puts it there: allowing for
  // the correlation can make the p smaller as well as larger (?w=15: 0.031 independent, 0.0113 Newey–West).
  const larger = Math.max(e.levelP, e.levelPHac);
  // Only just below is not called clear: in series of this length these tests find a step that is not
  // there more often than the 5% they promise (a statistician's simulation of this fit at the study's
  // autocorrelation: 14.6% of true nulls below 0.05 by Newey–West, 10.4% treating the months as independent).
  const justUnder = larger >= 0.01 ? `below ${ALPHA} either way, though only just ${e.levelPHac >= e.levelP ? 'once their correlation is allowed for' : 'when the months are treated as independent'}; in ${months} autocorrelated months such tests find a step that is not there more often than 1 time in 20, so not a clear step` : 'a clear step either way';
  const verdict = plain && robust ? (short ? `both p-values are below ${ALPHA}, but with only ${months} months neither can be relied on, so not a clear step` : justUnder)
    // Below 0.05 on one reading only is not clear on the page's own rule (both below 0.01): a peer
    // reviewer found "clear when the months are treated as independent" beside that rule.
    : plain ? `below ${ALPHA} only when the months are treated as independent, not once their correlation is allowed for, so not a clear step`
      // Never clear on the Newey–West p alone: in series this short it comes out too small (a
      // reviewer's simulation of this very test: 17% of true nulls rejected at 30 months, 12% at 48).
      : robust ? (short ? `not clear when the months are treated as independent; the Newey–West p-value is below ${ALPHA}, but with only ${months} months it cannot be relied on` : `not clear when the months are treated as independent; the Newey–West p-value is below ${ALPHA}, but in a series of ${months} months it tends to come out too small, so not a clear step`)
        : 'not a clear step either way';
  return say`In this view the time series finds ${step} at the order (${p} treating the months as independent; ${hac} allowing for a busy month tending to follow a busy month, with Newey–West standard errors): ${verdict}${rising}.${gapStepWords(result)}`;
}

/**
 * After "The monthly totals are fitted with a straight line before the order and another after it":
 * what to bear in mind reading the fit's p-values and its dashed line, said only when a line was
 * fitted (otherwise there are no p-values and no dashed line, and itsParts has said why). Whether
 * the line before the order rises is the fit's own: a rise, which a busy spell before orders would
 * give, makes the dashed line "what would have happened" flatter the order.
 */
export function itsNotesParts(result: AnalysisResult): Segments {
  if (isEmpty(result)) return [];
  const fitted = (fit: AnalysisResult['its']['events']) => fit.preSlope !== null && fit.level !== null && fit.slopeChange !== null;
  const { events: e, harm: h } = result.its;
  if (!fitted(e) && !fitted(h)) return [];
  const tested = (fit: AnalysisResult['its']['events']) => fitted(fit) && fit.levelP !== null && fit.slopeChangeP !== null;
  const lag = (tested(e) ? e.hacLag : null) ?? (tested(h) ? h.hacLag : null);
  // The lag is a number with its derivation (Newey and West's rule from the series' length), the fit's whose lag is said.
  const lagPath: ResultPath = tested(e) && e.hacLag !== null ? 'its.events.hacLag' : 'its.harm.hacLag';
  const pValues: Segments = !(tested(e) || tested(h)) ? []
    : lag === null
      ? ['Monthly counts of the same people can be autocorrelated, a busy month tending to follow a busy month. These p-values assume the months are independent, so where they are not, the p-values are too small and the step and the change of slope less certain than they look. ']
      : say`Monthly counts of the same people can be autocorrelated, a busy month tending to follow a busy month. The first p-value of each pair assumes the months are independent; the second, from Newey–West standard errors, lets each month's error be correlated with those of the ${lag === 1 ? 'month' : say`${num(formatNumber(lag), lagPath)} months`} before it${seriesMonths(result) < HAC_SHORT_SERIES
        ? `. With only ${seriesMonths(result)} months in the series, Newey–West standard errors are themselves too small (they are meant for long series), so neither p-value can be relied on here. `
        : `. It is meant for long series, and in one of this length it still tends to come out too small (where nothing changed, a test at 0.05 would find a step more often than 1 time in 20), and other reasonable ways of allowing for the correlation give other values; so it is a second opinion, not the answer, and a step is clear only when both p-values are below 0.01 (between 0.01 and 0.05 it is only just below, too near for tests that find steps where there are none this often; in a series of fewer than ${HAC_SHORT_SERIES} months, not even then). A trend before the order is a reason for caution rather than a finding, so it is said where both are below 0.05. `}${result.gap > 0 ? `The months left out around the order are skipped: month −${result.gap + 1} and month ${result.gap + 1} count as neighbours. ` : ''}`;
  // A slope that prints as 0 (floating-point noise where the months give none) is flat.
  const sloped = (fit: AnalysisResult['its']['events'], sign: 1 | -1) => fitted(fit) && clearPreSlope(fit) && Math.sign(fit.preSlope!) === sign;
  // A slope its test cannot tell from flat is said as no clear trend, with its p (a handle).
  const unclear = ([['arrests', e, 'events'], ['harm', h, 'harm']] as const)
    .filter(([, fit]) => fitted(fit) && unclearPreSlope(fit));
  // Slopes that cannot be tested (two months a side): neither a trend nor flat (a sweep found "flat"
  // beside "rose by 2.00 a month" at ?w=2&c=modern_slavery).
  const untestedSlopes = [fitted(e) && !noStep(e.preSlope!) && e.preSlopeP === null ? 'arrests' : '', fitted(h) && !noStep(h.preSlope!) && h.preSlopeP === null ? 'harm' : ''].filter(Boolean);
  const rises = [sloped(e, 1) ? 'arrests' : '', sloped(h, 1) ? 'harm' : ''].filter(Boolean);
  // A line that falls is said to fall, with what it means: a decline under way before the orders, which
  // one straight line through both periods can fit as well as a break at the order (?gap=6). "The fall
  // after them" only for a measure that fell; one that did not is measured against the decline.
  const fell = { arrests: result.events.post < result.events.pre, harm: result.harm.post < result.harm.pre };
  const falls = [sloped(e, -1) ? 'arrests' : '', sloped(h, -1) ? 'harm' : ''].filter(Boolean) as ('arrests' | 'harm')[];
  const fallsFell = falls.filter((m) => fell[m]);
  const fallsNot = falls.filter((m) => !fell[m]);
  const line = [
    rises.length > 0 ? `In this view the line before the order rises for ${listWords(rises)}.` : '',
    fallsFell.length > 0 ? `In this view the line before the order falls for ${listWords(fallsFell)}: ${fallsFell.length === 1 ? 'it was' : 'both were'} already declining before the orders, so the fall after them may be partly that decline carrying on; the step and the change of slope measure what comes on top of it.` : '',
    fallsNot.length > 0 ? `In this view the line before the order falls for ${listWords(fallsNot)}, though ${listWords(fallsNot)} did not fall after the orders: the step and the change of slope measure the change against that decline.` : '',
  ].filter(Boolean).join(' ');
  const noTrend: Segments = unclear.length === 0 ? []
    : say`${line ? ' ' : ''}In this view the line before the order slopes, but not clearly, for ${unclear.length === 2 ? say`arrests (${preSlopePParts(unclear[0][1], unclear[0][2])}) and harm (${preSlopePParts(unclear[1][1], unclear[1][2])})` : say`${unclear[0][0]} (${preSlopePParts(unclear[0][1], unclear[0][2])})`}: the months show no clear trend before the orders.`;
  const cannot = untestedSlopes.length === 0 ? '' : `${line || unclear.length > 0 ? ' ' : ''}In this view the line before the order slopes for ${listWords(untestedSlopes)}, but cannot be tested, so it shows no clear trend before the orders.`;
  const said = line || unclear.length > 0 || cannot ? say`${line}${noTrend}${cannot}` : ['In this view the line before the order is flat.'];
  return say`${pValues}The dashed line continues the line before the order past it, as what would have happened without the order, which is itself an assumption. If orders are sought after a busy spell, the months just before them are high, which tilts that line upwards, and continuing a line tilted that way makes the order look better than it is. ${said}`;
}

/**
 * How far leaving one person out moves a measure's reduction, in words that follow its sign: a fall
 * throughout reads "between 54% and 59%" (or "at 56%" when the two ends read the same), a rise
 * throughout gives the rise's size the same way ("between 12% and 38%", the smaller first), and a
 * range that crosses no change reads "from a rise of 12% to a fall of 20%". An analyst whose arrests
 * rose read "the reduction in arrests between −38% and 0%". Each end keeps its derivation.
 */
type LooKind = 'fall' | 'rise' | 'mixed';
function looKind(min: number, max: number): LooKind {
  return min > 0 ? 'fall' : max < 0 ? 'rise' : 'mixed';
}
function rangeParts(min: number, max: number, base: 'events' | 'harm'): Segments {
  const minPath = `leaveOneOut.${base}.min` as const;
  const maxPath = `leaveOneOut.${base}.max` as const;
  const kind = looKind(min, max);
  if (kind === 'mixed') {
    return say`from ${changeOf(min, minPath)} to ${changeOf(max, maxPath)}`;
  }
  // A rise's smaller size is at the max (the reduction nearest zero).
  const [lowValue, lowPath, highValue, highPath] = kind === 'fall' ? [min, minPath, max, maxPath] : [-max, maxPath, -min, minPath];
  const lo = formatPercent(lowValue);
  const hi = formatPercent(highValue);
  if (lo === hi) return say`at ${num(lo, lowPath)}`;
  return say`between ${num(lo, lowPath)} and ${num(hi, highPath)}`;
}

/** A reduction as a change in words, its size the handle: "a fall of 20%", "a rise of 38%" or "no change". */
function changeOf(x: number, path: ResultPath): Segments {
  return x === 0 ? ['no change'] : say`a ${x > 0 ? 'fall' : 'rise'} of ${num(formatPercent(Math.abs(x)), path)}`;
}

/** "the reduction in", "the rise in" or "the change in", for the kind of range rangeParts words. */
function looNoun(kind: LooKind): string {
  return kind === 'fall' ? 'reduction' : kind === 'rise' ? 'rise' : 'change';
}

/** Why there is no leave-one-out range for a measure: its words after "as". */
function noRangeWhy(result: AnalysisResult, which: 'events' | 'harm'): string {
  if (result.events.pre === 0) return 'there were no arrests before the orders';
  return which === 'harm' ? 'there was no recorded harm before the orders' : 'no one can be left out and leave arrests before the orders';
}

/** The people with anything in a measure, before or after (the bootstrap's contributors, src/analysis/reduction.ts). */
function contributors(result: AnalysisResult, which: 'events' | 'harm'): number {
  const [pre, post] = which === 'events' ? (['eventsPre', 'eventsPost'] as const) : (['harmPre', 'harmPost'] as const);
  return result.perOrder.filter((o) => o[pre] !== 0 || o[post] !== 0).length;
}

/**
 * Why leaving one person out says little where fewer than MIN_CONTRIBUTORS people have any arrest
 * (the bootstrap's own guard): each of them is a large share of the total, so the range says no more
 * than that: "only 2 people have any arrest, fewer than 10, the fewest the report reads a bootstrap
 * interval or this range from" (the same guard as the bootstrap's, said as the report's own rule).
 */
function fewContributorsWords(result: AnalysisResult, which: 'events' | 'harm'): string | null {
  const k = contributors(result, which);
  if (k >= MIN_CONTRIBUTORS) return null;
  const have = k === 1 ? 'person has' : 'people have';
  return `only ${formatNumber(k)} ${have} any ${which === 'events' ? 'arrest' : 'recorded harm'}, fewer than ${formatNumber(MIN_CONTRIBUTORS)}, the fewest the report reads a bootstrap interval or this range from`;
}

/**
 * Leave-one-out on "How robust is it?": how far the overall reduction moves when each analysed
 * person is left out in turn, for arrests and for harm; where there is no reduction to move, why;
 * and where too few people have any arrest for the range to mean much, that instead.
 */
export function leaveOneOutParts(result: AnalysisResult): Segments {
  if (isEmpty(result)) return [EMPTY_VIEW];
  const { events: e, harm: h } = result.leaveOneOut;
  if (e.min === null || e.max === null || result.events.reduction === null) {
    return [`Leaving each person out in turn has nothing to move in this view: ${noRangeWhy(result, 'events')}, so there is no reduction in arrests to begin with.`];
  }
  const few = fewContributorsWords(result, 'events');
  if (few) return [`Leaving each person out in turn says little in this view: ${few}, so each of them is a large part of the total, and how far the reduction moves without one of them shows only that.`];
  const fewHarm = fewContributorsWords(result, 'harm');
  const kind = looKind(e.min, e.max);
  const harmKind = h.min === null || h.max === null ? null : looKind(h.min, h.max);
  const harm = h.min === null || h.max === null
    ? [`; harm has no reduction to move, as ${noRangeWhy(result, 'harm')}`]
    : fewHarm ? [`; for harm it says little, as ${fewHarm}`]
      : harmKind === kind ? say`; for harm, ${rangeParts(h.min, h.max, 'harm')}`
        : say`; harm's ${looNoun(harmKind!)} ${harmKind === 'mixed' ? 'runs' : 'stays'} ${rangeParts(h.min, h.max, 'harm')}`;
  const reduction = result.events.reduction;
  const everyone = kind === 'fall' ? [num(formatPercent(reduction), 'events.reduction')]
    : kind === 'rise' ? [num(formatPercent(-reduction), 'events.reduction')]
      : changeOf(reduction, 'events.reduction');
  return say`Leaving each analysed person out in turn, the overall ${looNoun(kind)} in arrests ${kind === 'mixed' ? 'runs' : 'stays'} ${rangeParts(e.min, e.max, 'events')} (with everyone: ${everyone})${harm}.`;
}

/**
 * The same, as the end of Conclusions' "leaving each person out in turn …": "keeps the reduction in
 * arrests between 54% and 59%", "keeps the rise in arrests between 12% and 38%" or "moves the change
 * in arrests from a rise of 12% to a fall of 20%".
 */
export function leaveOneOutRangeParts(result: AnalysisResult): Segments {
  if (isEmpty(result)) return [];
  const { min, max } = result.leaveOneOut.events;
  if (min === null || max === null) return [`has nothing to move in this view, as ${noRangeWhy(result, 'events')}`];
  const few = fewContributorsWords(result, 'events');
  if (few) return [`says little in this view, as ${few}`];
  const kind = looKind(min, max);
  return say`${kind === 'mixed' ? 'moves' : 'keeps'} the ${looNoun(kind)} in arrests ${rangeParts(min, max, 'events')}`;
}

/**
 * The sign test in words (How robust is it?, beside the specification curve): of the people whose
 * arrests changed, how many had fewer after. Where every one of them fell and the sign test finds
 * that significant, almost any test will, so agreement across tests says more about the data than
 * about the method.
 */
export function signTestParts(result: AnalysisResult): Segments {
  if (isEmpty(result)) return [];
  const s = result.events.sign;
  if (s.n === 0) return ['In this view no one\'s arrests changed between before and after the order, so no test has a fall or a rise to find.'];
  const n = num(formatNumber(s.n), 'events.sign.n');
  const fewer = num(formatNumber(s.fewer), 'events.sign.fewer');
  if (s.n === 1) return say`In this view only ${n} person's arrests changed, and they had ${s.fewer === 1 ? 'fewer' : 'more'} after.`;
  const lead = s.fewer === 0
    ? say`In this view none of the ${n} people whose arrests changed had fewer after`
    : say`In this view ${fewer} of the ${n} people whose arrests changed had fewer after`;
  if (s.fewer === s.n && s.p !== null && s.p < ALPHA) {
    return say`${lead}: with no one rising, almost any test will find a fall, so where the specifications agree, that says more about these data than about the choice of method.`;
  }
  return say`${lead}.`;
}

/** Below half of the register analysed, the sample is said to be "only" that many. */
const ONLY_SHARE = 0.5;

/**
 * Conclusions' "a selected sample": how many orders were analysed out of the register and which were
 * left out (only the groups that hold any), and how much of the arrests before the orders the
 * busiest tenth of the people account for, so that "a few people carry the totals" is the data's
 * to say, not the page's.
 */
export function sampleParts(result: AnalysisResult): Segments {
  const s = result.sample;
  const analysed = num(formatNumber(s.analysed), 'sample.analysed');
  const register = num(formatNumber(s.register), 'sample.register');
  let coverage: Segments;
  if (s.analysed === s.register) {
    coverage = s.register === 1
      ? say`The one order was analysed: it was neither too recent nor left out for unusable data.`
      : say`All ${register} orders were analysed: none was too recent for the follow-up or left out for unusable data.`;
  } else {
    const groups: Segments[] = [];
    if (s.excludedFollowup > 0) groups.push(say`the ${num(formatNumber(s.excludedFollowup), 'sample.excludedFollowup')} ${s.excludedFollowup === 1 ? 'order' : 'orders'} too recent for the follow-up`);
    if (s.excludedData > 0) groups.push(say`the ${num(formatNumber(s.excludedData), 'sample.excludedData')}${groups.length > 0 ? '' : s.excludedData === 1 ? ' order' : ' orders'} with unusable data`);
    const left = groups.length === 2 ? say`${groups[0]} and ${groups[1]}` : groups[0] ?? [];
    const only = s.analysed < ONLY_SHARE * s.register ? 'Only ' : '';
    coverage = say`${only}${analysed} of ${register} orders could be analysed. ${capitaliseParts(left)} might differ from the rest.`;
  }
  if (isEmpty(result)) return coverage;
  const people = countParts(result.orders, 'person', 'people', formatNumber, 'orders');
  if (result.events.pre === 0) return result.orders === 1 ? say`${coverage} In this view the ${people} was not arrested before the order.` : say`${coverage} In this view none of the ${people} was arrested before the order.`;
  // One person is everyone: no tenth to set apart ("Of the 1 person …, the 1 person with the most arrests", an analyst's re-check).
  if (result.orders === 1) return say`${coverage} With only the ${people} in this view, there is no busiest tenth to set apart from the rest.`;
  // The busiest tenth (at least one person) and their share of the arrests before the orders (the engine's: stats/busiestTenth.ts).
  const b = result.busiestTenth;
  const k = num(formatNumber(b.people), 'busiestTenth.people');
  const share = num(formatPercent(b.share!), 'busiestTenth.share');
  // Without them (the people most likely to fall by chance alone), the rest's change; none when the
  // tenth takes in everyone arrested before (some of "the busiest" may then have had no arrest at all).
  const r = b.othersReduction;
  // Fewer people arrested before than the tenth: "the busiest" would be partly people with no arrest
  // at all, picked arbitrarily (a reviewer: "the 4 with the most arrests" where one person had any).
  // Said as it is instead: how few people the arrests before came from.
  const arrested = result.perOrder.filter((p) => p.eventsPre > 0).length;
  if (r === null && arrested < b.people) {
    const few = countParts(arrested, 'person', 'people', formatNumber);
    return say`${coverage} Of the ${people} in this view, only ${few} ${arrested === 1 ? 'was' : 'were'} arrested before the order (${countParts(result.events.pre, 'arrest', 'arrests', formatNumber, 'events.pre')} in all), fewer than the ${k} who make a tenth of them, so the busiest tenth cannot be set apart from the rest.`;
  }
  const everyone = r === null ? ', who include everyone arrested before the order,' : '';
  const busiest = b.people === 1
    ? say`the ${k} person with the most arrests before their order${everyone} accounts`
    : say`the ${k} (${b.people * 10 === result.orders ? 'a tenth' : 'about a tenth'}) with the most arrests before their orders${everyone} account`;
  const them = b.people === 1 ? 'that person' : 'them';
  const others = r === null
    ? say`The others had no arrests before, so there is no change to give for them.`
    : r === 0
      ? say`Without ${them}, the others' arrests did not change.`
      : say`Without ${them}, the others' arrests ${r > 0 ? 'fell' : 'rose'} by ${num(formatChangeSize(r), 'busiestTenth.othersReduction')}.`;
  // People tied at the cut: which of them count as busiest is a choice, and it can move the others' change.
  const [low, high] = [b.othersReductionLow, b.othersReductionHigh];
  const tied = r !== null && low !== null && high !== null && formatPercent(low) !== formatPercent(high)
    ? say` Which of the people tied at the cut count as busiest matters here: ${countParts(b.tiedOut, 'person', 'people', formatNumber, 'busiestTenth.tiedOut')} had as many arrests before as ${b.people === 1 ? 'the one person in the tenth' : 'the last person in the tenth'} but ${b.tiedOut === 1 ? 'was' : 'were'} left out of it, and over every choice the others' arrests ${tiedRange(low, high)}.`
    : [];
  return say`${coverage} Of the ${people} in this view, ${busiest} for ${share} of the ${countParts(result.events.pre, 'arrest', 'arrests', formatNumber, 'events.pre')} before the orders. ${others}${tied}`;
}

/** The others' change over every choice among the tied, in the words of a fall or a rise: "fell by 0% to 50%", "rose by 133% to 200%". */
function tiedRange(low: number, high: number): Segments {
  const lo = num(formatChangeSize(low), 'busiestTenth.othersReductionLow');
  const hi = num(formatChangeSize(high), 'busiestTenth.othersReductionHigh');
  // An end that prints as 0% is no change, not "a fall of 0%" (a sweep: "fell by 0% to 50%").
  if (low >= 0) return formatChangeSize(low) === '0%' ? say`did not change, or fell by up to ${hi}` : say`fell by ${lo} to ${hi}`;
  if (high <= 0) return formatChangeSize(high) === '0%' ? say`did not change, or rose by up to ${lo}` : say`rose by ${hi} to ${lo}`;
  return say`run from a rise of ${lo} to a fall of ${hi}`;
}

/**
 * Results' "person by person": what the view's paired test does with the people whose count did not
 * change, under its rule. Current R with fewer than 50 people ranks them with the rest and then
 * leaves them out of V (Pratt's treatment), so every person shapes the ranks; with 50 or more, and
 * under R 4.5 and earlier, they are set aside before ranking (src/analysis/stats/wilcoxonSignedRank.ts).
 */
export function pairedPeopleParts(result: AnalysisResult): Segments {
  if (isEmpty(result)) return [EMPTY_VIEW];
  const t = result.events.test;
  const people = countParts(result.orders, 'person', 'people', formatNumber, 'orders');
  const same = 'People with the same count before and after (including those never arrested in the window) carry no information about the direction of change.';
  const one = result.orders === 1;
  if (t.zeros === 0) return one ? say`In this view the ${people} has a different count of arrests before and after, so the test uses that one change.` : say`In this view every one of the ${people} has a different count of arrests before and after, so the test uses them all.`;
  if (t.n === 0) return say`${same} In this view ${one ? say`the ${people} has the same count` : say`none of the ${people} has a different count`} of arrests before and after, so the test has no change to weigh.`;
  const zeros = num(formatNumber(t.zeros), 'events.test.zeros');
  const changed = num(formatNumber(t.n), 'events.test.n');
  const pratt = result.wilcoxon === 'current' && result.orders < EXACT_BELOW;
  if (pratt) {
    return say`${same} With fewer than 50 people, the test as current R computes it ranks them with the others and then leaves them out of V (Pratt's treatment), so they still shape the ranks: in this view the test for arrests ranks all ${people}, and the ${zeros} ${t.zeros === 1 ? 'person whose count did not change adds' : 'whose count did not change add'} nothing to V.`;
  }
  const how = result.wilcoxon === 'current'
    ? 'With 50 people or more, the test as current R computes it sets them aside before ranking'
    : 'The test as R 4.5 and earlier computes it sets them aside before ranking';
  return say`${same} ${how}: in this view the test for arrests uses ${changed} of the ${people}, those whose count changed.`;
}

/** The first letter of a sentence's segments in capitals. */
function capitaliseParts(parts: Segments): Segments {
  const [first, ...rest] = parts;
  if (typeof first !== 'string') return parts;
  return [capitalise(first), ...rest];
}

/**
 * The line under the headline numbers: whose arrests, for which categories where not all are in the
 * view (a police leader read "80 (study: 210)" at ?c=violence as violence against the study's violence),
 * over which months (and which are left out).
 */
export function headlineContextParts(result: AnalysisResult): Segments {
  const only = result.categories.length < result.domain.categories.length ? `, for ${categoryList(result)} only,` : '';
  // The harm beside it is the harm index's weights in such a view, not the harm recorded: said, as Results says it (a peer reviewer at ?weights=high).
  const weights = result.weights === 'data' ? '' : ` In this view each arrest's harm is the harm index's ${result.weights} weight for its offence.`;
  return say`Arrests of the ${countParts(result.orders, 'person', 'people', formatNumber, 'orders')} in the analysis${only} in the ${monthsParts(result.window, 'window')} before and after their order${gapWords(result)}.${weights}`;
}

/** The short version the live region reads out after each change. */
export function announcement(result: AnalysisResult): string {
  // Every part of the view that differs from the study's choices is named, so that a change of gap,
  // weights or test (which may leave the counts as they were) is heard too.
  const gap = result.gap > 0 ? `, leaving out ${count(result.gap, 'month')} either side` : '';
  const weights = result.weights !== 'data' ? `, ${result.weights} harm weights` : '';
  const test = result.wilcoxon === 'legacy' ? ', Wilcoxon as R 4.5 and earlier' : '';
  const view = `${months(result.window)}${gap}${weights}${test}`;
  if (isEmpty(result)) return `${view}: no category selected.`;
  return `${view}, ${categoryList(result)}: ${count(result.events.pre, 'arrest')} before, ${formatNumber(result.events.post)} after, ${changeWords(result.events)}; harm: ${changeWords(result.harm)}.`;
}

// ---- the article's claims, checked in the current view

/** The article's claims checked on every view, by id (the names <Say what="verdict:…"> accepts). */
export const CLAIM_IDS = ['events.fell', 'events.significant', 'harm.significant', 'trend.harm', 'trend.events', 'correlation', 'harm.greater'] as const;
export type ClaimId = (typeof CLAIM_IDS)[number];

export interface ClaimCheck {
  id: ClaimId;
  /** The article's claim, in a few words. */
  claim: string;
  holds: boolean | null;
  /**
   * Reproduced, but not firmly: the evidence beside it is thin (arrests fell, but the paired test
   * cannot tell the fall from chance, its interval takes in no change or there is none, or there were
   * fewer than FEW_ARRESTS arrests before; a trend or correlation over fewer than FEW_MONTHS months
   * after the order). Its verdict says so in its first words, and its detail says why.
   */
  weak?: boolean;
  /** What the current view shows, briefly. */
  detail: string;
  /** The same, with its numbers as segments. */
  detailParts: Segments;
}

/** A test that shows a significant fall: p below 0.05, and fewer after than before. */
/**
 * A fall the test backs: the total fell and the test points to falls (by rank, wilcoxonLean). A test
 * significant by rank for rises beside a total that fell (a few large falls, many small rises) is no
 * support for a significant fall, as the specification curve counts it (specificationVerdict.ts).
 */
const backedFall = (m: Measure, rule: WilcoxonRule) => m.post < m.pre && wilcoxonLean(m.test, rule) > 0;
const significantFall = (m: Measure, rule: WilcoxonRule) => m.test.p !== null && m.test.p < ALPHA && backedFall(m, rule);

/**
 * Whether every test shows a significant fall: not where one that can be run does not (whatever
 * the others, such as a category with no arrests to test, which cannot be); cannot be said only
 * where every test that runs shows one and some cannot run.
 */
const allSignificant = (result: AnalysisResult, which: 'events' | 'harm') => {
  const ms = [result[which], ...result.categories.map((c) => result.byCategory[c][which])];
  const run = ms.filter((m) => m.test.p !== null);
  if (!run.every((m) => significantFall(m, result.wilcoxon))) return false;
  return run.length === ms.length ? true : null;
};

export function claimChecks(result: AnalysisResult): ClaimCheck[] {
  const empty = isEmpty(result);
  const { events: e, harm: h, trend, correlation } = result;
  // Harm fell more than arrests, by the point estimates; and whether the harm change is too uncertain to say so.
  // Within SAME_FALL of each other (or equal as printed) the falls are "about the same", as the
  // sentences on the same pages say, not a reproduction of "greater" (?w=4&c=drugs,other: 70% and 70%).
  const aboutSame = e.reduction !== null && h.reduction !== null && aboutTheSame(h.reduction, e.reduction);
  const harmGreater = e.reduction !== null && h.reduction !== null && h.reduction > e.reduction && h.reduction > 0 && !aboutSame;
  const harmGreaterUnsure = harmGreater && harmUncertain(h);
  // Greater, and harm clearly fell, but its interval takes in the fall in arrests: only weakly so.
  const gapUnclear = harmGreater && !harmGreaterUnsure ? harmGapUnclear(e, h) : null;
  const trendHolds = (t: Trend) => (t.slope === null || t.p === null ? null : t.slope < 0 && t.p < ALPHA);
  const sigDetail = (which: 'events' | 'harm'): Segments => {
    // With one category the overall test is that category's (the same people, the same arrests): one test, not two.
    const one = result.categories.length === 1;
    const tests = one ? [result[which]] : [result[which], ...result.categories.map((c) => result.byCategory[c][which])];
    // A test that cannot be run (no arrests to compare) is said apart, not counted as one that failed.
    const untested = tests.filter((m) => m.test.p === null).length;
    const run = tests.length - untested;
    const failing = tests.filter((m) => m.test.p !== null && !significantFall(m, result.wilcoxon)).length;
    const cannot = untested === 0 ? '' : `; ${untested} cannot be run`;
    const verdict = one
      ? `one test, ${untested > 0 ? 'which cannot be run' : failing === 0 ? 'p < 0.05' : 'not a significant fall'}: with one category, the overall test is that category's`
      : failing === 0 ? `${untested === 0 ? 'all ' : ''}${count(run, 'test')} p < 0.05${cannot}`
        : failing === run ? `none of the ${count(run, 'test')} finds a significant fall${cannot}` : `${failing} of the ${run} tests ${failing === 1 ? 'finds' : 'find'} no significant fall${cannot}`;
    // The claim is read as the article reports it, on each test's own p; the Holm-adjusted p across
    // the categories (the Results tables) is said beside it, so the reader knows which was used.
    const adjusted = result.categories.map((c) => result.byCategory[c][which].test.pAdjusted);
    if (one) return [verdict];
    if (adjusted.length < 2 || adjusted.some((p) => p === undefined || p === null)) return [`${verdict}, unadjusted`];
    // No test finds a fall before adjusting: an adjustment, which only raises p-values, has nothing to add (a copy-editor at ?w=1).
    if (failing === run) return [verdict];
    // Nor where no category's own test finds one: Holm's adjustment is across the categories, not the overall test (a re-check at ?w=6&gap=2).
    if (result.categories.every((c) => !significantFall(result.byCategory[c][which], result.wilcoxon))) return [`${verdict}, unadjusted, since the article names no adjustment; no category's own test finds one, so adjusting across them changes nothing`];
    // Only falls count: a significant rise, adjusted or not, is no support for the claim.
    const above = result.categories.filter((c) => { const m = result.byCategory[c][which]; return m.test.pAdjusted! >= ALPHA || !backedFall(m, result.wilcoxon); }).length;
    const n = result.categories.length;
    const holm = above === 0
      ? `every category's Holm-adjusted p is below 0.05 too`
      : `after Holm's adjustment across the ${n} categories, ${above < n ? `${above} of them ${above === 1 ? 'has' : 'have'} no significant fall` : n === 2 ? 'neither has a significant fall' : 'none of them has a significant fall'}`;
    return [`${verdict}, unadjusted, since the article names no adjustment; ${holm}`];
  };
  // Where a statistic cannot be computed, the detail is the engine's reason, not a row of "n/a".
  const trendDetail = (which: 'events' | 'harm') => trend[which].slope === null || trend[which].p === null
    ? [trend[which].reason ?? 'too few months to fit a line']
    : say`slope ${num(formatEstimate(trend[which].slope), `trend.${which}.slope`)}, ${pEqualsParts(trend[which].p, `trend.${which}.p`)}`;
  // Thin evidence, as the sentences beside a verdict call it (the headline's "too few to read much
  // into", the trends' "these tests say little"): the verdict is then only weakly reproduced, and its
  // detail says why.
  const fewArrests = e.pre < FEW_ARRESTS;
  const analysedAfter = result.window - result.gap;
  const shortSeries = analysedAfter < FEW_MONTHS;
  // Why a fall in arrests is thin, the first reason that applies; null for a firm one. It decides the
  // verdict's weakness and is said in its detail, so the two cannot part.
  const thinFall: Segments | null = e.test.p !== null && e.test.p >= ALPHA ? [', not a significant fall']
    // a test significant by rank for rises beside a total that fell backs no fall (as the curve and the claims of significance count it)
    : pointsAgainstTotal(e, result.wilcoxon) ? [', though the test points by rank to rises, not to the fall in the total']
    : e.ci && includesNoChange(e.ci) ? say`, though the 95% interval for the reduction, ${intervalParts(e.ci, 'events.ci')}, takes in no change`
      : fewArrests ? [`, on only ${count(e.pre, 'arrest')} before the orders`]
        : missingInterval(e) ? [`, with no 95% interval: ${noIntervalReason(e)}`] : null;
  const fellWhy = (): Segments => (e.test.p === null ? [] : say`, paired test ${pEqualsParts(e.test.p, 'events.test.p')}${e.post < e.pre ? thinFall ?? [] : ''}`);
  // A monthly series of few arrests is thin too, however many months it spans: an analyst's 3 arrests
  // over 48 months gave "Reproduced (r 0.90, p < 0.001)", from months that were nearly all empty.
  const fewAfter = e.post < FEW_ARRESTS;
  const fewEither = e.pre + e.post < FEW_ARRESTS;
  const shortWords = (fit: boolean) => (!fit ? [] : shortSeries ? [`, on only ${months(analysedAfter)} ${result.gap > 0 ? 'analysed ' : ''}after the order`]
    : fewAfter ? [`, on only ${count(e.post, 'arrest')} after the order`] : []);
  // The claims of significance in every category, graded as the fall is (a statistician at ?w=8&c=drugs:
  // "Arrests fell" only weakly reproduced, "significant in every category" reproduced, for the same
  // 19 arrests). And "every category" is the article's four: with some left out of the view, those
  // are not checked, which the detail says and the grade follows.
  const partial = result.categories.length < result.domain.categories.length;
  const sigThin = (which: 'events' | 'harm'): Segments | null => {
    const m = result[which];
    const out = result.domain.categories.length - result.categories.length;
    // A category whose own sentence on Results calls its significant fall a weak signal (an interval
    // across no change, or none though something was left after) weakens the claim too (a sweep: 416 views).
    const several = result.categories.length >= 2;
    const nameOf = (c: string) => result.categoryNames[c].toLowerCase();
    const across = several ? result.categories.filter((c) => { const ci = result.byCategory[c][which].ci; return ci !== null && includesNoChange(ci); }) : [];
    const without = several ? result.categories.filter((c) => missingInterval(result.byCategory[c][which])) : [];
    const weakWords = [
      across.length > 0 ? `in ${listWords(across.map(nameOf))} the 95% interval for the reduction takes in no change` : '',
      without.length > 0 ? `${listWords(without.map(nameOf))} ${without.length === 1 ? 'has' : 'have'} no 95% interval` : '',
    ].filter(Boolean).join(', and ');
    const holmOut = result.categories.length < 2 ? 0 : result.categories.filter((c) => { const t = result.byCategory[c][which].test; return t.pAdjusted != null && t.pAdjusted >= ALPHA; }).length;
    return m.ci && includesNoChange(m.ci) ? say`; the overall 95% interval for the reduction, ${intervalParts(m.ci, `${which}.ci`)}, takes in no change`
      : fewArrests ? [`; on only ${count(e.pre, 'arrest')} before the orders`]
        : missingInterval(m) ? [`; with no overall 95% interval: ${noIntervalReason(m)}`]
          : weakWords ? [`; ${weakWords}`]
            // Categories with no significant fall after Holm's adjustment: the detail says so already.
            : holmOut > 0 ? ['']
              : partial ? [`; the ${count(out, 'category', 'categories')} not in this view ${out === 1 ? 'is' : 'are'} not checked`] : null;
  };
  // A downward trend by the straight line, and by Kendall's rank test beside it: where the two part,
  // the claim is mixed (a statistician at ?gap=3&weights=low: slope p = 0.119, τ's p = 0.00478).
  const kendallHolds = (t: Trend) => (t.tau === null || t.tauP === null ? null : t.tau < 0 && t.tauP < ALPHA);
  const trendMixed = (t: Trend) => trendHolds(t) !== null && kendallHolds(t) !== null && trendHolds(t) !== kendallHolds(t);
  const trendEither = (t: Trend) => (trendMixed(t) ? true : trendHolds(t));
  const kendallWords = (which: 'events' | 'harm'): Segments => {
    const t = trend[which];
    if (!trendMixed(t)) return [];
    return say`; Kendall's rank test, τ = ${num(formatEstimate(t.tau!, 2), `trend.${which}.tau`)} and ${pEqualsParts(t.tauP!, `trend.${which}.tauP`)}, ${kendallHolds(t) ? 'finds one' : 'does not find one'}: the two tests disagree`;
  };
  const correlationThin = shortSeries ? `, on only ${months(2 * analysedAfter)}` : fewEither ? `, on only ${count(e.pre + e.post, 'arrest')} in ${months(2 * analysedAfter)}` : '';
  const checks: Omit<ClaimCheck, 'detail'>[] = [
    // The totals decide this claim, as the article states it; the paired test's p is beside them, so
    // that a fall of 12 to 3 that the test cannot tell from chance is not read as a firm one.
    { id: 'events.fell', claim: 'Arrests fell after the orders', holds: e.post < e.pre, weak: e.post < e.pre && thinFall !== null, detailParts: say`${num(formatNumber(e.pre), 'events.pre')} → ${num(formatNumber(e.post), 'events.post')}${fellWhy()}` },
    { id: 'events.significant', claim: 'The fall in arrests is significant overall and in every category', holds: allSignificant(result, 'events'), weak: allSignificant(result, 'events') === true && sigThin('events') !== null, detailParts: say`${sigDetail('events')}${allSignificant(result, 'events') === true ? sigThin('events') ?? [] : []}` },
    { id: 'harm.significant', claim: 'The fall in harm is significant overall and in every category', holds: allSignificant(result, 'harm'), weak: allSignificant(result, 'harm') === true && sigThin('harm') !== null, detailParts: say`${sigDetail('harm')}${allSignificant(result, 'harm') === true ? sigThin('harm') ?? [] : []}` },
    { id: 'trend.harm', claim: 'Significant downward trend in monthly harm after the orders', holds: trendEither(trend.harm), weak: shortSeries || fewAfter || trendMixed(trend.harm), detailParts: say`${trendDetail('harm')}${kendallWords('harm')}${shortWords(trendEither(trend.harm) === true)}` },
    { id: 'trend.events', claim: 'Significant downward trend in monthly arrests after the orders', holds: trendEither(trend.events), weak: shortSeries || fewAfter || trendMixed(trend.events), detailParts: say`${trendDetail('events')}${kendallWords('events')}${shortWords(trendEither(trend.events) === true)}` },
    {
      id: 'correlation', claim: 'Significant positive correlation between arrests and harm',
      holds: correlation.pearson.r === null || correlation.pearson.p === null ? null : correlation.pearson.r > 0 && correlation.pearson.p < ALPHA,
      weak: shortSeries || fewEither,
      detailParts: correlation.pearson.r === null || correlation.pearson.p === null
        ? [correlation.pearson.reason ?? 'too few months to correlate']
        : say`r = ${num(formatEstimate(correlation.pearson.r, 2), 'correlation.pearson.r')}, ${pEqualsParts(correlation.pearson.p, 'correlation.pearson.p')}${correlation.pearson.r > 0 && correlation.pearson.p < ALPHA ? correlationThin : ''}`,
    },
    {
      id: 'harm.greater', claim: 'The fall is greater in harm than in volume',
      // A fall in harm the test cannot tell from chance cannot show that harm fell more than arrests.
      holds: e.reduction === null || h.reduction === null || harmGreaterUnsure ? null : harmGreater,
      // On few arrests the shift in seriousness is the point estimates' only, as the sentences say;
      // so it is where harm's interval takes in the fall in arrests.
      weak: fewArrests || gapUnclear !== null,
      detailParts: e.reduction === null || h.reduction === null
        ? [e.reduction === null ? 'no arrests before the orders to measure a fall from' : 'no harm before the orders to measure a fall from']
        : harmGreaterUnsure
          ? say`harm ${changeWordsParts(h.reduction, 'harm.reduction')}, arrests ${changeWordsParts(e.reduction, 'events.reduction')}; the change in harm is uncertain${unbracket(harmUncertainty(h, result.wilcoxon))}`
          : say`harm ${changeWordsParts(h.reduction, 'harm.reduction')}, arrests ${changeWordsParts(e.reduction, 'events.reduction')}${aboutSame && h.reduction > 0 ? ': about the same' : ''}${harmGreater && fewArrests ? `, on only ${count(e.pre, 'arrest')} before the orders` : ''}${gapUnclear ? say`; ${gapUnclear}` : ''}`,
    },
  ];
  const withText = (c: Omit<ClaimCheck, 'detail'>): ClaimCheck => ({ ...c, detail: plain(c.detailParts) });
  return empty ? checks.map((c) => withText({ ...c, holds: null, detailParts: ['no category selected'] })) : checks.map(withText);
}

/**
 * A bracketed aside " (…)" as a clause ": …", for words that stand inside brackets already (a claim's
 * detail), where "(… uncertain (95% interval …))" doubled them.
 */
function unbracket(parts: Segments): Segments {
  const out = [...parts];
  const last = out.length - 1;
  if (typeof out[0] !== 'string' || !out[0].startsWith(' (') || typeof out[last] !== 'string' || !out[last].endsWith(')')) return parts;
  out[0] = `: ${out[0].slice(2)}`;
  out[last] = (out[last] as string).slice(0, -1);
  return out;
}

/**
 * "Reproduced in this view (…)", "Not reproduced in this view (…)" or "Cannot be checked in this
 * view (…)": whether the numbers behave as the article reports. Not "holds", which readers took as
 * independent confirmation, when the synthetic data match the study's view by construction.
 */
export function verdict(result: AnalysisResult, id: string): string {
  return plain(verdictParts(result, id));
}

export function verdictParts(result: AnalysisResult, id: string): Segments {
  const c = claimChecks(result).find((k) => k.id === id);
  if (!c) return ['Cannot be checked in this view.'];
  return say`${claimWord(c)} in this view (${c.detailParts}).`;
}

/** A verdict's first words: "Reproduced", "Only weakly reproduced" (thin evidence), "Not reproduced" or "Cannot be checked". */
export function claimWord(c: Pick<ClaimCheck, 'holds' | 'weak'>): string {
  return c.holds === null ? 'Cannot be checked' : c.holds ? (c.weak ? 'Only weakly reproduced' : 'Reproduced') : 'Not reproduced';
}

/** The string with its first letter upper case. */
export function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
