// Current R in the reader's browser: webR (R 4.6.0 compiled to WebAssembly), served by the site itself
// from <base>webr/ (copied there at build time by scripts/webr-files.mjs). Loaded only when the reader
// asks for it; started once per page and reused. The PostMessage channel works on a plain static
// host, without cross-origin isolation.
import type { WebR } from 'webr';

/** How long R may take to start before we give up and say so (a slow phone on a slow line). */
const START_TIMEOUT_MS = 180_000;

let started: Promise<WebR> | undefined;

/** The webR files' address for this site: `<base>webr/`, absolute. */
export function webRBaseUrl(): string {
  return new URL(`${import.meta.env.BASE_URL.replace(/\/?$/, '/')}webr/`, location.href).href;
}

/** Start R (or return the R already started). Rejects if the files are missing or blocked. */
export function startR(baseUrl: string = webRBaseUrl()): Promise<WebR> {
  started ??= withTimeout(boot(baseUrl), START_TIMEOUT_MS, 'R did not start within three minutes').catch((error: unknown) => {
    started = undefined; // a later click may try again
    throw error;
  });
  return started;
}

async function boot(baseUrl: string): Promise<WebR> {
  // The module's address is only known at run time, and it must not be bundled: it is webR's own
  // browser build (an ES module), served beside its worker and binaries.
  const webr = (await import(/* @vite-ignore */ `${baseUrl}webr.js`)) as typeof import('webr');
  const r = new webr.WebR({ baseUrl, channelType: webr.ChannelType.PostMessage, interactive: false });
  await r.init();
  return r;
}

let runs = 0;

/**
 * Run `script` in a fresh working directory holding `files`; resolves to what it printed on standard
 * output. An R error rejects with R's message.
 */
export async function runInR(r: WebR, script: string, files: Record<string, string>): Promise<string> {
  const dir = `/home/web_user/check-${++runs}`;
  await r.FS.mkdir(dir);
  for (const [name, text] of Object.entries(files)) await r.FS.writeFile(`${dir}/${name}`, new TextEncoder().encode(text));
  const shelter = await new r.Shelter();
  try {
    // A clean global environment each time, and no file names on the "command line": the script
    // then reads orders.csv and events.csv from its working directory.
    const prelude = `rm(list = ls(all.names = TRUE)); setwd(${JSON.stringify(dir)}); commandArgs <- function(trailingOnly = FALSE) character(0)`;
    const out = await shelter.captureR(`${prelude}\n${script}`, { withAutoprint: false, captureStreams: true, captureConditions: false, captureGraphics: false });
    // An R error does not reject here: R prints it ("Error: …", or "Error in f(): …") and stops the
    // script, so it is found on standard error and passed on as R said it (a reviewer saw "269 of 269
    // numbers differ" where R had stopped on the first row, its message nowhere on the page).
    const stderr = out.output.filter((o) => o.type === 'stderr').map((o) => String(o.data));
    const error = stderr.findIndex((line) => /^Error\b/.test(line));
    if (error >= 0) throw new Error(stderr.slice(error).join(' ').replace(/^Error( in [^:]*)?:\s*/, '').trim());
    return out.output.filter((o) => o.type === 'stdout').map((o) => String(o.data)).join('\n');
  } finally {
    await shelter.purge();
  }
}

/** R's version as R reports it: "4.6.0", and the full "R version 4.6.0 (2026-04-24)". */
export async function rVersion(r: WebR): Promise<{ short: string; full: string }> {
  const short = await r.evalRString('paste(R.version$major, R.version$minor, sep = ".")');
  const full = await r.evalRString('R.version.string');
  return { short, full };
}

function withTimeout<T>(p: Promise<T>, ms: number, message: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(message)), ms);
    p.then((v) => { clearTimeout(timer); resolve(v); }, (e: unknown) => { clearTimeout(timer); reject(e); });
  });
}
