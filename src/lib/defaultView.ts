// The default view, computed once at build time: what the static HTML shows before (or without)
// any JavaScript, and what the browser compares the URL's state against.
import { analyse } from '../analysis/analyse.ts';
import { dataset } from './bundled.ts';
import { defaultState, domainOf } from './urlState.ts';

/** What the URL may ask of these data: windows up to the span, their categories, and the harm index's weight sets. */
export const domain = domainOf(dataset);
export const defaultResult = analyse(dataset, defaultState(domain));
