// Number formats shared by the CLI, the pages and the downloads, so that one state always reads
// the same everywhere. Every function accepts null (a value the data cannot give) and says so in
// words instead of printing NaN.

export const NOT_AVAILABLE = 'n/a';

const grouped = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });

/** 210 → "210"; 32424.5 → "32,424.5"; null → "n/a". */
export function formatNumber(value: number | null | undefined): string {
  return value === null || value === undefined || !Number.isFinite(value) ? NOT_AVAILABLE : grouped.format(value);
}

/** A proportion as a whole percentage, as the article reports them: 0.557 → "56%", −0.28 → "−28%". */
export function formatPercent(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return NOT_AVAILABLE;
  const whole = Math.round(100 * value);
  return whole < 0 ? `−${-whole}%` : `${whole}%`;
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

/** Estimates such as slopes and correlations: three significant digits, minus sign typeset. */
export function formatEstimate(value: number | null | undefined, digits = 3): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return NOT_AVAILABLE;
  if (value === 0) return '0';
  const abs = Math.abs(value);
  const text = abs >= 1000 ? grouped.format(abs) : Number(abs.toPrecision(digits)).toString();
  return value < 0 ? `−${text}` : text;
}
