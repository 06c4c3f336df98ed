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

/**
 * The build's _headers file (src/lib/csp.ts writes it), as hosts that read one apply it: each path
 * pattern (`/*`, or a path with a trailing `*`, under BASE_PATH) with its headers. The meta tag on each
 * page cannot reach a Web Worker, whose policy comes from the headers its script is served with; the
 * worker holds a reader's data, so the policy goes with every response here, as the README asks of hosts.
 */
async function readHeaders(): Promise<{ pattern: string; headers: Record<string, string> }[]> {
  const text = await readFile(join(root, '_headers'), 'utf8').catch(() => '');
  const rules: { pattern: string; headers: Record<string, string> }[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    if (!/^\s/.test(line)) rules.push({ pattern: line.trim(), headers: {} });
    else if (rules.length > 0) {
      const at = line.indexOf(':');
      if (at > 0) rules.at(-1)!.headers[line.slice(0, at).trim()] = line.slice(at + 1).trim();
    }
  }
  return rules;
}
const rules = await readHeaders();
const headersFor = (path: string): Record<string, string> => {
  const within = `/${path.slice(base.length)}`;
  const matching = rules.filter((r) => (r.pattern.endsWith('*') ? within.startsWith(r.pattern.slice(0, -1)) : within === r.pattern));
  return Object.assign({}, ...matching.map((r) => r.headers));
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
    const extra = headersFor(path);
    if (compress) res.writeHead(200, { ...extra, 'Content-Type': type, 'Content-Encoding': 'gzip', Vary: 'Accept-Encoding' }).end(gzipSync(body));
    else res.writeHead(200, { ...extra, 'Content-Type': type }).end(body);
  } catch {
    // As static hosts do: the build's own 404 page, with status 404.
    const notFound = await readFile(join(root, '404.html')).catch(() => null);
    if (notFound) res.writeHead(404, { ...headersFor(path), 'Content-Type': TYPES['.html'] }).end(notFound);
    else res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
  }
})
  .on('error', (error: NodeJS.ErrnoException) => {
    // A port already taken (another copy of the report, say) is said in a line, not a stack trace.
    console.error(error.code === 'EADDRINUSE' ? `Port ${port} is in use: serve on another with PORT, e.g. PORT=4460 npm start.` : `Could not serve the report: ${error.message}`);
    process.exit(1);
  })
  .listen(port, '127.0.0.1', () => console.log(`The report is served at http://127.0.0.1:${port}${base} (from ${root}); press Ctrl+C to stop.`));
