// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import mdxNames from './src/integrations/mdxNames.ts';

// The report must work from a sub-path (e.g. https://example.org/stro/) and as plain files:
// set BASE_PATH at build time to move it; links in the site are all built from import.meta.env.BASE_URL.
export default defineConfig({
  base: process.env.BASE_PATH ?? '/',
  trailingSlash: 'ignore',
  integrations: [mdx(), mdxNames()],
  build: { format: 'directory' },
  devToolbar: { enabled: false },
});
