// What a number on the page is, in a few words, for a reader who cannot see the sentence or the
// table around it. Every number is a button that opens its derivation, and its visible text is the
// number alone ("< 0.001", "24"), so a screen reader moving from button to button heard only that.
// Each button now carries this name as its accessible description (aria-description): "< 0.001,
// button, p-value of the signed-rank test, modern slavery arrests".
//
// The name follows the number's path into the result (src/lib/resultPaths.ts) or the robustness
// page (robust:…), never its value, so it is written once, at build time or when the button is
// made, and needs no update when the view changes. Pure; the page loads it with the engine
// (src/client/main.ts), and the build writes it into the HTML.

const MEASURE: Record<string, string> = { events: 'arrests', harm: 'harm' };

/** The subject of a measure: "arrests, all selected categories" or "modern slavery arrests". */
function subject(measure: string, category: string | null, name: (code: string) => string): string {
  const m = MEASURE[measure] ?? measure;
  if (category === null) return `${m}, all selected categories`;
  // "Modern slavery" reads "modern slavery arrests" mid-phrase; a name such as "ASB" keeps its capitals.
  const words = name(category).replace(/^([A-Z])(?=[a-z])/, (c) => c.toLowerCase());
  return `${words} ${m}`;
}

/** Names of a measure's numbers, by the leaf after `events.` or `harm.` (with or without a category). */
const MEASURE_LEAVES: Record<string, (s: string, measure: string) => string> = {
  pre: (s) => `${s}, before the orders`,
  post: (s) => `${s}, after the orders`,
  reduction: (s) => `reduction in ${s} (negative for a rise)`,
  ci: (s) => `bootstrap interval for the reduction in ${s}`,
  'test.V': (s) => `signed-rank statistic V, ${s}`,
  'test.p': (s) => `p-value of the signed-rank test, ${s}`,
  'test.pAdjusted': (s) => `Holm-adjusted p-value, ${s}`,
  'test.zeros': (s) => `people with no change, ${s}`,
  'sign.n': (s) => `people whose total changed, ${s}`,
  'sign.fewer': (s, m) => `people with ${m === 'harm' ? 'less' : 'fewer'} after, ${s}`,
};

const TREND: Record<string, (m: string) => string> = {
  slope: (m) => `trend in monthly ${m} after the orders, per month`,
  p: (m) => `p-value of the trend in monthly ${m}`,
  tau: (m) => `Kendall's tau for monthly ${m} after the orders`,
  tauP: (m) => `p-value of Kendall's tau for monthly ${m}`,
};

const ITS: Record<string, (m: string) => string> = {
  preSlope: (m) => `trend in monthly ${m} before the orders`,
  preSlopeP: (m) => `p-value of the trend in monthly ${m} before the orders`,
  level: (m) => `step in monthly ${m} at the order`,
  levelP: (m) => `p-value of the step in monthly ${m}`,
  slopeChange: (m) => `change in the trend of monthly ${m} at the order`,
  slopeChangeP: (m) => `p-value of the change in trend of monthly ${m}`,
  preSlopePHac: (m) => `p-value of the trend in monthly ${m} before the orders, allowing for autocorrelation`,
  levelPHac: (m) => `p-value of the step in monthly ${m}, allowing for autocorrelation`,
  slopeChangePHac: (m) => `p-value of the change in trend of monthly ${m}, allowing for autocorrelation`,
  hacLag: (m) => `months of autocorrelation allowed for in monthly ${m}`,
  levelRatio: (m) => `step in monthly ${m} at the order, as a ratio`,
  levelRatioP: (m) => `p-value of the step in monthly ${m} as a ratio`,
  slopeChangeRatio: (m) => `change in the trend of monthly ${m} at the order, as a ratio`,
  slopeChangeRatioP: (m) => `p-value of the change in trend of monthly ${m} as a ratio`,
  levelRatioLow: (m) => `lower end of the interval of the step in monthly ${m}, as a ratio`,
  levelRatioHigh: (m) => `upper end of the interval of the step in monthly ${m}, as a ratio`,
  slopeChangeRatioLow: (m) => `lower end of the interval of the change in trend of monthly ${m}, as a ratio`,
  slopeChangeRatioHigh: (m) => `upper end of the interval of the change in trend of monthly ${m}, as a ratio`,
  preSlopeRatio: (m) => `month-on-month ratio of monthly ${m} before the orders`,
  preSlopeRatioP: (m) => `p-value of the month-on-month ratio of monthly ${m} before the orders`,
  postSlopeRatio: (m) => `month-on-month ratio of monthly ${m} after the orders`,
  dispersion: (m) => `dispersion of monthly ${m} in the model of counts`,
};

const SINGLE: Record<string, string> = {
  window: 'months compared before and after each order',
  gap: 'months left out either side of the order',
  orders: 'orders in this view',
  'bootstrap.resamples': 'bootstrap resamples',
  'bootstrap.seed': 'seed of the bootstrap',
  'sample.register': 'orders in the register',
  'sample.withFollowup': 'orders with the full time before and after',
  'sample.excludedFollowup': 'orders without the full time before and after',
  'sample.excludedData': 'orders set aside for unusable data',
  'sample.analysed': 'orders analysed',
  'busiestTenth.people': 'people in the busiest tenth, by arrests before their orders',
  'busiestTenth.events': 'arrests before the orders of the busiest tenth',
  'busiestTenth.share': 'share of the arrests before the orders that the busiest tenth account for',
  'busiestTenth.othersReduction': 'reduction in arrests of everyone but the busiest tenth',
  'busiestTenth.tiedOut': 'people tied with the last of the busiest tenth but left out of it',
  'busiestTenth.othersReductionLow': 'lowest reduction of everyone but the busiest tenth, over every choice among the people tied at the cut',
  'busiestTenth.othersReductionHigh': 'highest reduction of everyone but the busiest tenth, over every choice among the people tied at the cut',
  'correlation.pearson.r': 'Pearson correlation of monthly arrests and harm',
  'correlation.pearson.p': 'p-value of the Pearson correlation',
  'correlation.spearman.rho': 'Spearman rank correlation of monthly arrests and harm',
  'correlation.spearman.p': 'p-value of the Spearman correlation',
  // How robust is it?
  'robust:nullWorld.cohorts': 'simulated cohorts in which orders do nothing',
  'robust:nullWorld.mean': 'average change in arrests in the simulated cohorts',
  'robust:nullWorld.low': 'one end of the range of the simulated cohorts',
  'robust:nullWorld.high': 'other end of the range of the simulated cohorts',
  'robust:nullWorld.dropped': 'simulated cohorts with no arrests before',
  'robust:nullWorld.observed': 'observed change in arrests in this view',
  'robust:nullWorld.shareAtLeast': 'share of simulated cohorts whose change in arrests went at least as far towards a fall as observed',
  'robust:nullWorld.matched': 'number of simulated cohorts whose change in arrests went at least as far towards a fall as observed',
  'robust:nullWorld.compared': 'number of simulated cohorts with arrests before, from which the share whose change went at least as far towards a fall as observed is counted',
  'robust:nullWorld.barnett': 'fall predicted by the closed form',
  'robust:nullWorld.afterBusy': 'share of simulated orders that follow a busy spell',
  'robust:liberty.share': 'share of the months after spent in custody or abroad',
  'robust:liberty.rateBefore': 'arrests per month at liberty, before the orders',
  'robust:liberty.rateAfter': 'arrests per month at liberty, after the orders',
  'robust:liberty.rateFall': 'change in arrests per month at liberty',
  'robust:liberty.breakEven': 'share of time away at which the fall disappears',
  'robust:curve.total': 'specifications in the curve',
  'robust:curve.significant': 'specifications that find a significant fall',
  'robust:curve.share': 'share of specifications that find a significant fall',
  'robust:curve.clearFalls': 'specifications that find a significant fall with an interval clear of no change',
  'robust:curve.rises': 'specifications that find a significant rise',
  'robust:curve.acrossFalls': 'significant falls whose interval takes in no change',
  'robust:curve.noInterval': 'significant falls with no interval',
  'robust:curve.clearShare': 'share of specifications with a significant fall and an interval clear of no change',
  'robust:curve.riseShare': 'share of specifications that find a significant rise',
  'robust:curve.against': 'specifications whose significant test points the other way from their total',
  'robust:curve.weightsSpread': 'most the harm weights alone move the change in harm',
  'robust:gap.eventsLow': 'one end of the range of the change in arrests as months around the order are left out',
  'robust:gap.eventsHigh': 'other end of the range of the change in arrests as months around the order are left out',
  'robust:gap.eventsClear': 'gaps at which the interval for arrests is clear of no change',
  'robust:gap.harmLow': 'one end of the range of the change in harm as months around the order are left out',
  'robust:gap.harmHigh': 'other end of the range of the change in harm as months around the order are left out',
  'robust:gap.harmClear': 'gaps at which the interval for harm is clear of no change',
};

/**
 * The name of the number at `path`, or null for a path it does not know (the button then has no
 * description, as before). `name` turns a category code into words (the reader's own names for
 * their own data).
 */
export function numberName(path: string, name: (code: string) => string): string | null {
  if (Object.hasOwn(SINGLE, path)) return SINGLE[path];
  const parts = path.split('.');
  const [head] = parts;
  if (head === 'events' || head === 'harm') return MEASURE_LEAVES[parts.slice(1).join('.')]?.(subject(head, null, name), head) ?? null;
  if (head === 'byCategory' && parts.length >= 4 && MEASURE[parts[2]]) {
    return MEASURE_LEAVES[parts.slice(3).join('.')]?.(subject(parts[2], parts[1], name), parts[2]) ?? null;
  }
  if ((head === 'trend' || head === 'its') && parts.length === 3 && MEASURE[parts[1]]) {
    return (head === 'trend' ? TREND : ITS)[parts[2]]?.(MEASURE[parts[1]]) ?? null;
  }
  if (head === 'leaveOneOut' && parts.length === 3 && MEASURE[parts[1]]) {
    const end = parts[2] === 'min' ? 'smallest' : parts[2] === 'max' ? 'largest' : null;
    return end && `${end} reduction in ${MEASURE[parts[1]]} with one person left out`;
  }
  if (head === 'monthly' && parts.length === 3 && MEASURE[parts[2]]) return `${MEASURE[parts[2]]} in this month`;
  if (head === 'perOrder' && parts.length === 3) {
    const m = /^(events|harm)(Pre|Post)$/.exec(parts[2]);
    return m && `this person's ${MEASURE[m[1]]}, ${m[2] === 'Pre' ? 'before' : 'after'} the order`;
  }
  return null;
}
