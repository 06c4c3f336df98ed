// An Astro integration that puts current R (webR 0.6.0, R 4.6.0 compiled to WebAssembly) beside the
// report, so that "Check in R" runs R in the reader's browser from the site itself: nothing is loaded
// from another host. The files come from the `webr` npm package (node_modules/webr/dist) and are not
// committed; `astro build` copies them to <outDir>/webr/, and `astro dev` serves them from
// node_modules at <base>webr/.
//
// What R needs, as observed in Chromium: the browser module (webr.js), its worker, the Emscripten
// loader and binary, BLAS/LAPACK, and the lazily fetched file-system images under vfs/ (base and
// stats are compiled into R.wasm; vfs/ holds the rest of R's library, fetched only when R opens a
// file). Left out: the Node builds, source maps, the REPL, the tests, and vfs/usr/share (fonts and
// GDAL/PROJ/udunits data, used only by graphics and spatial packages).
import { cp, readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The webr package's dist/ folder (the package's exports do not expose its files). */
export const WEBR_DIST = fileURLToPath(new URL('../node_modules/webr/dist', import.meta.url));

export const WEBR_FILES = ['webr.js', 'webr-worker.js', 'R.js', 'R.wasm', 'libRblas.so', 'libRlapack.so', 'vfs'];
const LEFT_OUT = [join('vfs', 'usr', 'share')];

/** Whether a path inside dist/ (relative, with the platform's separators) is one the browser needs. */
export function isWebRFile(relative) {
  const top = relative.split(sep)[0];
  if (!WEBR_FILES.includes(top)) return false;
  return !LEFT_OUT.some((out) => relative === out || relative.startsWith(out + sep));
}

const TYPES = { '.js': 'text/javascript', '.wasm': 'application/wasm', '.json': 'application/json', '.metadata': 'application/json' };

/** @returns {import('astro').AstroIntegration} */
export function webrFiles() {
  let base = '/';
  return {
    name: 'stro:webr-files',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.replace(/\/?$/, '/');
      },
      'astro:server:setup': ({ server }) => {
        // In `astro dev`, answer <base>webr/… straight from node_modules (nothing is copied).
        const prefix = `${base}webr/`;
        server.middlewares.use(async (req, res, next) => {
          const path = decodeURIComponent((req.url ?? '').split('?')[0]);
          if (!path.startsWith(prefix)) return next();
          const relative = normalize(path.slice(prefix.length));
          if (!isWebRFile(relative)) return next();
          try {
            const file = join(WEBR_DIST, relative);
            if (!(await stat(file)).isFile()) return next();
            res.setHeader('Content-Type', TYPES[extname(file)] ?? 'application/octet-stream');
            res.end(await readFile(file));
          } catch {
            next();
          }
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const target = join(fileURLToPath(dir), 'webr');
        await cp(WEBR_DIST, target, {
          recursive: true,
          filter: (source) => {
            const relative = source.slice(WEBR_DIST.length + 1);
            return relative === '' || isWebRFile(relative);
          },
        });
        logger.info(`copied webR (R for the browser) to ${target}`);
      },
    },
  };
}
