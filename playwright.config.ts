// Browser tests run against the production build (npm run build, and a second build for a sub-path),
// served by scripts/serve-static.ts on 127.0.0.1.
import { defineConfig } from '@playwright/test';
import { findChromium } from './tests/e2e/chromium.ts';

const port = Number(process.env.E2E_PORT ?? 4391);
const subPort = port + 1; // the same report built for a sub-path, as on a shared static host

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: process.env.CI ? 'list' : 'line',
  timeout: 30_000,
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    browserName: 'chromium',
    launchOptions: {
      executablePath: findChromium(),
      // Keep Chromium from calling home: the machines running these tests have no network.
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  projects: [
    { name: 'root', testIgnore: '**/subpath.spec.ts' },
    { name: 'subpath', testMatch: '**/subpath.spec.ts', use: { baseURL: `http://127.0.0.1:${subPort}/stro/` } },
  ],
  webServer: [
    { command: 'node scripts/serve-static.ts', url: `http://127.0.0.1:${port}/`, reuseExistingServer: false, env: { PORT: String(port) }, timeout: 60_000 },
    {
      command: 'node scripts/serve-static.ts',
      url: `http://127.0.0.1:${subPort}/stro/`,
      reuseExistingServer: false,
      env: { PORT: String(subPort), ROOT: 'dist-subpath', BASE_PATH: '/stro/' },
      timeout: 60_000,
    },
  ],
});
