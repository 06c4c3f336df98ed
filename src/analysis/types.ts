// The shapes that flow through the engine. Everything here is plain data (JSON-serialisable),
// so the same objects can be printed by the CLI, embedded in the static HTML and sent to a browser.

import type { Problem } from './errors.ts';

/** Why an order is, or is not, in the analysed sample (the article's 114 → 49 → 41 flow). */
export type Sample = 'analysed' | 'excluded_followup' | 'excluded_data';
export const SAMPLES: readonly Sample[] = ['analysed', 'excluded_followup', 'excluded_data'];

/** One slavery and trafficking risk order in the register (a row of orders.csv). */
export interface Order {
  id: string;
  /** Issue quarter, `YYYY-Qn`: no finer date, for anonymity. */
  issued: string;
  sample: Sample;
  /** Whole months; null means "until further order". */
  durationMonths: number | null;
  conditions: string[];
  /**
   * Months of the design window before the order that the person spent in custody or abroad
   * (optional column months_unavailable_before, 0 … design window); absent when not given.
   */
  monthsUnavailableBefore?: number;
  /** The same for the design window after the order (months_unavailable_after). */
  monthsUnavailableAfter?: number;
}

/** One offending event (an arrest) of an analysed order (a row of events.csv). */
export interface OffendingEvent {
  orderId: string;
  /** Months relative to issue: −W … −1 before, 1 … W after; never 0. */
  month: number;
  category: string;
  offence: string;
  /** Cambridge Crime Harm Index value of the offence, in days. */
  harm: number;
}

/** A validated dataset: what `parseDataset` returns and `analyse` takes. */
export interface Dataset {
  orders: Order[];
  events: OffendingEvent[];
  /**
   * The design window: the months either side of each order that the data were collected for
   * (declared by the study's manifest, or chosen by the reader; never inferred from the events).
   * Windows 1 … span can be analysed.
   */
  span: number;
  /** Every category code present in the events, in display order. */
  categories: string[];
  /** Readable names for categories, from the manifest; others are named by categoryName(). */
  categoryNames?: Record<string, string>;
  /** Events left out because they fell outside the design window (only with outsideWindow: 'exclude'). */
  excludedOutsideWindow?: number;
  /** Events dated on their order's own date (month 0), which no period counts: said, not dropped unseen. */
  onOrderDate?: number;
  /** The date the data were extracted, when the reader declared it (every follow-up was checked against it). */
  extracted?: string;
  /** What the data say about themselves (data/study.json for the bundled data). */
  manifest?: StudyManifest;
  /**
   * The harm index that came with the data (data/harm-index.csv for the bundled data), validated,
   * with all its weight sets: what `analyse(…, { weights })` takes each event's harm from, by
   * offence, instead of the event's own harm. Absent when no index was given.
   */
  harmIndex?: HarmIndex;
}

/**
 * A set of harm weights in a harm index: `central` is the column harm_days (the weights used when
 * an events file has no harm column), `low` and `high` are the sensitivity columns sens_low and
 * sens_high. `'data'` (in a result) means no set was chosen: each event's harm as the dataset
 * carries it (events.csv's harm column, or harm_days looked up when the file had no harm column).
 */
export type WeightSet = 'central' | 'low' | 'high';
/** Where each event's harm comes from: 'data' (as the dataset carries it) or a weight set of its harm index. */
export type HarmSource = 'data' | WeightSet;
export const WEIGHT_SETS: readonly WeightSet[] = ['central', 'low', 'high'];
/** The column of a harm index that holds each weight set. */
export const WEIGHT_COLUMNS: Readonly<Record<WeightSet, string>> = { central: 'harm_days', low: 'sens_low', high: 'sens_high' };

/** A validated harm index: every offence once, each with the weights (days) the index gives it. */
export interface HarmIndex {
  /** The index's file name, for messages. */
  file: string;
  /** The weight sets the index has: always central; low and high when it has sens_low and sens_high. */
  sets: WeightSet[];
  /** One row per offence, in the index's order; `low` and `high` are present exactly when `sets` names them. */
  offences: { offence: string; central: number; low?: number; high?: number }[];
  /**
   * Events whose offence the index does not list, one problem each, naming the events file's row
   * and the offence. They matter only when weights are asked for: then the first is the error.
   */
  unmatched: Problem[];
}

/**
 * A dataset's description of itself: data/study.json for the bundled data. Readers' own data get
 * one built from their choices (synthetic and calibrated false), so that nothing describes their
 * data as the study's.
 */
export interface StudyManifest {
  title?: string;
  /** Months before and after each order that the data cover. */
  designWindow: number;
  /** Category codes with readable names, in display order. */
  categories?: { code: string; name: string }[];
  /** Where the harm weights come from, in words, and the file if there is one. */
  harm?: { source: string; file?: string; illustrative?: boolean };
  /** Made-up records (true for the bundled data). */
  synthetic: boolean;
  /** Made to reproduce the article's published aggregates (true for the bundled data). */
  calibrated: boolean;
  /** How the follow-up is described, e.g. "two full years of follow-up"; absent for readers' data. */
  followup?: string;
}

export interface AnalysisOptions {
  /** Months before and after the order to compare; 1 … dataset.span. Default: dataset.span. */
  window?: number;
  /** Category codes to include; default all. An empty list is allowed and gives an empty result. */
  categories?: readonly string[];
  /** Which R the paired Wilcoxon tests follow: 'current' (R 4.6, the default) or 'legacy' (R ≤ 4.5). */
  wilcoxon?: 'current' | 'legacy';
  /**
   * Months either side of the order left out of every figure (a "donut"): months −K … −1 and
   * 1 … K. A whole number 0 ≤ K < window; default 0 (nothing left out).
   */
  gap?: number;
  /**
   * Take each event's harm from the dataset's harm index by offence, with this weight set, instead
   * of the harm the event carries. Default 'data': the harm as the data give it.
   */
  weights?: HarmSource;
}
