// A second dataset for the R scripts' tests (tests/emit-r.test.ts, tests/emit-curve-r.test.ts): data
// the scripts were not written for.
import { mulberry32, randomInt } from '../../src/analysis/stats/random.ts';

/**
 * A second dataset, made here from a seeded generator: other ids (with a space and an apostrophe),
 * other category codes (readable names with spaces), 64 analysed orders, months up to 12, quoted
 * offence names with commas and quotes, harm with decimals, plus excluded orders.
 */
export function otherData(): { orders: string; events: string; index: string } {
  const rng = mulberry32(4242);
  const categories = ['labour_exploitation', 'fraud', 'county_lines', 'sexual_exploitation'];
  const offences: Record<string, [string, number][]> = {
    labour_exploitation: [['Forced labour, "debt bondage" (s1)', 730], ['Holding a person in servitude', 365.5]],
    fraud: [['Fraud by false representation', 56], ['Benefit fraud, "ghost" claimant', 7.25]],
    county_lines: [['Possession with intent to supply', 365], ['Being concerned in supply', 182.5]],
    sexual_exploitation: [["Controlling prostitution for gain, the victim's earnings", 548], ['Arranging travel', 0]],
  };
  const quote = (s: string) => (/[",]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const orders = ['order_id,issued,sample,duration_months,conditions'];
  const events = ['order_id,month,category,offence,harm'];
  const samples = [...Array(64).fill('analysed'), ...Array(9).fill('excluded_followup'), ...Array(5).fill('excluded_data')];
  samples.forEach((sample, k) => {
    const id = k % 7 === 0 ? `D'${k} X` : `P ${1000 + k}`;
    orders.push(`${quote(id)},${2017 + (k % 6)}-Q${1 + (k % 4)},${sample},${k % 3 === 0 ? '' : 12 + k},${k % 2 ? 'exclusion_zone' : ''}`);
    if (sample !== 'analysed') return;
    const propensity = rng() * 3;
    for (let month = -12; month <= 12; month++) {
      if (month === 0) continue;
      const rate = propensity * (month < 0 ? 0.35 : 0.15 * (1 - month / 20));
      let count = 0;
      while (rng() < rate / (1 + count)) count++;
      for (let e = 0; e < count; e++) {
        const category = categories[randomInt(rng, k % 5 === 0 ? 1 : categories.length)];
        const [offence, harm] = offences[category][randomInt(rng, 2)];
        events.push(`${quote(id)},${month},${category},${quote(offence)},${harm}`);
      }
    }
  });
  // A harm index for these offences, with weights unlike the recorded harm (and an unused offence).
  const index = ['offence,harm_days,sens_low,sens_high', ...Object.values(offences).flat().map(([o, h], k) => `${quote(o)},${h + 1},${(k + 1) * 3.5},${h * 2 + k}`), 'Not used here,1,1,1'];
  return { orders: orders.join('\n') + '\n', events: events.join('\r\n') + '\r\n', index: index.join('\n') + '\n' };
}

