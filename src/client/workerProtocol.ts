// The messages between the page and the data worker (src/client/dataWorker.ts). Types only, plus
// one limit, so that both sides agree on shapes the compiler checks.
import type { AnalysisResult } from '../analysis/analyse.ts';
import type { Problem } from '../analysis/errors.ts';
import type { Dataset } from '../analysis/types.ts';
import type { Derivation } from '../lib/derivations.ts';
import type { OwnFiles, OwnSummary, OwnTexts } from '../lib/ownData.ts';
import type { ViewState } from '../lib/urlState.ts';
import type { RobustnessReply, RobustnessRequest } from '../lib/robustness.ts';

/** Up to this many arrests, the data are also copied to the page (a copy that takes a few ms at most). */
export const MAIN_THREAD_EVENTS = 25_000;

export type WorkerRequest =
  | { id: number; type: 'load'; files: OwnFiles }
  | { id: number; type: 'compute'; state: ViewState }
  | { id: number; type: 'derive'; state: ViewState; path: string }
  | { id: number; type: 'rInputs' }
  | { id: number; type: 'robustness'; request: RobustnessRequest };

export type WorkerReply =
  | { id: number; type: 'progress'; stage: 'checking' | 'analysing'; detail: string }
  | { id: number; type: 'loaded'; ok: false; problems: Problem[] }
  | { id: number; type: 'loaded'; ok: true; problems: Problem[]; texts: OwnTexts; summary: OwnSummary; result: AnalysisResult; dataset?: Dataset }
  | { id: number; type: 'result'; result: AnalysisResult }
  | { id: number; type: 'derivation'; derivation: Derivation | null }
  | { id: number; type: 'rInputs'; ordersCsv: string; eventsCsv: string; harmIndexCsv?: string }
  | { id: number; type: 'robustness'; reply: RobustnessReply }
  | { id: number; type: 'error'; message: string };
