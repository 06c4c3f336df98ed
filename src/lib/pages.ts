// The report's pages, in reading order: navigation, previous/next links and tests use this list.
export const PAGES = [
  { slug: '', title: 'Overview', short: 'Overview' },
  { slug: 'background/', title: 'Background: what an STRO is', short: 'Background' },
  { slug: 'method/', title: 'Method', short: 'Method' },
  { slug: 'results/', title: 'Results: before and after', short: 'Results' },
  { slug: 'trends/', title: 'Trends over time', short: 'Trends' },
  { slug: 'conclusions/', title: 'Conclusions and limits', short: 'Conclusions' },
  { slug: 'data/', title: 'Data and methods for reviewers', short: 'Data and methods' },
  { slug: 'changelog/', title: 'Changelog', short: 'Changelog' },
] as const;
