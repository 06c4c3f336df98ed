// Sentences whose words follow the numbers. Each is a pure function of an analyse() result
// returning plain text, used both when the page is built and when the reader changes the view:
// a fall is never called a rise, a result is called significant only when p < 0.05, a tendency
// is claimed only when the test supports it, and a value the data cannot give is explained
// rather than shown as NaN.

import type { AnalysisResult, Measure, Trend } from '../analysis/analyse.ts';
import { wilcoxonLean } from '../analysis/stats/wilcoxonLean.ts';
import type { WilcoxonRule } from '../analysis/stats/wilcoxonSignedRank.ts';
import { formatEstimate, formatInterval, formatNumber, formatPercent, formatPEquals } from './format.ts';
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
  const size = formatPercent(Math.abs(fall));
  return [`${indefinite(size)} `, size, size === '0%' ? ' change' : fall > 0 ? ' fall' : ' rise'];
}

/** fallPieces() as text: "an 8% fall", "a 7% rise", "a 0% change". */
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
  const size = formatPercent(Math.abs(m.reduction));
  return say`${indefinite(size)} ${num(size, at(base, 'reduction'))} ${m.reduction > 0 ? 'fall' : 'rise'}`;
}

/**
 * The change in large type, short: "56% fewer" arrests, "83% less" harm, "28% more", "no change",
 * "up from none". The percentage is a handle to the measure's reduction.
 */
export function changeShortParts(m: Measure, base: MeasureBase, fewer = 'fewer'): Segments {
  if (m.reduction === null) return m.post > 0 ? ['up from none'] : ['no change'];
  if (m.post === m.pre) return ['no change'];
  return say`${num(formatPercent(Math.abs(m.reduction)), at(base, 'reduction'))} ${m.reduction > 0 ? fewer : 'more'}`;
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

const intervalParts = (ci: [number, number], path?: ResultPath) => num(formatInterval(ci), path);

/**
 * Below this many arrests before the orders, a view holds too little to read a change from: the
 * headline says so in words (a window of 1 month has about 10, and its interval runs from −200% to 50%).
 */
export const FEW_ARRESTS = 20;

/** Where the engine gives no interval it says why (Measure.bootstrap.reason); the page says it too. */
export function noIntervalReason(m: Measure): string {
  return m.bootstrap.reason ?? 'the bootstrap gives none for these data';
}

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
 * "Only 10 arrests before the orders in this view: the interval is too wide to mean much, so read
 * the change as a rough indication at best."
 */
export function fewArrestsWarning(result: AnalysisResult): string {
  const e = result.events;
  if (isEmpty(result) || e.pre >= FEW_ARRESTS || e.pre === 0) return '';
  const why = e.ci ? 'the interval is too wide to mean much' : 'too few to put an interval on the change';
  return `Only ${count(e.pre, 'arrest')} before the orders in this view: ${why}, so read the change as a rough indication at best.`;
}

/** ", leaving out the 3 months either side of it" when the view has a gap, else nothing: after "… before and after each order". */
export const gapWords = (result: AnalysisResult): string => (result.gap ? `, leaving out the ${count(result.gap, 'month')} either side of it` : '');

/** The headline: volume before and after, the change with its interval, and harm. */
export function headline(result: AnalysisResult): string {
  return plain(headlineParts(result));
}

export function headlineParts(result: AnalysisResult): Segments {
  if (isEmpty(result)) return [EMPTY_VIEW];
  const { events: e } = result;
  const w = monthsParts(result.window, 'window');
  const warning = fewArrestsWarning(result);
  // With a gap, the months next to the order are not counted: said, so that no total reads as the whole window's.
  const gap = result.gap ? say` (leaving out the ${countParts(result.gap, 'month', 'months', formatNumber, 'gap')} either side of the order)` : [];
  return say`Across the ${num(formatNumber(result.orders), 'orders')} analysed orders, arrests for ${categoryList(result)} ${verb(e)} from ${num(formatNumber(e.pre), 'events.pre')} in the ${w} before the order to ${num(formatNumber(e.post), 'events.post')} in the ${w} after${gap}, ${changeParts(e, 'events')}${intervalClause(e, 'events')}; ${harmClause(result)}${warning ? ` ${warning}` : ''}`;
}

function harmClause(result: AnalysisResult): Segments {
  const h = result.harm;
  if (h.reduction === null) return ['there was no recorded harm before the orders to compare with.'];
  if (h.post === h.pre) return ['total harm did not change.'];
  return say`total harm ${verb(h)} by ${num(formatPercent(Math.abs(h.reduction)), 'harm.reduction')}${intervalClause(h, 'harm')}.`;
}

/** Harm before and after, in a sentence: "Total harm fell by 83%, from 32,424.5 to 5,577 harm days." */
export function harmChange(result: AnalysisResult): string {
  return plain(harmChangeParts(result));
}

export function harmChangeParts(result: AnalysisResult): Segments {
  if (isEmpty(result)) return [EMPTY_VIEW];
  const h = result.harm;
  const span = say`from ${num(formatNumber(h.pre), 'harm.pre')} to ${num(formatNumber(h.post), 'harm.post')} harm days`;
  if (h.reduction === null) return say`There was no recorded harm before the orders in this view (${span}).`;
  if (h.post === h.pre) return say`Total harm did not change (${span}).`;
  return say`Total harm ${verb(h)} by ${num(formatPercent(Math.abs(h.reduction)), 'harm.reduction')}, ${span}.`;
}

/** Whether a paired test found a difference, in words, with its p-value (and Holm's, if any). */
export function significance(m: Measure, name = 'the change'): string {
  return plain(significanceParts(m, name));
}

export function significanceParts(m: Measure, name = 'the change', base?: MeasureBase, rule: WilcoxonRule = 'current', measure: 'events' | 'harm' = 'events'): Segments {
  const p = m.test.p;
  if (p === null) return [`${capitalise(name)} cannot be tested: ${m.test.reason ?? 'the test has no answer for these data'}.`];
  const holm = m.test.pAdjusted ?? null;
  const adjusted = holm !== null ? say`; ${pEqualsParts(holm, at(base, 'test.pAdjusted'), 'Holm-adjusted p')}` : [];
  const stat = say`Wilcoxon signed-rank V = ${num(formatNumber(m.test.V), at(base, 'test.V'))}, ${pEqualsParts(p, at(base, 'test.p'))}${adjusted}`;
  if (p >= ALPHA) return say`${capitalise(name)} is not statistically significant at the 5% level (${stat}).`;
  const against = leansAgainstTotal(m, rule, measure);
  if (holm !== null && holm >= ALPHA) {
    return say`${capitalise(name)} is statistically significant on its own but not after adjusting for testing several categories (${stat})${against}`;
  }
  return say`${capitalise(name)} is statistically significant (${stat})${against}`;
}

/**
 * The end of a significant test's sentence: "." when the test leans the way the totals moved, and
 * otherwise which way it points. The test ranks each person's change by size, so many small falls
 * can outweigh a few large rises (or the reverse) while the totals move the other way: a
 * significant p is then evidence of the direction the ranks lean, not of the change in the total.
 */
function leansAgainstTotal(m: Measure, rule: WilcoxonRule, measure: 'events' | 'harm'): string {
  const lean = wilcoxonLean(m.test, rule);
  const total = Math.sign(m.pre - m.post); // +1: the total fell
  if (lean === 0 || lean === total) return '.';
  const [to, over] = lean > 0 ? ['falls', 'the falls outweigh the rises'] : ['rises', 'the rises outweigh the falls'];
  const fewer = measure === 'harm' ? 'less' : 'fewer';
  const ranked = `the test ranks each person's change by size, and by rank ${over} (${formatNumber(m.sign.fewer)} of the ${count(m.sign.n, 'person', 'people')} whose ${measure === 'harm' ? 'harm' : 'arrests'} changed had ${fewer} after)`;
  if (total === 0) return `, although the total did not change: ${ranked}.`;
  const carried = total > 0 ? m.sign.fewer : m.sign.n - m.sign.fewer;
  const those = carried === 1 ? `the 1 ${total > 0 ? 'fall' : 'rise'} was` : `the ${formatNumber(carried)} ${total > 0 ? 'falls' : 'rises'} were`;
  return `, but it points to ${to} while the total ${total > 0 ? 'fell' : 'rose'}: ${ranked}; ${those} large enough to carry the total ${total > 0 ? 'down' : 'up'}.`;
}

/** "p = 0.0071" as a label and a number segment: only the number is the handle. */
function pEqualsParts(p: number | null, path?: ResultPath, label = 'p'): Segments {
  const text = formatPEquals(p);
  const m = /^p( = |\u00a0)(.*)$/.exec(text);
  if (!m) return [text];
  return [`${label}${m[1]}`, num(m[2], path)];
}

/** The post-order trend of monthly totals, as slope and Kendall's tau. */
export function trendSentence(result: AnalysisResult, which: 'events' | 'harm'): string {
  return plain(trendParts(result, which));
}

export function trendParts(result: AnalysisResult, which: 'events' | 'harm'): Segments {
  if (isEmpty(result)) return [EMPTY_VIEW];
  const t: Trend = result.trend[which];
  const what = which === 'events' ? 'monthly arrests' : 'monthly harm';
  // No line, or a line with nothing to test it against (two months; points exactly on it).
  if (t.slope === null || t.p === null) return [`The trend in ${what} after the order cannot be ${t.slope === null ? 'estimated' : 'tested'}: ${t.reason ?? 'too few months'}.`];
  const direction = t.slope < 0 ? 'declined' : t.slope > 0 ? 'rose' : 'stayed level';
  const size = (n: number) => formatEstimate(n);
  const by = t.slope === 0
    ? []
    : say` by ${which === 'events' ? countParts(Math.abs(t.slope), 'arrest', 'arrests', size, `trend.${which}.slope`) : countParts(Math.abs(t.slope), 'harm day', 'harm days', size, `trend.${which}.slope`)} a month on average`;
  const sig = t.p < ALPHA && t.slope !== 0
    ? `a statistically significant ${t.slope < 0 ? 'downward' : 'upward'} trend`
    : 'not a statistically significant trend';
  const kendall = t.tau === null || t.tauP === null
    ? []
    : say` Kendall's τ = ${num(formatEstimate(t.tau, 2), `trend.${which}.tau`)} (${pEqualsParts(t.tauP, `trend.${which}.tauP`)}): ${t.tauP < ALPHA ? `later months tend to be ${t.tau < 0 ? 'lower' : 'higher'}` : 'no significant tendency for later months to be higher or lower'}.`;
  // With a gap the months fitted are W − K, a derived count, so they are plain text, not the window's handle.
  const analysed = result.window - result.gap;
  const few = analysed >= FEW_MONTHS ? []
    : result.gap > 0 ? [` With only ${months(analysed)} analysed after the order, these tests say little.`]
      : say` With only ${monthsParts(result.window, 'window')} after the order, these tests say little.`;
  const { over, leftOut } = monthsAfterWords(result);
  const lead = result.gap > 0 ? [`Over ${over} after the order (${leftOut} left out)`] : say`Over the ${monthsParts(result.window, 'window')} after the order`;
  return say`${lead}, ${what} ${direction}${by}: ${sig} (straight-line fit, ${pEqualsParts(t.p, `trend.${which}.p`)}).${kendall}${few}`;
}

export function correlationSentence(result: AnalysisResult): string {
  return plain(correlationParts(result));
}

export function correlationParts(result: AnalysisResult): Segments {
  if (isEmpty(result)) return [EMPTY_VIEW];
  const { pearson, spearman } = result.correlation;
  if (pearson.r === null || pearson.p === null) return [`Monthly arrests and monthly harm cannot be correlated: ${pearson.reason ?? 'one of them does not vary'}.`];
  const stats = say`Pearson r = ${num(formatEstimate(pearson.r, 2), 'correlation.pearson.r')}, ${pEqualsParts(pearson.p, 'correlation.pearson.p')}`;
  const rho = spearman.rho === null ? [] : say` Spearman's ρ = ${num(formatEstimate(spearman.rho, 2), 'correlation.spearman.rho')} (${pEqualsParts(spearman.p, 'correlation.spearman.p')}).`;
  // The months analysed (2 × window, less any gap): a derived count, shown as plain text.
  const over = `Across the ${months(result.monthly.length)} ${result.gap > 0 ? 'analysed' : 'of the window'}`;
  if (pearson.p < ALPHA && pearson.r !== 0) {
    return say`${over}, months with more arrests tend to have ${pearson.r > 0 ? 'more' : 'less'} harm: a ${pearson.r > 0 ? 'positive' : 'negative'}, statistically significant correlation (${stats}).${rho}`;
  }
  return say`${over}, there is no statistically significant linear relationship between monthly arrests and monthly harm (${stats}).${rho}`;
}

/** Which measure fell more, in words (the article: "greater on crime harm than on volume"). */
export function harmVersusVolume(result: AnalysisResult): string {
  return plain(harmVersusVolumeParts(result));
}

export function harmVersusVolumeParts(result: AnalysisResult): Segments {
  if (isEmpty(result)) return [EMPTY_VIEW];
  const { events: e, harm: h } = result;
  if (e.reduction === null || h.reduction === null) return ['Arrests and harm cannot both be compared in this view.'];
  const epText = formatPercent(e.reduction);
  const hpText = formatPercent(h.reduction);
  const ep = num(epText, 'events.reduction');
  const hp = num(hpText, 'harm.reduction');
  if (e.reduction > 0 && h.reduction > 0) {
    if (hpText === epText) return say`Harm and arrests fell by about the same proportion (${hp} and ${ep}).`;
    return h.reduction > e.reduction
      ? say`The fall in harm (${hp}) is larger than the fall in arrests (${ep}): the arrests that remained after the orders were, on average, for less harmful offences.`
      : say`The fall in harm (${hp}) is smaller than the fall in arrests (${ep}): the arrests that remained after the orders were, on average, for more harmful offences.`;
  }
  // Harm fell and arrests did not: the article's finding holds, as the verdict on Conclusions says.
  if (h.reduction > 0) return say`Harm fell by ${hp} while arrests show ${changeParts(e, 'events')}: the fall is in harm alone, so the arrests after the orders were, on average, for less harmful offences.`;
  return say`In this view arrests show ${changeParts(e, 'events')} and harm ${changeParts(h, 'harm')}, so the article's finding that harm fell further than volume does not hold.`;
}

/**
 * The interrupted time series in words (How robust is it?): the slope before the order, the step at
 * it and the change in slope, for arrests and for harm, each with its p; or, where the two lines
 * cannot be fitted (too few months either side), why, instead of a row of "n/a".
 */
export function itsParts(result: AnalysisResult): Segments {
  if (isEmpty(result)) return [EMPTY_VIEW];
  const { events: e, harm: h } = result.its;
  const est = (v: number, path: ResultPath) => num(formatEstimate(v), path);
  const why = (fit: typeof e) => (fit.reason ? `: ${fit.reason}` : '');
  const unfit = (fit: typeof e) => fit.preSlope === null || fit.level === null || fit.slopeChange === null;
  if (unfit(e) && unfit(h) && e.reason === h.reason) return say`The two lines cannot be fitted in this view${why(e)}.`;
  const events = e.preSlope === null || e.level === null || e.slopeChange === null
    ? say`For arrests, the two lines cannot be fitted in this view${why(e)}.`
    : say`Before the order, arrests changed by ${est(e.preSlope, 'its.events.preSlope')} a month. At the order, the fitted line stepped by ${countParts(e.level, 'arrest', 'arrests', formatEstimate, 'its.events.level')} a month (${pEqualsParts(e.levelP, 'its.events.levelP')}), and the slope changed by ${est(e.slopeChange, 'its.events.slopeChange')} a month (${pEqualsParts(e.slopeChangeP, 'its.events.slopeChangeP')}).`;
  const harm = h.preSlope === null || h.level === null || h.slopeChange === null
    ? say`For harm, the two lines cannot be fitted in this view${why(h)}.`
    : say`For harm: a pre-order slope of ${est(h.preSlope, 'its.harm.preSlope')} a month, a step of ${est(h.level, 'its.harm.level')} (${pEqualsParts(h.levelP, 'its.harm.levelP')}) and a change in slope of ${est(h.slopeChange, 'its.harm.slopeChange')} (${pEqualsParts(h.slopeChangeP, 'its.harm.slopeChangeP')}).`;
  return [...events, ' ', ...harm];
}

/**
 * The slope of the line fitted to the months before the orders (Conclusions, regression to the mean):
 * a rise there is what selection after a busy spell would leave; where no line can be fitted, why.
 */
export function preTrendParts(result: AnalysisResult): Segments {
  if (isEmpty(result)) return []; // the page's other sentences say there is nothing to count
  const e = result.its.events;
  if (e.preSlope === null) return say`Over the window on screen, no line can be fitted to the months before the orders${e.reason ? `: ${e.reason}` : ''}.`;
  return say`Over the window on screen, the line fitted to the months before the orders changes by ${countParts(e.preSlope, 'arrest', 'arrests', formatEstimate, 'its.events.preSlope')} a month.`;
}

/** The interrupted time series' step at the order for arrests, in one sentence (Conclusions). */
export function itsStepParts(result: AnalysisResult): Segments {
  if (isEmpty(result)) return [];
  const e = result.its.events;
  if (e.level === null || e.levelP === null) return say`In this view the time series cannot be fitted${e.reason ? `: ${e.reason}` : ''}.`;
  return say`In this view the time series puts the step at the order at ${countParts(e.level, 'arrest', 'arrests', formatEstimate, 'its.events.level')} a month (${pEqualsParts(e.levelP, 'its.events.levelP')}).`;
}

/** The line under the headline numbers: whose arrests, over which months (and which are left out). */
export function headlineContextParts(result: AnalysisResult): Segments {
  return say`Arrests of the ${countParts(result.orders, 'person', 'people', formatNumber, 'orders')} in the analysis in the ${monthsParts(result.window, 'window')} before and after their order${gapWords(result)}.`;
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
  /** What the current view shows, briefly. */
  detail: string;
  /** The same, with its numbers as segments. */
  detailParts: Segments;
}

const allSignificant = (result: AnalysisResult, which: 'events' | 'harm') => {
  const ms = [result[which], ...result.categories.map((c) => result.byCategory[c][which])];
  if (ms.some((m) => m.test.p === null)) return null;
  return ms.every((m) => m.test.p! < ALPHA && m.post < m.pre);
};

export function claimChecks(result: AnalysisResult): ClaimCheck[] {
  const empty = isEmpty(result);
  const { events: e, harm: h, trend, correlation } = result;
  const trendHolds = (t: Trend) => (t.slope === null || t.p === null ? null : t.slope < 0 && t.p < ALPHA);
  const sigDetail = (which: 'events' | 'harm'): Segments => {
    const failing = [result[which], ...result.categories.map((c) => result.byCategory[c][which])].filter((m) => m.test.p === null || m.test.p >= ALPHA || m.post >= m.pre).length;
    const verdict = failing === 0 ? `all ${result.categories.length + 1} tests p < 0.05` : `${count(failing, 'test')} of ${result.categories.length + 1} not a significant fall`;
    // The claim is read as the article reports it, on each test's own p; the Holm-adjusted p across
    // the categories (the Results tables) is said beside it, so the reader knows which was used.
    const adjusted = result.categories.map((c) => result.byCategory[c][which].test.pAdjusted);
    if (adjusted.length < 2 || adjusted.some((p) => p === undefined || p === null)) return [`${verdict}, unadjusted`];
    const above = adjusted.filter((p) => p! >= ALPHA).length;
    const holm = above === 0
      ? `every category's Holm-adjusted p is below 0.05 too`
      : `after Holm's adjustment across the ${result.categories.length} categories, ${above} of them ${above === 1 ? 'has' : 'have'} p ≥ 0.05`;
    return [`${verdict}, unadjusted as in the article; ${holm}`];
  };
  // Where a statistic cannot be computed, the detail is the engine's reason, not a row of "n/a".
  const trendDetail = (which: 'events' | 'harm') => trend[which].slope === null || trend[which].p === null
    ? [trend[which].reason ?? 'too few months to fit a line']
    : say`slope ${num(formatEstimate(trend[which].slope), `trend.${which}.slope`)}, ${pEqualsParts(trend[which].p, `trend.${which}.p`)}`;
  const checks: Omit<ClaimCheck, 'detail'>[] = [
    { id: 'events.fell', claim: 'Arrests fell after the orders', holds: e.post < e.pre, detailParts: say`${num(formatNumber(e.pre), 'events.pre')} → ${num(formatNumber(e.post), 'events.post')}` },
    { id: 'events.significant', claim: 'The fall in arrests is significant overall and in every category', holds: allSignificant(result, 'events'), detailParts: sigDetail('events') },
    { id: 'harm.significant', claim: 'The fall in harm is significant overall and in every category', holds: allSignificant(result, 'harm'), detailParts: sigDetail('harm') },
    { id: 'trend.harm', claim: 'Significant downward trend in monthly harm after the orders', holds: trendHolds(trend.harm), detailParts: trendDetail('harm') },
    { id: 'trend.events', claim: 'Significant downward trend in monthly arrests after the orders', holds: trendHolds(trend.events), detailParts: trendDetail('events') },
    {
      id: 'correlation', claim: 'Significant positive correlation between arrests and harm',
      holds: correlation.pearson.r === null || correlation.pearson.p === null ? null : correlation.pearson.r > 0 && correlation.pearson.p < ALPHA,
      detailParts: correlation.pearson.r === null || correlation.pearson.p === null
        ? [correlation.pearson.reason ?? 'too few months to correlate']
        : say`r ${num(formatEstimate(correlation.pearson.r, 2), 'correlation.pearson.r')}, ${pEqualsParts(correlation.pearson.p, 'correlation.pearson.p')}`,
    },
    {
      id: 'harm.greater', claim: 'The fall is greater in harm than in volume',
      holds: e.reduction === null || h.reduction === null ? null : h.reduction > e.reduction && h.reduction > 0,
      detailParts: e.reduction === null || h.reduction === null
        ? [e.reduction === null ? 'no arrests before the orders to measure a fall from' : 'no harm before the orders to measure a fall from']
        : say`harm ${num(formatPercent(h.reduction), 'harm.reduction')}, arrests ${num(formatPercent(e.reduction), 'events.reduction')}`,
    },
  ];
  const withText = (c: Omit<ClaimCheck, 'detail'>): ClaimCheck => ({ ...c, detail: plain(c.detailParts) });
  return empty ? checks.map((c) => withText({ ...c, holds: null, detailParts: ['no category selected'] })) : checks.map(withText);
}

/** "Holds in this view (…)", "Does not hold in this view (…)" or "Cannot be checked in this view (…)". */
export function verdict(result: AnalysisResult, id: string): string {
  return plain(verdictParts(result, id));
}

export function verdictParts(result: AnalysisResult, id: string): Segments {
  const c = claimChecks(result).find((k) => k.id === id);
  if (!c) return ['Cannot be checked in this view.'];
  const word = c.holds === null ? 'Cannot be checked in this view' : c.holds ? 'Holds in this view' : 'Does not hold in this view';
  return say`${word} (${c.detailParts}).`;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
