// The `analyze` command: JSON shape, agreement with analyse(), readable tables, and a one-line
// error naming file, row and column (exit status 1, nothing on stdout, no stack trace) for each
// kind of bad input the issue lists.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { makeCohort } from './helpers/cohort.ts';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyse } from '../src/analysis/analyse.ts';
import { emitR } from '../src/analysis/emitR.ts';
import { formatEstimate, formatP } from '../src/lib/format.ts';
import { bundled, dataPath, readData } from './helpers/bundled.ts';

const cli = fileURLToPath(new URL('../src/cli/analyze.ts', import.meta.url));
/** A bundled file's path, given explicitly (beside a file of the test's own). */
const studyFile = (name: string) => fileURLToPath(dataPath(name));
const run = (...args: string[]) => spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8' });
const dir = mkdtempSync(join(tmpdir(), 'stro-cli-'));
const write = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const orders = readData('orders.csv');
const events = readData('events.csv');
const [eventsHeader, firstEvent, ...restEvents] = events.split('\n');
const [ordersHeader, firstOrder, ...restOrders] = orders.split('\n');

test('--json prints exactly one JSON object with the documented shape, equal to analyse()', () => {
  const out = run('--json');
  assert.equal(out.status, 0, out.stderr);
  assert.equal(out.stdout.trim().split('\n').length, 1);
  const json = JSON.parse(out.stdout);
  for (const key of ['window', 'categories', 'orders', 'events', 'harm', 'byCategory', 'trend', 'correlation']) assert.ok(key in json, key);
  for (const m of ['events', 'harm']) {
    for (const key of ['pre', 'post', 'reduction', 'ci']) assert.ok(key in json[m], `${m}.${key}`);
    assert.ok('V' in json[m].test && 'p' in json[m].test);
    for (const c of json.categories) assert.ok('pAdjusted' in json.byCategory[c][m].test, `${c} ${m} pAdjusted`);
  }
  for (const key of ['slope', 'p', 'tau', 'tauP']) assert.ok(key in json.trend.events && key in json.trend.harm, key);
  assert.ok('r' in json.correlation.pearson && 'p' in json.correlation.pearson);
  assert.ok('rho' in json.correlation.spearman && 'p' in json.correlation.spearman);
  assert.deepEqual(json, JSON.parse(JSON.stringify(analyse(bundled))));
});

test('--window and --categories reach the engine', () => {
  const out = run('--json', '--window', '12', '--categories', 'drugs,violence');
  assert.equal(out.status, 0, out.stderr);
  assert.deepEqual(JSON.parse(out.stdout), JSON.parse(JSON.stringify(analyse(bundled, { window: 12, categories: ['violence', 'drugs'] }))));
  // "--window=12" is "--window 12" (an analyst was told it was an unknown option); a switch takes no value.
  const joined = run('--json', '--window=12', '--categories=drugs,violence');
  assert.equal(joined.status, 0, joined.stderr);
  assert.equal(joined.stdout, out.stdout);
  const bad = run('--json=yes');
  assert.equal(bad.status, 1);
  assert.match(bad.stderr, /^analyze: --json takes no value \(given "yes"\)/);
});

test('--gap and --weights reach the engine; --weights reads the bundled harm index, or --harm-index', () => {
  const out = run('--json', '--gap', '3', '--weights', 'low');
  assert.equal(out.status, 0, out.stderr);
  const json = JSON.parse(out.stdout);
  assert.deepEqual(json, JSON.parse(JSON.stringify(analyse(bundled, { gap: 3, weights: 'low' }))));
  assert.equal(json.gap, 3);
  assert.equal(json.weights, 'low');
  assert.equal(JSON.parse(run('--json').stdout).weights, 'data', 'without --weights, harm as recorded');
  // Another index: every offence weighs 2 days at the low end, so harm is twice the arrests.
  const offences = [...new Set(bundled.events.map((e) => e.offence))];
  const q = (o: string) => (/[",]/.test(o) ? `"${o.replace(/"/g, '""')}"` : o);
  const index = write('twos.csv', 'offence,harm_days,sens_low,sens_high\n' + offences.map((o) => `${q(o)},1,2,3`).join('\n'));
  const twos = JSON.parse(run('--json', '--weights', 'low', '--harm-index', index, '--window', '12', '--gap', '1').stdout);
  assert.equal(twos.harm.pre, 2 * twos.events.pre);
  assert.equal(twos.harm.post, 2 * twos.events.post);
  assert.match(run('--weights', 'high', '--harm-index', index).stdout, /Total harm \(days, the high weights \(sens_high\) of the harm index twos\.csv, by offence\)/);
});

test('--gap and --weights: bad values, a gap not below the window, and offences missing from the index are errors', () => {
  for (const [args, message] of [
    [['--gap', '-1'], /--gap: "-1" is not a whole number of months, 0 or more/],
    [['--gap', '2.5'], /--gap: "2\.5" is not a whole number of months, 0 or more/],
    [['--window', '6', '--gap', '6'], /gap: 6 is not a whole number of months from 0 to 5 \(the gap must be less than the window of 6\)/],
    [['--weights', 'medium'], /--weights: "medium" is not central, low or high/],
  ] as const) {
    const out = run(...args);
    assert.equal(out.status, 1, args.join(' '));
    assert.match(out.stderr, message);
    assert.equal(out.stdout, '');
  }
  const index = write('short-index.csv', 'offence,harm_days,sens_low,sens_high\nRobbery,365,365,365\n');
  const missing = run('--weights', 'central', '--harm-index', index, '--json');
  assert.equal(missing.status, 1);
  assert.equal(missing.stdout, '');
  const lines = missing.stderr.trim().split('\n');
  assert.equal(lines.length, bundled.events.filter((e) => e.offence !== 'Robbery').length, 'one line per event the index cannot weigh');
  assert.match(lines[0], /^analyze: events\.csv, row 1, column "offence": "Wounding or inflicting GBH \(s20\)" is not in the harm index short-index\.csv/);
  assert.match(run('--harm-index', index).stderr, /--harm-index: the bundled events have a harm column, which is kept; add --weights to take the index's weights instead/);
  // An index without the weights asked for says so with the other problems, not once they are fixed (an analyst).
  const centralOnly = write('central-index.csv', 'offence,harm_days\nRobbery,365\n');
  const both = run('--weights', 'low', '--harm-index', centralOnly);
  assert.equal(both.status, 1);
  assert.match(both.stderr, /is not in the harm index central-index\.csv/);
  assert.match(both.stderr, /^analyze: central-index\.csv, header, column "sens_low": has no sens_low column, so it has no low weights \(hint: add the column, or run again with another --weights \(central is in it\)\)$/m);
});

test('readable tables show the headline figures as the engine computes them', () => {
  const out = run();
  assert.equal(out.status, 0, out.stderr);
  const r = analyse(bundled);
  assert.match(out.stdout, new RegExp(`Overall\\s+${r.events.pre}\\s+${r.events.post}\\s+${Math.round(100 * r.events.reduction!)}%`));
  for (const c of r.categories) assert.match(out.stdout, new RegExp(r.categoryNames[c]));
  assert.match(out.stdout, /Synthetic data/);
  assert.doesNotMatch(out.stdout, /NaN|undefined/);
  // The sign test, leave-one-out range and interrupted time series, as the engine gives them.
  assert.match(out.stdout, new RegExp(`Arrests\\s+${r.events.sign.fewer}\\s+${r.events.sign.n}\\s+.+?\\s+${Math.round(100 * r.events.reduction!)}%\\s+${Math.round(100 * r.leaveOneOut.events.min!)}% to ${Math.round(100 * r.leaveOneOut.events.max!)}%`));
  // the busiest tenth, as Conclusions says it: the engine's numbers, checked here against perOrder
  const ranked = r.perOrder.map((o, k) => ({ o, k })).sort((a, b) => b.o.eventsPre - a.o.eventsPre || a.k - b.k);
  const rest = ranked.slice(4).map(({ o }) => o);
  const share = ranked.slice(0, 4).reduce((a, { o }) => a + o.eventsPre, 0) / r.events.pre;
  const others = 1 - rest.reduce((a, o) => a + o.eventsPost, 0) / rest.reduce((a, o) => a + o.eventsPre, 0);
  assert.ok(out.stdout.includes(`Busiest tenth: the 4 people with the most arrests before carry ${Math.round(100 * share)}% of them; the others' reduction in arrests without them: ${Math.round(100 * others)}%`), out.stdout);
  assert.match(out.stdout, /Interrupted time series \(monthly totals, months −24 to −1 and months 1 to 24;.* Newey-West standard errors, lag 3\)/);
  // Each p beside its Newey–West p, as the engine gives them (0.0152 and 0.0486 for the step in arrests).
  const its = r.its.events;
  assert.ok(new RegExp(`Arrests\\s+${formatEstimate(its.preSlope)}\\s+${formatEstimate(its.level)}\\s+${formatP(its.levelP)}\\s+${formatP(its.levelPHac)}\\s+${formatEstimate(its.slopeChange)}\\s+${formatP(its.slopeChangeP)}\\s+${formatP(its.slopeChangePHac)}\\n`).test(out.stdout), out.stdout);
  assert.equal(formatP(its.levelPHac), '0.0486');
  // The same months as counts, in a table of their own: the engine's ratios, intervals, p-values and dispersion.
  assert.match(out.stdout, /The same months as counts \(glm\(y ~ month \+ post \+ tPost, family = quasipoisson\)/);
  const esc = (t: string) => t.replace(/[.,<]/g, '\\$&');
  for (const [label, fit] of [['Arrests', r.its.events], ['Harm', r.its.harm]] as const) {
    const cells = [
      formatEstimate(fit.levelRatio), `${formatEstimate(fit.levelRatioLow)} to ${formatEstimate(fit.levelRatioHigh)}`, formatP(fit.levelRatioP),
      formatEstimate(fit.preSlopeRatio), formatEstimate(fit.postSlopeRatio),
      formatEstimate(fit.slopeChangeRatio), `${formatEstimate(fit.slopeChangeRatioLow)} to ${formatEstimate(fit.slopeChangeRatioHigh)}`, formatP(fit.slopeChangeRatioP), formatEstimate(fit.dispersion),
    ];
    assert.match(out.stdout, new RegExp(`^${label}\\s+${cells.map(esc).join('\\s+')}$`, 'm'), label);
  }
  const gapped = run('--gap', '3', '--window', '12');
  assert.match(gapped.stdout, /^STRO analysis: 41 analysed orders, 12 months before vs 12 after, leaving out the 3 months either side of the order \(--gap 3\)$/m);
  assert.match(gapped.stdout, /Trend after the order \(monthly totals, months 4 to 12\)/);
  assert.match(gapped.stdout, /Monthly arrests against monthly harm \(18 months\)/);
  assert.doesNotMatch(gapped.stdout, /NaN|undefined/);
});

test('--wilcoxon legacy reaches the engine; the tables name the rule and R\'s method for the overall tests', () => {
  const out = run('--json', '--wilcoxon', 'legacy');
  assert.equal(out.status, 0, out.stderr);
  const legacy = analyse(bundled, { wilcoxon: 'legacy' });
  assert.deepEqual(JSON.parse(out.stdout), JSON.parse(JSON.stringify(legacy)));
  assert.notEqual(legacy.events.test.p, analyse(bundled).events.test.p, 'the two rules differ on these data');

  const tables = run('--wilcoxon', 'legacy');
  assert.equal(tables.status, 0, tables.stderr);
  assert.match(tables.stdout, /Paired Wilcoxon signed-rank tests per order \(two-sided\), as R ≤ 4\.5 computed wilcox\.test/);
  assert.match(tables.stdout, new RegExp(`overall tests: events "${legacy.events.test.method}" \\(${legacy.events.test.n} non-zero differences, ${legacy.events.test.zeros} zeros`));
  const current = analyse(bundled);
  const byDefault = run();
  assert.match(byDefault.stdout, /as current R \(4\.6\) computes wilcox\.test\(pre, post, paired = TRUE\)/);
  assert.match(byDefault.stdout, new RegExp(`harm "${current.harm.test.method}"`));
});

test('--emit-r prints the base-R script for the view as the engine resolves it, and no results', () => {
  const out = run('--emit-r', '--window', '12', '--categories', 'drugs,violence', '--wilcoxon', 'legacy');
  assert.equal(out.status, 0, out.stderr);
  assert.match(out.stdout, /^# Written by npm run --silent analyze -- --emit-r --window 12 --categories drugs,violence --wilcoxon legacy\.$/m);
  // A file name is quoted as a shell reads it, so that the line, copied and run, cannot run a command of its own.
  const named = write('o $(touch PWNED); x.csv', readFileSync(tpl('orders.csv'), 'utf8'));
  const quoted = run('--orders', named, '--events', tpl('events.csv'), '--emit-r');
  assert.equal(quoted.status, 0, quoted.stderr);
  assert.ok(quoted.stdout.includes(`# Written by npm run --silent analyze -- --orders '${named}' --events `), quoted.stdout.split('\n').find((l) => l.startsWith('# Written')));
  // A newline in a file name stays in the command, escaped as bash reads it ($'…'), on the comment's one
  // line: it had become a space, naming a file that is not there. The line, run by bash, names the file.
  const broken = write('o\nx.csv', readFileSync(tpl('orders.csv'), 'utf8'));
  const escaped = run('--orders', broken, '--events', tpl('events.csv'), '--emit-r');
  assert.equal(escaped.status, 0, escaped.stderr);
  const line = escaped.stdout.split('\n').find((l) => l.startsWith('# Written'))!;
  const words = /--orders (\$'[^']*') --events /.exec(line);
  assert.ok(words, line);
  assert.equal(execFileSync('bash', ['-c', `printf '%s' ${words[1]}`]).toString(), broken);
  assert.equal(out.stdout.replace(/^# Written by .*\n/m, ''), emitR({ window: 12, categories: ['violence', 'drugs'], wilcoxon: 'legacy' }));
  const byDefault = run('--emit-r');
  assert.equal(byDefault.stdout.replace(/^# Written by .*\n/m, ''), emitR({ window: 24, categories: ['modern_slavery', 'violence', 'drugs', 'other'], wilcoxon: 'current' }));
});

const bad: { name: string; args: () => string[]; expect: RegExp }[] = [
  { name: 'missing file', args: () => ['--orders', studyFile('orders.csv'), '--events', join(dir, 'nope.csv')], expect: /nope\.csv: no such file/ },
  { name: 'empty file', args: () => ['--orders', studyFile('orders.csv'), '--events', write('empty.csv', '')], expect: /empty\.csv: the file is empty/ },
  { name: 'missing column', args: () => ['--orders', studyFile('orders.csv'), '--events', write('nocol.csv', events.split('\n').map((l) => l.replace(/^([^,]*,[^,]*),[^,]*,/, '$1,')).join('\n'))], expect: /nocol\.csv, header, column "category": required column is missing/ },
  { name: 'misspelled column', args: () => ['--orders', studyFile('orders.csv'), '--events', write('typo.csv', events.replace('order_id,month', 'order_id,mnth'))], expect: /typo\.csv, header, column "month": required column is missing \(found "mnth"/ },
  { name: 'non-numeric month', args: () => ['--orders', studyFile('orders.csv'), '--events', write('month.csv', [eventsHeader, firstEvent.replace(/^([^,]*),[^,]*,/, '$1,soon,'), ...restEvents].join('\n'))], expect: /month\.csv, row 1, column "month": "soon" is not a whole number/ },
  { name: 'zero month', args: () => ['--orders', studyFile('orders.csv'), '--events', write('zero.csv', [eventsHeader, firstEvent.replace(/^([^,]*),[^,]*,/, '$1,0,'), ...restEvents].join('\n'))], expect: /zero\.csv, row 1, column "month": 0 is not a month/ },
  { name: 'negative harm', args: () => ['--orders', studyFile('orders.csv'), '--events', write('neg.csv', [eventsHeader, firstEvent.replace(/,[^,]*$/, ',-5'), ...restEvents].join('\n'))], expect: /neg\.csv, row 1, column "harm": A harm of -5 is negative/ },
  { name: 'unknown order', args: () => ['--orders', studyFile('orders.csv'), '--events', write('who.csv', [eventsHeader, firstEvent.replace(/^[^,]*/, 'O-NOBODY'), ...restEvents].join('\n'))], expect: /who\.csv, row 1, column "order_id": "O-NOBODY" is not an order in the orders file/ },
  { name: 'duplicate order id', args: () => ['--orders', write('dup.csv', [ordersHeader, firstOrder, firstOrder, ...restOrders].join('\n')), '--events', studyFile('events.csv')], expect: /dup\.csv, row 2, column "order_id": ".*" duplicates the id in row 1/ },
  { name: 'wrong delimiter', args: () => ['--orders', studyFile('orders.csv'), '--events', write('semi.csv', events.replace(/,/g, ';'))], expect: /semi\.csv, header: columns are separated by ";"/ },
  { name: 'window above the span', args: () => ['--window', '25'], expect: /window: 25 is outside 1 … 24/ },
  { name: 'window zero', args: () => ['--window', '0'], expect: /window: 0 is outside 1 … 24/ },
  { name: 'window not a number', args: () => ['--window', 'two'], expect: /--window: "two" is not a whole number/ },
  { name: 'unknown category', args: () => ['--categories', 'violence,fraud'], expect: /categories: fraud not in the data/ },
  { name: 'event of an excluded order', args: () => {
    const excluded = orders.split('\n').find((l) => l.includes(',excluded_data,'))!.split(',')[0];
    return ['--orders', studyFile('orders.csv'), '--events', write('excl.csv', [eventsHeader, firstEvent.replace(/^[^,]*/, excluded), ...restEvents].join('\n'))];
  }, expect: /excl\.csv, row 1, column "order_id": ".*" is marked excluded_data/ },
  { name: 'unknown option', args: () => ['--windw', '3'], expect: /unknown option --windw/ },
  { name: 'events without their orders', args: () => ['--events', studyFile('events.csv')], expect: /--events needs --orders: your events name orders by order_id/ },
  { name: 'orders without their events', args: () => ['--orders', studyFile('orders.csv')], expect: /--orders needs --events: /},
  { name: 'month far outside any follow-up', args: () => ['--orders', studyFile('orders.csv'), '--events', write('far.csv', [eventsHeader, firstEvent.replace(/^([^,]*),[^,]*,/, '$1,100000000,'), ...restEvents].join('\n'))], expect: /far\.csv, row 1, column "month": 100000000 is more than 600 months/ },
  { name: 'harm written in hexadecimal', args: () => ['--orders', studyFile('orders.csv'), '--events', write('hex.csv', [eventsHeader, firstEvent.replace(/,[^,]*$/, ',0x10'), ...restEvents].join('\n'))], expect: /hex\.csv, row 1, column "harm": "0x10" is not a number of days/ },
  { name: 'implausibly large harm', args: () => ['--orders', studyFile('orders.csv'), '--events', write('big.csv', [eventsHeader, firstEvent.replace(/,[^,]*$/, ',1e308'), ...restEvents].join('\n'))], expect: /big\.csv, row 1, column "harm": "1e308" is not a number/ },
  { name: 'text after a closing quote', args: () => ['--orders', studyFile('orders.csv'), '--events', write('quote.csv', [eventsHeader, firstEvent.replace(/,([a-z_]+),/, ',"$1"x,'), ...restEvents].join('\n'))], expect: /quote\.csv, row 1: line 2: text after a closing quote/ },
  { name: 'events file with no events', args: () => ['--orders', studyFile('orders.csv'), '--events', write('none.csv', eventsHeader + '\n')], expect: /none\.csv: has a header but no events/ },
  { name: 'the same option twice', args: () => ['--window', '3', '--window', '4'], expect: /--window is given twice/ },
  { name: 'an unknown Wilcoxon rule', args: () => ['--wilcoxon', 'newest'], expect: /--wilcoxon: "newest" is not current \(R 4\.6\) or legacy \(R ≤ 4\.5\)/ },
  { name: 'a Wilcoxon rule in capitals', args: () => ['--wilcoxon', 'Legacy'], expect: /--wilcoxon: "Legacy" is not current/ },
  { name: 'no Wilcoxon rule', args: () => ['--wilcoxon'], expect: /--wilcoxon needs a value/ },
  { name: '--json with --emit-r', args: () => ['--json', '--emit-r'], expect: /--json and --emit-r cannot be combined/ },
  { name: '--emit-r with a bad window', args: () => ['--emit-r', '--window', '30'], expect: /window: 30 is outside 1 … 24/ },
  { name: 'an empty category code', args: () => ['--categories', 'violence,,drugs'], expect: /--categories: "violence,,drugs" has an empty code/ },
];

for (const c of bad) {
  test(`bad input: ${c.name} → one line naming where, exit 1`, () => {
    const out = run(...c.args());
    assert.equal(out.status, 1, `exit status; stderr: ${out.stderr}`);
    assert.equal(out.stdout, '', 'nothing on stdout');
    assert.match(out.stderr, c.expect);
    assert.equal(out.stderr.trim().split('\n').length, 1, out.stderr);
    assert.doesNotMatch(out.stderr, /\n\s+at |Error:/, 'no stack trace');
  });
}

test('the bundled files given by name are the study\'s data, as "Use your own data" recognises them: the same report, script and limits', () => {
  const named = ['--orders', studyFile('orders.csv'), '--events', studyFile('events.csv')];
  for (const extra of [[], ['--window', '12', '--categories', 'violence'], ['--emit-r']]) {
    const bare = run(...extra);
    const given = run(...named, ...extra);
    assert.equal(given.status, 0, given.stderr);
    assert.equal(given.stderr, '');
    assert.equal(given.stdout.replace(/^# Written by .*\n/m, ''), bare.stdout.replace(/^# Written by .*\n/m, ''), extra.join(' '));
  }
  assert.match(run(...named).stdout, /synthetic/i);
  // In another design window, or changed by one byte, they are the reader's own (as on the page).
  const longer = run(...named, '--design-window', '30');
  assert.equal(longer.status, 0, longer.stderr);
  assert.doesNotMatch(longer.stdout, /synthetic/i);
  assert.match(longer.stdout, /30 months before vs 30 after/);
  const own = run('--orders', studyFile('orders.csv'), '--events', write('edited.csv', events.replace(/,20\n/, ',21\n')));
  assert.equal(own.status, 0, own.stderr);
  assert.doesNotMatch(own.stdout, /synthetic/i);
});

// ---- The data contract at the command line ----------------------------------------------------
const tpl = (name: string) => fileURLToPath(new URL(`../data/templates/${name}`, import.meta.url));
const badFile = (name: string) => fileURLToPath(new URL(`./fixtures/bad/${name}`, import.meta.url));
const onTemplates = (...args: string[]) => run('--orders', tpl('orders.csv'), '--events', tpl('events.csv'), ...args);

test('the templates (dates, not months) run with --design-window 24, and say nothing about synthetic data or two years', () => {
  const out = onTemplates('--design-window', '24');
  assert.equal(out.status, 0, out.stderr);
  assert.equal((out.stderr), '');
  assert.doesNotMatch(out.stdout, /synthetic|calibrated|two full years/i);
  assert.match(out.stdout, /Your data, with a design window of 24 months/);
  assert.match(out.stdout, /STRO analysis: 3 analysed orders, 24 months before vs 24 after/);
  assert.doesNotMatch(out.stdout, /NaN|undefined/);
  const json = JSON.parse(onTemplates('--json').stdout);
  assert.equal(json.domain.span, 24);
  assert.equal(json.events.pre + json.events.post, 10);
});

test('the bundled data are described by their manifest: synthetic, calibrated, two full years', () => {
  const out = run();
  assert.match(out.stdout, /Synthetic data calibrated to the published aggregates/);
  assert.match(out.stdout, /with two full years of follow-up/);
  assert.match(out.stdout, /illustrative weights/);
});

test('--design-window sets the window range for the reader\'s data', () => {
  const json = JSON.parse(onTemplates('--json', '--design-window', '30').stdout);
  assert.equal(json.domain.span, 30);
  assert.equal(json.window, 30);
  const narrow = onTemplates('--json', '--design-window', '12');
  assert.equal(narrow.status, 1);
  assert.equal(narrow.stdout, '');
  // Five of the template's ten arrests fall outside 12 months: −23, 17, −16, −24 and 13 (tests/contract.test.ts).
  assert.deepEqual(narrow.stderr.trim().split('\n').map((l) => /row (\d+)/.exec(l)?.[1]), ['1', '4', '5', '8', '10']);
  const bad = onTemplates('--design-window', '0');
  assert.equal(bad.status, 1);
  assert.match(bad.stderr, /--design-window: "0" is not a whole number of months/);
});

test('--outside-window exclude leaves out events outside the window and reports the count', () => {
  const args = ['--orders', tpl('orders.csv'), '--events', badFile('outside-window-events.csv')];
  const strict = run(...args);
  assert.equal(strict.status, 1);
  assert.match(strict.stderr, /outside-window-events\.csv, row 5, column "date": 1999-01-20 is month −244, which is outside the design window of 24 months/);
  const out = run(...args, '--outside-window', 'exclude');
  assert.equal(out.status, 0, out.stderr);
  assert.match(out.stdout, /1 event outside the design window was excluded/);
  // the row it was on, as the strict run names it
  assert.match(out.stderr, /1 event was outside the design window of 24 months and was excluded, as asked: row 5 \(warning\)/);
  const json = JSON.parse(run(...args, '--outside-window', 'exclude', '--json').stdout);
  assert.equal(json.events.pre + json.events.post, 9);
  assert.match(run(...args, '--outside-window', 'drop').stderr, /--outside-window: "drop" is not error or exclude/);
});

test('--extracted checks every analysed order\'s follow-up against the date the data were extracted, and is refused on the bundled data', () => {
  const args = ['--orders', tpl('orders.csv'), '--events', tpl('events.csv')];
  // The templates' last analysed order, T-0003 (2020-02-29), is followed up to 2022-02-27.
  const complete = run(...args, '--extracted', '2022-02-27');
  assert.equal(complete.status, 0, complete.stderr);
  assert.match(complete.stdout, /extracted on 2022-02-27: every analysed order's follow-up ends by then\./);
  assert.deepEqual(JSON.parse(run(...args, '--extracted', '2022-02-27', '--json').stdout), JSON.parse(run(...args, '--json').stdout));
  const early = run(...args, '--extracted', '2022-02-26');
  assert.equal(early.status, 1);
  assert.deepEqual(early.stderr.trimEnd().split('\n').filter((l) => !l.includes('(warning)')), [
    'analyze: orders.csv, row 3, column "issued_date": order "T-0003": its 24-month follow-up runs to 2022-02-27, after the data were extracted on 2022-02-26, so the file cannot hold all its arrests after the order (hint: mark it excluded_followup, as its follow-up is not complete, or check the extraction date)',
  ]);
  assert.match(run(...args, '--extracted', '2021-02-27').stderr, /events\.csv, row \d+, column "date": 2021-02-28 is after the data were extracted on 2021-02-27/);
  assert.match(run(...args, '--extracted', '27/02/2022').stderr, /\(options\), column "extracted": "27\/02\/2022" is not a date like 2019-03-15: it looks like day\/month\/year/);
  // The study's files named, with a date: still the study's synthetic data, and their follow-up checked.
  const study = run('--orders', studyFile('orders.csv'), '--events', studyFile('events.csv'), '--extracted', '2099-01-01');
  assert.equal(study.status, 0, study.stderr);
  assert.match(study.stdout, /Synthetic data calibrated to the published aggregates/);
  assert.match(run('--orders', studyFile('orders.csv'), '--events', studyFile('events.csv'), '--extracted', '2019-01-01').stderr, /orders\.csv, row \d+, column "issued": order "O-\w+" was made in \d{4}-Q\d, so its 24-month follow-up runs to/);
  const bundled = run('--extracted', '2023-01-01');
  assert.equal(bundled.status, 1);
  assert.match(bundled.stderr, /--design-window, --outside-window and --extracted describe your own files/);
});

test('a long list of problems ends with their count, and for arrests outside the window with the options that deal with them', () => {
  // The templates' dated arrests in a 1-month window: most fall outside it.
  const out = run('--orders', tpl('orders.csv'), '--events', tpl('events.csv'), '--design-window', '1');
  assert.equal(out.status, 1);
  const lines = out.stderr.trimEnd().split('\n');
  const outside = lines.filter((l) => /outside the design window of 1 month/.test(l)).length;
  assert.ok(lines.length - 1 > 10, `${lines.length - 1} problems`);
  const errors = lines.slice(0, -1).filter((l) => !l.endsWith('(warning)')).length;
  assert.ok(outside > 0);
  assert.equal(lines.at(-1), `analyze: ${errors} errors and ${lines.length - 1 - errors} warning${lines.length - 1 - errors === 1 ? '' : 's'} in all, so nothing was analysed. For arrests outside the design window: give the window your data cover with --design-window N, or leave them out and count them with --outside-window exclude.`);
  // A short list has no such line.
  const one = run('--orders', tpl('orders.csv'), '--events', tpl('events.csv'), '--extracted', '2022-02-26');
  assert.doesNotMatch(one.stderr, /in all/);
});

test('--csv writes the results table the page downloads, for the view asked, and names whose data', async () => {
  const { resultsCsv } = await import('../src/lib/export.ts');
  const study = run('--csv', '--window', '12', '--categories', 'violence,drugs');
  assert.equal(study.status, 0, study.stderr);
  assert.equal(study.stdout, resultsCsv(analyse(bundled, { window: 12, categories: ['violence', 'drugs'] })));
  const own = run('--orders', tpl('orders.csv'), '--events', tpl('events.csv'), '--csv');
  assert.equal(own.status, 0, own.stderr);
  const lines = own.stdout.trimEnd().split('\n');
  assert.match(lines[1], /,"your own files, analysed by the command line: orders\.csv \(5 orders\) and events\.csv \(\d+ arrests\)"$/);
  // With the extraction date, as the page's banner and download give it.
  const dated = run('--orders', tpl('orders.csv'), '--events', tpl('events.csv'), '--extracted', '2099-01-01', '--csv');
  assert.match(dated.stdout.split('\n')[1], /and events\.csv \(\d+ arrests\), extracted on 2099-01-01"$/);
  assert.match(run('--csv', '--json').stderr, /--csv is the results table, as the page downloads it; it cannot be combined with --json/);
});

test('--harm-index: harm looked up by offence when the events have no harm column', () => {
  const events = write('noharm.csv', readFileSync(tpl('events.csv'), 'utf8').split('\n').map((l) => l.split(',').slice(0, 4).join(',')).join('\n'));
  const byDefault = run('--orders', tpl('orders.csv'), '--events', events, '--json');
  assert.equal(byDefault.status, 0, byDefault.stderr);
  assert.deepEqual(JSON.parse(byDefault.stdout), JSON.parse(onTemplates('--json').stdout), 'the bundled index gives the template\'s harm values');
  const index = write('my-index.csv', 'offence,harm_days\n' + ['Assault occasioning actual bodily harm (s47)', 'Kidnapping or false imprisonment', 'Common assault', 'Possession of a Class A drug', 'Theft', 'Breach of a slavery and trafficking order (MSA s30)'].map((o) => `${o},1`).join('\n'));
  const own = run('--orders', tpl('orders.csv'), '--events', events, '--harm-index', index, '--json');
  assert.equal(own.status, 0, own.stderr);
  assert.equal(JSON.parse(own.stdout).harm.pre + JSON.parse(own.stdout).harm.post, 10, 'every offence weighs 1 day');
  assert.match(run('--orders', tpl('orders.csv'), '--events', events, '--harm-index', index).stdout, /Total harm \(days, from the harm index my-index\.csv\)/);
  const missing = run('--orders', tpl('orders.csv'), '--events', badFile('no-harm-events.csv'), '--harm-index', index);
  assert.equal(missing.status, 1);
  assert.match(missing.stderr, /no-harm-events\.csv, row 6, column "offence": "Theft of a bicycle" is not in the harm index/);
});

const malformed: { file: string; orders?: string; lines: RegExp[] }[] = [
  { file: 'utf16-bom-events.csv', lines: [/utf16-bom-events\.csv: the file is UTF-16 text, not UTF-8/] },
  { file: 'utf16-nobom-events.csv', lines: [/utf16-nobom-events\.csv: the file is UTF-16 text, not UTF-8/] },
  { file: 'stray-quote-events.csv', lines: [/stray-quote-events\.csv, row 2, column "offence": a quoted field that begins on line 3 runs over a line break/] },
  { file: 'unclosed-quote-events.csv', lines: [/unclosed-quote-events\.csv, row 5, column "offence": a quoted field opened on line 6 is never closed/] },
  { file: 'many-problems-events.csv', lines: [
    /row 1, column "date": 2017-02-30 is not a real date: February 2017 has 28 days, not 30/,
    /row 3, column "category": "Violence" is not a lowercase category code/,
    /row 4, column "harm": "lots" is not a number of days/,
    /row 6, column "order_id": "T-9999" is not an order/,
    /row 8, column "date": 1998-03-01 is month −264, which is outside the design window/,
  ] },
  { file: 'events.csv', orders: 'issued-date-quarter-orders.csv', lines: [/issued-date-quarter-orders\.csv, row 2, column "issued_date": 2019-07-14 is not in the order's quarter 2019-Q2/] },
];

for (const m of malformed) {
  test(`malformed file ${m.orders ?? m.file}: every problem listed, one a line, exit 1, no stack trace`, () => {
    const out = run('--orders', m.orders ? badFile(m.orders) : tpl('orders.csv'), '--events', m.orders ? tpl(m.file) : badFile(m.file));
    assert.equal(out.status, 1, out.stderr);
    assert.equal(out.stdout, '');
    const lines = (out.stderr).trim().split('\n');
    assert.equal(lines.length, m.lines.length, out.stderr);
    m.lines.forEach((re, k) => assert.match(lines[k], re));
    assert.doesNotMatch(out.stderr, /\n\s+at |Error:/);
  });
}

test('warnings (duplicate rows) are printed and the analysis still runs; NFC ids match', () => {
  const dup = run('--orders', tpl('orders.csv'), '--events', badFile('duplicate-rows-events.csv'), '--json');
  assert.equal(dup.status, 0, dup.stderr);
  assert.deepEqual((dup.stderr).trim().split('\n').map((l) => /row (\d+): repeats row (\d+) exactly.*\(warning\)$/.exec(l)?.slice(1)), [['3', '2'], ['8', '7']]);
  const nfc = run('--orders', badFile('nfc-orders.csv'), '--events', badFile('nfd-events.csv'), '--json');
  assert.equal(nfc.status, 0, nfc.stderr);
  assert.equal(JSON.parse(nfc.stdout).events.pre, JSON.parse(onTemplates('--json').stdout).events.pre);
});

test('an analysed order made after every arrest in the file: a warning naming file, row, column and order, and the analysis still runs', () => {
  const out = run('--orders', badFile('recent-orders.csv'), '--events', badFile('recent-events.csv'));
  assert.equal(out.status, 0, out.stderr);
  assert.deepEqual(out.stderr.trim().split('\n').map((l) => /^analyze: recent-orders\.csv, row (\d+), column "issued_date": order "(R-\d+)" was made on .*\(warning\)$/.exec(l)?.slice(1)), [['3', 'R-0003']]);
  assert.match(out.stderr, /row 3, .*after the latest arrest in recent-events\.csv \(2021-02-28\): the file shows none of its 24-month follow-up \(to 2023-05-31\)/);
});

test('--write-events writes the events as months and harm, so that the --emit-r script can read data given with dates', () => {
  const out = join(dir, 'placed.csv');
  const script = onTemplates('--emit-r', '--write-events', out);
  assert.equal(script.status, 0, script.stderr);
  const lines = readFileSync(out, 'utf8').trim().split('\n');
  // Said, on stderr (stdout is the script), with the count written and how to use the file.
  assert.equal(script.stderr, `analyze: wrote ${lines.length - 1} arrests as months and harm to ${out}; run the R script on it: Rscript reproduce.R ${tpl('orders.csv')} ${out}\n`);
  assert.match(onTemplates('--write-events', out).stderr, /^analyze: wrote 10 arrests as months and harm to .*placed\.csv, the events file the R script \(--emit-r\) reads\n$/);
  assert.equal(lines[0], 'order_id,month,category,offence,harm');
  // The months placed by hand in tests/contract.test.ts.
  assert.deepEqual(lines.slice(1).map((l) => Number(l.split(',')[1])), [-23, -1, 2, 17, -16, -1, 4, -24, -3, 13]);
  const json = JSON.parse(run('--orders', tpl('orders.csv'), '--events', out, '--json').stdout);
  assert.deepEqual(json, JSON.parse(onTemplates('--json').stdout));
  assert.match(onTemplates('--emit-r').stderr, /note: the R script reads month and harm columns; add --write-events FILE/);
});

test('--tidy DIR makes the fixes with one answer, writes the tidied files there, says each kind of change, and analyses them as the clean files', () => {
  const cohort = makeCohort({ seed: 5, orders: 30, designWindow: 12 });
  const dmy = (csv: string) => csv.replace(/\b(\d{4})-(\d{2})-(\d{2})\b/g, '$3/$2/$1');
  const messyOrders = write('uk-orders.csv', 'Orders export - run 2023-06-30\r\n' + dmy(cohort.ordersCsv).replace(/^order_id/, 'Order_ID').replace(/\n/g, '\r\n'));
  const messyEvents = write('uk-events.csv', dmy(cohort.eventsCsv));
  const clean = [write('clean-orders.csv', cohort.ordersCsv), write('clean-events.csv', cohort.eventsCsv)];
  const flags = ['--design-window', '12', '--json'];
  assert.equal(run('--orders', messyOrders, '--events', messyEvents, ...flags).status, 1, 'the messy files do not load as they are');
  const out = join(dir, 'tidied');
  const tidied = run('--orders', messyOrders, '--events', messyEvents, ...flags, '--tidy', out);
  assert.equal(tidied.status, 0, tidied.stderr);
  assert.deepEqual(JSON.parse(tidied.stdout), JSON.parse(run('--orders', clean[0], '--events', clean[1], ...flags).stdout));
  assert.equal(readFileSync(join(out, 'uk-orders-tidied.csv'), 'utf8'), cohort.ordersCsv.replace(/\n/g, '\r\n'));
  assert.equal(readFileSync(join(out, 'uk-events-tidied.csv'), 'utf8'), cohort.eventsCsv);
  const said = tidied.stderr.split('\n').filter((l) => l.startsWith('analyze: tidied: '));
  assert.deepEqual(said.map((l) => l.replace(/ \(.*$/, '')), [
    'analyze: tidied: writing as yyyy-mm-dd 139 dates in uk-events.csv, column date, written day/month/year',
    'analyze: tidied: deleting the title line above the header of uk-orders.csv',
    'analyze: tidied: naming the column “Order_ID” of uk-orders.csv order_id',
    'analyze: tidied: writing as yyyy-mm-dd 30 dates in uk-orders.csv, column issued_date, written day/month/year',
  ]);
  assert.match(tidied.stderr, /analyze: wrote .*uk-orders-tidied\.csv and .*uk-events-tidied\.csv \(171 changes, nothing else changed\)/);
  // Nothing to tidy in clean files; and the tidied files never go over an input.
  assert.match(run('--orders', clean[0], '--events', clean[1], ...flags, '--tidy', out).stderr, /^analyze: --tidy: nothing was tidied/);
  // Two files of one name: their fixes cannot be told apart, and that is said (not "nothing was tidied").
  mkdirSync(join(dir, 'same-a'), { recursive: true });
  mkdirSync(join(dir, 'same-b'), { recursive: true });
  const [a, b] = [join(dir, 'same-a', 'export.csv'), join(dir, 'same-b', 'export.csv')];
  writeFileSync(a, readFileSync(messyOrders));
  writeFileSync(b, readFileSync(messyEvents));
  assert.match(run('--orders', a, '--events', b, ...flags, '--tidy', out).stderr, /^analyze: --tidy: the orders and events files are both named export\.csv, so their fixes cannot be told apart: rename one and run again$/m);
  const over = run('--orders', messyOrders, '--events', messyEvents, ...flags, '--tidy', out, '--write-events', join(out, 'uk-orders-tidied.csv'));
  assert.equal(over.status, 1);
  assert.match(over.stderr, /--write-events: .*uk-orders-tidied\.csv is one of the input files/);
});

test('problems that --tidy would fix name --tidy on the command line, where the page offers "Tidy these"; an extraction date typed wrong is told how to type it, not to format a spreadsheet column', () => {
  const dmy = write('dmy-events.csv', readFileSync(tpl('events.csv'), 'utf8').replace(/\b(\d{4})-(\d{2})-(\d{2})\b/g, '$3/$2/$1'));
  const out = run('--orders', tpl('orders.csv'), '--events', dmy);
  assert.equal(out.status, 1);
  const dates = out.stderr.split('\n').filter((l) => /column "date": .* day\/month\/year/.test(l)).length;
  assert.ok(dates >= 5, out.stderr);
  assert.match(out.stderr, /^analyze: \d+ of these problems have one right answer \(a date written another way, a column named in other capitals or with spaces, a title line above the header\): add --tidy DIR to make those fixes, write the tidied files to DIR and analyse them$/m);
  const tidied = run('--orders', tpl('orders.csv'), '--events', dmy, '--tidy', join(dir, 'tidied-dmy'));
  assert.equal(tidied.status, 0, tidied.stderr);
  assert.doesNotMatch(tidied.stderr, /add --tidy/);
  const extracted = run('--orders', tpl('orders.csv'), '--events', tpl('events.csv'), '--extracted', '30/06/2024');
  assert.equal(extracted.status, 1);
  assert.match(extracted.stderr, /column "extracted": "30\/06\/2024" is not a date like 2019-03-15: it looks like day\/month\/year \(hint: write 2024-06-30\)$/m);
  assert.doesNotMatch(extracted.stderr, /spreadsheet/);
  assert.doesNotMatch(extracted.stderr, /--tidy/, 'a typed option is not in the files --tidy tidies');
});

test('the curve\'s R script on the command line: the harm index it needs is named in how to run it, and one it does not use is not', () => {
  // Events without harm: the curve weighs them by the bundled index, so the script's third argument is that index.
  const noHarm = write('no-harm-events.csv', readFileSync(tpl('events.csv'), 'utf8').split('\n').map((l) => l.split(',').slice(0, 4).join(',')).join('\n'));
  const months = join(dir, 'no-harm-months.csv');
  const out = run('--orders', tpl('orders.csv'), '--events', noHarm, '--write-events', months, '--specification-curve', '--emit-r');
  assert.equal(out.status, 0, out.stderr);
  assert.match(out.stderr, new RegExp(`run the R script on it: Rscript reproduce\\.R \\S*orders\\.csv \\S*no-harm-months\\.csv \\S*data/harm-index\\.csv$`, 'm'));
  // Events with a harm column and an index beside them: the index is not used, and nothing asks for it.
  const own = run('--orders', tpl('orders.csv'), '--events', tpl('events.csv'), '--harm-index', fileURLToPath(dataPath('harm-index.csv')), '--specification-curve', '--emit-r');
  assert.equal(own.status, 0, own.stderr);
  assert.match(own.stderr, /was not used: events\.csv has a harm column already \(hint: the specification curve keeps recorded harm; to vary this index's weight sets in it, remove the harm column from the events file/);
  assert.doesNotMatch(own.stderr, /third argument|--weights/, 'the curve takes no --weights: the hint must not lead into an error');
  assert.match(own.stdout, /^WEIGHT_SETS <- NULL/m);
});

test('an events file whose date has a longer name ("arrest_date") is told that the events need month or date, and which column looks like it', () => {
  const renamed = write('arrest-date-events.csv', readFileSync(tpl('events.csv'), 'utf8').replace(/^order_id,date,/, 'order_id,arrest_date,'));
  const out = run('--orders', tpl('orders.csv'), '--events', renamed);
  assert.equal(out.status, 1);
  assert.match(out.stderr, /^analyze: arrest-date-events\.csv, header, column "date": required column is missing: the events need month or date \(found "arrest_date": is it the date of each arrest\?\) \(hint: rename "arrest_date" to "date"\)$/m);
  // Two columns with "date" in their names: no guess.
  const two = write('two-dates-events.csv', readFileSync(tpl('events.csv'), 'utf8').replace(/^order_id,date,/, 'order_id,arrest_date,').replace(/\n/, ',date_entered\n'));
  assert.doesNotMatch(run('--orders', tpl('orders.csv'), '--events', two).stderr, /is it the date of each arrest/);
});

test('--tidy: where harm comes from is said of the tidied files (a title line above the events\' header hid their harm column, and the CLI said harm came from the bundled index)', () => {
  const titled = write('titled-events.csv', 'Arrests export, run 2024-06-30\n' + readFileSync(tpl('events.csv'), 'utf8'));
  const out = run('--orders', tpl('orders.csv'), '--events', titled, '--json', '--tidy', join(dir, 'tidied-harm'));
  assert.equal(out.status, 0, out.stderr);
  assert.doesNotMatch(out.stderr, /harm index|no harm column/);
  const json = JSON.parse(out.stdout);
  assert.equal(json.weights, 'data');
  assert.deepEqual(json, JSON.parse(onTemplates('--json').stdout), 'the same numbers as the template files themselves');
  assert.match(run('--orders', tpl('orders.csv'), '--events', titled, '--tidy', join(dir, 'tidied-harm')).stdout, /Total harm \(days, from the harm column of the events file\)/);
});

test('the CLI reads files as the page does: empty rows of commas skipped with one warning, swapped files named as such', () => {
  const trailing = write('excel-orders.csv', readFileSync(tpl('orders.csv'), 'utf8').replace(/\n/g, '\r\n') + ',,,,,,,\r\n,,,,,,,\r\n');
  const out = run('--orders', trailing, '--events', tpl('events.csv'), '--json');
  assert.equal(out.status, 0, out.stderr);
  assert.equal((out.stderr), 'analyze: excel-orders.csv: 2 empty rows (only commas, no values) were skipped, the first at row 6 (line 7) (hint: nothing to do if the spreadsheet had empty rows; otherwise check that no row was cleared by mistake) (warning)\n');
  assert.deepEqual(JSON.parse(out.stdout), JSON.parse(onTemplates('--json').stdout));
  const swapped = run('--orders', tpl('events.csv'), '--events', tpl('orders.csv'));
  assert.equal(swapped.status, 1);
  assert.match(swapped.stderr, /^analyze: events\.csv, header, column "issued": required column is missing \(the header has: [^)]*\); this looks like the events file: were the two files swapped\? \(hint: give the orders file as orders and the events file as events\)$/m);
});

test('output cut short by the reader (| head): the CLI stops quietly, with no stack trace', async () => {
  const { makeCohort } = await import('./helpers/cohort.ts');
  const cohort = makeCohort({ seed: 3, orders: 3000 });
  const o = write('many-orders.csv', cohort.ordersCsv);
  const e = write('many-events.csv', cohort.eventsCsv);
  const { spawn } = await import('node:child_process');
  const child = spawn(process.execPath, [cli, '--orders', o, '--events', e, '--json'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  // Like `| head -c 100`: read the first chunk of the JSON (megabytes of it), then close the pipe.
  child.stdout.once('data', () => child.stdout.destroy());
  const status = await new Promise<number | null>((done) => child.on('close', (code) => done(code)));
  assert.doesNotMatch(stderr, /EPIPE|\n\s+at |node:/, stderr.slice(0, 500));
  for (const line of stderr.trim().split('\n').filter(Boolean)) assert.match(line, /^analyze: /);
  assert.notEqual(status, null);
});

test('--write-events never overwrites an input file, and a folder that cannot take the file is named with the option', () => {
  const ordersCopy = write('o-copy.csv', readFileSync(tpl('orders.csv'), 'utf8'));
  const eventsCopy = write('e-copy.csv', readFileSync(tpl('events.csv'), 'utf8'));
  for (const target of [ordersCopy, eventsCopy, join(dir, '.', 'e-copy.csv')]) {
    const out = run('--orders', ordersCopy, '--events', eventsCopy, '--write-events', target);
    assert.equal(out.status, 1);
    assert.match(out.stderr, /^analyze: --write-events: .* is one of the input files; give another file name, so that nothing is overwritten/);
  }
  assert.equal(readFileSync(ordersCopy, 'utf8'), readFileSync(tpl('orders.csv'), 'utf8'));
  assert.equal(readFileSync(eventsCopy, 'utf8'), readFileSync(tpl('events.csv'), 'utf8'));
  const noFolder = run('--orders', ordersCopy, '--events', eventsCopy, '--write-events', join(dir, 'no-such-folder', 'out.csv'));
  assert.equal(noFolder.status, 1);
  assert.match(noFolder.stderr, /^analyze: --write-events: cannot write .*no-such-folder\/out\.csv: its folder \/.*no-such-folder does not exist\n$/);
  const folder = run('--orders', ordersCopy, '--events', eventsCopy, '--write-events', dir);
  assert.equal(folder.status, 1);
  assert.match(folder.stderr, /^analyze: --write-events: cannot write .*: it is a folder; give a file name\n$/);
});

test('every missing file is named at once, with where it was looked for; relative paths are read from where npm run was typed', () => {
  const out = run('--orders', 'nope/orders.csv', '--events', 'nope/events.csv', '--harm-index', 'nope/index.csv');
  assert.equal(out.status, 1);
  const lines = out.stderr.trim().split('\n');
  assert.equal(lines.length, 3, out.stderr);
  assert.match(lines[0], /^analyze: nope\/orders\.csv: no such file \(looked for \/.*\/nope\/orders\.csv\)$/);
  assert.match(lines[1], /^analyze: nope\/events\.csv: no such file/);
  assert.match(lines[2], /^analyze: nope\/index\.csv: no such file/);
  // npm runs scripts in the project's folder and says where it was typed in INIT_CWD: relative
  // paths are read from there, as the reader expects.
  write('here-orders.csv', readFileSync(tpl('orders.csv'), 'utf8'));
  write('here-events.csv', readFileSync(tpl('events.csv'), 'utf8'));
  const typedHere = spawnSync(process.execPath, [cli, '--orders', 'here-orders.csv', '--events', 'here-events.csv', '--json'], { encoding: 'utf8', cwd: fileURLToPath(new URL('..', import.meta.url)), env: { ...process.env, INIT_CWD: dir, npm_lifecycle_event: 'analyze' } });
  assert.equal(typedHere.status, 0, typedHere.stderr);
  // Started by another script (a test run under npm), the working folder counts, not INIT_CWD.
  const other = spawnSync(process.execPath, [cli, '--orders', 'here-orders.csv', '--events', 'here-events.csv', '--json'], { encoding: 'utf8', cwd: dir, env: { ...process.env, INIT_CWD: '/', npm_lifecycle_event: 'test:unit' } });
  assert.equal(other.status, 0, other.stderr);
  assert.equal(typedHere.status, 0, typedHere.stderr);
  assert.deepEqual(JSON.parse(typedHere.stdout), JSON.parse(onTemplates('--json').stdout));
});

test('--design-window and --outside-window are for your own files: the bundled data declare their 24 months', () => {
  for (const args of [['--design-window', '30'], ['--design-window', '12', '--outside-window', 'exclude'], ['--outside-window', 'exclude']]) {
    const out = run(...args);
    assert.equal(out.status, 1, args.join(' '));
    assert.match(out.stderr, /^analyze: --design-window, --outside-window and --extracted describe your own files \(with --orders and --events\); the bundled data declare their design window of 24 months/);
    assert.equal(out.stdout, '');
  }
  // The declared window itself is accepted, as a no-op.
  assert.equal(run('--design-window', '24', '--json').status, 0);
});

test('your own events with a harm column: the CLI keeps that harm as "Use your own data" does, so that the two give the same numbers', async () => {
  const { validateOwn } = await import('../src/lib/ownData.ts');
  const text = (name: string) => readFileSync(tpl(name), 'utf8');
  const page = validateOwn({ orders: { name: 'orders.csv', bytes: new TextEncoder().encode(text('orders.csv')) }, events: { name: 'events.csv', bytes: new TextEncoder().encode(text('events.csv')) }, harmIndex: { name: 'harm-index.csv', bytes: new TextEncoder().encode(readData('harm-index.csv')) }, designWindow: 24, outsideWindow: 'error' }, { name: 'harm-index.csv', text: readData('harm-index.csv') });
  assert.ok(page.dataset);
  // The page says the index was not used, and goes on; so does the CLI, with the same message. Its
  // hint adds what only the command line offers for these files: --weights, to weigh by the index.
  const pageWarning = page.problems.find((p) => p.severity === 'warning' && p.file === 'harm-index.csv')!;
  const withIndex = onTemplates('--harm-index', fileURLToPath(dataPath('harm-index.csv')), '--json');
  assert.equal(withIndex.status, 0, withIndex.stderr);
  assert.ok(withIndex.stderr.startsWith(`analyze: harm-index.csv: ${pageWarning.message} (hint: `), withIndex.stderr);
  assert.equal(pageWarning.hint, 'remove the harm column from the events file to look harm up by offence');
  assert.match(withIndex.stderr, /^analyze: harm-index\.csv: was not used: events\.csv has a harm column already \(hint: add --weights low, central or high to weigh every arrest by this index instead, or remove the harm column from the events file to look harm up by offence\) \(warning\)$/m);
  assert.deepEqual(JSON.parse(withIndex.stdout), JSON.parse(JSON.stringify(analyse(page.dataset))));
  // Weights would replace that harm with an index's, which the page does not offer for these files.
  const weighted = onTemplates('--weights', 'low', '--json');
  assert.equal(weighted.status, 1);
  assert.equal(weighted.stdout, '');
  assert.match(weighted.stderr, /^analyze: --weights: events\.csv has a harm column, which is kept as recorded, as "Use your own data" keeps it; to weigh the arrests by a harm index of your own instead, give it with --harm-index\. Nothing was analysed: run again without --weights low to use the recorded harm$/m);
  // An index of your own, asked for with --weights, does weigh them (a choice the command line offers beyond the page).
  const own = onTemplates('--weights', 'central', '--harm-index', fileURLToPath(dataPath('harm-index.csv')), '--json');
  assert.equal(own.status, 0, own.stderr);
  assert.equal(JSON.parse(own.stdout).weights, 'central');
});

test('--robustness gives time at liberty and the null world for the view, as "How robust is it?" computes them, from the months unavailable when the files give them', async () => {
  const { libertyFor, nullWorldFor, DEFAULT_UNAVAILABLE, DEFAULT_SELECTION, DEFAULT_LOOKBACK } = await import('../src/lib/robustness.ts');
  // The bundled data: no months unavailable, so the what-if share.
  const out = run('--robustness', '--window', '12', '--categories', 'violence,drugs', '--json');
  assert.equal(out.status, 0, out.stderr);
  const r = analyse(bundled, { window: 12, categories: ['violence', 'drugs'] });
  const json = JSON.parse(out.stdout);
  assert.deepEqual(json.timeAtLiberty, JSON.parse(JSON.stringify(libertyFor(r, DEFAULT_UNAVAILABLE, bundled))));
  assert.deepEqual(json.nullWorld, JSON.parse(JSON.stringify(nullWorldFor(r, DEFAULT_SELECTION, DEFAULT_LOOKBACK))));
  const chosen = JSON.parse(run('--robustness', '--unavailable-share', '0.35', '--selection', '1', '--lookback', '6', '--json').stdout);
  const study = analyse(bundled);
  assert.deepEqual(chosen.timeAtLiberty, JSON.parse(JSON.stringify(libertyFor(study, 0.35, bundled))));
  assert.deepEqual(chosen.nullWorld, JSON.parse(JSON.stringify(nullWorldFor(study, 1, 6))));
  // The templates give each person's months in custody or abroad: the rates use them, as the page does.
  const own = JSON.parse(onTemplates('--robustness', '--json').stdout);
  assert.equal(own.timeAtLiberty.kind, 'byPerson');
  assert.notDeepEqual(JSON.parse(onTemplates('--robustness', '--json').stdout).timeAtLiberty, JSON.parse(run('--orders', write('no-months.csv', readFileSync(tpl('orders.csv'), 'utf8').split('\n').map((l) => l.split(',').slice(0, 6).join(',')).join('\n')), '--events', tpl('events.csv'), '--robustness', '--json').stdout).timeAtLiberty);
  // Each person's months away are used, so no share is assumed, and one given is said not to be used.
  assert.equal(own.settings.unavailableShare, null);
  assert.match(onTemplates('--robustness', '--unavailable-share', '0.5').stdout, /\(orders\.csv\): .*\(--unavailable-share is not used: the orders give each person's months\.\)/);
  // One person recorded as away for all the months after, yet arrested then (a warning): the text says what that does to the rates, as the page does.
  const lines = readFileSync(tpl('orders.csv'), 'utf8').trimEnd().split('\n');
  const cells = lines[1].split(',');
  cells[cells.length - 1] = '24';
  lines[1] = cells.join(',');
  const conflicted = run('--orders', write('away-after.csv', lines.join('\n') + '\n'), '--events', tpl('events.csv'), '--robustness');
  assert.match(conflicted.stderr, /in custody or abroad for all 24 months after the order/);
  assert.match(conflicted.stdout, /But 1 person recorded as in custody or abroad for all the months after the order has \d+ arrests? in them: one of their records is wrong \(the files' check warned of it\), and those arrests, set against no months of their own, raise the rate after, and so shrink the fall\. Correct the records and run the command again\./);
  assert.doesNotMatch(onTemplates('--robustness').stdout, /But \d+ (person|people) recorded/);
  // A gap, or another window, analyses months the orders' months away do not describe: the what-if
  // stands in, and both the text and the JSON say why, instead of dropping the records in silence.
  const gapped = JSON.parse(onTemplates('--robustness', '--gap', '3', '--json').stdout);
  assert.equal(gapped.timeAtLiberty.kind, 'whatIf');
  assert.equal(gapped.timeAtLiberty.recordedUnused, "the orders give each person's months in custody or abroad for the full 24-month windows with no months left out, and this view leaves out 3 months either side of the order");
  assert.match(onTemplates('--robustness', '--window', '12', '--gap', '1').stdout, /This is a what-if: the orders give each person's months in custody or abroad for the full 24-month windows with no months left out, and this view has a 12-month window and leaves out 1 month either side of the order \(orders\.csv\), so they are not used; run without --window and --gap to use them\./);
  assert.doesNotMatch(run('--robustness', '--gap', '3').stdout, /This is a what-if/, 'the bundled data give no months away: nothing is dropped');
  // The null world's interval in words of a fall or a rise, not signed percentages.
  assert.match(run('--robustness').stdout, /with 95% of cohorts between an? \d+% (rise|fall) and an? \d+% (rise|fall);/);
  // Readable: the page's quantities in words, with their numbers.
  const text = run('--robustness', '--window', '12', '--categories', 'violence,drugs').stdout;
  assert.match(text, new RegExp(`Arrests per person-month at liberty, if 20% of the months after the order were spent in custody or abroad: ${formatEstimate(json.timeAtLiberty.value.rateBefore)} before, ${formatEstimate(json.timeAtLiberty.value.rateAfter)} after`));
  assert.match(text, /Null world \(orders do nothing, and are sought after busy spells; selection 0\.5, so \d+% of simulated orders follow a busy spell, 6 months looked back, \d[\d,]* cohorts\): /);
  // Bad values name the option.
  for (const [args, message] of [[['--unavailable-share', '1'], /--unavailable-share: "1" is not a share from 0 to below 1/], [['--selection', '2'], /--selection: "2" is not a number from 0 to 1/], [['--lookback', '0'], /--lookback: "0" is not a whole number of months from 1 to 600/], [['--lookback', '100000'], /--lookback: "100000" is not a whole number of months from 1 to 600/], [['--unavailable-share', '0.2'], /--unavailable-share, --selection and --lookback go with --robustness/]] as const) {
    const bad = run(...(args[0] === '--unavailable-share' && args[1] === '0.2' ? args : ['--robustness', ...args]));
    assert.equal(bad.status, 1, args.join(' '));
    assert.match(bad.stderr, message);
  }
});

test('a file saved as Latin-1: the first byte that is not UTF-8 is named by line, with what it reads as, and the hint says how to save it', () => {
  const text = readFileSync(tpl('events.csv'), 'utf8').split('\n');
  text[2] = text[2].replace('Kidnapping', 'Kidnappïng');
  const latin1 = Buffer.from(text.join('\n'), 'latin1');
  const path = join(dir, 'latin1-events.csv');
  writeFileSync(path, latin1);
  const out = run('--orders', tpl('orders.csv'), '--events', path);
  assert.equal(out.status, 1);
  assert.equal(out.stderr, 'analyze: latin1-events.csv: the file is not valid UTF-8 (perhaps Windows-1252 or Latin-1): the first byte that is not, 0xEF ("ï" in Windows-1252), is on line 3 (hint: save it as "CSV UTF-8 (comma delimited)") \n'.replace(' \n', '\n'));
  // Old Mac line ends (a lone CR) end lines too.
  writeFileSync(path, Buffer.from(text.join('\r'), 'latin1'));
  assert.match(run('--orders', tpl('orders.csv'), '--events', path).stderr, /is on line 3 \(hint/);
});

test('--write-events refuses every input file, a harm index that is not used and a hard link included', async () => {
  const { linkSync } = await import('node:fs');
  const events = write('hl-events.csv', readFileSync(tpl('events.csv'), 'utf8'));
  const index = write('hl-index.csv', readData('harm-index.csv'));
  const link = join(dir, 'hl-link.csv');
  linkSync(events, link);
  for (const target of [index, link]) {
    const out = run('--orders', tpl('orders.csv'), '--events', events, '--harm-index', index, '--write-events', target);
    assert.equal(out.status, 1, target);
    assert.match(out.stderr, /--write-events: .* is one of the input files/);
  }
  assert.equal(readFileSync(index, 'utf8'), readData('harm-index.csv'));
});

test('a view of two months reads as the page reads it: no Spearman correlation in the table, and fewer people arrested before than make a tenth said as such', () => {
  const out = run('--window', '1', '--categories', 'modern_slavery');
  assert.equal(out.status, 0, out.stderr);
  assert.match(out.stdout, /^Spearman rho +n\/a +n\/a$/m);
  assert.match(out.stdout, /Busiest tenth: only 2 people were arrested before the order \(3 arrests in all\), fewer than the 4 who make a tenth, so the busiest tenth cannot be set apart from the rest/);
  // The JSON keeps R's own answer for two pairs (cor.test gives rho = ±1, p = 1), which the R script prints too.
  const json = JSON.parse(run('--window', '1', '--categories', 'modern_slavery', '--json').stdout);
  assert.equal(json.monthly.length, 2);
  assert.equal(json.correlation.spearman.p, 1);
});

test('your own events without a harm column: the page and the CLI both warn that harm comes from the bundled, illustrative index', async () => {
  const { validateOwn } = await import('../src/lib/ownData.ts');
  const noHarm = join(dir, 'events-no-harm.csv');
  writeFileSync(noHarm, readFileSync(tpl('events.csv'), 'utf8').split('\n').map((l) => l.split(',').slice(0, 4).join(',')).join('\n'));
  const page = validateOwn({ orders: { name: 'orders.csv', text: readFileSync(tpl('orders.csv'), 'utf8') }, events: { name: 'events-no-harm.csv', text: readFileSync(noHarm, 'utf8') }, designWindow: 24, outsideWindow: 'error' }, { name: 'harm-index.csv', text: readData('harm-index.csv') });
  assert.ok(page.dataset);
  const warning = page.problems.find((p) => p.severity === 'warning' && p.file === 'events-no-harm.csv' && /bundled harm index/.test(p.message));
  assert.ok(warning, JSON.stringify(page.problems));
  assert.match(warning.message, /illustrative .* not figures your force has checked$/);
  const out = run('--orders', tpl('orders.csv'), '--events', noHarm, '--design-window', '24', '--json');
  assert.equal(out.status, 0, out.stderr);
  assert.ok(out.stderr.includes(`analyze: events-no-harm.csv: ${warning.message} (hint: ${warning.hint}) (warning)`), out.stderr);
  // Whichever of the index's weight sets is asked for, and for the specification curve (an analyst found --weights silent about it).
  for (const extra of [['--weights', 'low'], ['--weights', 'central'], ['--specification-curve']]) {
    const weighed = run('--orders', tpl('orders.csv'), '--events', noHarm, '--design-window', '24', '--json', ...extra);
    assert.equal(weighed.status, 0, weighed.stderr);
    assert.ok(weighed.stderr.includes(`analyze: events-no-harm.csv: ${warning.message} (hint: ${warning.hint}) (warning)`), `${extra.join(' ')}: ${weighed.stderr}`);
  }
  // With an index of their own, nothing is said: their index is what they chose.
  const own = validateOwn({ orders: { name: 'orders.csv', text: readFileSync(tpl('orders.csv'), 'utf8') }, events: { name: 'events-no-harm.csv', text: readFileSync(noHarm, 'utf8') }, harmIndex: { name: 'mine.csv', text: readData('harm-index.csv') }, designWindow: 24, outsideWindow: 'error' }, { name: 'harm-index.csv', text: readData('harm-index.csv') });
  assert.ok(own.dataset && !own.problems.some((p) => /bundled harm index/.test(p.message)));
  // The templates carry harm: no warning.
  assert.equal(onTemplates('--design-window', '24').stderr, '');
  // Beside errors, neither says it, and the command line's count is of what it printed (an analyst:
  // the page left it out, and the command line printed it, then counted "0 warnings").
  const broken = join(dir, 'events-no-harm-broken.csv');
  const lines = readFileSync(noHarm, 'utf8').trim().split('\n');
  // every arrest twice over, each for an order not in the file: 20 errors, enough for the count at the end
  writeFileSync(broken, [lines[0], ...[...lines.slice(1), ...lines.slice(1)].map((l, i) => l.replace(/^[^,]*/, `NOT-AN-ORDER-${i}`))].join('\n') + '\n');
  const pageBroken = validateOwn({ orders: { name: 'orders.csv', text: readFileSync(tpl('orders.csv'), 'utf8') }, events: { name: 'events-no-harm-broken.csv', text: readFileSync(broken, 'utf8') }, designWindow: 24, outsideWindow: 'error' }, { name: 'harm-index.csv', text: readData('harm-index.csv') });
  assert.ok(!pageBroken.dataset && !pageBroken.problems.some((p) => /bundled harm index/.test(p.message)));
  const cli = run('--orders', tpl('orders.csv'), '--events', broken, '--design-window', '24');
  assert.equal(cli.status, 1);
  assert.doesNotMatch(cli.stderr, /bundled harm index/);
  const printed = cli.stderr.trim().split('\n').filter((l) => /^analyze: [\w.-]+\.csv[,:]/.test(l));
  const warnings = printed.filter((l) => l.endsWith('(warning)')).length;
  const errors = printed.length - warnings;
  assert.ok(errors >= 20);
  assert.match(cli.stderr, new RegExp(`analyze: ${errors} errors and ${warnings} warnings? in all, so nothing was analysed\\.`));
});

test('--help lists every option the command takes, each with what it does, and exits 0', () => {
  const out = run('--help');
  assert.equal(out.status, 0);
  assert.equal(run('-h').stdout, out.stdout);
  const source = readFileSync(new URL('../src/cli/analyze.ts', import.meta.url), 'utf8');
  const flags = [...new Set([...source.matchAll(/flag === '(--?[a-z-]+)'/g)].map((m) => m[1]))];
  assert.ok(flags.length >= 20, flags.join(' '));
  for (const flag of flags) assert.match(out.stdout, new RegExp(`^ +(?:--help, )?${flag}\\b[^\\n]* {2,}\\S`, 'm'), `${flag} is described on a line of its own`);
  assert.match(out.stdout, /^usage: npm run analyze -- /);
});

test('control characters from the data are shown, not acted on, and the suggested Rscript command quotes its paths (a security review: a column named with ESC[2K erased the warnings above it; a path with a space or $( ) broke or ran the command)', () => {
  const at = mkdtempSync(join(tmpdir(), 'stro-cli-controls-'));
  // An extra column, named with terminal codes that clear a line and move up.
  const [header, ...rows] = readFileSync(tpl('events.csv'), 'utf8').trimEnd().split('\n');
  const named = `notes\u001b[2K\u001b[1F`;
  writeFileSync(join(at, 'events.csv'), [`${header},${named}`, ...rows.map((r) => `${r},`)].join('\n') + '\n');
  const odd = join(at, 'sp dir $(touch PWNED)');
  mkdirSync(odd);
  const orders = join(odd, 'orders.csv');
  writeFileSync(orders, readFileSync(tpl('orders.csv'), 'utf8'));
  const placed = join(odd, "ev m;id'.csv");
  const out = run('--orders', orders, '--events', join(at, 'events.csv'), '--design-window', '24', '--emit-r', '--write-events', placed);
  assert.equal(out.status, 0, out.stderr);
  assert.ok(!/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/.test(out.stderr), JSON.stringify(out.stderr));
  assert.ok(out.stderr.includes('notes\\u{1B}[2K\\u{1B}[1F'), out.stderr);
  // The command, pasted into a shell, names the two files and runs nothing else.
  const said = /run the R script on it: (Rscript reproduce\.R .*)$/m.exec(out.stderr)![1];
  const quoted = (path: string) => `'${path.replace(/'/g, `'\\''`)}'`;
  assert.equal(said, `Rscript reproduce.R ${quoted(orders)} ${quoted(placed)}`);
  const echoed = spawnSync('sh', ['-c', said.replace(/^Rscript reproduce\.R /, 'printf "%s\\n" ')], { encoding: 'utf8', cwd: at });
  assert.deepEqual(echoed.stdout.trim().split('\n'), [orders, placed]);
  assert.ok(!existsSync(join(at, 'PWNED')) && !existsSync('PWNED'));
  // The readable output too: a terminal never receives the codes.
  assert.ok(!/\u001b/.test(run('--orders', orders, '--events', join(at, 'events.csv'), '--design-window', '24').stdout));
});
