// "The answer in three sentences": what happened, what it means for harm, and how far it can be
// trusted, in words a police leader can act on. In a view with no category, only the first speaks.
// The statistics behind each number are one click
// away (every number is a segment carrying its result path, so it opens its derivation). Each
// function returns exactly one sentence whose words follow the numbers in any view.

import type { AnalysisResult } from '../analysis/analyse.ts';
import { formatChangeSize, formatNumber } from './format.ts';
import { ALPHA, EMPTY_VIEW, FEW_ARRESTS, aboutTheSame, categoryList, countParts, harmGapUnclear, harmUncertain, harmUncertainty, includesNoChange, intervalParts, isEmpty, missingInterval, noIntervalReason, num, pointsAgainstTotal, restsOnFew, pEqualsParts, periodParts, say, type Segments } from './wording.ts';

export type AnswerPart = 'what' | 'harm' | 'meaning';

/** "arrested" for every category, "arrested for violence and drugs" for some. */
function arrestedFor(r: AnalysisResult): string {
  return r.categories.length === r.domain.categories.length ? 'arrested' : `arrested for ${categoryList(r)}`;
}

/**
 * The months compared, said once: "the 24 months" either side, or with a gap "the 21 months
 * analysed" and which they are ("months 4 to 24 either side, leaving out the 3 nearest the order").
 */
function periods(r: AnalysisResult): { after: Segments; before: Segments; either: Segments } {
  const { before, after, which } = periodParts(r);
  return { after: say`${after} after${which}`, before: r.gap > 0 ? [`the same ${r.window - r.gap === 1 ? 'month' : 'months'} before`] : say`${before} before`, either: say`${before} before or after their orders${which}` };
}

/** Sentence 1: how often the people were arrested before and after their orders. */
export function whatHappened(r: AnalysisResult): Segments {
  if (isEmpty(r)) return [EMPTY_VIEW];
  const e = r.events;
  // One person is "the 1 person", who is arrested on their own, not "between them" (an analyst's one order read "the 1 people").
  const one = r.orders === 1;
  const people = say`the ${num(formatNumber(r.orders), 'orders')} ${one ? 'person' : 'people'}`;
  const were = one ? 'was' : 'were';
  const orders = one ? 'their order' : 'their orders';
  const { after: inAfter, before: inBefore, either } = periods(r);
  if (e.pre === 0 && e.post === 0) return one ? say`The ${num('1', 'orders')} person was not ${arrestedFor(r)} in ${either}.` : say`None of ${people} was ${arrestedFor(r)} in ${either}.`;
  const after = countParts(e.post, 'time', 'times', formatNumber, 'events.post');
  const before = num(formatNumber(e.pre), 'events.pre');
  if (e.post === e.pre) return say`After ${orders}, ${people} ${were} ${arrestedFor(r)} as often as before: ${after} in ${inAfter} and in ${inBefore}.`;
  // None after: said as none, not "less often: 0 times" (a police leader at ?c=violence&w=2&gap=1).
  if (e.post === 0) {
    return say`After ${orders}, ${one ? people : say`none of ${people}`} was ${one ? 'not ' : ''}${arrestedFor(r)} in ${inAfter}, against ${before} ${e.pre === 1 ? 'arrest' : 'arrests'} in ${inBefore} (${num(formatChangeSize(e.reduction), 'events.reduction')} fewer).`;
  }
  const how = e.post < e.pre ? 'less often' : 'more often';
  const change = e.reduction === null
    ? []
    : say` (${num(formatChangeSize(e.reduction), 'events.reduction')} ${e.post < e.pre ? 'fewer' : 'more'})`;
  // "between them": the count is the group's, and some of them may have been arrested more (an analyst
  // read "the 10 people were arrested less often" as each of them, beside 1 more and 2 the same).
  return say`After ${orders}, ${people}${one ? '' : ' between them'} ${were} ${arrestedFor(r)} ${how}: ${after} in ${inAfter}, against ${before} in ${inBefore}${change}.`;
}

/** Sentence 2: whether the arrests that remained were for more or less harmful offences (the words of the lede and Results). */
export function whatForHarm(r: AnalysisResult): Segments {
  if (isEmpty(r)) return []; // the first sentence has said there is nothing to count
  const { events: e, harm: h } = r;
  if (h.reduction === null) {
    return [e.pre === 0
      ? 'There were no arrests before the orders in this view, so harm cannot be compared.'
      : 'None of the arrests before the orders carried any recorded harm, so harm cannot be compared in this view.'];
  }
  // A view on the harm index's weights says so: "harm 51% less" beside the study's 83% read as the
  // same measure (a peer reviewer at ?weights=high).
  const weighted = `weighted by the seriousness of each offence${r.weights === 'data' ? '' : ` (in this view, by the harm index's ${r.weights} weights)`}`;
  if (h.post === h.pre) return [`The harm those arrests represent, ${weighted}, did not change.`];
  const size = num(formatChangeSize(h.reduction), 'harm.reduction');
  // A change the test cannot tell from chance says so, whichever way it went.
  const unsure = harmUncertain(h) ? say`, but the change in harm is uncertain${harmUncertainty(h, r.wilcoxon)}` : [];
  if (h.reduction < 0) return say`The harm those arrests represent, ${weighted}, rose by ${size}${unsure}.`;
  if (e.reduction === null || e.reduction <= 0) return say`The harm those arrests represent, ${weighted}, fell by ${size}, although their number did not fall${harmUncertain(h) ? say`; the change in harm is uncertain${harmUncertainty(h, r.wilcoxon)}` : []}.`;
  if (aboutTheSame(h.reduction, e.reduction)) {
    return say`The harm those arrests represent, ${weighted}, fell by ${size}, about as much as their number${unsure}.`;
  }
  const [than, serious] = h.reduction > e.reduction ? ['more', 'less'] : ['less', 'more'];
  if (harmUncertain(h)) {
    return say`The harm those arrests represent, ${weighted}, fell by ${size}, ${than} than their number: the point estimates suggest that the arrests that remained were, on average, for ${serious} harmful offences, but the change in harm is uncertain${harmUncertainty(h, r.wilcoxon)}.`;
  }
  // On few arrests, the shift in seriousness is the point estimates' too (a statistician at ?w=8&c=drugs:
  // 19 arrests, harm per arrest after against before 0.50, with a bootstrap interval from 0.01 to 1.03).
  if (e.pre < FEW_ARRESTS) {
    return say`The harm those arrests represent, ${weighted}, fell by ${size}, ${than} than their number: the point estimates suggest that the arrests that remained were, on average, for ${serious} harmful offences${restsOnFew(e)}.`;
  }
  // As Results says it: harm's interval reaching down to the fall in arrests leaves the gap unclear.
  const overlap = harmGapUnclear(e, h);
  if (overlap) {
    return say`The harm those arrests represent, ${weighted}, fell by ${size}, ${than} than their number by the point estimates; but ${overlap}, so whether the arrests that remained were for ${serious} harmful offences is not clear.`;
  }
  return say`The harm those arrests represent, ${weighted}, fell by ${size}, ${than} than their number, so the arrests that remained were, on average, for ${serious} harmful offences.`;
}

/** Below this p (and at or above 0.05), a change is said to fall just short of clear, not to be easily chance. */
export const NEAR_ALPHA = 0.1;

/** Below this many people, a change that could be chance is said to be so "among so few people". */
export const FEW_PEOPLE = 100;

/** Sentence 3: how far the change can be trusted, and what it cannot show. */
export function whatItMeans(r: AnalysisResult): Segments {
  if (isEmpty(r)) return [];
  const { p } = r.events.test;
  const noGroup = 'with no comparison group it shows what followed the orders, not what they caused';
  if (p === null || r.events.post === r.events.pre) return [`There is too little change in this view to tell anything from chance, and ${noGroup}.`];
  if (p >= ALPHA) {
    // "so few" only where they are few: in a thin view it is the arrests (a category of 16, among the
    // study's 41 people); otherwise the people; with many of both, a change that could be chance is a small one.
    // The test reads only the people whose arrests changed: in a short window most of the 41 have none
    // either side, so "so few people" would blame the 41 (a police leader: "it is still the same 41
    // people"); the view's own count of people who changed is said instead.
    const { n: changed, fewer } = r.events.sign;
    const among = r.events.pre < FEW_ARRESTS ? ' with so few arrests' : r.orders >= FEW_PEOPLE ? say`, even with ${num(formatNumber(r.orders), 'orders')} people`
      : changed < r.orders ? say` among the ${countParts(changed, 'person', 'people', formatNumber, 'events.sign.n')} whose arrests changed` : ' among so few people';
    // Every person whose arrests changed changed the same way, and still p ≥ 0.05: the test's floor
    // (2 ÷ 2ⁿ for n such people), which no result from so few can pass. Said, not left to read as doubt;
    // and said of this exact test, not of every test (a reviewer: R 4.5's approximation gives p = 0.0369
    // at ?gap=23, where this said no result from so few could reach 0.05).
    if ((fewer === changed || fewer === 0) && changed > 0 && Math.abs(p - 2 / 2 ** changed) < 1e-9) {
      // One person: "p = 1 … the smallest p-value" read as nonsense to a police leader; said plainly.
      if (changed === 1) return say`A change in arrests this size cannot be told from chance by the paired test (${pEqualsParts(p, 'events.test.p')}): only ${countParts(changed, 'person', 'people')} had a different number of arrests after the order, and no test can tell one person's change from chance; and ${noGroup}.`;
      return say`A change in arrests this size cannot be told from chance by the paired test (${pEqualsParts(p, 'events.test.p')}): with only ${countParts(changed, 'person', 'people')} whose arrests changed, all in the same direction, this exact test can give no smaller p-value, so it cannot reach 0.05 with so few, and ${noGroup}.`;
    }
    // Just above 0.05 is not "easily" chance: said as falling just short, with its p.
    if (p < NEAR_ALPHA) return say`A change in arrests this size falls just short of clear (paired test ${pEqualsParts(p, 'events.test.p')}): it could be chance${among}, and ${noGroup}.`;
    return say`A change in arrests this size could easily arise by chance${among}, and ${noGroup}.`;
  }
  const e = r.events;
  // Significant, but pointing the other way from the total (a reviewer's 70 people: 60 with one more
  // arrest, 10 with 20 fewer, 200 → 60): the p is evidence of the many small rises, not of the fall.
  if (pointsAgainstTotal(e, r.wilcoxon)) {
    const [change, against, carry] = e.post < e.pre ? ['fall', ['rises', 'falls'], ['falls', 'down']] : ['rise', ['falls', 'rises'], ['rises', 'up']];
    return say`The paired test (${pEqualsParts(p, 'events.test.p')}) does not back this ${change}: ranked by size, the ${against[0]} in people's arrests outweigh the ${against[1]}, and a few large ${carry[0]} carry the total ${carry[1]}; so the change rests on a few people, and ${noGroup}.`;
  }
  // Significant, but thin: few arrests, or an interval that takes in no change. Not "unlikely to be
  // chance" beside a Results page that calls the same view a rough indication at best (?w=8&c=drugs:
  // p = 0.0349 on 19 arrests, interval −18% to 90%).
  const thin: Segments[] = [];
  if (e.pre < FEW_ARRESTS) thin.push(say`it rests on only ${countParts(e.pre, 'arrest', 'arrests', formatNumber, 'events.pre')} before the orders`);
  if (e.ci && includesNoChange(e.ci)) thin.push(say`the 95% interval for the reduction, ${intervalParts(e.ci, 'events.ci')}, takes in no change`);
  // No interval, though something was left after the orders: as thin (Results calls it a weak signal).
  else if (missingInterval(e)) thin.push([`it has no 95% interval (${noIntervalReason(e)})`]);
  if (thin.length > 0) {
    return say`A change in arrests this size passes the paired test (${pEqualsParts(p, 'events.test.p')}), but ${thin.length === 2 ? say`${thin[0]} and ${thin[1]}` : thin[0]}, so it is a weak signal at best, and ${noGroup}.`;
  }
  // "in arrests": after a sentence on harm, "this" would otherwise read as the change in harm.
  // A rise has its own reason to doubt it (an analyst's data: 33 to 68): regression to the mean
  // explains a fall; an order brings closer watching, and its breaches are arrests of their own.
  if (e.post > e.pre) return [`A change in arrests this large is unlikely if each person's arrests were as likely to rise as to fall, but ${noGroup}: an order brings closer attention from the police, and breaching its conditions is an offence of its own, so arrests can rise with no rise in other offending.`];
  return [`A change in arrests this large is unlikely if each person's arrests were as likely to rise as to fall, but ${noGroup}: orders may be sought when someone's offending is at a peak, and offending at a peak often falls anyway, which the test cannot tell apart from an effect of the order.`];
}

export const ANSWER: Record<AnswerPart, (r: AnalysisResult) => Segments> = { what: whatHappened, harm: whatForHarm, meaning: whatItMeans };
