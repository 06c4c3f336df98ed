// Live values in the page. The build renders each one for the default view; in the browser the
// same functions run again on every change of state. Markup carries only names:
//   <span data-live="byCategory.violence.events.reduction" data-format="percent">50%</span>
//   <span data-say="headline">Across the 41 analysed orders, …</span>
// so nothing from the data is ever interpreted as HTML (values are set as text).
// Names are typed: <Live path> takes a ResultPath and <Say what> a SayName, so a typo in an MDX
// page fails `npm run check`.

import { ANSWER, type AnswerPart } from './answer.ts';
import { ANALYZE, shellWords, sourceArguments, viewArguments, type ArgumentSource } from './cliArguments.ts';
import type { AnalysisResult } from '../analysis/analyse.ts';
import { formatChangeSize, formatEstimate, formatInterval, formatNumber, formatP, formatPEquals, formatPercent, NOT_AVAILABLE } from './format.ts';
import { valueAt, type ResultPath } from './resultPaths.ts';
import * as say from './wording.ts';
import { isStudyView, PUBLISHED_WINDOW } from './tables.ts';
import type { Segments } from './wording.ts';

export { valueAt };
export type { ResultPath };

export const FORMATS = {
  number: (v: unknown) => formatNumber(v as number),
  percent: (v: unknown) => formatPercent(v as number),
  interval: (v: unknown) => formatInterval(v as [number, number] | null),
  p: (v: unknown) => formatP(v as number),
  pEquals: (v: unknown) => formatPEquals(v as number),
  estimate: (v: unknown) => formatEstimate(v as number),
  text: (v: unknown) => (v === null || v === undefined ? NOT_AVAILABLE : String(v)),
} as const satisfies Record<string, (v: unknown) => string>;
export type FormatName = keyof typeof FORMATS;

export function liveText(result: AnalysisResult, path: ResultPath | string, format: FormatName = 'number'): string {
  const f = FORMATS[format] ?? FORMATS.text;
  return f(valueAt(result, path));
}

/** The noun after a live number, as count() words it: singular for a number shown as "1". */
export const unitWord = (shown: string, unit: string, units: string): string => (shown === '1' ? unit : units);

/** The measure named by "events", "harm", "events.drugs" or "harm.violence" in the result, if in view. */
function measureAt(r: AnalysisResult, spec: MeasureSpec = 'events'): AnalysisResult['events'] | undefined {
  const [measure, category] = spec.split('.') as ['events' | 'harm', string | undefined];
  return category ? r.byCategory[category]?.[measure] : r[measure];
}

type Which = 'events' | 'harm';
/** "events", "harm", or a measure in one category: "events.drugs". */
export type MeasureSpec = Which | `${Which}.${string}`;

/** Named sentences as segments; a name may carry an argument after a colon, e.g. "significance:events". */
export const SENTENCE_PARTS = {
  headline: (r: AnalysisResult) => say.headlineParts(r),
  // With no category chosen, nothing is counted: said instead of "arrests of the 41 people …".
  headlineContext: (r: AnalysisResult) => (say.isEmpty(r) ? [say.EMPTY_VIEW] : say.headlineContextParts(r)),
  answer: (r: AnalysisResult, part: AnswerPart) => (Object.hasOwn(ANSWER, part) ? ANSWER[part](r) : [NOT_AVAILABLE]),
  harmChange: (r: AnalysisResult) => say.harmChangeParts(r),
  trend: (r: AnalysisResult, which: Which) => say.trendParts(r, which === 'events' ? 'events' : 'harm'),
  correlation: (r: AnalysisResult) => say.correlationParts(r),
  /** The same two sentences without the second test (Kendall's τ, Spearman's ρ), for Conclusions' one plain sentence per finding. */
  // Conclusions' findings each follow their verdict, which in an empty view says "cannot be checked (no
  // category selected)": the empty view's sentence is not said again after each (a re-check at ?c=none).
  // The same where the line or the coefficient cannot be computed: the verdict gives the reason (a re-check at ?w=1).
  trendBrief: (r: AnalysisResult, which: Which) => (say.isEmpty(r) || r.trend[which === 'events' ? 'events' : 'harm'].slope === null ? [] : say.trendParts(r, which === 'events' ? 'events' : 'harm', true)),
  correlationBrief: (r: AnalysisResult) => (say.isEmpty(r) || r.correlation.pearson.r === null ? [] : say.correlationParts(r, true)),
  headlineBrief: (r: AnalysisResult) => (say.isEmpty(r) ? [] : say.headlineParts(r)),
  // In an empty view the sentence before it (harmChange on Results, the verdict on Conclusions) has said there is nothing to count: not said twice.
  harmVersusVolume: (r: AnalysisResult) => (say.isEmpty(r) ? [] : say.harmVersusVolumeParts(r)),
  harmSelection: (r: AnalysisResult) => say.harmSelectionParts(r),
  its: (r: AnalysisResult) => say.itsParts(r),
  itsNotes: (r: AnalysisResult) => say.itsNotesParts(r),
  /** The time series as counts: the quasi-Poisson model's step and change of slope as ratios. */
  itsCount: (r: AnalysisResult) => say.itsCountParts(r),
  leaveOneOut: (r: AnalysisResult) => say.leaveOneOutParts(r),
  leaveOneOutRange: (r: AnalysisResult) => say.leaveOneOutRangeParts(r),
  sample: (r: AnalysisResult) => say.sampleParts(r),
  pairedPeople: (r: AnalysisResult) => say.pairedPeopleParts(r),
  preTrend: (r: AnalysisResult) => say.preTrendParts(r),
  /** "How robust is it?"'s summary of the time series: the trend before the order and whether the step at it is clear. */
  trendInShort: (r: AnalysisResult) => say.trendInShortParts(r),
  /** The time series' step at the order: "itsStep:events" or "itsStep:harm". */
  itsStep: (r: AnalysisResult, which: Which) => say.itsStepParts(r, which === 'harm' ? 'harm' : 'events'),
  windowGap: (r: AnalysisResult) => say.windowGapParts(r),
  /** After where a reader's harm comes from: the harm index's weights the view takes instead, or nothing. */
  weightsAside: (r: AnalysisResult): Segments => (r.weights === 'data' ? [] : [`, though in this view each arrest's harm is instead the harm index's ${r.weights} weight for its offence`]),
  /** After a sentence's before and after: the months a gap leaves out, or nothing without one. */
  /** The months a count before or after covers: "the 24 months", or with a gap "the 1 month analysed" (the Overview's squares). */
  months: (r: AnalysisResult, side: 'before' | 'after'): Segments => say.periodParts(r)[side === 'after' ? 'after' : 'before'],
  gapAside: (r: AnalysisResult): Segments => (r.gap > 0 ? [`, with the ${say.count(r.gap, 'month')} either side of each order left out`] : []),
  /** The sign test's count of people whose arrests fell, beside the specification curve. */
  signs: (r: AnalysisResult) => say.signTestParts(r),
  verdict: (r: AnalysisResult, id: say.ClaimId) => say.verdictParts(r, id ?? ''),
  /**
   * After a verdict on the synthetic data outside the study's view: what it cannot say (a police
   * leader read "Not reproduced in this view" at 12 months as the study failing there). Nothing in
   * the study's view, where the intro above the list says they match by construction.
   */
  // In the study's view, each verdict is said to be by construction where it is read (a police leader
  // skimming the printout read six "Reproduced" verdicts as six confirmations of the study).
  builtFor: (r: AnalysisResult): Segments => (isStudyView(r) ? ['That is by construction: the synthetic data were built to match the article here, so it confirms nothing about the real orders.'] : [`The synthetic data were built to match only the study's view (${say.count(PUBLISHED_WINDOW, 'month')}, all categories, no months left out, harm as recorded), so this says nothing about the real orders in this view.`]),
  /** Conclusions' two significance verdicts, said once when arrests and harm have the same one (the study's view: all 5 tests, both). */
  significantVerdicts: (r: AnalysisResult): Segments => {
    const [events, harm] = [say.verdictParts(r, 'events.significant'), say.verdictParts(r, 'harm.significant')];
    // "For arrests, reproduced in this view (…)": the verdict's first word continues the sentence.
    const lower = (parts: Segments): Segments => parts.map((p, i) => (i === 0 && typeof p === 'string' ? p.charAt(0).toLowerCase() + p.slice(1) : p));
    return say.plain(events) === say.plain(harm) ? ['For arrests and for harm alike, ', ...lower(events)] : ['For arrests, ', ...lower(events), ' For harm, ', ...lower(harm)];
  },
  viewName: (r: AnalysisResult): Segments => [say.viewWords(r)],
  command: (r: AnalysisResult): Segments => commandParts(r),
  curveCommand: (r: AnalysisResult): Segments => curveCommandParts(r),
  /** The headline's short change: "56% fewer" (arrests) or "83% less" (harm); with no category chosen, that nothing is counted. */
  change: (r: AnalysisResult, which: Which): Segments =>
    say.isEmpty(r) ? ['none counted']
      // "harm less than 1% lower", not "less than 1% less" (a police leader, at ?c=drugs&w=3&gap=2&weights=high)
      : which === 'harm' ? say.changeShortParts(r.harm, 'harm', formatChangeSize(r.harm.reduction).startsWith('less than') ? 'lower' : 'less') : say.changeShortParts(r.events, 'events'),
  /**
   * Under a Results table: each category whose test is significant but points against its total
   * (by rank to falls while the total rose, or the reverse), in its own significance sentence, so a
   * row like "Violence … −14% … p = 0.0197" is never left beside "statistically significant" unexplained.
   * Nothing with one category (the sentence above the table is that category's).
   */
  categoriesAgainst: (r: AnalysisResult, which: Which): Segments => {
    if (say.isEmpty(r) || r.categories.length < 2 || (which !== 'events' && which !== 'harm')) return [];
    const against = r.categories.filter((c) => say.pointsAgainstTotal(r.byCategory[c][which], r.wilcoxon));
    return against.flatMap((c, k) => [...(k > 0 ? [' '] : []), ...SENTENCE_PARTS.significance(r, `${which}.${c}`)]);
  },
  significance: (r: AnalysisResult, spec: MeasureSpec): Segments => {
    // Nothing to test: the headline before it has said so once, and a second copy adds nothing.
    if (say.isEmpty(r)) return [];
    const m = measureAt(r, spec ?? 'events');
    const [measure, category] = (spec ?? 'events').split('.');
    if (!m) return ['This category is not in the current view.'];
    const base = (category ? `byCategory.${category}.${measure}` : measure) as say.MeasureBase;
    return say.significanceParts(m, `the change in ${measure === 'harm' ? 'harm' : 'arrests'}${category ? ` for ${r.categoryNames[category].toLowerCase()}` : ''}`, base, r.wilcoxon, measure === 'harm' ? 'harm' : 'events');
  },
} as const satisfies Record<string, (r: AnalysisResult, arg: never) => Segments>;

/**
 * The command that prints the view on screen as JSON: for the study's data, the view's arguments;
 * for a reader's own (`source`), their files and choices first, so that run beside their files it
 * gives the numbers on the page.
 */
export function commandParts(r: AnalysisResult, source?: ArgumentSource): Segments {
  return analyzeCommand(source, [...viewArguments(r, r.domain), '--json']);
}

/** `npm run --silent analyze -- …` with a reader's files and choices (if any) before `args`. */
const analyzeCommand = (source: ArgumentSource | undefined, args: string[]): Segments => [`${ANALYZE} ${shellWords([...(source ? sourceArguments(source) : []), ...args])}`];

/**
 * The command that prints the specification curve of the view's categories as JSON (the curve runs
 * every window, gap, weights and test itself, so only the categories come from the view), with a
 * reader's own files first, as commandParts().
 */
export function curveCommandParts(r: AnalysisResult, source?: ArgumentSource): Segments {
  const categories = viewArguments({ window: r.domain.span, gap: 0, categories: r.categories }, r.domain);
  return analyzeCommand(source, [...categories, '--specification-curve', '--json']);
}

type Sentences = typeof SENTENCE_PARTS;
/** Every name <Say what=…> accepts: "headline", "trend:harm", "verdict:events.fell", "significance:harm.drugs" … */
export type SayName = {
  [K in keyof Sentences]: Parameters<Sentences[K]> extends [AnalysisResult] ? K : `${K}:${Parameters<Sentences[K]>[1]}`;
}[keyof Sentences];

/** The same sentences as plain text (what the page prints). */
export const SENTENCES = Object.fromEntries(
  Object.entries(SENTENCE_PARTS).map(([k, f]) => [k, (r: AnalysisResult, arg?: string) => say.plain((f as (r: AnalysisResult, a?: string) => Segments)(r, arg))]),
) as { [K in keyof Sentences]: (r: AnalysisResult, arg?: string) => string };

/** A named sentence as segments; unknown names give "n/a". */
export function sentenceParts(result: AnalysisResult, spec: SayName | string): Segments {
  const at = spec.indexOf(':');
  const name = at < 0 ? spec : spec.slice(0, at);
  const arg = at < 0 ? undefined : spec.slice(at + 1);
  const f = Object.hasOwn(SENTENCE_PARTS, name) ? (SENTENCE_PARTS[name as keyof Sentences] as (r: AnalysisResult, a?: string) => Segments) : undefined;
  return f ? f(result, arg) : [NOT_AVAILABLE];
}

export function sentence(result: AnalysisResult, spec: SayName | string): string {
  return say.plain(sentenceParts(result, spec));
}
