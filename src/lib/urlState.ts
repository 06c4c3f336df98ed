// The view state (window and categories) in the URL query, as a pure parse/serialise pair.
// Only values that differ from the defaults are written, so the default view has a clean URL.
// The parser never throws: anything malformed, unknown or hostile is dropped and the default
// used instead, so a shared link can at worst show the default view.
//
//   ?w=12                 window of 12 months, all categories
//   ?c=violence,drugs     24 months, two categories
//   ?c=none               no category selected (an explicit, empty view)

export interface ViewState {
  window: number;
  categories: string[];
}

/** What the parser needs to know about the data: the widest window and the known categories. */
export interface StateDomain {
  span: number;
  categories: readonly string[];
}

export function defaultState(domain: StateDomain): ViewState {
  return { window: domain.span, categories: [...domain.categories] };
}

export function parseState(search: string, domain: StateDomain): ViewState {
  const state = defaultState(domain);
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(search);
  } catch {
    return state;
  }
  const w = params.get('w');
  if (w !== null && /^\d{1,3}$/.test(w)) {
    const window = Number(w);
    if (window >= 1 && window <= domain.span) state.window = window;
  }
  const c = params.get('c');
  if (c !== null) {
    if (c === 'none') state.categories = [];
    else {
      const asked = new Set(c.split(','));
      const known = domain.categories.filter((k) => asked.has(k));
      if (known.length > 0) state.categories = known;
    }
  }
  return state;
}

/** The query string for a state ('' for the default view), categories in the data's order. */
export function serialiseState(state: ViewState, domain: StateDomain): string {
  const params: string[] = [];
  if (state.window !== domain.span) params.push(`w=${state.window}`);
  const chosen = domain.categories.filter((c) => state.categories.includes(c));
  if (chosen.length === 0) params.push('c=none');
  else if (chosen.length !== domain.categories.length) params.push(`c=${chosen.join(',')}`);
  return params.length > 0 ? `?${params.join('&')}` : '';
}

export function sameState(a: ViewState, b: ViewState): boolean {
  return a.window === b.window && a.categories.length === b.categories.length && a.categories.every((c, k) => c === b.categories[k]);
}
