// The messages between the page and the data worker (src/client/dataWorker.ts): their types, one
// limit, and how a result crosses between them (packResult/unpackResult), so that both sides agree
// on shapes the compiler checks.
import type { AnalysisResult, PerOrderRow } from '../analysis/analyse.ts';
import type { Problem } from '../analysis/errors.ts';
import type { Dataset } from '../analysis/types.ts';
import type { CompactDataset } from '../lib/compactDataset.ts';
import type { Derivation } from '../lib/derivations.ts';
import type { OwnFiles, OwnSummary, OwnTexts, OwnTidied } from '../lib/ownData.ts';
import type { ViewState } from '../lib/urlState.ts';
import type { RobustnessReply, RobustnessRequest } from '../lib/robustness.ts';

/** Up to this many arrests, the data are also copied to the page (a copy that takes a few ms at most). */
export const MAIN_THREAD_EVENTS = 25_000;

export type WorkerRequest =
  /**
   * store: keep files too large for sessionStorage in IndexedDB here, in the worker, so that they
   * never cross to the page (and replace the remembered copy, if the reader keeps theirs).
   */
  | { id: number; type: 'load'; files: OwnFiles; store?: { remembered: boolean } }
  /** Open this tab's copy in IndexedDB (src/client/ownStorage.ts): restored from its cache if that matches, else checked and analysed again. */
  | { id: number; type: 'open'; ref: string; version: string | undefined }
  /** "Remember on this device" for a tab's copy in IndexedDB: copied there by the worker, never through the page. */
  | { id: number; type: 'remember'; ref: string }
  /** Files checked and analysed before (src/client/ownCache.ts): their checked dataset and full view, and the texts the R script needs. */
  | { id: number; type: 'restore'; orders: OwnTexts['orders']; harmIndex?: OwnTexts['harmIndex']; dataset: CompactDataset; result: PackedResult }
  | { id: number; type: 'compute'; state: ViewState }
  | { id: number; type: 'derive'; state: ViewState; path: string }
  | { id: number; type: 'ruleFlips'; state: ViewState }
  | { id: number; type: 'rInputs' }
  | { id: number; type: 'robustness'; request: RobustnessRequest }
  /**
   * After a load: what the page may keep beside the files (src/client/ownCache.ts), made once the
   * page has the result, not before. load: that load's id; version: the engine's
   * (localEngine.ts ENGINE_VERSION), for the key.
   */
  | { id: number; type: 'keep'; load: number; version: string | undefined };

export type WorkerReply =
  | { id: number; type: 'progress'; stage: 'checking' | 'analysing'; detail: string }
  | { id: number; type: 'loaded'; ok: false; problems: Problem[]; tidied?: OwnTidied }
  /**
   * dataset: for small data without a compact form; compact: the checked dataset in columns (for
   * small data only, after an open). texts: the files, unless they stay in the worker's keeping:
   * stored, the key of the copy it has just put in IndexedDB, or after an open. fromCache: an open
   * that found the files' cache, so nothing was checked or analysed again.
   */
  | { id: number; type: 'loaded'; ok: true; problems: Problem[]; tidied?: OwnTidied; texts?: OwnTexts; stored?: string; fromCache?: boolean; summary: OwnSummary; result: PackedResult; dataset?: Dataset; compact?: CompactDataset }
  /** An open (or a remember) whose copy is not in IndexedDB (deleted, or the storage unavailable). */
  | { id: number; type: 'missing' }
  | { id: number; type: 'remembered' }
  /**
   * The cache key of the files just loaded (null where they cannot be kept: no Web Crypto, no
   * compact form), and the cache's exact text when the files are small enough for sessionStorage;
   * stored: the worker has put the cache beside the files' copy in IndexedDB itself.
   */
  | { id: number; type: 'kept'; key: string | null; text?: string; stored?: boolean }
  | { id: number; type: 'restored' }
  | { id: number; type: 'result'; result: PackedResult }
  | { id: number; type: 'derivation'; derivation: Derivation | null }
  | { id: number; type: 'ruleFlips'; words: string | null }
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
  // The result's own key order (perOrder straight after monthly), so that downloads are byte for
  // byte the CLI's.
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(rest)) {
    out[key] = value;
    if (key === 'monthly') out.perOrder = perOrder;
  }
  out.perOrder ??= perOrder;
  return out as unknown as AnalysisResult;
}
