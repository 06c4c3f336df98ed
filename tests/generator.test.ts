// The bundled data are reproducible: the seeded generator, run again, writes exactly the
// committed files (it checks, without writing, under --check).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

test('npm run data regenerates data/orders.csv and data/events.csv byte for byte', () => {
  const script = fileURLToPath(new URL('../scripts/generate-data.ts', import.meta.url));
  const out = spawnSync(process.execPath, [script, '--check'], { encoding: 'utf8' });
  assert.equal(out.status, 0, out.stdout + out.stderr);
  assert.match(out.stdout, /matches what seed \d+ generates/);
});
