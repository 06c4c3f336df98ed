/**
 * How tall a figure will be, guessed before the browser lays it out.
 *
 * Figures well off screen are skipped by the browser (`content-visibility: auto` in global.css),
 * which then gives each one the height named by `contain-intrinsic-size` until it first comes near
 * the screen. A guess far from the truth moves everything after the figure when it is drawn: the
 * scroll bar jumps and a link to a place below it lands a screen away. One height for every
 * figure was off by more than half on phones (520px against 593–1,132px). So each figure gets its
 * own guess, worked out in the build from what it holds: the chart's drawn height, a line or two
 * for its legend, and its words as lines of text at the column's width.
 *
 * The guesses are for the two widths the build draws (src/lib/figures.ts): a 640px chart in a
 * 704px column, and a 320px chart in the 350px column of a 390px phone. The browser keeps a
 * figure's real height once it has drawn it (the `auto` in `contain-intrinsic-size`), so a guess
 * only has to be close for the first visit. tests/e2e/figure-size.spec.ts holds each guess to the
 * figure's laid-out height at both widths.
 */

export type FigureWidthClass = 'wide' | 'narrow';

/** Line height of a caption or inspector line (0.95rem at the page's 1.55 line height), in px. */
const LINE = 23.6;
/** Characters of caption text per line: measured on the report's captions at each column width. */
const CHARS_PER_LINE: Record<FigureWidthClass, number> = { wide: 86, narrow: 42 };
/** A legend's row of swatches: one line wide, two on a phone. */
const LEGEND: Record<FigureWidthClass, number> = { wide: 22, narrow: 44 };
/** "Show as table" and the spaces between the parts of a figure. */
const FRAME = 46;
/** The inspector's padding and the spaces around it. */
const INSPECTOR_FRAME = 30;

/** Lines a run of text takes at this width (a bold title and long words leave lines short, hence 0.5 spare). */
function lines(chars: number, width: FigureWidthClass): number {
  return chars === 0 ? 0 : Math.ceil(chars / CHARS_PER_LINE[width] + 0.5);
}

/** The chart's drawn height in an element drawn by Plot: its tallest <svg>, plus its legend's row. */
export function chartHeight(el: Element, width: FigureWidthClass): number {
  const svgs = el.tagName.toLowerCase() === 'svg' ? [el] : [...el.querySelectorAll('svg')];
  const tallest = Math.max(0, ...svgs.map((s) => Number(s.getAttribute('height')) || 0));
  const legend = el.querySelector('[class$="-swatches"], [class*="-swatches "]') ? LEGEND[width] : 0;
  return tallest + legend;
}

export interface FigureParts {
  /** the chart's drawn height (chartHeight) */
  chart: number;
  /** characters of the caption, title included */
  caption: number;
  /** characters of the inspector's text, if the figure has one */
  inspector?: number;
}

/** The guessed height of a whole figure, in whole pixels. */
export function estimateFigureHeight(parts: FigureParts, width: FigureWidthClass): number {
  const inspector = parts.inspector ? lines(parts.inspector, width) * LINE + INSPECTOR_FRAME : 0;
  return Math.round(parts.chart + lines(parts.caption, width) * LINE + inspector + FRAME);
}

/**
 * The figure's style attribute: its two guesses, which global.css hands to contain-intrinsic-size,
 * from the build's two drawings and the characters of its caption and inspector.
 */
export function figureSizeStyle(drawn: { wide: Element; narrow: Element }, words: { caption: number; inspector?: number }): string {
  const guess = (width: FigureWidthClass) => estimateFigureHeight({ chart: chartHeight(drawn[width], width), ...words }, width);
  return `--figure-wide: ${guess('wide')}px; --figure-narrow: ${guess('narrow')}px`;
}

/** What each figure's caption says of the study's bundled data, after its title (hidden on a reader's own data). */
export const STUDY_NOTE = 'Synthetic data.';
