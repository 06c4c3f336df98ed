// The default view, computed once at build time: what the static HTML shows before (or without)
// any JavaScript, and what the browser compares the URL's state against.
import { analyse } from '../analysis/analyse.ts';
import { dataset } from './bundled.ts';
import { defaultState } from './urlState.ts';

export const domain = { span: dataset.span, categories: dataset.categories };
export const defaultResult = analyse(dataset, defaultState(domain));
