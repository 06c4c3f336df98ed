// Types shared by every figure: the options a caller may pass, what a figure returns, and the
// "show as table" alternative that each figure file also exports.

import type * as Plot from '@observablehq/plot';
import type { AnalysisResult } from '../analysis/analyse.ts';

export interface ChartOptions {
  /** The document to create elements in; required outside the browser (pass linkedom's at build time). */
  document?: Document;
  /** Outer width in pixels; default 640. */
  width?: number;
  /**
   * The dataset's full category list (dataset.categories). A reader's own category codes take
   * their colour from their position in it, so colours stay put when the reader filters.
   * Default: result.categories.
   */
  allCategories?: readonly string[];
  /**
   * The study's own view, analyse(dataset, defaultState(domain)): 24 months, all categories,
   * current rule. When the view shown differs from it in what a figure draws (the window or the
   * categories), the figure keeps a faint trace of the study's values behind the current ones.
   */
  study?: AnalysisResult;
  /** Fix the value axes (and the months) at the study's scale, so a smaller view draws smaller. Default false. */
  studyScale?: boolean;
  /**
   * The data are a reader's own, not the study's: figures whose words describe the study's data
   * (the sample flow's reasons) describe theirs instead.
   */
  ownData?: boolean;
}

/** What Plot.plot returns: an <svg>, or a <figure> holding a legend and the <svg>; with `.scale(name)`. */
export type Figure = (SVGSVGElement | HTMLElement) & Plot.Plot;

/** The "show as table" alternative: exactly the numbers the figure draws, already formatted. */
export interface ChartTable {
  caption: string;
  columns: string[];
  rows: string[][];
}
