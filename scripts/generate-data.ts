// Generates the bundled synthetic dataset (data/*.csv) from a fixed seed.
//
//   npm run data            regenerate data/ (byte-for-byte the committed files)
//   npm run data -- --check exit 1 if the committed files differ from what the script makes
//
// The record-level police data behind the study are not public. This script makes 114 fictional
// orders and the arrests of the 41 analysed ones so that the bundled data reproduce the article's
// published aggregates (data/published.json). How:
//  1. A calibration recipe (below) fixes, for each category and period, how many arrests there
//     are for each offence. This is what pins the published totals and percentages; it was chosen
//     by hand, with plausible offence mixes, to make the rounded reductions come out as published.
//  2. Randomness from a seeded generator decides who (a heavy-tailed propensity per person, and
//     after the order mostly the same people, fewer times) and when (before: a slight build-up
//     towards the order; after: a gradual decline, steeper for the most harmful offences).
//  3. The engine itself (analyse()) checks every calibration target; the first seed from
//     SEED_START whose draw meets them all is kept. The search is deterministic, so the output is too.
// Matching the published figures demonstrates the pipeline, not the study's finding.

import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { analyse } from '../src/analysis/analyse.ts';
import { parseDataset } from '../src/analysis/validate.ts';
import { parseCsv } from '../src/analysis/csv.ts';
import { mulberry32, randomInt } from '../src/analysis/stats/random.ts';
import { calibrationFailures } from './calibration.ts';

const dataDir = fileURLToPath(new URL('../data/', import.meta.url));
const SEED_START = 1;
const MAX_SEEDS = 5000;

/** Offences by key: label as in data/harm-index.csv, category, and CCHI days. */
const OFFENCES = {
  ms12: { label: 'Slavery, servitude, forced labour or human trafficking (MSA s1/s2)', category: 'modern_slavery' },
  ms4: { label: 'Committing an offence with intent to traffic (MSA s4)', category: 'modern_slavery' },
  kidnap: { label: 'Kidnapping or false imprisonment', category: 'modern_slavery' },
  breachStro: { label: 'Breach of a slavery and trafficking order (MSA s30)', category: 'modern_slavery' },
  gbh18: { label: 'Wounding or GBH with intent (s18)', category: 'violence' },
  robbery: { label: 'Robbery', category: 'violence' },
  weapon: { label: 'Possession of an offensive weapon or bladed article', category: 'violence' },
  gbh20: { label: 'Wounding or inflicting GBH (s20)', category: 'violence' },
  abh: { label: 'Assault occasioning actual bodily harm (s47)', category: 'violence' },
  commonAssault: { label: 'Common assault', category: 'violence' },
  supplyA: { label: 'Possession with intent to supply a Class A drug', category: 'drugs' },
  concernedA: { label: 'Being concerned in the supply of a Class A drug', category: 'drugs' },
  cultivation: { label: 'Cultivation of cannabis', category: 'drugs' },
  possA: { label: 'Possession of a Class A drug', category: 'drugs' },
  possB: { label: 'Possession of a Class B drug', category: 'drugs' },
  facilitation: { label: 'Assisting unlawful immigration (IA 1971 s25)', category: 'other' },
  burglaryHome: { label: 'Burglary (residential)', category: 'other' },
  burglaryOther: { label: 'Burglary (non-residential)', category: 'other' },
  dangerousDriving: { label: 'Dangerous driving', category: 'other' },
  breachOther: { label: 'Breach of another court order', category: 'other' },
  fraud: { label: 'Fraud (Fraud Act 2006 s1)', category: 'other' },
  laundering: { label: 'Money laundering (POCA ss327-329)', category: 'other' },
  publicOrder: { label: 'Public order offence', category: 'other' },
  driving: { label: 'Minor driving offence', category: 'other' },
  theft: { label: 'Theft', category: 'other' },
  criminalDamage: { label: 'Criminal damage', category: 'other' },
  shoplifting: { label: 'Shoplifting', category: 'other' },
} as const;
type OffenceKey = keyof typeof OFFENCES;

/** The calibration recipe: arrests per offence before and after the order (all analysed orders). */
const RECIPE: Record<'pre' | 'post', Partial<Record<OffenceKey, number>>> = {
  pre: {
    ms12: 24, ms4: 3, kidnap: 2, //                                                   29 modern slavery
    gbh18: 1, robbery: 3, weapon: 7, gbh20: 10, abh: 22, commonAssault: 37, //         80 violence
    supplyA: 7, concernedA: 4, cultivation: 5, possA: 17, possB: 22, //               55 drugs
    facilitation: 2, burglaryHome: 5, burglaryOther: 4, dangerousDriving: 2, breachOther: 3, fraud: 3,
    laundering: 2, publicOrder: 6, driving: 6, theft: 6, criminalDamage: 4, shoplifting: 3, // 46 other
  },
  post: {
    ms4: 3, kidnap: 1, breachStro: 10, //                                             14 modern slavery
    robbery: 1, weapon: 6, gbh20: 8, abh: 8, commonAssault: 17, //                    40 violence
    supplyA: 2, concernedA: 2, possA: 2, possB: 17, //                                23 drugs
    theft: 5, criminalDamage: 3, shoplifting: 6, publicOrder: 1, fraud: 1, //         16 other
  },
};

const CONDITIONS = [
  'exclusion_zone', 'no_contact_children', 'no_contact_named_person', 'no_devices_to_minors', 'phone_registration',
  'notify_address', 'notify_travel', 'no_labour_provision', 'no_arranging_accommodation', 'no_arranging_transport',
] as const;

function readHarmIndex(): Map<string, number> {
  const table = parseCsv('harm-index.csv', readFileSync(dataDir + 'harm-index.csv', 'utf8'));
  const offence = table.header.indexOf('offence');
  const days = table.header.indexOf('harm_days');
  return new Map(table.records.map((r) => [r.fields[offence], Number(r.fields[days])]));
}

function csvField(s: string): string {
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Draw an index with probability proportional to weights. */
function pick(rng: () => number, weights: readonly number[]): number {
  let total = 0;
  for (const w of weights) total += w;
  let x = rng() * total;
  for (let k = 0; k < weights.length; k++) {
    x -= weights[k];
    if (x < 0) return k;
  }
  return weights.length - 1;
}

function orderId(rng: () => number, taken: Set<string>): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  for (;;) {
    let id = 'O-';
    for (let k = 0; k < 6; k++) id += alphabet[randomInt(rng, alphabet.length)];
    if (!taken.has(id)) { taken.add(id); return id; }
  }
}

function quarter(index: number): string {
  // index 0 = 2015-Q3 (Part 2 of the Act came into force on 31 July 2015).
  const q = 2 + index; // quarters since 2015-Q1
  return `${2015 + Math.floor(q / 4)}-Q${(q % 4) + 1}`;
}

function generate(seed: number, harmDays: Map<string, number>): { orders: string; events: string } {
  const rng = mulberry32(seed);
  const taken = new Set<string>();

  // The register: 41 analysed, 8 excluded for data, 65 too recent for two years of follow-up.
  // Orders with full follow-up were issued from 2015-Q4 to 2021-Q1 (quarters 1 … 22); the list was
  // obtained in 2023, so later orders (2021-Q2 … 2023-Q1) could not yet be followed for two years.
  const samples = [...Array(41).fill('analysed'), ...Array(8).fill('excluded_data'), ...Array(65).fill('excluded_followup')];
  const orders = samples.map((sample) => {
    const q = sample === 'excluded_followup' ? 23 + randomInt(rng, 8) : 1 + Math.floor(Math.pow(rng(), 0.6) * 22);
    const d = rng();
    const duration = d < 0.3 ? '' : d < 0.55 ? '24' : d < 0.8 ? '36' : d < 0.93 ? '60' : '120';
    const conditions = CONDITIONS.filter((_, k) => rng() < [0.55, 0.45, 0.4, 0.25, 0.35, 0.6, 0.3, 0.25, 0.2, 0.15][k]);
    if (conditions.length === 0) conditions.push('notify_address');
    return { id: orderId(rng, taken), issued: quarter(q), sample, duration, conditions };
  });
  orders.sort((a, b) => (a.issued < b.issued ? -1 : a.issued > b.issued ? 1 : a.id < b.id ? -1 : 1));
  const analysed = orders.filter((o) => o.sample === 'analysed');

  // Who: a heavy-tailed propensity per person (lognormal), and a leaning towards some categories.
  const categories = ['modern_slavery', 'violence', 'drugs', 'other'] as const;
  const normal = () => Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
  const propensity = analysed.map(() => Math.exp(0.85 * normal()));
  const leaning = analysed.map(() => categories.map(() => 0.2 + rng()));
  const count = new Map<string, number>(); // person × category × period
  const harmOf = new Map<string, number>();
  const key = (p: number, c: string, period: string) => `${p}|${c}|${period}`;

  // When: before, a slight build-up towards the order; after, a gradual decline, steeper for
  // serious offences and steepest for breaches (which cluster soon after an order is made).
  const preWeights = Array.from({ length: 24 }, (_, k) => 1 + 0.6 * (k / 23)); // month −24 … −1
  const postWeights = (rate: number) => Array.from({ length: 24 }, (_, k) => Math.exp(-rate * k)); // month 1 … 24

  const rows: { order: string; month: number; category: string; offence: string; harm: number }[] = [];
  const place = (period: 'pre' | 'post') => {
    // Serious offences first, so that after the order they go to people who did serious harm before.
    const keys = (Object.keys(RECIPE[period]) as OffenceKey[]).sort((a, b) => days(b) - days(a));
    for (const k of keys) {
      const { category, label } = OFFENCES[k];
      for (let n = 0; n < RECIPE[period][k]!; n++) {
        const c = categories.indexOf(category);
        const weights = analysed.map((_, p) => {
          if (period === 'pre') return propensity[p] * leaning[p][c];
          // After: mostly the same people, fewer times: weight by what remains of their own record.
          const before = count.get(key(p, category, 'pre')) ?? 0;
          const after = count.get(key(p, category, 'post')) ?? 0;
          const serious = days(k) >= 100;
          const room = serious ? (harmOf.get(key(p, category, 'pre')) ?? 0) - (harmOf.get(key(p, category, 'post')) ?? 0) - days(k) : before - after;
          return room > 0 ? Math.pow(before, 1.2) + 0.05 : 0.002;
        });
        const p = pick(rng, weights);
        const rate = k === 'breachStro' ? 0.25 : days(k) >= 100 ? 0.14 : 0.06;
        const month = period === 'pre' ? pick(rng, preWeights) - 24 : pick(rng, postWeights(rate)) + 1;
        count.set(key(p, category, period), (count.get(key(p, category, period)) ?? 0) + 1);
        harmOf.set(key(p, category, period), (harmOf.get(key(p, category, period)) ?? 0) + days(k));
        rows.push({ order: analysed[p].id, month, category, offence: label, harm: days(k) });
      }
    }
  };
  function days(k: OffenceKey): number {
    const d = harmDays.get(OFFENCES[k].label);
    if (d === undefined) throw new Error(`data/harm-index.csv has no row for "${OFFENCES[k].label}"`);
    return d;
  }
  place('pre');
  place('post');
  rows.sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : a.month - b.month || (a.offence < b.offence ? -1 : a.offence > b.offence ? 1 : 0)));

  const ordersCsv = ['order_id,issued,sample,duration_months,conditions',
    ...orders.map((o) => [o.id, o.issued, o.sample, o.duration, o.conditions.join(';')].join(','))].join('\n') + '\n';
  const eventsCsv = ['order_id,month,category,offence,harm',
    ...rows.map((r) => [r.order, r.month, r.category, csvField(r.offence), r.harm].join(','))].join('\n') + '\n';
  return { orders: ordersCsv, events: eventsCsv };
}

function main() {
  const check = process.argv.includes('--check');
  const harmDays = readHarmIndex();
  const published = JSON.parse(readFileSync(dataDir + 'published.json', 'utf8'));
  for (let seed = SEED_START; seed < SEED_START + MAX_SEEDS; seed++) {
    const files = generate(seed, harmDays);
    const dataset = parseDataset({ name: 'orders.csv', text: files.orders }, { name: 'events.csv', text: files.events });
    const failures = calibrationFailures(analyse(dataset, { window: 24 }), dataset, published);
    if (failures.length > 0) continue;
    if (check) {
      const same = readFileSync(dataDir + 'orders.csv', 'utf8') === files.orders && readFileSync(dataDir + 'events.csv', 'utf8') === files.events;
      console.log(same ? `data/ matches what seed ${seed} generates` : `data/ differs from what seed ${seed} generates: run npm run data`);
      process.exit(same ? 0 : 1);
    }
    writeFileSync(dataDir + 'orders.csv', files.orders);
    writeFileSync(dataDir + 'events.csv', files.events);
    console.log(`wrote data/orders.csv and data/events.csv from seed ${seed}; every calibration target holds`);
    return;
  }
  console.error(`no seed in ${SEED_START} … ${SEED_START + MAX_SEEDS - 1} met every calibration target`);
  process.exit(1);
}

main();
