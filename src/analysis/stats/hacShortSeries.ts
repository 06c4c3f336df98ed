// How short a series is too short for the Newey–West p-values: a constant of its own, so that the
// words that use it (src/lib/wording.ts, loaded with every page) need not load the regression.

/**
 * Below this many months the report does not lean on the Newey–West p-values. The estimator is
 * justified for long series; in short ones its standard errors are biased downwards and its tests
 * reject too often (Andrews 1991; Kiefer and Vogelsang 2005), so with 6 months, 4 coefficients and
 * a lag of 2 it can give a smaller p than the test that assumes independent months, the opposite
 * of what allowing for autocorrelation should do. 30 is a rule of thumb, not a theorem: the words
 * say the p-values cannot be relied on below it, and only recommend the adjusted one above it.
 */
export const HAC_SHORT_SERIES = 30;
