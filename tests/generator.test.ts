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

// The engine accepts any lowercase codes (a reader's force has its own, and no number uses them);
// the bundled file promises more, in data/README.md: only codes that data/conditions.csv explains.
test('every condition code in data/orders.csv is one that data/conditions.csv lists and explains', async () => {
  const { readData, bundled } = await import('./helpers/bundled.ts');
  const [header, ...rows] = readData('conditions.csv').trim().split('\n');
  assert.equal(header, 'code,label');
  const vocabulary = new Map(rows.map((r) => [r.slice(0, r.indexOf(',')), r.slice(r.indexOf(',') + 1)]));
  const used = new Set(bundled.orders.flatMap((o) => o.conditions));
  assert.ok(used.size > 3, 'the orders use several codes');
  for (const code of used) assert.ok(vocabulary.get(code)?.trim(), `${code} is listed with a label`);
});

// The harm weights control says that for the study's data "as recorded" is the index's central weights.
test('every bundled event carries its offence\'s central weight (harm_days) of the bundled harm index, so "central" gives the recorded numbers', async () => {
  const { readData } = await import('./helpers/bundled.ts');
  const rows = (name: string) => { const [h, ...r] = readData(name).trim().split('\n'); const head = h.split(','); return r.map((line) => { const f = line.match(/("[^"]*"|[^,]*)(,|$)/g)!.map((x) => x.replace(/,$/, '').replace(/^"|"$/g, '')); return Object.fromEntries(head.map((k, i) => [k, f[i]])); }); };
  const central = new Map(rows('harm-index.csv').map((r) => [r.offence, Number(r.harm_days)]));
  const events = rows('events.csv');
  assert.ok(events.length > 300);
  for (const e of events) assert.equal(Number(e.harm), central.get(e.offence), `${e.offence}`);
});
