// The shapes that flow through the engine. Everything here is plain data (JSON-serialisable),
// so the same objects can be printed by the CLI, embedded in the static HTML and sent to a browser.

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
  /** The widest window the data support: the largest |month| of any event. */
  span: number;
  /** Every category code present in the events, in display order. */
  categories: string[];
}

export interface AnalysisOptions {
  /** Months before and after the order to compare; 1 … dataset.span. Default: dataset.span. */
  window?: number;
  /** Category codes to include; default all. An empty list is allowed and gives an empty result. */
  categories?: readonly string[];
  /** Which R the paired Wilcoxon tests follow: 'current' (R ≥ 4.6.0, the default) or 'legacy' (R ≤ 4.5). */
  wilcoxon?: 'current' | 'legacy';
}
