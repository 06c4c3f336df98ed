// Derivations are checked against independent truth, not against themselves: the reduction is
// recomputed from the derivation's own inputs table, V from its listed ranks and signs, the Holm
// p from its raw p-values and multipliers, the R vectors are checked to sum to the totals, and the
// R calls are run in current R (4.6, webR) and compared with the value the page shows.
// Also: every number the page renders (sentences, live tables, figure tables) has a derivation,
// and each figure-table cell's text is its path's value as formatted.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { analyse, type AnalysisResult } from '../src/analysis/analyse.ts';
import { derive, rScript, publishedFigureFor, type Derivation } from '../src/lib/derivations.ts';
import { SENTENCE_PARTS, sentence, sentenceParts, valueAt, type SayName } from '../src/lib/live.ts';
import { TABLES, type TableName } from '../src/lib/tables.ts';
import { cellPaths } from '../src/lib/cells.ts';
import { FIGURES, type FigureName } from '../src/lib/figures.ts';
import { FIGURE_PATHS } from '../src/lib/figurePaths.ts';
import { CLAIM_IDS, count, plain, trendSentence } from '../src/lib/wording.ts';
import { formatEstimate, formatNumber, formatP, formatPercent, formatInterval } from '../src/lib/format.ts';
import { runWebR, stopWebR } from './helpers/r.ts';
import { bundled } from './helpers/bundled.ts';

after(() => stopWebR());

const study = analyse(bundled);
const changed = analyse(bundled, { window: 12, categories: ['violence', 'drugs'] });
const legacy = analyse(bundled, { wilcoxon: 'legacy' });
/** A view with a gap and harm weights: the derivations' inputs must leave the same months out and use the same harm. */
const gapped = analyse(bundled, { window: 12, gap: 3, weights: 'low', categories: ['violence', 'drugs'] });
const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);
const must = (d: Derivation | null, path: string): Derivation => {
  assert.ok(d, `no derivation for ${path}`);
  return d;
};
/** The numbers inside `c(…)` after `name <- ` in an R script. */
const rVectorOf = (script: string, name: string): number[] => {
  const m = new RegExp(`^${name} <- c\\(([^)]*)\\)`, 'm').exec(script);
  assert.ok(m, `no vector ${name}`);
  return m[1] === '' ? [] : m[1].split(', ').map(Number);
};

/** Every path the page renders from a result: sentences, live tables and figure tables. */
function renderedPaths(r: AnalysisResult): string[] {
  const paths = new Set<string>(['orders', 'window', 'events.pre', 'events.post', 'events.test.n', 'sample.register', 'sample.analysed', 'sample.withFollowup', 'sample.excludedFollowup', 'sample.excludedData', 'bootstrap.resamples', 'bootstrap.seed']);
  // The robustness page's numbers from the result: the interrupted time series, the leave-one-out range and the sign test.
  for (const w of ['events', 'harm'] as const) {
    for (const s of ['intercept', 'preSlope', 'level', 'levelP', 'slopeChange', 'slopeChangeP', 'hacLag', 'levelPHac', 'slopeChangePHac', 'levelRatio', 'levelRatioP', 'slopeChangeRatio', 'slopeChangeRatioP', 'dispersion', 'levelRatioLow', 'levelRatioHigh', 'slopeChangeRatioLow', 'slopeChangeRatioHigh', 'preSlopeRatio', 'preSlopeRatioP', 'postSlopeRatio']) paths.add(`its.${w}.${s}`);
    for (const end of ['min', 'max']) paths.add(`leaveOneOut.${w}.${end}`);
    for (const s of ['n', 'fewer', 'p']) paths.add(`${w}.sign.${s}`);
  }
  const says: SayName[] = ['headline', 'harmChange', 'correlation', 'harmVersusVolume', 'trend:events', 'trend:harm', 'significance:events', 'significance:harm', 'answer:what', 'answer:harm', 'answer:meaning', 'sample', 'leaveOneOut', 'leaveOneOutRange', 'pairedPeople', ...CLAIM_IDS.map((id) => `verdict:${id}` as const)];
  for (const s of says) for (const part of sentenceParts(r, s)) if (typeof part !== 'string') paths.add(part.path);
  for (const name of Object.keys(TABLES) as TableName[]) for (const row of TABLES[name](r).paths ?? []) for (const p of row) for (const q of cellPaths(p)) paths.add(q);
  for (const name of Object.keys(FIGURE_PATHS) as FigureName[]) for (const row of FIGURE_PATHS[name](r, study)) for (const p of row) if (p) paths.add(p);
  return [...paths];
}

test('every number the page renders has a derivation, in the study view, a changed view, under the legacy rule and with a gap and weights', () => {
  for (const r of [study, changed, legacy, gapped]) {
    const paths = renderedPaths(r);
    assert.ok(paths.length > 150, `${paths.length} paths`);
    for (const p of paths) {
      const d = must(derive(r, bundled, p), p);
      assert.deepEqual(d.value, valueAt(r, p), p);
      assert.ok(d.meaning.length > 20 && d.formula.words.length > 10, p);
      assert.match(d.engine, /^src\/analysis\/[\w/]+\.ts$/, p);
      assert.doesNotMatch(JSON.stringify(d), /NaN|undefined|Infinity/, p);
    }
  }
});

test('sentences as segments print exactly the plain text, and each number segment is its path formatted', () => {
  for (const r of [study, changed, legacy, analyse(bundled, { window: 1, categories: ['violence'] }), analyse(bundled, { categories: [] })]) {
    for (const name of Object.keys(SENTENCE_PARTS)) {
      const spec = name === 'trend' ? 'trend:harm' : name === 'verdict' ? 'verdict:trend.harm' : name === 'significance' ? 'significance:harm.drugs' : name;
      assert.equal(plain(sentenceParts(r, spec)), sentence(r, spec));
    }
    for (const part of sentenceParts(r, 'headline')) {
      if (typeof part === 'string') continue;
      const v = valueAt(r, part.path);
      const expected = part.path.endsWith('.ci') ? formatInterval(v as [number, number]) : part.path.endsWith('reduction') ? formatPercent(Math.abs(v as number)) : formatNumber(v as number);
      assert.equal(part.text, expected, part.path);
    }
  }
});

test('figure-table cells carry the path whose formatted value they show', () => {
  // with the study's trace beside a changed view, and with a gap whose months the trace still draws
  for (const r of [study, changed, gapped]) {
    for (const name of Object.keys(FIGURES) as FigureName[]) {
      const rows = FIGURES[name].table(r, study).rows;
      const paths = FIGURE_PATHS[name](r, study);
      assert.equal(paths.length, rows.length, name);
      rows.forEach((row, i) => row.forEach((cell, k) => {
        const p = paths[i][k];
        if (p) assert.equal(cell, formatNumber(valueAt(r, p) as number), `${name} ${i} ${k} ${p}`);
      }));
    }
    for (const name of ['results:events', 'results:harm'] as const) {
      const t = TABLES[name](r);
      t.rows.forEach((row, i) => row.forEach((cell, k) => {
        const p = t.paths![i][k];
        if (!p) return;
        assert.equal(typeof p, 'string', `${name}: one number to a cell`);
        if (typeof p !== 'string') return;
        const v = valueAt(r, p);
        const f = p.endsWith('.ci') ? formatInterval(v as [number, number]) : p.endsWith('reduction') ? formatPercent(v as number) : /\.p$|pAdjusted$/.test(p) ? formatP(v as number) : formatNumber(v as number);
        assert.equal(cell, f, `${name} ${p}`);
      }));
    }
  }
});

test('a reduction recomputed from its own inputs table, and its R vectors summing to the totals', () => {
  for (const [r, base] of [[study, 'events'], [study, 'harm'], [changed, 'byCategory.drugs.events'], [changed, 'byCategory.violence.harm'], [gapped, 'events'], [gapped, 'harm'], [gapped, 'byCategory.drugs.harm']] as const) {
    const d = must(derive(r, bundled, `${base}.reduction`), base);
    const pre = sum(d.inputs!.rows.map((row) => row[1] as number));
    const post = sum(d.inputs!.rows.map((row) => row[2] as number));
    const m = valueAt(r, base) as AnalysisResult['events'];
    assert.ok(Math.abs(pre - m.pre) < 1e-9 && Math.abs(post - m.post) < 1e-9, base);
    assert.ok(Math.abs(1 - post / pre - (d.value as number)) < 1e-12, base);
    const script = rScript(d);
    assert.ok(Math.abs(sum(rVectorOf(script, 'pre')) - m.pre) < 1e-9);
    assert.ok(Math.abs(sum(rVectorOf(script, 'post')) - m.post) < 1e-9);
    assert.deepEqual(d.steps.map((s) => s.value), [m.pre, m.post]);
  }
});

test('V recomputed from the listed ranks and signs; n, zeros and ties counted from the listed differences', () => {
  for (const [r, path] of [[study, 'byCategory.drugs.events.test.V'], [study, 'harm.test.V'], [changed, 'events.test.V'], [legacy, 'byCategory.drugs.events.test.V'], [legacy, 'harm.test.V'], [gapped, 'harm.test.V']] as const) {
    const d = must(derive(r, bundled, path), path);
    const rows = d.inputs!.rows;
    const V = sum(rows.filter((row) => row[5] === '+').map((row) => row[4] as number));
    assert.equal(V, d.value, path);
    const diffs = rows.map((row) => row[3] as number);
    rows.forEach((row) => assert.equal(row[3], (row[1] as number) - (row[2] as number)));
    const nonZero = diffs.filter((x) => x !== 0).map(Math.abs);
    const step = (label: string) => d.steps.find((s) => s.label.startsWith(label))!.value;
    assert.equal(step('Non-zero'), nonZero.length);
    assert.equal(step('Zeros'), diffs.length - nonZero.length);
    assert.equal(step('Tied'), nonZero.filter((x) => nonZero.indexOf(x) !== nonZero.lastIndexOf(x)).length);
    assert.equal(String(step('Follows')).startsWith(r.wilcoxon === 'current' ? 'current R' : 'R 4.5'), true);
    if (r.wilcoxon === 'legacy') assert.match(d.r!.call, /exact = (TRUE|FALSE), correct = TRUE/);
  }
});

test('a Holm p recomputed from the raw p-values of its family and its multiplier', () => {
  for (const r of [study, changed]) {
    for (const c of r.categories) {
      const path = `byCategory.${c}.harm.test.pAdjusted`;
      const d = must(derive(r, bundled, path), path);
      const rows = d.inputs!.rows.map((row) => ({ p: row[1] as number, mult: row[2] as number }));
      const sorted = [...rows].sort((a, b) => a.p - b.p);
      let running = 0;
      const adjusted = sorted.map((x) => (running = Math.max(running, Math.min(1, x.mult * x.p))));
      const mine = rows[r.categories.indexOf(c)];
      assert.equal(adjusted[sorted.indexOf(mine)], d.value, path);
      assert.deepEqual(rows.map((x) => x.mult).sort(), Array.from({ length: rows.length }, (_, k) => k + 1).sort());
    }
  }
});

test('with a gap and weights: the month and person derivations list only the analysed months, with the weighted harm', () => {
  const weight = new Map(bundled.harmIndex!.offences.map((o) => [o.offence, o.low!]));
  // The first analysed month after the order is 4; its harm is the low weights of its arrests.
  const k = gapped.monthly.findIndex((m) => m.month === 4);
  assert.equal(gapped.monthly[k - 1].month, -4, 'months −3 … 3 are left out');
  const month = must(derive(gapped, bundled, `monthly.${k}.harm`), 'month');
  const rows = month.inputs!.rows;
  assert.equal(rows.length, gapped.monthly[k].events);
  rows.forEach((row) => assert.equal(row[3], weight.get(row[2] as string)));
  assert.ok(Math.abs(sum(rows.map((row) => row[3] as number)) - gapped.monthly[k].harm) < 1e-9);
  gapped.perOrder.forEach((person, i) => {
    for (const field of ['harmPre', 'harmPost', 'eventsPost'] as const) {
      const d = must(derive(gapped, bundled, `perOrder.${i}.${field}`), field);
      const months = d.inputs!.rows.map((row) => row[0] as number);
      assert.ok(months.every((m) => Math.abs(m) > 3 && Math.abs(m) <= 12), `${person.order}: months ${months}`);
      const value = field === 'eventsPost' ? d.inputs!.rows.length : sum(d.inputs!.rows.map((row) => row[3] as number));
      assert.ok(Math.abs(value - person[field]) < 1e-9, `${person.order} ${field}: ${value} vs ${person[field]}`);
    }
  });
  assert.match(must(derive(gapped, bundled, 'harm.reduction'), '').meaning, /the harm index's low weights/);
  assert.match(must(derive(gapped, bundled, 'events.pre'), '').meaning, /12 months \(less the 3 months nearest the order\)/);
  assert.match(must(derive(gapped, bundled, 'trend.events.slope'), '').meaning, /months 4 … 12/);
  assert.equal(must(derive(gapped, bundled, 'gap'), '').status, 'setting');
  assert.equal(must(derive(analyse(bundled, { gap: 1 }), bundled, 'events.pre'), '').status, 'generator', 'a gap is not the study\'s view: nothing calibrated');
  assert.equal(must(derive(analyse(bundled, { weights: 'central' }), bundled, 'events.pre'), '').status, 'generator');
});

test('calibrated only in the study view, and only for published figures', () => {
  assert.equal(must(derive(study, bundled, 'events.pre'), '').status, 'calibrated');
  assert.equal(must(derive(study, bundled, 'byCategory.other.harm.reduction'), '').status, 'calibrated');
  assert.equal(must(derive(study, bundled, 'sample.register'), '').status, 'calibrated');
  assert.equal(must(derive(study, bundled, 'harm.pre'), '').status, 'generator'); // the article gives no harm total
  assert.equal(must(derive(study, bundled, 'events.test.p'), '').status, 'generator');
  // said as what it is: the analysis's output on the generator's data, not the generator's output
  assert.match(must(derive(study, bundled, 'events.test.p'), '').statusNote, /^Computed by the analysis from the bundled synthetic data \(made by scripts\/generate-data\.ts\), not a published figure/);
  assert.equal(must(derive(changed, bundled, 'events.pre'), '').status, 'generator');
  assert.equal(must(derive(study, bundled, 'window'), '').status, 'setting');
  assert.equal(publishedFigureFor(study, 'events.reduction')!.value, Math.round(100 * study.events.reduction!));
});

test('one plural rule: the noun agrees with the number as printed', () => {
  assert.equal(count(1, 'arrest'), '1 arrest');
  // An estimate keeps its three digits, so a slope of 1.0004 prints "1.00", and "1.00" takes the plural.
  assert.equal(count(1.0004, 'arrest', 'arrests', formatEstimate), '1.00 arrests');
  assert.equal(count(0.327, 'arrest', 'arrests', formatEstimate), '0.327 arrests');
  assert.equal(count(2, 'person', 'people'), '2 people');
  for (let w = 1; w <= bundled.span; w++) {
    for (const categories of [['violence'], ['drugs'], ['other'], ['modern_slavery']]) {
      const t = trendSentence(analyse(bundled, { window: w, categories }), 'events');
      assert.doesNotMatch(t, /(?<![\d.,])1 (arrests|harm days|months)\b/, t);
    }
  }
});

test('the R calls reproduce the displayed values in R 4.6 (webR)', async () => {
  const paths = [
    [study, 'events.pre'], [study, 'harm.reduction'], [study, 'byCategory.drugs.events.test.V'], [study, 'byCategory.drugs.events.test.p'],
    [study, 'harm.test.p'], [study, 'byCategory.violence.harm.test.pAdjusted'], [study, 'trend.harm.slope'], [study, 'trend.events.p'],
    [study, 'correlation.pearson.r'], [study, 'monthly.3.harm'], [changed, 'events.test.V'], [changed, 'byCategory.drugs.harm.test.p'],
    [legacy, 'byCategory.drugs.events.test.p'], [legacy, 'events.test.z'], [study, 'sample.withFollowup'],
    [study, 'its.events.level'], [study, 'its.events.levelP'], [study, 'its.harm.slopeChange'], [study, 'its.harm.slopeChangeP'], [gapped, 'its.events.preSlope'], [gapped, 'its.harm.levelP'],
    [study, 'its.events.levelPHac'], [study, 'its.harm.slopeChangePHac'], [gapped, 'its.events.slopeChangePHac'], [changed, 'its.harm.levelPHac'], [study, 'its.events.hacLag'], [changed, 'its.harm.hacLag'],
    [study, 'its.events.levelRatio'], [study, 'its.events.levelRatioP'], [study, 'its.harm.slopeChangeRatio'], [gapped, 'its.harm.slopeChangeRatioP'], [changed, 'its.events.dispersion'], [gapped, 'its.harm.dispersion'],
    [study, 'its.events.levelRatioLow'], [study, 'its.events.levelRatioHigh'], [changed, 'its.harm.slopeChangeRatioLow'], [gapped, 'its.events.slopeChangeRatioHigh'], [study, 'its.events.preSlopeRatio'], [changed, 'its.events.preSlopeRatioP'], [gapped, 'its.harm.postSlopeRatio'],
    [study, 'leaveOneOut.events.min'], [study, 'leaveOneOut.harm.max'], [gapped, 'leaveOneOut.events.max'], [changed, 'leaveOneOut.harm.min'],
    [study, 'events.sign.p'], [gapped, 'byCategory.drugs.harm.sign.p'], [changed, 'events.sign.fewer'], [changed, 'harm.sign.n'],
    [study, 'busiestTenth.share'], [changed, 'busiestTenth.events'], [gapped, 'busiestTenth.people'], [study, 'busiestTenth.othersReduction'], [gapped, 'busiestTenth.othersReduction'],
    [gapped, 'harm.reduction'], [gapped, 'byCategory.drugs.harm.test.p'], [gapped, 'trend.harm.slope'], [gapped, 'correlation.spearman.p'], [gapped, 'monthly.9.harm'], [gapped, 'perOrder.5.harmPre'],
  ] as const;
  const ds = paths.map(([r, p]) => must(derive(r, bundled, p), p));
  // Each script in its own local() so that vectors do not leak between them; printed at 17 digits.
  const script = ds.map((d) => `cat(sprintf("%.17g", local({\n${rScript(d)}\n})), "\\n")`).join('\n');
  const out = (await runWebR(script)).trim().split(/\s+/).map(Number);
  assert.equal(out.length, ds.length);
  ds.forEach((d, k) => {
    const v = d.value as number;
    assert.ok(Math.abs(out[k] - v) <= 1e-9 * Math.max(1, Math.abs(v)), `${d.path}: R ${out[k]}, engine ${v}`);
  });
});

test("under a reader's own data a derivation calls harm days, not the study's CCHI days", () => {
  const r = analyse(bundled);
  const own = { ...bundled, manifest: undefined };
  for (const path of ['harm.pre', 'harm.reduction', 'byCategory.violence.harm.test.p', 'trend.harm.slope'] as const) {
    const study = derive(r, bundled, path)!;
    const theirs = derive(r, own, path)!;
    assert.match(JSON.stringify(study), /CCHI days/, `${path}: the study's words name the index`);
    assert.doesNotMatch(JSON.stringify(theirs), /CCHI/, path);
    assert.equal(theirs.status, 'data');
    assert.deepEqual(theirs.value, study.value);
  }
});

test('the interval\'s R note does not call R\'s interval "slightly" different: ends move with the seed, and one near 0 may cross it', () => {
  const r = analyse(bundled, { window: 18, gap: 3, weights: 'high', categories: ['drugs', 'other'] });
  const note = derive(r, bundled, 'byCategory.drugs.harm.ci')?.r?.note ?? '';
  assert.doesNotMatch(note, /slightly/);
  assert.match(note, new RegExp(`With ${formatNumber(r.bootstrap.resamples)} resamples an interval's ends move from one seed to another.*an end near 0 may fall on the other side of it in R\\.`));
});

test('the Wilcoxon derivation says which R its call needs, and describes the rule of the view', () => {
  const current = analyse(bundled, { window: 12, categories: ['violence', 'drugs'] });
  const p = derive(current, bundled, 'events.test.p')!;
  assert.match(p.r?.note ?? '', /^Needs R 4\.6\. In R 4\.5 and earlier the same call follows the older rule/);
  assert.match(p.formula?.words ?? '', /Pratt's method/);
  const legacy = analyse(bundled, { window: 12, categories: ['violence', 'drugs'], wilcoxon: 'legacy' });
  const q = derive(legacy, bundled, 'events.test.p')!;
  assert.equal(q.r?.note, undefined);
  assert.match(q.r?.call ?? '', /exact = (TRUE|FALSE), correct = TRUE/);
  assert.match(q.formula?.words ?? '', /set the zeros aside.*as R 4\.5 and earlier computed it/);
  assert.doesNotMatch(q.formula?.words ?? '', /current R/);
});

test('the Newey–West panels give the page\'s own rule for calling a step clear (both p below 0.01) and mentioning a trend before (both below 0.05); the correlation panels name the months analysed (a statistician)', () => {
  const study = analyse(bundled);
  const hac = derive(study, bundled, 'its.events.levelPHac')!;
  assert.match(hac.meaning, /a step at the order is called clear only when both are below 0\.01, and a trend before the order is mentioned where both are below 0\.05/);
  assert.doesNotMatch(hac.meaning, /step clear only when this p-value and the ordinary one are both below 0\.05/);
  const gapped = analyse(bundled, { window: 12, gap: 3 });
  const r = derive(gapped, bundled, 'correlation.pearson.r')!;
  assert.equal(gapped.monthly.length, 18);
  assert.match(r.meaning, /across the 18 months analysed \(the window's months either side, less the 6 left out around the order\)/);
  assert.match(derive(study, bundled, 'correlation.spearman.rho')!.meaning, /across the 48 months analysed/);
});
