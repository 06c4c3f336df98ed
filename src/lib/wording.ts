// Sentences whose words follow the numbers. Each is a pure function of an analyse() result
// returning plain text, used both when the page is built and when the reader changes the view:
// a fall is never called a rise, a result is called significant only when p < 0.05, a tendency
// is claimed only when the test supports it, and a value the data cannot give is explained
// rather than shown as NaN.

import type { AnalysisResult, Measure, Trend } from '../analysis/analyse.ts';
import { formatEstimate, formatInterval, formatNumber, formatPercent, formatPEquals } from './format.ts';

export const ALPHA = 0.05;
/** Below this many months a trend test has too few points to say much; the wording says so. */
export const FEW_MONTHS = 6;

/** "1 month", "2 months", "1,234 arrests". */
export function count(n: number, one: string, many = `${one}s`): string {
  return `${formatNumber(n)} ${n === 1 ? one : many}`;
}
const months = (w: number) => count(w, 'month');

/** "a" or "an" before a whole percentage as it is read aloud: an 8%, an 11%, an 18%, an 80–89%. */
function indefinite(percentText: string): string {
  const n = percentText.replace(/[^0-9]/g, '');
  return /^(8|11|18)$/.test(n) || /^8\d$/.test(n) || /^8\d\d$/.test(n) ? 'an' : 'a';
}

/** "a 56% fall", "an 83% fall", "a 28% rise", "no change", "a rise from none to 3". */
export function changeWords(m: Measure): string {
  if (m.reduction === null) return m.post > 0 ? `a rise from none to ${formatNumber(m.post)}` : 'no change (none before or after)';
  if (m.post === m.pre) return 'no change';
  const size = formatPercent(Math.abs(m.reduction));
  return `${indefinite(size)} ${size} ${m.reduction > 0 ? 'fall' : 'rise'}`;
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
  const { events: e } = result;
  const interval = e.ci && e.reduction !== null && e.post !== e.pre ? ` (95% interval for the reduction ${formatInterval(e.ci)})` : '';
  return `Across the ${formatNumber(result.orders)} analysed orders, arrests for ${categoryList(result)} ${verb(e)} from ${formatNumber(e.pre)} in the ${months(result.window)} before the order to ${formatNumber(e.post)} in the ${months(result.window)} after, ${changeWords(e)}${interval}; ${harmClause(result)}`;
}

function harmClause(result: AnalysisResult): string {
  const h = result.harm;
  if (h.reduction === null) return 'there was no recorded harm before the orders to compare with.';
  if (h.post === h.pre) return 'total harm did not change.';
  const interval = h.ci ? ` (95% interval for the reduction ${formatInterval(h.ci)})` : '';
  return `total harm ${verb(h)} by ${formatPercent(Math.abs(h.reduction))}${interval}.`;
}

/** Harm before and after, in a sentence: "Total harm fell by 83%, from 32,424.5 to 5,577 harm days." */
export function harmChange(result: AnalysisResult): string {
  if (isEmpty(result)) return EMPTY_VIEW;
  const h = result.harm;
  const span = `from ${formatNumber(h.pre)} to ${formatNumber(h.post)} harm days`;
  if (h.reduction === null) return `There was no recorded harm before the orders in this view (${span}).`;
  if (h.post === h.pre) return `Total harm did not change (${span}).`;
  return `Total harm ${verb(h)} by ${formatPercent(Math.abs(h.reduction))}, ${span}.`;
}

/** Whether a paired test found a difference, in words, with its p-value (and Holm's, if any). */
export function significance(m: Measure, name = 'the change'): string {
  const p = m.test.p;
  if (p === null) return `${capitalise(name)} cannot be tested: ${m.test.reason ?? 'the test has no answer for these data'}.`;
  const holm = m.test.pAdjusted ?? null;
  const adjusted = holm !== null ? `; ${formatPEquals(holm).replace(/^p/, 'Holm-adjusted p')}` : '';
  const stat = `Wilcoxon signed-rank V = ${formatNumber(m.test.V)}, ${formatPEquals(p)}${adjusted}`;
  if (p >= ALPHA) return `${capitalise(name)} is not statistically significant at the 5% level (${stat}).`;
  if (holm !== null && holm >= ALPHA) {
    return `${capitalise(name)} is statistically significant on its own but not after adjusting for testing several categories (${stat}).`;
  }
  return `${capitalise(name)} is statistically significant (${stat}).`;
}

/** The post-order trend of monthly totals, as slope and Kendall's tau. */
export function trendSentence(result: AnalysisResult, which: 'events' | 'harm'): string {
  if (isEmpty(result)) return EMPTY_VIEW;
  const t: Trend = result.trend[which];
  const what = which === 'events' ? 'monthly arrests' : 'monthly harm';
  const unit = which === 'events' ? (t.slope !== null && Math.abs(t.slope) === 1 ? 'arrest' : 'arrests') : 'harm days';
  if (t.slope === null || t.p === null) return `The trend in ${what} after the order cannot be estimated: ${t.reason ?? 'too few months'}.`;
  const direction = t.slope < 0 ? 'declined' : t.slope > 0 ? 'rose' : 'stayed level';
  const by = t.slope === 0 ? '' : ` by ${formatEstimate(Math.abs(t.slope))} ${unit} a month on average`;
  const sig = t.p < ALPHA && t.slope !== 0
    ? `a statistically significant ${t.slope < 0 ? 'downward' : 'upward'} trend`
    : 'not a statistically significant trend';
  const kendall = t.tau === null || t.tauP === null
    ? ''
    : ` Kendall's τ = ${formatEstimate(t.tau, 2)} (${formatPEquals(t.tauP)}): ${t.tauP < ALPHA ? `later months tend to be ${t.tau < 0 ? 'lower' : 'higher'}` : 'no significant tendency for later months to be higher or lower'}.`;
  const few = result.window < FEW_MONTHS ? ` With only ${months(result.window)} after the order, these tests say little.` : '';
  return `Over the ${months(result.window)} after the order, ${what} ${direction}${by}: ${sig} (straight-line fit, ${formatPEquals(t.p)}).${kendall}${few}`;
}

export function correlationSentence(result: AnalysisResult): string {
  if (isEmpty(result)) return EMPTY_VIEW;
  const { pearson, spearman } = result.correlation;
  if (pearson.r === null || pearson.p === null) return `Monthly arrests and monthly harm cannot be correlated: ${pearson.reason ?? 'one of them does not vary'}.`;
  const stats = `Pearson r = ${formatEstimate(pearson.r, 2)}, ${formatPEquals(pearson.p)}`;
  const rho = spearman.rho === null ? '' : ` Spearman's ρ = ${formatEstimate(spearman.rho, 2)} (${formatPEquals(spearman.p)}).`;
  const over = `Across the ${months(2 * result.window)} of the window`;
  if (pearson.p < ALPHA && pearson.r !== 0) {
    return `${over}, months with more arrests tend to have ${pearson.r > 0 ? 'more' : 'less'} harm: a ${pearson.r > 0 ? 'positive' : 'negative'}, statistically significant correlation (${stats}).${rho}`;
  }
  return `${over}, there is no statistically significant linear relationship between monthly arrests and monthly harm (${stats}).${rho}`;
}

/** Which measure fell more, in words (the article: "greater on crime harm than on volume"). */
export function harmVersusVolume(result: AnalysisResult): string {
  if (isEmpty(result)) return EMPTY_VIEW;
  const { events: e, harm: h } = result;
  if (e.reduction === null || h.reduction === null) return 'Arrests and harm cannot both be compared in this view.';
  const ep = formatPercent(e.reduction);
  const hp = formatPercent(h.reduction);
  if (e.reduction > 0 && h.reduction > 0) {
    if (hp === ep) return `Harm and arrests fell by about the same proportion (${hp} and ${ep}).`;
    return h.reduction > e.reduction
      ? `The fall in harm (${hp}) is larger than the fall in arrests (${ep}): the arrests that remained after the orders were, on average, for less harmful offences.`
      : `The fall in harm (${hp}) is smaller than the fall in arrests (${ep}): the arrests that remained after the orders were, on average, for more harmful offences.`;
  }
  return `In this view arrests show ${changeWords(e)} and harm ${changeWords(h)}, so the article's finding that harm fell further than volume does not apply.`;
}

/** The short version the live region reads out after each change. */
export function announcement(result: AnalysisResult): string {
  if (isEmpty(result)) return 'No category selected.';
  return `${months(result.window)}, ${categoryList(result)}: ${count(result.events.pre, 'arrest')} before, ${formatNumber(result.events.post)} after, ${changeWords(result.events)}; harm: ${changeWords(result.harm)}.`;
}

// ---- the article's claims, checked in the current view

export interface ClaimCheck {
  id: string;
  /** The article's claim, in a few words. */
  claim: string;
  holds: boolean | null;
  /** What the current view shows, briefly. */
  detail: string;
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
  const sigDetail = (which: 'events' | 'harm') => {
    const failing = [result[which], ...result.categories.map((c) => result.byCategory[c][which])].filter((m) => m.test.p === null || m.test.p >= ALPHA || m.post >= m.pre).length;
    return failing === 0 ? `all ${result.categories.length + 1} tests p < 0.05` : `${count(failing, 'test')} of ${result.categories.length + 1} not a significant fall`;
  };
  const checks: ClaimCheck[] = [
    { id: 'events.fell', claim: 'Arrests fell after the orders', holds: e.post < e.pre, detail: `${formatNumber(e.pre)} → ${formatNumber(e.post)}` },
    { id: 'events.significant', claim: 'The fall in arrests is significant overall and in every category', holds: allSignificant(result, 'events'), detail: sigDetail('events') },
    { id: 'harm.significant', claim: 'The fall in harm is significant overall and in every category', holds: allSignificant(result, 'harm'), detail: sigDetail('harm') },
    { id: 'trend.harm', claim: 'Significant downward trend in monthly harm after the orders', holds: trendHolds(trend.harm), detail: `slope ${formatEstimate(trend.harm.slope)}, ${formatPEquals(trend.harm.p)}` },
    { id: 'trend.events', claim: 'Significant downward trend in monthly arrests after the orders', holds: trendHolds(trend.events), detail: `slope ${formatEstimate(trend.events.slope)}, ${formatPEquals(trend.events.p)}` },
    {
      id: 'correlation', claim: 'Significant positive correlation between arrests and harm',
      holds: correlation.pearson.r === null || correlation.pearson.p === null ? null : correlation.pearson.r > 0 && correlation.pearson.p < ALPHA,
      detail: `r ${formatEstimate(correlation.pearson.r, 2)}, ${formatPEquals(correlation.pearson.p)}`,
    },
    {
      id: 'harm.greater', claim: 'The fall is greater in harm than in volume',
      holds: e.reduction === null || h.reduction === null ? null : h.reduction > e.reduction && h.reduction > 0,
      detail: `harm ${formatPercent(h.reduction)}, arrests ${formatPercent(e.reduction)}`,
    },
  ];
  return empty ? checks.map((c) => ({ ...c, holds: null, detail: 'no category selected' })) : checks;
}

/** "Holds in this view (…)", "Does not hold in this view (…)" or "Cannot be checked in this view (…)". */
export function verdict(result: AnalysisResult, id: string): string {
  const c = claimChecks(result).find((k) => k.id === id);
  if (!c) return 'Cannot be checked in this view.';
  const word = c.holds === null ? 'Cannot be checked in this view' : c.holds ? 'Holds in this view' : 'Does not hold in this view';
  return `${word} (${c.detail}).`;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
