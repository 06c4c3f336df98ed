// Newey–West standard errors of the time series' coefficients in base R (the estimator of
// stats/segmentedRegression.ts), as lines that both the emitted script (emitR.ts) and the
// derivations (src/lib/derivations.ts) run. A module of its own, so that the derivations do not
// pull in the whole emitted script.

/** From `fit` and `y`: sets n, the lag and `se`. */
export const NEWEY_WEST_SE_R: readonly string[] = [
  '# Bartlett weights over lag months, times n / (n - 4): what',
  '# coeftest(fit, vcov = sandwich::NeweyWest(fit, lag = lag, prewhite = FALSE, adjust = TRUE)) uses.',
  'n <- length(y); lag <- floor(4 * (n / 100)^(2 / 9))',
  'X <- model.matrix(fit); u <- X * residuals(fit); S <- crossprod(u)',
  'for (l in seq_len(min(lag, n - 1))) { G <- crossprod(u[-(1:l), , drop = FALSE], u[1:(n - l), , drop = FALSE]); S <- S + (1 - l / (lag + 1)) * (G + t(G)) }',
  '# (a variance below 0 is rounding noise where the months fit a line exactly: taken as 0, without sqrt\'s warning)',
  'B <- solve(crossprod(X)); se <- sqrt(pmax(diag(n / (n - 4) * B %*% S %*% B), 0))',
];
