// Running R from the tests, in the two versions the project checks against:
// - current R (4.6.0) compiled to WebAssembly, from the `webr` npm package (a dev dependency),
//   which runs offline in Node; started once per test process and reused;
// - Debian's R (4.2.2, `Rscript` from r-base-core), which `scripts/ensure-r.ts` installs as part
//   of the test command when it is missing.
// Both take an R script and a set of files to place in its working directory, and return what the
// script printed to standard output.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { WebR } from 'webr';

let webR: Promise<WebR> | undefined;

async function startWebR(): Promise<WebR> {
  const { WebR } = await import('webr');
  const r = new WebR({ interactive: false });
  await r.init();
  return r;
}

/** R's version string in webR, e.g. "R version 4.6.0 (2026-04-24)". */
export async function webRVersion(): Promise<string> {
  return runWebR('cat(R.version.string)');
}

/** Run `script` in current R (webR) with `files` in its working directory; returns standard output. */
export async function runWebR(script: string, files: Record<string, string> = {}, args: string[] = []): Promise<string> {
  const r = await (webR ??= startWebR());
  const dir = `/home/web_user/run-${Math.random().toString(36).slice(2)}`;
  await r.FS.mkdir(dir);
  for (const [name, text] of Object.entries(files)) await r.FS.writeFile(`${dir}/${name}`, new TextEncoder().encode(text));
  const shelter = await new r.Shelter();
  try {
    // commandArgs(trailingOnly = TRUE) inside the script sees `args`, as under Rscript.
    const prelude = `setwd(${JSON.stringify(dir)}); commandArgs <- function(trailingOnly = FALSE) ${rVector(args)};`;
    const out = await shelter.captureR(`${prelude}\n${script}`, { withAutoprint: false, captureStreams: true, captureConditions: false });
    const errors = out.output.filter((o) => o.type === 'stderr').map((o) => String(o.data));
    const stdout = out.output.filter((o) => o.type === 'stdout').map((o) => String(o.data)).join('\n');
    if (errors.length > 0) process.stderr.write(`[webR stderr]\n${errors.join('\n')}\n`);
    return stdout.length > 0 ? stdout + '\n' : '';
  } finally {
    await shelter.purge();
  }
}

/** Stop webR so the test process can exit. */
export async function stopWebR(): Promise<void> {
  if (webR) (await webR).close();
  webR = undefined;
}

function rVector(values: string[]): string {
  return values.length === 0 ? 'character(0)' : `c(${values.map((v) => JSON.stringify(v)).join(', ')})`;
}

/** Whether Debian's R (Rscript) is on this machine. */
export function hasRscript(): boolean {
  try {
    execFileSync('Rscript', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Run `script` with Debian's Rscript in a temporary folder holding `files`; returns standard output. */
export function runRscript(script: string, files: Record<string, string> = {}, args: string[] = []): string {
  const dir = mkdtempSync(join(tmpdir(), 'stro-r-'));
  try {
    writeFileSync(join(dir, 'script.R'), script);
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    return execFileSync('Rscript', ['--vanilla', 'script.R', ...args], { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
