// Where the browser tests find Chromium. CI machines have none pre-installed and cannot download
// Playwright's own builds, so in order: an explicit path (CHROMIUM_PATH), the system's Chromium
// (Debian's package installs /usr/bin/chromium), then Playwright's downloaded build if present.
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

export const SYSTEM_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/snap/bin/chromium'];

export function findChromium(): string | undefined {
  const explicit = process.env.CHROMIUM_PATH;
  if (explicit && existsSync(explicit)) return explicit;
  const system = SYSTEM_PATHS.find((p) => existsSync(p));
  if (system) return system;
  try {
    const own = chromium.executablePath();
    if (own && existsSync(own)) return own;
  } catch {
    // Playwright's browser is not installed: that is the normal case here.
  }
  return undefined;
}
