// Which drawing of a figure is on screen, and whether it needs redrawing for its column. The build
// draws each chart twice, at FIGURE_WIDTH and at NARROW_WIDTH (src/lib/figures.ts), and CSS shows
// one of them (src/components/Figure.astro); the other has display: none, which also takes it out
// of the accessibility tree. The client redraws a chart at its column's width only when the column
// is far from the drawing shown (see isFar), so on most screens the page needs no script to show
// legible charts. No imports: main.ts loads this at start-up.

/** A chart is redrawn when its column is this much wider than the drawing (it would leave a wide margin). */
export const WIDER_BY = 0.2;

/** The drawing shown in a .plot: the variant CSS displays, or the plot itself once the client has redrawn it. */
export function shownDrawing(plot: HTMLElement): HTMLElement {
  const variants = plot.querySelectorAll<HTMLElement>(':scope > [data-width]');
  for (const v of variants) if (v.checkVisibility ? v.checkVisibility() : v.getClientRects().length > 0) return v;
  return plot;
}

/** The width the shown drawing was drawn at, from the build's data-width (undefined once redrawn: the caller keeps that). */
export const variantWidth = (plot: HTMLElement): number | undefined => {
  const v = shownDrawing(plot);
  return v === plot ? undefined : Number(v.dataset.width);
};

/**
 * Whether a drawing `drawn` px wide should be redrawn for a column `width` px wide. Narrower: the
 * chart would be scaled down and its smallest text (11px) read below 11px. Much wider: it would
 * leave a wide empty margin. Anything in between is shown as drawn, at the size of text drawn.
 */
export const isFar = (width: number, drawn: number): boolean => width < drawn || width > drawn * (1 + WIDER_BY);
