// Sentences whose words follow the numbers. Each is a pure function of an analyse() result
// returning plain text, used both when the page is built and when the reader changes the view:
// a fall is never called a rise, a test result is called significant only when p < 0.05, and a
// value the data cannot give is explained rather than shown as NaN.

import type { AnalysisResult, Measure, Trend } from '../analysis/analyse.ts';
import { formatEstimate, formatInterval, formatNumber, formatPercent, formatPEquals } from './format.ts';

export const ALPHA = 0.05;

const plural = (n: number, one: string, many: string) => `${formatNumber(n)} ${n === 1 ? one : many}`;
const months = (w: number) => plural(w, 'month', 'months');

/** "a 56% fall", "a 12% rise", "no change", or null when there was nothing before. */
export function changeWords(m: Measure): string {
  if (m.reduction === null) return m.post > 0 ? `a rise from none to ${formatNumber(m.post)}` : 'no change (none before or after)';
  if (m.post === m.pre) return 'no change';
  return m.reduction > 0 ? `a ${formatPercent(m.reduction)} fall` : `a ${formatPercent(-m.reduction)} rise`;
}

/** "fell", "rose" or "did not change". */
export function verb(m: Measure): string {
  return m.post < m.pre ? 'fell' : m.post > m.pre ? 'rose' : 'did not change';
}

export function categoryList(result: AnalysisResult): string {
  const names = result.categories.map((c) => result.categoryNames[c].toLowerCase());
  if (names.length === 0) return 'no categories';
  return names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

export function isEmpty(result: AnalysisResult): boolean {
  return result.categories.length === 0;
}

export const EMPTY_VIEW = 'No offence category is selected, so there is nothing to count. Choose at least one category to see the results.';

/** The headline: volume before and after, the change with its interval, and harm. */
export function headline(result: AnalysisResult): string {
  if (isEmpty(result)) return EMPTY_VIEW;
  const { events: e, harm: h } = result;
  const interval = e.ci ? ` (95% interval ${formatInterval(e.ci)})` : '';
  const harmPart = h.reduction === null
    ? 'there was no recorded harm before the orders to compare with.'
    : `total harm ${verb(h)} by ${formatPercent(Math.abs(h.reduction))}${h.ci ? ` (95% interval ${formatInterval(h.ci)})` : ''}.`;
  return `Across the ${formatNumber(result.orders)} analysed orders, arrests for ${categoryList(result)} ${verb(e)} from ${formatNumber(e.pre)} in the ${months(result.window)} before the order to ${formatNumber(e.post)} in the ${months(result.window)} after, ${changeWords(e)}${interval}; ${harmPart}`;
}

/** Whether a paired test found a difference, in words, with its p-value. */
export function significance(m: Measure, name = 'the change'): string {
  const p = m.test.p;
  if (p === null) return `${capitalise(name)} cannot be tested: ${m.test.reason ?? 'the test has no answer for these data'}.`;
  const adjusted = m.test.pAdjusted !== undefined && m.test.pAdjusted !== null
    ? `; ${formatPEquals(m.test.pAdjusted).replace(/^p/, 'Holm-adjusted p')}`
    : '';
  const stat = `Wilcoxon signed-rank V = ${formatNumber(m.test.V)}, ${formatPEquals(p)}${adjusted}`;
  return p < ALPHA
    ? `${capitalise(name)} is statistically significant (${stat}).`
    : `${capitalise(name)} is not statistically significant at the 5% level (${stat}).`;
}

/** The post-order trend of monthly totals, as slope and Kendall's tau. */
export function trendSentence(result: AnalysisResult, which: 'events' | 'harm'): string {
  if (isEmpty(result)) return EMPTY_VIEW;
  const t: Trend = result.trend[which];
  const what = which === 'events' ? 'monthly arrests' : 'monthly harm';
  const unit = which === 'events' ? 'arrests' : 'harm days';
  if (t.slope === null || t.p === null) return `The trend in ${what} after the order cannot be estimated: ${t.reason ?? 'too few months'}.`;
  const direction = t.slope < 0 ? 'declined' : t.slope > 0 ? 'rose' : 'stayed level';
  const sig = t.p < ALPHA && t.slope !== 0
    ? `a statistically significant ${t.slope < 0 ? 'downward' : 'upward'} trend`
    : 'not a statistically significant trend';
  const kendall = t.tau === null || t.tauP === null
    ? ''
    : ` Kendall's τ = ${formatEstimate(t.tau, 2)} (${formatPEquals(t.tauP)}) ${t.tauP < ALPHA ? (t.tau < 0 ? 'agrees that the months after the order trend downwards' : 'indicates an upward trend') : 'finds no significant monotonic trend'}.`;
  return `Over the ${months(result.window)} after the order, ${what} ${direction} by ${formatEstimate(Math.abs(t.slope))} ${unit} a month on average: ${sig} (straight-line fit, ${formatPEquals(t.p)}).${kendall}`;
}

export function correlationSentence(result: AnalysisResult): string {
  if (isEmpty(result)) return EMPTY_VIEW;
  const { pearson, spearman } = result.correlation;
  if (pearson.r === null || pearson.p === null) return `Monthly arrests and monthly harm cannot be correlated: ${pearson.reason ?? 'one of them does not vary'}.`;
  const direction = pearson.r > 0 ? 'positive' : pearson.r < 0 ? 'negative' : 'zero';
  const sig = pearson.p < ALPHA ? 'statistically significant' : 'not statistically significant';
  const rho = spearman.rho === null ? '' : ` Spearman's ρ = ${formatEstimate(spearman.rho, 2)} (${formatPEquals(spearman.p)}).`;
  return `Across the ${months(2 * result.window)} of the window, months with more arrests tend ${pearson.r > 0 ? 'also to have more' : 'to have less'} harm: a ${direction}, ${sig} correlation (Pearson r = ${formatEstimate(pearson.r, 2)}, ${formatPEquals(pearson.p)}).${rho}`;
}

/** Which measure fell more, in words (the article: "greater on crime harm than on volume"). */
export function harmVersusVolume(result: AnalysisResult): string {
  if (isEmpty(result)) return EMPTY_VIEW;
  const e = result.events.reduction;
  const h = result.harm.reduction;
  if (e === null || h === null) return 'Volume and harm cannot both be compared here.';
  if (Math.round(100 * h) === Math.round(100 * e)) return `Harm and volume changed by about the same proportion (${formatPercent(h)} and ${formatPercent(e)}).`;
  return h > e
    ? `The fall in harm (${formatPercent(h)}) is larger than the fall in volume (${formatPercent(e)}): the arrests that remained after the orders were, on average, for less harmful offences.`
    : `The change in harm (${formatPercent(h)}) is smaller than the change in volume (${formatPercent(e)}).`;
}

/** The short version the live region reads out after each change. */
export function announcement(result: AnalysisResult): string {
  if (isEmpty(result)) return 'No category selected.';
  return `${months(result.window)}, ${categoryList(result)}: ${formatNumber(result.events.pre)} arrests before, ${formatNumber(result.events.post)} after, ${changeWords(result.events)}; harm ${changeWords(result.harm)}.`;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
