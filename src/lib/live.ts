// Live values in the page. The build renders each one for the default view; in the browser the
// same functions run again on every change of state. Markup carries only names:
//   <span data-live="byCategory.violence.events.reduction" data-format="percent">50%</span>
//   <span data-say="headline">Across the 41 analysed orders, …</span>
// so nothing from the data is ever interpreted as HTML (values are set as text).

import type { AnalysisResult } from '../analysis/analyse.ts';
import { formatEstimate, formatInterval, formatNumber, formatP, formatPEquals, formatPercent, NOT_AVAILABLE } from './format.ts';
import * as say from './wording.ts';

export const FORMATS = {
  number: (v: unknown) => formatNumber(v as number),
  percent: (v: unknown) => formatPercent(v as number),
  interval: (v: unknown) => formatInterval(v as [number, number] | null),
  p: (v: unknown) => formatP(v as number),
  pEquals: (v: unknown) => formatPEquals(v as number),
  estimate: (v: unknown) => formatEstimate(v as number),
  text: (v: unknown) => (v === null || v === undefined ? NOT_AVAILABLE : String(v)),
} as const;
export type FormatName = keyof typeof FORMATS;

/** The value at a dotted path of the result, e.g. "byCategory.drugs.harm.test.p"; undefined if absent. */
export function valueAt(result: AnalysisResult, path: string): unknown {
  let v: unknown = result;
  for (const key of path.split('.')) {
    if (v === null || typeof v !== 'object' || !Object.hasOwn(v, key)) return undefined;
    v = (v as Record<string, unknown>)[key];
  }
  return v;
}

export function liveText(result: AnalysisResult, path: string, format: FormatName = 'number'): string {
  const f = FORMATS[format] ?? FORMATS.text;
  return f(valueAt(result, path));
}

/** Named sentences; a name may carry an argument after a colon, e.g. "significance:events". */
/** The measure named by "events", "harm", "events.drugs" or "harm.violence" in the result, if in view. */
function measureAt(r: AnalysisResult, spec = 'events'): AnalysisResult['events'] | undefined {
  const [measure, category] = spec.split('.') as ['events' | 'harm', string | undefined];
  return category ? r.byCategory[category]?.[measure] : r[measure];
}

/** Named sentences; a name may carry an argument after a colon, e.g. "significance:events". */
export const SENTENCES: Record<string, (r: AnalysisResult, arg?: string) => string> = {
  headline: say.headline,
  harmChange: say.harmChange,
  trend: (r, which) => say.trendSentence(r, which === 'events' ? 'events' : 'harm'),
  correlation: say.correlationSentence,
  harmVersusVolume: say.harmVersusVolume,
  verdict: (r, id = '') => say.verdict(r, id),
  viewName: (r) => `${say.count(r.window, 'month')} before and after, ${say.categoryList(r)}`,
  command: (r) => {
    const args = ['npm run analyze --'];
    if (r.window !== r.domain.span) args.push(`--window ${r.window}`);
    if (r.categories.length !== r.domain.categories.length) {
      args.push(r.categories.length === 0 ? '--categories ""' : `--categories ${r.categories.join(',')}`);
    }
    args.push('--json');
    return args.join(' ');
  },
  significance: (r, spec) => {
    if (say.isEmpty(r)) return say.EMPTY_VIEW;
    const m = measureAt(r, spec);
    const [measure, category] = (spec ?? 'events').split('.');
    if (!m) return 'This category is not in the current view.';
    return say.significance(m, `the change in ${measure === 'harm' ? 'harm' : 'arrests'}${category ? ` for ${r.categoryNames[category].toLowerCase()}` : ''}`);
  },
};

export function sentence(result: AnalysisResult, spec: string): string {
  const at = spec.indexOf(':');
  const name = at < 0 ? spec : spec.slice(0, at);
  const arg = at < 0 ? undefined : spec.slice(at + 1);
  const f = SENTENCES[name];
  return f ? f(result, arg) : NOT_AVAILABLE;
}
