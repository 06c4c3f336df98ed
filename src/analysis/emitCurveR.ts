// A base-R script that recomputes the whole specification curve (src/analysis/specificationCurve.ts)
// from the files, so that a reviewer can check its counts without trusting this engine: every
// specification's reduction, p-value and verdict, how many find a significant fall, their share, and
// how far the harm weights alone move the fall in harm.
//
// emitCurveR(options) → the script, as text. It reads and checks orders.csv, events.csv and, for
//                       weighted harm, harm-index.csv (or the files named on its command line) with
//                       the very code of the view script (emitR.ts: scriptSection), then, for each
//                       window and gap of the curve, counts each person's arrests and harm before and
//                       after and runs the three tests with R's own wilcox.test and binom.test. It
//                       prints `path<TAB>value` lines (NA for null) that curveLeaves() reads from the
//                       engine's curve, and, before each specification's numbers, a comment naming it.
// curveLeaves(curve)  → the same paths and values from a result of specificationCurve().
// curveLabels(curve)  → the comment line R prints for each specification, in order.
//
// The choices that are not the data's (the categories, and which harm the curve weighs: the index's
// weight sets or the harm as recorded) are the curve's, written into the script as the view
// script's are; the windows follow from the data's span by the curve's rule, in R.
// In R older than 4.6.0, wilcox.test() computes the current rule's p-value differently: the script
// then prints NA for those p-values and for the counts that need them, says so on stderr, and
// checks everything else (the legacy rule gives the same numbers in every R).
// Pure: no Node APIs, because the browser imports it too.

import { R_NEXT_NOTE, rString, scriptSection } from './emitR.ts';
import { UNCHANGED_BELOW } from './specificationVerdict.ts';
import { SPECIFICATION_ALPHA, SPECIFICATION_GAPS, SPECIFICATION_TESTS, SPECIFICATION_WINDOWS, significantAgainst, significantRises, type Specification, type SpecificationCurve } from './specificationCurve.ts';
import { WEIGHT_COLUMNS, WEIGHT_SETS, type HarmSource, type WeightSet } from './types.ts';

export interface EmitCurveROptions {
  /** The categories counted. */
  categories: readonly string[];
  /** The curve's harm: weight sets of the harm index (in the curve's order), or ['data'] for the harm as recorded. */
  weights: readonly HarmSource[];
  /** The data's declared design window and the rule for arrests outside it, as for emitR(). */
  designWindow?: number;
  outsideWindow?: 'error' | 'exclude';
}

/** The curve's choices for its script: the options emitCurveR() needs to recompute `curve`. */
export function curveScriptOptions(curve: SpecificationCurve, declared: { designWindow?: number; outsideWindow?: 'error' | 'exclude' } = {}): EmitCurveROptions {
  return { categories: curve.categories, weights: curve.choices.weights, ...declared };
}

/**
 * Every number of the curve, as [path, value], in the order the script prints them: the count,
 * each specification's window, gap, reduction, p, lean (1, −1 or 0) and verdict (1 or 0), the number
 * significant and the share, the number of significant rises and their share, the number of
 * significant tests that point against their total, then the weights' spread (or
 * `weightsSpread` null when there is none).
 */
export function curveLeaves(curve: SpecificationCurve): [path: string, value: number | null][] {
  const out: [string, number | null][] = [['total', curve.total]];
  curve.specifications.forEach((s, k) => {
    const at = `specifications.${k}.`;
    out.push([`${at}window`, s.window], [`${at}gap`, s.gap], [`${at}reduction`, s.reduction], [`${at}p`, s.p], [`${at}lean`, s.lean], [`${at}significant`, s.significant ? 1 : 0]);
  });
  // The significant rises, which "In short" counts beside the falls, and the significant tests that
  // point the other way from their total (specificationVerdict.ts).
  const rises = significantRises(curve);
  out.push(['significant', curve.significant], ['share', curve.share], ['rises', rises], ['riseShare', curve.total === 0 ? null : rises / curve.total], ['against', significantAgainst(curve)]);
  const w = curve.weightsSpread;
  if (w === null) out.push(['weightsSpread', null]);
  else out.push(['weightsSpread.spread', w.spread], ['weightsSpread.window', w.window], ['weightsSpread.gap', w.gap], ['weightsSpread.lowest', w.lowest], ['weightsSpread.highest', w.highest]);
  return out;
}

/** The comment R prints before a specification's numbers: `# 1: 6 months, gap 0, events, -, current`. */
export function curveLabel(s: Specification, k: number): string {
  return `# ${k + 1}: ${s.window} months, gap ${s.gap}, ${s.measure}, ${s.weights ?? '-'}, ${s.test}`;
}

/** The paths whose value R older than 4.6.0 cannot compute (it prints NA for them). */
export function needsCurrentR(curve: SpecificationCurve, path: string): boolean {
  if (path === 'significant' || path === 'share' || path === 'rises' || path === 'riseShare' || path === 'against') return true;
  // The lean too: R before 4.6 drops the zeros before ranking, so its V can point elsewhere.
  const m = /^specifications\.(\d+)\.(p|lean|significant)$/.exec(path);
  return m !== null && curve.specifications[Number(m[1])]?.test === 'current';
}

/** The base-R script for the specification curve. `about.generator` names what wrote it, in the header. */
export function emitCurveR(options: EmitCurveROptions, about: { generator?: string } = {}): string {
  for (const c of options.categories) {
    if (!/^[a-z][a-z0-9_]*$/.test(c)) throw new RangeError(`emitCurveR: "${c}" is not a category code`);
  }
  const recorded = options.weights.length === 1 && options.weights[0] === 'data';
  const sets = options.weights as readonly WeightSet[];
  if (!recorded && (sets.length === 0 || sets.some((w) => !WEIGHT_SETS.includes(w)))) {
    throw new RangeError(`emitCurveR: weights must be ['data'] or weight sets of ${WEIGHT_SETS.join(', ')}, got ${options.weights.join(', ')}`);
  }
  if (options.designWindow !== undefined && (!Number.isInteger(options.designWindow) || options.designWindow < 1)) {
    throw new RangeError(`emitCurveR: designWindow must be a whole number of months ≥ 1, got ${options.designWindow}`);
  }
  const cats = options.categories.length === 0 ? 'character(0)' : `c(${options.categories.map(rString).join(', ')})`;
  const header = [
    '# Reproduce the specification curve of the STRO analysis in base R: every combination of window,',
    '# gap, measure, harm weights and test, the numbers that find a significant fall and a significant',
    '# rise, and their shares, and the number whose test points against its total.',
    `# Categories: ${options.categories.join(', ') || 'none'}; harm: ${recorded ? 'as the events file records it' : `the ${sets.join(', ')} weights of the harm index, by offence`}.`,
    ...(about.generator ? [`# Written by ${about.generator.replace(/[\r\n]+/g, ' ')}.`] : []),
  ].join('\n');
  const view = [
    `CATEGORIES <- ${cats}`,
    recorded
      ? 'WEIGHT_SETS <- NULL  # harm as the events file records it'
      : `WEIGHT_SETS <- c(${sets.map(rString).join(', ')})  # harm from the harm index by offence, columns ${sets.map((w) => WEIGHT_COLUMNS[w]).join(', ')}`,
    // The reading code below is the view script's, which weighs harm by WEIGHTS when it is set.
    `WEIGHTS <- ${recorded ? 'NULL' : 'WEIGHT_SETS[1]'}`,
    ...(options.designWindow !== undefined ? [`DESIGN_WINDOW <- ${options.designWindow}L; OUTSIDE_WINDOW <- ${rString(options.outsideWindow ?? 'error')}`] : []),
    `STUDY_WINDOWS <- c(${SPECIFICATION_WINDOWS.map((w) => `${w}L`).join(', ')})`,
    `GAPS <- c(${SPECIFICATION_GAPS.map((g) => `${g}L`).join(', ')})`,
    `TESTS <- c(${SPECIFICATION_TESTS.map(rString).join(', ')})`,
    `ALPHA <- ${SPECIFICATION_ALPHA}`,
    `UNCHANGED_BELOW <- ${UNCHANGED_BELOW}`,
  ].join('\n');
  return CURVE_SCRIPT.replace('@@HEADER@@', () => header)
    .replace('@@VIEW@@', () => view)
    .replace('@@ARGS@@', () => scriptSection('args <- commandArgs', '@@VERSION_CHECK@@').trimEnd())
    .replace('@@READ@@', () => scriptSection('out <- function', '# ---- Apply the view').trimEnd())
    .replace('@@SPAN@@', () => scriptSection('if (exists("DESIGN_WINDOW"))', 'if (WINDOW > span)').trimEnd())
    .replace('@@TOTALS@@', () => scriptSection('# ---- Per-person totals', 'overall <- person_totals').trimEnd())
    .replace('@@PAIRED_TEST@@', () => scriptSection('paired_test <- function', 'measure <- function').trimEnd());
}

// The script. @@HEADER@@ and @@VIEW@@ are the curve's; the other markers are the view script's own
// text (emitR.ts), so the files are read, checked and totalled exactly as there.
const CURVE_SCRIPT = String.raw`@@HEADER@@
#
# Usage:  Rscript <this file> [ORDERS EVENTS [HARM_INDEX]]
#         (default: orders.csv, events.csv and, when WEIGHT_SETS is set, harm-index.csv here)
# Base R only. It computes everything from the CSV files (formats: data/README.md of the project)
# and embeds no result.
#
# Output: "path<TAB>value" lines with the paths of the curve's JSON (specifications.0.reduction,
# specifications.0.p ...; lean is 1, -1 or 0, significant 1 or 0), values at 17 significant digits, NA where the
# curve has null; before each specification's numbers a comment names it (window, gap, measure,
# weights, test). The current rule's Wilcoxon p-values need R 4.6: older R prints NA for
# them and for the counts that need them.

@@VIEW@@

@@ARGS@@
# Without the index, say what the curve takes from it (the reading below names one weight set only).
if (!is.null(WEIGHT_SETS) && !file.exists(HARM_INDEX_FILE)) {
  stop(HARM_INDEX_FILE, ": no such file (looked for ", looked_for(HARM_INDEX_FILE), "). The curve weighs harm by the harm index's ", paste(WEIGHT_SETS, collapse = ", "),
       " weights: give the index as the script's third argument, after the orders and events (the report's own is data/harm-index.csv in its project)", call. = FALSE)
}

@@READ@@

# ---- Harm under each weight set of the curve ---------------------------------------------------
# The reading above weighed harm by the first set; each set's harm is kept in a column of its own.
if (!is.null(WEIGHT_SETS)) {
  columns <- c(central = "harm_days", low = "sens_low", high = "sens_high")[WEIGHT_SETS]
  all_weights <- read_table(HARM_INDEX_FILE, c("offence", unname(columns)))
  at <- match(events$offence, all_weights$offence)
  for (w in WEIGHT_SETS) events[[paste0("harm.", w)]] <- check_days(HARM_INDEX_FILE, all_weights, columns[[w]])[at]
} else events[["harm.data"]] <- events$harm

# ---- The data's span, and the categories ----------------------------------------------------------
@@SPAN@@
unknown <- setdiff(CATEGORIES, events$category)
if (length(unknown) > 0) stop("categories ", paste(unknown, collapse = ", "), " not in the data", call. = FALSE)

@@TOTALS@@

@@PAIRED_TEST@@

# ---- Every specification ------------------------------------------------------------------------
# Windows: the study's four when the data cover 24 months or more; otherwise four evenly spaced
# windows ending at the span (rounded half up, at least 1, each once). Gaps: those below the window.
# Measures: arrests, then harm under each weight set. Tests: the paired Wilcoxon signed-rank test as
# current R computes it, as R <= 4.5 did, and the sign test (binom.test of those with fewer after
# among those who changed). Each test's p is two-sided, so each test's direction is taken too (its
# lean: 1 to falls, -1 to rises, 0 to neither): for the signed-rank tests, whether V, the ranks held by
# the falls, is above or below the same test's V the other way round (after against before), the
# ranks held by the rises; for the sign test, whether more people had fewer after than more.
# A specification finds a significant fall when its total fell, its p is below ALPHA and its test
# points to falls; a significant rise when its total rose (with nothing before, any total after is a
# rise), its p is below ALPHA and its test points to rises. A significant test that points the other
# way from the total (most people fell while a few large rises turned the total up, or the reverse),
# or either way beside an unchanged total, is neither, and is counted apart.
CURRENT <- getRversion() >= "4.6.0"
if (!CURRENT) message("R ", getRversion(), " computes wilcox.test() as R <= 4.5 did: the current rule's p-values and leans, and the numbers of significant falls, rises and tests against their totals, with the shares, print as NA. Run this script in R 4.6 for them.")
${R_NEXT_NOTE}
WINDOWS <- if (span >= 24) STUDY_WINDOWS else unique(pmax(1L, as.integer(floor(span * (1:4) / 4 + 0.5))))
HARM_SETS <- if (is.null(WEIGHT_SETS)) "data" else WEIGHT_SETS
out("total", sum(vapply(WINDOWS, function(w) sum(GAPS < w), numeric(1))) * (1 + length(HARM_SETS)) * length(TESTS))
# A signed-rank test's lean: its V against the V of the same test the other way round.
lean_of <- function(t, reversed) if (is.na(t$V) || is.na(reversed$V)) 0 else sign(t$V - reversed$V)
k <- 0L; significant <- 0L; rises <- 0L; against <- 0L; spread <- NULL
for (window in WINDOWS) for (gap in GAPS[GAPS < window]) {
  ev <- events[abs(events$month) <= window & abs(events$month) > gap & events$category %in% CATEGORIES, ]
  harm_reductions <- c()
  for (m in c("events", HARM_SETS)) {
    measure <- if (m == "events") "events" else "harm"
    if (measure == "harm") ev$harm <- ev[[paste0("harm.", m)]]
    totals <- person_totals(ev)
    pre <- totals[[paste0(measure, "Pre")]]; post <- totals[[paste0(measure, "Post")]]
    reduction <- if (sum(pre) > 0) 1 - sum(post) / sum(pre) else NA
    # Which way the total moved: with nothing before it can only have risen; a reduction within
    # UNCHANGED_BELOW of 0 is the rounding of the sums, an unchanged total.
    total <- if (is.na(reduction)) -1 else if (abs(reduction) < UNCHANGED_BELOW) 0 else sign(reduction)
    if (measure == "harm") harm_reductions[m] <- reduction
    changed <- sum(post != pre)
    WILCOXON <- "legacy"  # paired_test() reads the rule from WILCOXON
    t <- paired_test(pre, post)
    p <- c(current = NA, legacy = t$p, sign = if (changed > 0) binom.test(sum(post < pre), changed)$p.value else NA)
    lean <- c(current = NA, legacy = lean_of(t, paired_test(post, pre)), sign = sign(sum(post < pre) - sum(post > pre)))
    if (CURRENT) {
      WILCOXON <- "current"; t <- paired_test(pre, post)
      p[["current"]] <- t$p; lean[["current"]] <- lean_of(t, paired_test(post, pre))
    }
    for (test in TESTS) {
      cat("# ", k + 1, ": ", window, " months, gap ", gap, ", ", measure, ", ", if (measure == "events") "-" else m, ", ", test, "\n", sep = "")
      below <- !is.na(p[[test]]) && p[[test]] < ALPHA
      found <- below && total == 1 && lean[[test]] == 1
      at <- paste0("specifications.", k, ".")
      out(paste0(at, "window"), window)
      out(paste0(at, "gap"), gap)
      out(paste0(at, "reduction"), reduction)
      out(paste0(at, "p"), p[[test]])
      out(paste0(at, "lean"), lean[[test]])
      out(paste0(at, "significant"), if (test == "current" && !CURRENT) NA else found)
      significant <- significant + found
      rises <- rises + (below && total == -1 && lean[[test]] == -1)
      against <- against + (below && lean[[test]] != total)
      k <- k + 1L
    }
  }
  # The weights' spread: the largest reduction in harm minus the smallest, across the weight sets,
  # here; the largest such spread over the curve, at the first window and gap that gives it.
  h <- harm_reductions[!is.na(harm_reductions)]
  if (length(h) >= 2 && (is.null(spread) || max(h) - min(h) > spread$spread)) {
    spread <- list(spread = max(h) - min(h), window = window, gap = gap, lowest = min(h), highest = max(h))
  }
}
out("significant", if (CURRENT) significant else NA)
out("share", if (!CURRENT || k == 0) NA else significant / k)
out("rises", if (CURRENT) rises else NA)
out("riseShare", if (!CURRENT || k == 0) NA else rises / k)
out("against", if (CURRENT) against else NA)
if (is.null(spread)) out("weightsSpread", NA) else for (f in names(spread)) out(paste0("weightsSpread.", f), spread[[f]])
`;
