// The default view, computed once at build time: what the static HTML shows before (or without)
// any JavaScript, and what the browser compares the URL's state against.
import { analyse } from '../analysis/analyse.ts';
import { dataset } from './bundled.ts';
import { defaultState, type StateDomain } from './urlState.ts';

/** What the URL may ask of these data: windows up to the span, their categories, and the harm index's weight sets (none if it cannot weight every event). */
export const domain = {
  span: dataset.span,
  categories: dataset.categories,
  weights: dataset.harmIndex && dataset.harmIndex.unmatched.length === 0 ? dataset.harmIndex.sets : [],
} satisfies StateDomain;
export const defaultResult = analyse(dataset, defaultState(domain));
