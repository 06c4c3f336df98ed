// "The answer in three sentences": what happened, what it means for harm, and how far it can be
// trusted, in words a police leader can act on. In a view with no category, only the first speaks.
// The statistics behind each number are one click
// away (every number is a segment carrying its result path, so it opens its derivation). Each
// function returns exactly one sentence whose words follow the numbers in any view.

import type { AnalysisResult } from '../analysis/analyse.ts';
import { formatNumber, formatPercent } from './format.ts';
import { ALPHA, EMPTY_VIEW, categoryList, countParts, isEmpty, num, say, type Segments } from './wording.ts';

export type AnswerPart = 'what' | 'harm' | 'meaning';

/** "arrested" for every category, "arrested for violence and drugs" for some. */
function arrestedFor(r: AnalysisResult): string {
  return r.categories.length === r.domain.categories.length ? 'arrested' : `arrested for ${categoryList(r)}`;
}

/** Sentence 1: how often the people were arrested before and after their orders. */
export function whatHappened(r: AnalysisResult): Segments {
  if (isEmpty(r)) return [EMPTY_VIEW];
  const e = r.events;
  const people = say`the ${num(formatNumber(r.orders), 'orders')} people`;
  const w = countParts(r.window, 'month', 'months', formatNumber, 'window');
  if (e.pre === 0 && e.post === 0) return say`None of ${people} was ${arrestedFor(r)} in the ${w} before or after their orders.`;
  const after = countParts(e.post, 'time', 'times', formatNumber, 'events.post');
  const before = num(formatNumber(e.pre), 'events.pre');
  if (e.post === e.pre) return say`After their orders, ${people} were ${arrestedFor(r)} as often as before: ${after} in the ${w} after and in the ${w} before.`;
  const how = e.post < e.pre ? 'less often' : 'more often';
  const change = e.reduction === null
    ? []
    : say` (${num(formatPercent(Math.abs(e.reduction)), 'events.reduction')} ${e.post < e.pre ? 'fewer' : 'more'})`;
  return say`After their orders, ${people} were ${arrestedFor(r)} ${how}: ${after} in the ${w} after, against ${before} in the ${w} before${change}.`;
}

/** Sentence 2: whether the arrests that remained were for more or less serious offences. */
export function whatForHarm(r: AnalysisResult): Segments {
  if (isEmpty(r)) return []; // the first sentence has said there is nothing to count
  const { events: e, harm: h } = r;
  if (h.reduction === null) return ['None of the arrests before the orders carried any recorded harm, so harm cannot be compared in this view.'];
  if (h.post === h.pre) return ['The harm those arrests represent, weighted by the seriousness of each offence, did not change.'];
  const size = num(formatPercent(Math.abs(h.reduction)), 'harm.reduction');
  if (h.reduction < 0) return say`The harm those arrests represent, weighted by the seriousness of each offence, rose by ${size}.`;
  if (e.reduction === null || e.reduction <= 0) return say`The harm those arrests represent, weighted by the seriousness of each offence, fell by ${size}, although their number did not fall.`;
  const further = formatPercent(h.reduction) === formatPercent(e.reduction)
    ? 'about as much as their number'
    : h.reduction > e.reduction ? 'more than their number, so the arrests that remained were for less serious offences' : 'less than their number, so the arrests that remained were for more serious offences';
  return say`The harm those arrests represent, weighted by the seriousness of each offence, fell by ${size}, ${further}.`;
}

/** Sentence 3: how far the change can be trusted, and what it cannot show. */
export function whatItMeans(r: AnalysisResult): Segments {
  if (isEmpty(r)) return [];
  const { p } = r.events.test;
  const noGroup = 'with no comparison group it shows what followed the orders, not what they caused';
  if (p === null || r.events.post === r.events.pre) return [`There is too little change in this view to tell anything from chance, and ${noGroup}.`];
  if (p >= ALPHA) return [`A change this size could easily arise by chance among so few people, and ${noGroup}.`];
  return [`A change this large is unlikely to be chance alone, but ${noGroup}: orders may be sought when someone's offending is at a peak, and offending at a peak often falls anyway.`];
}

export const ANSWER: Record<AnswerPart, (r: AnalysisResult) => Segments> = { what: whatHappened, harm: whatForHarm, meaning: whatItMeans };
