// Statistics layer: each file holds one statistic, matched against R.

// Tests
export { wilcoxonSignedRank } from './wilcoxonSignedRank.ts';
export { wilcoxonLean } from './wilcoxonLean.ts';
export type { WilcoxonResult } from './wilcoxonSignedRank.ts';
export { holm } from './holm.ts';
export { binomialTest } from './binomialTest.ts';
export type { BinomialTestResult } from './binomialTest.ts';
export { signTest } from './signTest.ts';
export type { SignTestResult } from './signTest.ts';

// Correlation
export { kendallTest } from './kendallTau.ts';
export type { KendallResult } from './kendallTau.ts';
export { pearsonTest, pearsonR } from './pearson.ts';
export type { PearsonResult } from './pearson.ts';
export { spearmanTest, prho } from './spearman.ts';
export type { SpearmanResult } from './spearman.ts';

// Trend
export { linearTrend } from './linearRegression.ts';
export type { TrendResult } from './linearRegression.ts';
export { segmentedRegression } from './segmentedRegression.ts';
export type { SegmentedRegressionResult } from './segmentedRegression.ts';
export { countSegmentedRegression } from './countSegmentedRegression.ts';
export type { CountSegmentedResult } from './countSegmentedRegression.ts';
export { leastSquares } from './leastSquares.ts';

// Concentration: the share of a total carried by the busiest tenth of the people
export { busiestTenth } from './busiestTenth.ts';
export type { BusiestTenth } from './busiestTenth.ts';

// Helpers: ranks, distributions, quantiles, randomness
export { rank } from './rank.ts';
export { normalCdf, normalUpper, studentTCdf, studentTQuantile } from './distributions.ts';
export { psignrank } from './signedRankDistribution.ts';
export { pkendall } from './kendallDistribution.ts';
export { quantileSorted } from './quantile.ts';
export { mulberry32, randomInt, uniformStream } from './random.ts';
export { drawer } from './randomDraws.ts';
export type { Drawer } from './randomDraws.ts';

// Regression to the mean (closed form for normal data)
export { regressionToMean, inverseMillsRatio } from './regressionToMean.ts';
export type { RegressionToMeanInput } from './regressionToMean.ts';
