// Colours. Categories use the Okabe–Ito palette, which stays distinguishable under the common
// colour-vision deficiencies; each study category keeps its colour on every figure and in every
// state. Okabe–Ito yellow (#F0E442) is left out: at 1.2:1 against white it cannot carry a mark.
//
// Non-text contrast (WCAG 1.4.11): some fills are below 3:1 against the white background
// (reddish purple #CC79A7 is about 3.1:1, orange and sky blue about 2.3:1, and every "after" tint
// far less). So every category mark is outlined in its category's stroke colour: the same hue,
// darkened until it reaches at least 4.5:1 against white (a colour that already does is its own
// stroke). The fill keeps the Okabe–Ito hue, so legends and the controls still show the category colour.
//
// Before/after is never told by colour alone: position and labels carry it, and the after marks
// are a lighter (tinted, outlined) or hollow version of the before marks, which also survives
// greyscale printing.

import type { AnalysisResult } from '../analysis/analyse.ts';

/** The study's four categories. */
export const CATEGORY_COLORS: Readonly<Record<string, string>> = {
  modern_slavery: '#0072B2', // blue
  violence: '#D55E00', // vermillion
  drugs: '#009E73', // bluish green
  other: '#CC79A7', // reddish purple
};

/**
 * Colours for any other category a reader's data bring. Black is taken last (after the colours of
 * study categories the data do not have), as the gap curve's overall line is black.
 */
export const EXTRA_COLORS: readonly string[] = ['#E69F00', '#56B4E9', '#000000'];

/**
 * The outline of each colour above: its RGB channels scaled down by one factor (same hue) to the
 * first value at or above 4.5:1 against white, rounded to hex. tests/charts.test.ts checks both.
 */
const STROKES: Readonly<Record<string, string>> = {
  '#0072B2': '#0072B2', // 5.2:1 already
  '#D55E00': '#C35600',
  '#009E73': '#008762',
  '#CC79A7': '#A46186',
  '#E69F00': '#9E6D00',
  '#56B4E9': '#3C7DA2',
  '#000000': '#000000',
};

/**
 * A category's colour. The study's four keep theirs; any other takes, by its place among the
 * dataset's categories (`allCategories`) that are not the study's, orange and sky blue, then the
 * colours of those study categories the dataset does not have, then black. So a reader's data with up
 * to seven categories never give two the same colour, whatever their codes and order, and each keeps
 * its colour when the reader leaves others out. Beyond that the colours repeat (the Okabe–Ito
 * palette has no more that stay apart): the names in keys, labels and tables tell those apart.
 */
export function categoryColor(code: string, allCategories: readonly string[]): string {
  if (Object.hasOwn(CATEGORY_COLORS, code)) return CATEGORY_COLORS[code];
  const k = allCategories.filter((c) => !Object.hasOwn(CATEGORY_COLORS, c)).indexOf(code);
  const unused = Object.keys(CATEGORY_COLORS).filter((c) => !allCategories.includes(c)).map((c) => CATEGORY_COLORS[c]);
  const free = [...EXTRA_COLORS.slice(0, -1), ...unused, EXTRA_COLORS.at(-1)!];
  return free[Math.max(0, k) % free.length];
}

/** The outline of a category's marks: its colour's hue, at least 4.5:1 against white. */
export function categoryStroke(code: string, allCategories: readonly string[]): string {
  return STROKES[categoryColor(code, allCategories)];
}

/** The list colours are taken from: the dataset's categories, or (for a category not in it) those shown. */
export const colourList = (shown: readonly string[], allCategories: readonly string[] = shown): readonly string[] =>
  shown.every((c) => allCategories.includes(c)) ? allCategories : shown;

/** Plot's `color` options for the categories shown, in display order, identical on every figure. */
export function colorScale(
  result: Pick<AnalysisResult, 'categories'>,
  allCategories: readonly string[] = result.categories,
): { domain: string[]; range: string[] } {
  const list = colourList(result.categories, allCategories);
  return { domain: [...result.categories], range: result.categories.map((c) => categoryColor(c, list)) };
}

/** Category code → outline colour, for the categories shown (a literal colour, so Plot does not rescale it). */
export function strokeOf(result: Pick<AnalysisResult, 'categories'>, allCategories: readonly string[] = result.categories): (code: string) => string {
  const list = colourList(result.categories, allCategories);
  const strokes = new Map(result.categories.map((c) => [c, categoryStroke(c, list)]));
  return (code) => strokes.get(code) ?? 'currentColor';
}

/** Before and after, for figures without categories: a dark and a mid grey (10.4:1 and 3.2:1 on white). */
export const periodColors = { pre: '#404040', post: '#8F8F8F' } as const;

/** On category figures the after mark is the category colour at this opacity, outlined in the category's stroke colour. */
export const AFTER_OPACITY = 0.4;
