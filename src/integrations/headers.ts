// Writes `_headers` (the site's security headers, src/lib/csp.ts) into the build, for hosts that
// read one. Astro does not route files whose names begin with "_", so this is written after the build.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { headersFile } from '../lib/csp.ts';

export default function headers(): AstroIntegration {
  return {
    name: 'stro-headers',
    hooks: {
      'astro:build:done': ({ dir }) => {
        writeFileSync(fileURLToPath(new URL('_headers', dir)), headersFile());
      },
    },
  };
}
