// The messages between the page and the data worker (src/client/dataWorker.ts): their types, one
// limit, and how a result crosses between them (packResult/unpackResult), so that both sides agree
// on shapes the compiler checks.
import type { AnalysisResult, PerOrderRow } from '../analysis/analyse.ts';
import type { Problem } from '../analysis/errors.ts';
import type { Dataset } from '../analysis/types.ts';
import type { CompactDataset } from '../lib/compactDataset.ts';
import type { Derivation } from '../lib/derivations.ts';
import type { OwnFiles, OwnSummary, OwnTexts } from '../lib/ownData.ts';
import type { ViewState } from '../lib/urlState.ts';
import type { RobustnessReply, RobustnessRequest } from '../lib/robustness.ts';

/** Up to this many arrests, the data are also copied to the page (a copy that takes a few ms at most). */
export const MAIN_THREAD_EVENTS = 25_000;

export type WorkerRequest =
  /** version: the engine's (src/client/localEngine.ts ENGINE_VERSION), for the cache key. */
  | { id: number; type: 'load'; files: OwnFiles; version: string | undefined }
  /** Files checked and analysed before (src/client/ownCache.ts): their checked dataset and full view, and the texts the R script needs. */
  | { id: number; type: 'restore'; orders: OwnTexts['orders']; harmIndex?: OwnTexts['harmIndex']; dataset: CompactDataset; result: PackedResult }
  | { id: number; type: 'compute'; state: ViewState }
  | { id: number; type: 'derive'; state: ViewState; path: string }
  | { id: number; type: 'rInputs' }
  | { id: number; type: 'robustness'; request: RobustnessRequest };

export type WorkerReply =
  | { id: number; type: 'progress'; stage: 'checking' | 'analysing'; detail: string }
  | { id: number; type: 'loaded'; ok: false; problems: Problem[] }
  /**
   * dataset: for small data without a compact form; compact: the checked dataset in columns; cache:
   * when the page may keep them (src/client/ownCache.ts), their key, and their exact text when the
   * files are small enough for sessionStorage.
   */
  | { id: number; type: 'loaded'; ok: true; problems: Problem[]; texts: OwnTexts; summary: OwnSummary; result: PackedResult; dataset?: Dataset; compact?: CompactDataset; cache?: { key: string; text?: string } }
  | { id: number; type: 'restored' }
  | { id: number; type: 'result'; result: PackedResult }
  | { id: number; type: 'derivation'; derivation: Derivation | null }
  | { id: number; type: 'rInputs'; ordersCsv: string; eventsCsv: string; harmIndexCsv?: string }
  | { id: number; type: 'robustness'; reply: RobustnessReply }
  | { id: number; type: 'error'; message: string };

/**
 * A result as it crosses to the page: everything but the per-person rows as it is, and those rows
 * as their ids and one array of numbers (transferred, not copied). Copying 41,000 row objects
 * held the page for about 100 ms; rebuilding them from the array takes a fraction of that.
 */
export interface PackedResult {
  rest: Omit<AnalysisResult, 'perOrder'>;
  ids: string[];
  /** Per person, in order: eventsPre, eventsPost, harmPre, harmPost, influenceEvents, influenceHarm (NaN for null). */
  values: Float64Array;
}

const FIELDS = 6;

export function packResult(result: AnalysisResult): { packed: PackedResult; transfer: Transferable[] } {
  const { perOrder, ...rest } = result;
  const values = new Float64Array(perOrder.length * FIELDS);
  perOrder.forEach((r, k) => {
    values.set([r.eventsPre, r.eventsPost, r.harmPre, r.harmPost, r.influenceEvents ?? NaN, r.influenceHarm ?? NaN], k * FIELDS);
  });
  return { packed: { rest, ids: perOrder.map((r) => r.order), values }, transfer: [values.buffer] };
}

export function unpackResult({ rest, ids, values }: PackedResult): AnalysisResult {
  const orNull = (v: number) => (Number.isNaN(v) ? null : v);
  const perOrder: PerOrderRow[] = ids.map((order, k) => {
    const at = k * FIELDS;
    return { order, eventsPre: values[at], eventsPost: values[at + 1], harmPre: values[at + 2], harmPost: values[at + 3], influenceEvents: orNull(values[at + 4]), influenceHarm: orNull(values[at + 5]) };
  });
  // The result's own key order (perOrder between monthly and leaveOneOut), so that downloads are
  // byte for byte the CLI's.
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(rest)) {
    if (key === 'leaveOneOut') out.perOrder = perOrder;
    out[key] = value;
  }
  out.perOrder ??= perOrder;
  return out as unknown as AnalysisResult;
}
