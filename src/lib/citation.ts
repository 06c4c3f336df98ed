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
  released: '2026-12-06',
  licence: 'MIT',
} as const;

/**
 * Whether the build has changes since its version was released: the changelog's newest section is
 * then "Since version X (not yet released)". Its newest section must name this version, released or
 * not, so that a version number cannot lag behind the changes the site shows.
 */
export function unreleasedChanges(changelog: string, version: string = REPORT.version): boolean {
  const newest = changelog.match(/^## (.*)$/m)?.[1] ?? '';
  if (newest.startsWith(`Version ${version} (`) || newest === `Version ${version}`) return false;
  if (newest.startsWith(`Since version ${version} (not yet released)`)) return true;
  throw new Error(`The changelog's newest section, "${newest}", names neither version ${version} nor changes since it`);
}

/** The version as the footer and "Cite this report" say it: "0.3.0", or "0.3.0 with later changes, not yet released". */
export function versionWords(changelog: string): string {
  return unreleasedChanges(changelog) ? `${REPORT.version} with later changes, not yet released (see the Changelog)` : REPORT.version;
}

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
