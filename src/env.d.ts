// Build-time settings that astro.config.mjs writes into the code (vite.define).
interface ImportMetaEnv {
  /** Where the source lives (e.g. https://github.com/owner/repo), or '' to link to the copies under source/. */
  readonly REPOSITORY_URL: string;
  /** The branch or tag that file links on the repository point at. */
  readonly REPOSITORY_REF: string;
  /** The day the site was built, YYYY-MM-DD. */
  readonly BUILD_DATE: string;
}

/** The study's bundled dataset, read and checked when the site is built (src/integrations/bundledDataset.ts). */
declare module 'virtual:stro-bundled-dataset' {
  const dataset: import('./analysis/types.ts').Dataset;
  export default dataset;
}
