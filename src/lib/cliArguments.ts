// How a view is named outside the page: the command-line arguments that select it (`npm run analyze
// -- …`), as one list, so the command the page shows, the R script's header and the tests all name a
// view the same way (only what differs from the defaults is written); and the part of a download's
// file name that says which view it holds.

/**
 * The command the page and the R script's header name, before its arguments. --silent keeps npm's
 * own lines ("> stro@0.3.0 analyze …") off standard output, so that JSON or an R script redirected
 * to a file (`… --json > results.json`) is only that.
 */
export const ANALYZE = 'npm run --silent analyze --';

export interface ArgumentView {
  window: number;
  categories: readonly string[];
  /** Months left out either side of the order; 0 or absent: none. */
  gap?: number;
  /** A weight set of the harm index; 'data' or absent: harm as recorded. */
  weights?: 'data' | 'central' | 'low' | 'high';
  wilcoxon?: 'current' | 'legacy';
}

export function viewArguments(view: ArgumentView, domain: { span: number; categories: readonly string[] }): string[] {
  const args: string[] = [];
  if (view.window !== domain.span) args.push('--window', String(view.window));
  if (view.gap) args.push('--gap', String(view.gap));
  const chosen = domain.categories.filter((c) => view.categories.includes(c));
  if (chosen.length !== domain.categories.length) args.push('--categories', chosen.join(','));
  if (view.weights && view.weights !== 'data') args.push('--weights', view.weights);
  if (view.wilcoxon === 'legacy') args.push('--wilcoxon', 'legacy');
  return args;
}

/**
 * The arguments that name a reader's own data, before the view's: their files (by the names they
 * chose them under), the design window they declared, and their choices for an arrest outside it
 * and for a harm index.
 */
export interface ArgumentSource {
  orders: { name: string };
  events: { name: string };
  harmIndex?: { name: string } | undefined;
  designWindow: number;
  outsideWindow: 'error' | 'exclude';
  extracted?: string | undefined;
}

export function sourceArguments(source: ArgumentSource): string[] {
  return [
    '--orders', source.orders.name, '--events', source.events.name, '--design-window', String(source.designWindow),
    ...(source.outsideWindow === 'exclude' ? ['--outside-window', 'exclude'] : []),
    ...(source.extracted ? ['--extracted', source.extracted] : []),
    ...(source.harmIndex ? ['--harm-index', source.harmIndex.name] : []),
  ];
}

/** Control characters: a newline in a file name, say, which single quotes would keep but spread over two lines. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/**
 * Arguments as a shell would need them typed: an empty one becomes "", and one with anything but
 * letters, digits and . , / : = + - _ (a file name with a space, say) is put in single quotes. One
 * with a control character is written in bash's $'…' quotes with the character escaped ($'a\nb.csv'),
 * so that the command stays on one line (an R script's "Written by" comment had turned a newline
 * into a space, naming another file) and still names the file exactly.
 */
export function shellWords(args: readonly string[]): string {
  return args.map((a) => {
    if (a === '') return '""';
    if (/^[\w.,/:=+-]+$/.test(a)) return a;
    if (!CONTROL.test(a)) return `'${a.replace(/'/g, `'\\''`)}'`;
    const named: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };
    const escaped = a.replace(/[\\']/g, '\\$&').replace(new RegExp(CONTROL, 'g'), (c) => named[c] ?? (c.charCodeAt(0) < 0x80 ? `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}` : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
    return `$'${escaped}'`;
  }).join(' ');
}

/**
 * The view in a file name: "w12-violence-drugs", "w24-all", "w6-none", then "-gap3" for a gap,
 * "-low" (or -central, -high) for harm weights and "-legacy" for the older test rule.
 */
export function viewFileStem(view: ArgumentView, allCategories: readonly string[]): string {
  const chosen = allCategories.filter((c) => view.categories.includes(c));
  const cats = chosen.length === 0 ? 'none' : chosen.length === allCategories.length ? 'all' : chosen.join('-');
  const gap = view.gap ? `-gap${view.gap}` : '';
  const weights = view.weights && view.weights !== 'data' ? `-${view.weights}` : '';
  return `w${view.window}-${cats.replace(/[^a-z0-9_-]+/gi, '_')}${gap}${weights}${view.wilcoxon === 'legacy' ? '-legacy' : ''}`;
}
