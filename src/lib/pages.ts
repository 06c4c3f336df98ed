// The report's pages, in reading order: navigation, previous/next links and tests use this list.
// `live`: the page has content that follows the view (numbers, sentences, tables or figures that
// recompute), so it shows the view controls; the others show only a one-line summary of the view
// that links to a page with the controls.
export const PAGES = [
  { slug: '', title: 'Overview', short: 'Overview', live: true },
  { slug: 'background/', title: 'Background: what an STRO is', short: 'Background', live: false },
  { slug: 'method/', title: 'Method', short: 'Method', live: true },
  { slug: 'results/', title: 'Results: before and after', short: 'Results', live: true },
  { slug: 'trends/', title: 'Trends over time', short: 'Trends', live: true },
  { slug: 'robustness/', title: 'How robust is it?', short: 'How robust?', live: true },
  { slug: 'conclusions/', title: 'Conclusions and limits', short: 'Conclusions', live: true },
  { slug: 'data/', title: 'Data and methods for reviewers', short: 'Data and methods', live: true },
  { slug: 'own-data/', title: 'Use your own data', short: 'Your own data', live: false },
  { slug: 'changelog/', title: 'Changelog', short: 'Changelog', live: false },
] as const;

/** Where the view bar of a page without controls sends the reader to change the view. */
export const CONTROLS_PAGE = 'results/';
