// How to cite this report, and the article it re-creates. One source for the footer, the "Cite this
// report" panel and the tests; CITATION.cff at the repository root says the same (a test checks it).
import pkg from '../../package.json' with { type: 'json' };

/** The study this report re-creates, cited in full. A link, never a request. */
export const ARTICLE = {
  title: 'Understanding the effectiveness of slavery and trafficking risk orders',
  author: 'Detective Chief Superintendent Neil Ralph',
  authorShort: 'Ralph, N.',
  publisher: 'College of Policing',
  series: 'Going equipped',
  url: 'https://www.college.police.uk/article/slavery-and-trafficking-risk-orders',
} as const;

/** This report. `released` is the day this version was released (CITATION.cff's date-released). */
export const REPORT = {
  title: 'Do slavery and trafficking risk orders reduce offending? An interactive report',
  author: 'The STRO report contributors',
  version: pkg.version,
  released: '2026-11-28',
  licence: 'MIT',
} as const;

/** BibTeX for this report; `url` is where the reader found it (omitted when unknown). */
export function bibtex(url?: string): string {
  const fields = [
    ['title', `{${REPORT.title}}`],
    ['author', `{${REPORT.author}}`],
    ['year', REPORT.released.slice(0, 4)],
    ['month', String(Number(REPORT.released.slice(5, 7)))],
    ['version', REPORT.version],
    ['note', `Interactive re-creation, on synthetic data, of ${ARTICLE.author}, \\emph{${ARTICLE.title}}, ${ARTICLE.publisher}, ${ARTICLE.series} series`],
    ...(url ? [['url', url]] : []),
  ];
  const key = `stro-report-${REPORT.released.slice(0, 4)}-v${REPORT.version.replace(/\./g, '-')}`;
  return `@software{${key},\n${fields.map(([k, v]) => `  ${k} = {${v}}`).join(',\n')}\n}\n`;
}

/** A formatted reference for this report (author, year, title, version, note, address). */
export function reference(url?: string): string {
  const where = url ? ` ${url}` : '';
  return `${REPORT.author} (${REPORT.released.slice(0, 4)}). ${REPORT.title} (version ${REPORT.version}). Interactive re-creation, on synthetic data, of ${ARTICLE.authorShort}, ${ARTICLE.title}, ${ARTICLE.publisher} (${ARTICLE.series}).${where}`;
}
