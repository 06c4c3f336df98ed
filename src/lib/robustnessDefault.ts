// The "How robust is it?" page for the study's default view, computed once at build time: what the
// static HTML shows before (or without) any JavaScript. The browser recomputes the same things
// with the same functions (src/lib/robustness.ts) when the view changes.
import { specificationCurve } from '../analysis/specificationCurve.ts';
import { dataset } from './bundled.ts';
import { defaultResult, domain } from './defaultView.ts';
import { DEFAULT_LOOKBACK, DEFAULT_SELECTION, DEFAULT_UNAVAILABLE, gapCurveRows, libertyFor, nullWorldFor, type RobustnessFigureContext } from './robustness.ts';
import { defaultState } from './urlState.ts';

const state = defaultState(domain);

export const defaultRobustness: RobustnessFigureContext = {
  result: defaultResult,
  state,
  gapRows: gapCurveRows(dataset, state),
  world: nullWorldFor(defaultResult, DEFAULT_SELECTION, DEFAULT_LOOKBACK),
  liberty: libertyFor(defaultResult, DEFAULT_UNAVAILABLE, dataset),
  curve: specificationCurve(dataset, { categories: state.categories }),
};
