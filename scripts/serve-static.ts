// A minimal static file server: serves dist/ as a static host should, optionally under a sub-path
// (BASE_PATH), on 127.0.0.1 only, at PORT (default 4321). `npm start` serves the report with it, and
// the browser tests, the benchmarks and the audit each start their own on another port. It is used
// for `npm start` rather than `astro preview`, which sends webR's file-system images (webr/**/*.data.gz)
// gzip-encoded: the browser then unpacks them before R does, and "Check in R" failed with an empty
// message on any data with dates (an analyst following the README). Files here are sent as they are.
// GZIP=1 compresses text responses for clients that accept it, as hosting services do (npm run
// audit sets it, so that Lighthouse's simulated network sees the bytes a reader would download).
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = fileURLToPath(new URL(`../${process.env.ROOT ?? 'dist'}/`, import.meta.url));
const port = Number(process.env.PORT ?? 4321);
const base = (process.env.BASE_PATH ?? '/').replace(/\/?$/, '/');
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml',
  '.json': 'application/json', '.csv': 'text/csv; charset=utf-8', '.png': 'image/png', '.ico': 'image/x-icon',
  // R for the browser (webr/): the WebAssembly binary must be application/wasm for streaming
  // compilation; shared libraries and file-system images are plain bytes, their indexes JSON.
  '.wasm': 'application/wasm', '.mjs': 'text/javascript', '.so': 'application/octet-stream', '.data': 'application/octet-stream',
  '.gz': 'application/octet-stream', '.metadata': 'application/json', '.R': 'text/plain; charset=utf-8', '.txt': 'text/plain; charset=utf-8',
};

createServer(async (req, res) => {
  let path: string;
  try {
    path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
  } catch {
    return void res.writeHead(400).end('bad request');
  }
  if (!path.startsWith(base)) return void res.writeHead(404).end('not found');
  let file = normalize(join(root, path.slice(base.length)));
  if (!file.startsWith(root)) return void res.writeHead(403).end();
  try {
    if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
    const body = await readFile(file);
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    const compress = process.env.GZIP === '1' && /^(text\/|application\/json|image\/svg)/.test(type) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    if (compress) res.writeHead(200, { 'Content-Type': type, 'Content-Encoding': 'gzip', Vary: 'Accept-Encoding' }).end(gzipSync(body));
    else res.writeHead(200, { 'Content-Type': type }).end(body);
  } catch {
    // As static hosts do: the build's own 404 page, with status 404.
    const notFound = await readFile(join(root, '404.html')).catch(() => null);
    if (notFound) res.writeHead(404, { 'Content-Type': TYPES['.html'] }).end(notFound);
    else res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
  }
})
  .on('error', (error: NodeJS.ErrnoException) => {
    // A port already taken (another copy of the report, say) is said in a line, not a stack trace.
    console.error(error.code === 'EADDRINUSE' ? `Port ${port} is in use: serve on another with PORT, e.g. PORT=4460 npm start.` : `Could not serve the report: ${error.message}`);
    process.exit(1);
  })
  .listen(port, '127.0.0.1', () => console.log(`The report is served at http://127.0.0.1:${port}${base} (from ${root}); press Ctrl+C to stop.`));
