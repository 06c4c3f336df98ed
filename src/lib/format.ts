// Number formats shared by the CLI, the pages and the downloads, so that one state always reads
// the same everywhere. Every function accepts null (a value the data cannot give) and says so in
// words instead of printing NaN.

export const NOT_AVAILABLE = 'n/a';

/**
 * A number with thousands grouped and at most one decimal, exactly as
 * `new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 })` writes it (tests/format.test.ts
 * holds the two to each other over a million values), but without Intl: a page's first Intl number
 * format loads the browser's locale data, 20–50 ms on the main thread of a small machine, and the
 * report's pages format numbers from the moment their script runs.
 *
 * Intl rounds the number's shortest decimal form (the digits `String(x)` gives, "0.95" for 0.95),
 * not the exact value of the double (0.94999…, which `toFixed(1)` rounds down), to the nearest
 * tenth, ties away from zero; and it keeps the sign of a negative number that rounds to zero ("-0").
 * From 10^21, where `String` writes an exponent, Intl itself is asked.
 */
function grouped(value: number): string {
  const magnitude = Math.abs(value);
  if (magnitude >= 1e21) return new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 }).format(value);
  const sign = value < 0 || Object.is(value, -0) ? '-' : '';
  // Below 0.05 the nearest tenth is 0 (and String would write 1e-7 with an exponent).
  const [whole, fraction = ''] = magnitude < 0.05 ? ['0'] : String(magnitude).split('.');
  let tenths = `${whole}${fraction[0] ?? '0'}`;
  if (fraction[1] !== undefined && fraction[1] >= '5') tenths = String(BigInt(tenths) + 1n).padStart(2, '0');
  const units = tenths.slice(0, -1);
  const tenth = tenths.slice(-1);
  return `${sign}${units.replace(/\B(?=(\d{3})+$)/g, ',')}${tenth === '0' ? '' : `.${tenth}`}`;
}

/** 210 → "210"; 32424.5 → "32,424.5"; null → "n/a". */
export function formatNumber(value: number | null | undefined): string {
  return value === null || value === undefined || !Number.isFinite(value) ? NOT_AVAILABLE : grouped(value);
}

/**
 * A proportion as a whole percentage, as the article reports them: 0.557 → "56%", −0.28 → "−28%".
 * Ties round away from zero, so a change reads the same with or without its sign: a table's
 * "−13%" and a sentence's "13% more" (which formats the size, `Math.abs`) are one number.
 * (Math.round alone would give −0.125 → "−12%" beside 0.125 → "13%".)
 */
export function formatPercent(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return NOT_AVAILABLE;
  const whole = roundHalfAway(100 * value);
  // A proportion that is not nothing or all never prints as "0%" or "100%": a reviewer found an
  // interval's lower end of −0.04% shown as "0%" beside "takes in no change" (the verdict turned on
  // its hidden sign), and a fall of 99.8% that left 20 harm days shown as "100%". Such a value takes
  // the fewest decimals that tell it from 0% or 100% (0.0004 → "0.04%", 0.998 → "99.8%"). Below a
  // billionth from either, it is floating-point noise, and rounds as usual.
  const size = Math.abs(value);
  if ((whole === 0 && size >= 1e-9) || (whole === 100 && size < 1 && 1 - size >= 1e-9)) {
    for (let decimals = 1; ; decimals++) {
      const scaled = roundHalfAway(100 * size * 10 ** decimals) / 10 ** decimals;
      if (scaled !== 0 && scaled !== 100) return `${value < 0 ? '−' : ''}${scaled.toFixed(decimals)}%`;
    }
  }
  // Grouped as every other number is: an interval of a ratio with a small denominator can reach −3,404%.
  return value < 0 && whole > 0 ? `−${formatNumber(whole)}%` : `${formatNumber(whole)}%`;
}

/** A proportion as a whole percentage, always: formatPercent without its finer places near 0% and 100%, for the sizes sentences put into words. */
function wholePercent(value: number): string {
  return `${formatNumber(roundHalfAway(100 * value))}%`;
}

/**
 * The size of a change for a sentence ("fell by …", "… fewer"), from the change itself (a fall
 * above zero, a rise below): formatPercent of its size, except that a change that happened never
 * reads "0%" (0.003 → "less than 1%") and a fall that left some behind never reads "100%", which
 * would say none were left (0.997 → "more than 99%"). A rise of 99.7% is about a doubling, so it
 * stays "100%". Tables keep formatPercent's numbers; the derivation behind each gives the exact value.
 */
export function formatChangeSize(change: number | null | undefined): string {
  if (change === null || change === undefined || !Number.isFinite(change)) return NOT_AVAILABLE;
  const size = wholePercent(Math.abs(change));
  if (size === '0%' && change !== 0) return 'less than 1%';
  if (size === '100%' && change > 0 && change < 1) return 'more than 99%';
  return size;
}

/**
 * A reduction (a fall above zero, a rise below) for a sentence that gives it signed, as a text
 * alternative lists reductions ("from 92% … to more than 99%"): a fall as formatChangeSize says it, so
 * that one which left some behind never reads "100%" and a tiny one never "0%"; a rise as formatPercent.
 */
export function formatReductionInWords(reduction: number | null | undefined): string {
  return reduction !== null && reduction !== undefined && reduction > 0 ? formatChangeSize(reduction) : formatPercent(reduction);
}

/**
 * The nearest whole number to |x|, halves away from zero, with x first rounded to 9 decimals: a
 * reduction of exactly 32.5% (40 → 27) is held as 1 − 27/40 = 0.32499999999999996, which
 * Math.round alone would take to 32, where the tie rule gives 33. Nine decimals lie far beyond any
 * count's precision and far within a double's.
 */
function roundHalfAway(x: number): number {
  return Math.round(Number(Math.abs(x).toFixed(9)));
}

/** A whole number of tenths as a decimal with its thousands grouped: 13933 → "1,393.3". */
function groupedTenths(tenths: number): string {
  return `${formatNumber(Math.floor(tenths / 10))}.${tenths % 10}`;
}

/**
 * A change in percent to one decimal, without its sign (the words say fall or rise): 0.0341 → "3.4%".
 * Beside a spread in percentage points (formatSpreadPoints, also to one decimal), so that the two ends
 * a reader subtracts give the spread shown, to within the last decimal's rounding.
 */
export function formatPercentTenths(change: number): string {
  return `${groupedTenths(roundHalfAway(1000 * change))}%`;
}

/** A spread of reductions in percentage points, to one decimal: 0.2467 → "24.7 percentage points". */
export function formatSpreadPoints(spread: number | null): string {
  if (spread === null || !Number.isFinite(spread)) return NOT_AVAILABLE;
  const tenths = Math.sign(spread) * roundHalfAway(1000 * spread);
  if (tenths === 0 && spread > 0) return 'less than 0.1 percentage points';
  return `${tenths < 0 ? '−' : ''}${groupedTenths(Math.abs(tenths))} percentage points`;
}

/** A 95% interval of proportions: [0.466, 0.691] → "47% to 69%". */
export function formatInterval(ci: readonly [number, number] | null | undefined): string {
  return ci ? `${formatPercent(ci[0])} to ${formatPercent(ci[1])}` : NOT_AVAILABLE;
}

/**
 * p-values: "< 0.001" below a thousandth (with a no-break space, so it never wraps), otherwise
 * three significant digits, so 0.0496 stays 0.0496. A p just under 0.05 never prints as 0.05:
 * four digits are kept when three would round it up to the threshold.
 */
export function formatP(p: number | null | undefined): string {
  if (p === null || p === undefined || !Number.isFinite(p)) return NOT_AVAILABLE;
  if (p < 0.001) return '<\u00a00.001';
  if (p >= 0.9995) return '1';
  const digits = p < 0.05 && Number(p.toPrecision(3)) >= 0.05 ? 4 : 3;
  return p.toPrecision(digits).replace(/0+$/, '').replace(/\.$/, '');
}

/** "p = 0.0071" or "p < 0.001", for prose. */
export function formatPEquals(p: number | null | undefined): string {
  const f = formatP(p);
  return f.startsWith('<') ? `p\u00a0${f}` : f === NOT_AVAILABLE ? 'p not available' : `p = ${f}`;
}

/**
 * Estimates such as slopes and correlations: three significant digits, kept when they end in zeros
 * ("0.180" beside "0.244", "τ = −0.30" beside "−0.57", never "0.18" or "−0.3", which read as less
 * precise), minus sign typeset. From
 * 1,000 up, whole numbers with thousands grouped ("−1,104", never "−1,104.3" beside "−1,852"): more
 * digits than three already, and one precision for every large estimate.
 */
export function formatEstimate(value: number | null | undefined, digits = 3): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return NOT_AVAILABLE;
  const abs = Math.abs(value);
  // Floating-point noise around zero (a fitted slope of 2.2e-16 where the data give none) reads as 0.
  if (abs < 1e-9) return '0';
  const text = abs >= 999.5 ? grouped(Math.round(abs)) : abs < 1e-6 ? Number(abs.toPrecision(digits)).toString() : abs.toPrecision(digits);
  return value < 0 ? `−${text}` : text;
}
