// What the page asks of the data in view, whichever they are: the study's bundled synthetic data
// (analysed on the page, src/client/engine.ts) or the reader's own files (analysed in a Web
// Worker, src/client/localEngine.ts). Types only.
import type { AnalysisResult } from '../analysis/analyse.ts';
import type { Dataset } from '../analysis/types.ts';
import type { Derivation } from '../lib/derivations.ts';
import type { OwnSummary } from '../lib/ownData.ts';
import type { StateDomain, ViewState } from '../lib/urlState.ts';
import type { RobustnessReply, RobustnessRequest } from '../lib/robustness.ts';

export interface Engine {
  kind: 'study' | 'local';
  /** The views these data allow: windows 1 … span, their categories and the harm index's weight sets. */
  domain: StateDomain;
  /** Readable category names, from the data's manifest or the codes. */
  categoryNames: Record<string, string>;
  /** The data on the page itself, when they are small enough to copy there; else null. */
  dataset: Dataset | null;
  /**
   * `idle`: the page is not answering a reader's change (it is loading, or idle), so the study engine
   * may wait for its warm-up worker's answer for this view rather than analyse it again (see
   * src/client/warmQueue.ts).
   */
  compute(state: ViewState, options?: { idle?: boolean }): Promise<AnalysisResult>;
  /** Optionally, compute the views a reader is likely to choose next, while the browser is idle. */
  warm?(state: ViewState): void;
  /**
   * The tests whose verdict would differ under the other version of R's paired test
   * (src/lib/ruleFlips.ts), in words; null when both versions agree.
   */
  ruleFlips(state: ViewState): Promise<string | null>;
  /** Where a number comes from (src/lib/derivations.ts), for the view given. */
  derive(state: ViewState, path: string): Promise<Derivation | null>;
  /**
   * The CSV texts the emitted R script reads (events with months and harm, whatever the input had),
   * and the harm index the data's weights come from, when they have one.
   */
  rInputs(): Promise<{ ordersCsv: string; eventsCsv: string; harmIndexCsv?: string }>;
  /** The reader's data only: what was loaded (file names, sizes, choices), for the banner and the R script. */
  local?: { summary: OwnSummary };
  /** The reader's data only: the robustness page's heavy computations, in their worker (the study's have a worker of their own). */
  robustness?(request: RobustnessRequest): Promise<RobustnessReply>;
}
