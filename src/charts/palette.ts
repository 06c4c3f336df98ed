// Colours. Categories use the Okabe–Ito palette, which stays distinguishable under the common
// colour-vision deficiencies; each study category keeps its colour on every figure and in every
// state. Okabe–Ito yellow (#F0E442) is left out: at 1.2:1 against white it cannot carry a mark.
// Before/after is never told by colour alone: position and labels carry it, and the after marks
// are a lighter or hollow version of the before marks, which also survives greyscale printing.

import type { AnalysisResult } from '../analysis/analyse.ts';

/** The study's four categories. */
export const CATEGORY_COLORS: Readonly<Record<string, string>> = {
  modern_slavery: '#0072B2', // blue
  violence: '#D55E00', // vermillion
  drugs: '#009E73', // bluish green
  other: '#CC79A7', // reddish purple
};

/** Colours for any other category a reader's data bring, used in turn. */
export const EXTRA_COLORS: readonly string[] = ['#E69F00', '#56B4E9', '#000000'];

/** A category's colour; `index` is its position in the dataset's category list (used only for codes outside the study's four). */
export function categoryColor(code: string, index: number): string {
  if (Object.hasOwn(CATEGORY_COLORS, code)) return CATEGORY_COLORS[code];
  const k = Number.isInteger(index) && index >= 0 ? index : 0;
  return EXTRA_COLORS[k % EXTRA_COLORS.length];
}

/** Plot's `color` options for the categories shown, in display order, identical on every figure. */
export function colorScale(
  result: Pick<AnalysisResult, 'categories'>,
  allCategories: readonly string[] = result.categories,
): { domain: string[]; range: string[] } {
  const domain = [...result.categories];
  const position = (c: string, k: number) => (allCategories.includes(c) ? allCategories.indexOf(c) : k);
  return { domain, range: domain.map((c, k) => categoryColor(c, position(c, k))) };
}

/** Before and after, for figures without categories: a dark and a mid grey (both at least 3:1 on white). */
export const periodColors = { pre: '#404040', post: '#8F8F8F' } as const;

/** On category figures the after mark is the category colour at this opacity, outlined in the full colour. */
export const AFTER_OPACITY = 0.4;
