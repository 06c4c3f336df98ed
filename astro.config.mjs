// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { webrFiles } from './scripts/webr-files.mjs';
import mdxNames from './src/integrations/mdxNames.ts';
import headers from './src/integrations/headers.ts';
import bundledDataset from './src/integrations/bundledDataset.ts';

// The report must work from a sub-path (e.g. https://example.org/stro/) and as plain files:
// set BASE_PATH at build time to move it; links in the site are all built from import.meta.env.BASE_URL.
// REPOSITORY_URL (optional) is where the source lives, e.g. https://github.com/owner/repo; REPOSITORY_REF
// names the branch or tag its file links point at (default main). Without it, links to source files go
// to the copies the build publishes under source/, so they work offline and on any host.
// webrFiles() copies R for the browser (the `webr` package) into the build under webr/ for "Check in R".
const repository = (process.env.REPOSITORY_URL ?? '').trim().replace(/\/+$/, '');
if (repository && !/^https?:\/\//.test(repository)) throw new Error(`REPOSITORY_URL must start with http:// or https://, not "${repository}"`);

export default defineConfig({
  base: process.env.BASE_PATH ?? '/',
  trailingSlash: 'ignore',
  integrations: [mdx(), mdxNames(), webrFiles(), headers()],
  // The stylesheet is small: inlined, it costs no render-blocking request before the first paint.
  build: { format: 'directory', inlineStylesheets: 'always' },
  devToolbar: { enabled: false },
  vite: {
    // No inline scripts (the Content-Security-Policy allows none, src/lib/csp.ts): Astro would
    // otherwise inline a page's script when it is small.
    build: { assetsInlineLimit: 0 },
    plugins: [bundledDataset(), plotLazyNumberFormat(), eagerCompileHint()],
    // Workers are bundled on their own: the warm-up worker reads the same checked dataset.
    worker: { plugins: () => [bundledDataset()] },
    define: {
      'import.meta.env.REPOSITORY_URL': JSON.stringify(repository),
      'import.meta.env.REPOSITORY_REF': JSON.stringify((process.env.REPOSITORY_REF ?? '').trim() || 'main'),
      'import.meta.env.BUILD_DATE': JSON.stringify(buildDate()),
    },
  },
});

/** The build's date (YYYY-MM-DD, UTC); SOURCE_DATE_EPOCH fixes it for reproducible builds. */
function buildDate() {
  const epoch = Number(process.env.SOURCE_DATE_EPOCH);
  return (Number.isFinite(epoch) && epoch > 0 ? new Date(epoch * 1000) : new Date()).toISOString().slice(0, 10);
}

/**
 * Observable Plot makes an Intl.NumberFormat when its code is evaluated (its default format for
 * numbers, src/format.js), and a page's first Intl number format loads the browser's locale data:
 * 20–50 ms of a small machine's main thread while the page loads. The report formats its numbers
 * without Intl (src/lib/format.ts), so this makes Plot's format on first use instead: a page whose
 * charts never ask Plot to format a number never loads the data. The text replaced is checked, so an
 * upgrade of Plot that changes it fails the build rather than dropping the change silently.
 */
/** @returns {import('vite').Plugin} */
function plotLazyNumberFormat() {
  const eager = 'return new Intl.NumberFormat(locale);';
  return {
    name: 'stro:plot-lazy-number-format',
    /** @param {string} code @param {string} id */
    transform(code, id) {
      if (!id.replaceAll('\\', '/').endsWith('/@observablehq/plot/src/format.js')) return null;
      if (!code.includes(eager)) throw new Error(`@observablehq/plot/src/format.js no longer contains "${eager}": update plotLazyNumberFormat in astro.config.mjs`);
      return { code: code.replace(eager, 'let made; return { format: (n) => (made ??= new Intl.NumberFormat(locale)).format(n) };'), map: null };
    },
  };
}

/**
 * V8 compiles a function when it is first called, on the main thread. The first change of view is
 * the first time the page draws a chart itself (the build drew the ones on screen), so it compiled
 * much of Plot, d3 and the chart code there and then: 40–70 ms of a 110–200 ms first change on
 * Results, measured here. The magic comment `//# allFunctionsCalledOnLoad` (V8's explicit compile
 * hints, Chromium 136 and later; other engines ignore it) asks for every function in a file to be
 * compiled when the file is, which happens when the browser is idle after the load (main.ts loads
 * the figure code then). Only the chunks that drawing a chart runs carry it. The first change on
 * Results went from a median of about 190 ms to 108 ms; Lighthouse's blocking time on that page did
 * not measurably change (seven runs each way, interleaved).
 * @returns {import('vite').Plugin}
 */
function eagerCompileHint() {
  const drawing = /@observablehq[\\/]plot|[\\/]d3-|src[\\/]charts[\\/]|src[\\/]client[\\/](figures|dom)\.ts$/;
  return {
    name: 'stro:eager-compile-hint',
    apply: 'build',
    generateBundle(_, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type === 'chunk' && chunk.moduleIds.some((id) => drawing.test(id))) chunk.code = `//# allFunctionsCalledOnLoad\n${chunk.code}`;
      }
    },
  };
}
