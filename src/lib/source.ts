// Links to the project's own files: the codebook, the R fixtures, the engine's source.
//
// With REPOSITORY_URL set at build time (see README, "Hosting"), a link goes to the file on the
// repository host, at REPOSITORY_REF (default main), GitHub-style (`<repo>/blob/<ref>/<path>`).
// Without it, the link goes to the copy the build itself publishes under `source/`, so links work
// offline and on any host. Pure, and safe outside Vite: in Node (tests, CLI) there is no
// import.meta.env, and the published copies under '/' are assumed.

/** The files the build publishes under source/ (src/pages/source/[...path].astro reads the same globs). */
export const PUBLISHED_SOURCE = [
  'README.md',
  'CITATION.cff',
  'data/README.md',
  'data/published.json',
  'tests/fixtures/r/**',
  'src/analysis/**',
  'src/lib/**',
  'src/charts/**',
  'src/cli/**',
] as const;

export interface SourceSettings {
  /** The site's base path, ending in '/'. */
  base: string;
  /** The repository's web address without a trailing slash, or '' for the published copies. */
  repository: string;
  /** Branch or tag for links into the repository. */
  ref: string;
}

export function buildSettings(): SourceSettings {
  try {
    return {
      base: import.meta.env.BASE_URL.replace(/\/?$/, '/'),
      repository: import.meta.env.REPOSITORY_URL ?? '',
      ref: import.meta.env.REPOSITORY_REF || 'main',
    };
  } catch {
    return { base: '/', repository: '', ref: 'main' };
  }
}

/**
 * The address of a file of this repository, from its repository-relative path
 * (`data/README.md`, `src/analysis/stats/wilcoxonSignedRank.ts`, a folder such as `tests/fixtures/r/`).
 * A `#L12` suffix (a line) is kept: both the repository host and the published copies understand it.
 *
 *   sourceLink('data/README.md')  // => '/source/data/README.md/' (no REPOSITORY_URL)
 *                                 // => 'https://github.com/o/r/blob/main/data/README.md' (with it)
 */
export function sourceLink(repoRelativePath: string, settings: SourceSettings = buildSettings()): string {
  const [rawPath, hash = ''] = repoRelativePath.split('#');
  const path = rawPath.replace(/^\.?\//, '');
  if (path === '' || path.split('/').some((s) => s === '..')) throw new Error(`sourceLink: "${repoRelativePath}" is not a path inside the repository`);
  const fragment = hash ? `#${hash}` : '';
  const folder = path.endsWith('/');
  if (settings.repository) {
    return `${settings.repository}/${folder ? 'tree' : 'blob'}/${encodeURIComponent(settings.ref).replace(/%2F/g, '/')}/${encodePath(path.replace(/\/$/, ''))}${fragment}`;
  }
  return `${settings.base}source/${encodePath(path.replace(/\/$/, ''))}/${fragment}`;
}

/** The repository's home page, or the index of the published copies. */
export function repositoryLink(settings: SourceSettings = buildSettings()): string {
  return settings.repository || `${settings.base}source/`;
}

function encodePath(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}
