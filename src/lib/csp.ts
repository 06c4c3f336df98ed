// The site's Content-Security-Policy: one list, written into every page's <meta> (PageHead.astro)
// and into the `_headers` file the build leaves for hosts that read one (src/integrations/headers.ts).
//
// - connect-src 'self': no script on these pages can send anything to another server, which is what
//   keeps a reader's own data in their browser.
// - script-src 'self' 'unsafe-eval' 'wasm-unsafe-eval': the site's own files only, no inline script.
//   'unsafe-eval' is there because Arquero, the engine's table library, compiles its expressions with
//   Function() and has no mode without it (uwdata/arquero#361); no string from a data file ever
//   becomes part of such an expression (src/analysis/tables.ts passes values as parameters).
//   'wasm-unsafe-eval' lets "Check in R" compile R's WebAssembly.
// - style-src 'unsafe-inline': the stylesheet is inlined for a fast first paint, and charts set
//   style attributes; styles cannot send data anywhere that connect-src and img-src do not allow.
export const CSP_DIRECTIVES: readonly [string, string][] = [
  ['default-src', "'self'"],
  ['script-src', "'self' 'unsafe-eval' 'wasm-unsafe-eval'"],
  ['style-src', "'self' 'unsafe-inline'"],
  ['img-src', "'self' data: blob:"],
  ['connect-src', "'self' blob:"],
  ['worker-src', "'self' blob:"],
  ['object-src', "'none'"],
  ['base-uri', "'self'"],
  ['form-action', "'none'"],
];

/** The policy as a <meta http-equiv> gives it. */
export const CSP = CSP_DIRECTIVES.map(([k, v]) => `${k} ${v}`).join('; ');

/**
 * The same policy for a host's `_headers` file (Netlify, Cloudflare Pages), where it can also say
 * what a <meta> cannot: that no other site may frame the report.
 */
export function headersFile(): string {
  return [
    '# Security headers for hosts that read a _headers file (Netlify, Cloudflare Pages). Other hosts:',
    '# send the same Content-Security-Policy header (see the README, "Hosting"). Every page also',
    '# carries the policy in a <meta> tag, so it applies wherever the files are served from.',
    '/*',
    `  Content-Security-Policy: ${CSP}; frame-ancestors 'none'`,
    '  X-Content-Type-Options: nosniff',
    '  Referrer-Policy: no-referrer',
    '',
  ].join('\n');
}
