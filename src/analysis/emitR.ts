// A base-R script that recomputes every number of one view of the analysis, so that a reviewer can
// check the report without trusting this engine.
//
// emitR(view)        → the script, as text. It reads orders.csv and events.csv (or the two files
//                      named on its command line) and, for a view with harm weights, harm-index.csv
//                      (or a third file named), checks them, applies the view and prints one line
//                      `path<TAB>value` per number, at 17 significant digits, NA where the result has
//                      null. It embeds no result: run on other data in the same format it prints the
//                      numbers `npm run analyze -- --json` gives for those data.
// numericLeaves(r)   → the same paths and values read from a result of analyse(), for comparison.
// parseROutput(text) → the script's lines back as a Map (NA → null).
//
// The bootstrap intervals (`ci`) are not reproducible in R, whose random numbers differ from the
// engine's: the script runs its own bootstrap and prints it on lines starting `approx.`, which
// parseROutput ignores (parseRIntervals reads them). Booleans (`test.exact`) are included, as 1 or 0.
// Pure: no Node APIs, because the browser imports it too.

import { NEWEY_WEST_SE_R } from './neweyWestR.ts';
import { BOOTSTRAP_LEVEL, BOOTSTRAP_RESAMPLES, BOOTSTRAP_SEED, MAX_DROPPED_SHARE, MIN_CONTRIBUTORS } from './reduction.ts';
import { WEIGHT_COLUMNS, WEIGHT_SETS, type WeightSet } from './types.ts';

export interface EmitROptions {
  window: number;
  categories: string[];
  wilcoxon: 'current' | 'legacy';
  /** Months left out either side of the order (default 0). */
  gap?: number;
  /**
   * Harm from the harm index by offence, with this weight set ('data' or absent: the events file's
   * harm column). The script then reads harm-index.csv, or the file given as its third argument.
   */
  weights?: WeightSet | 'data';
  /**
   * The data's declared design window (Dataset.span). When given, the script checks every event
   * against it (and drops those outside when `outsideWindow` is 'exclude'), and windows up to it are
   * allowed. When absent, the script takes the span from the data, as scripts always have for the
   * bundled data, whose events reach month ±24.
   */
  designWindow?: number;
  outsideWindow?: 'error' | 'exclude';
}

/** Keys whose subtree holds no number that R can reproduce exactly (random intervals, the data's extent). */
const SKIPPED_KEYS = new Set(['ci', 'bootstrap', 'domain']);
/** Keys whose values are text (or null in place of text): never numbers. */
const TEXT_KEYS = new Set(['method', 'tauMethod', 'reason', 'order', 'wilcoxon', 'weights', 'categories', 'categoryNames']);

/**
 * Every number in a result of analyse(), as [dotted path, value], in document order. Array
 * positions are path segments (`monthly.0.events`); null stays null; booleans become 1 or 0.
 * Everything under `ci`, `bootstrap` and `domain` is left out, and so are text fields (`method`,
 * `tauMethod`, `reason`, `order`, `weights`, ...) and their nulls; category codes under `byCategory` are never
 * taken for field names.
 */
export function numericLeaves(result: unknown): [path: string, value: number | null][] {
  const out: [string, number | null][] = [];
  // A category code is data, not a field name: byCategory.ci or byCategory.order are categories
  // (any lowercase code is allowed), so the key filters apply to field names only.
  const walk = (value: unknown, path: string, key: string, isCategory = false) => {
    if (!isCategory && (SKIPPED_KEYS.has(key) || TEXT_KEYS.has(key))) return;
    if (typeof value === 'number') out.push([path, value]);
    else if (typeof value === 'boolean') out.push([path, value ? 1 : 0]);
    else if (value === null) out.push([path, null]);
    else if (Array.isArray(value)) value.forEach((v, k) => walk(v, `${path}.${k}`, String(k)));
    else if (typeof value === 'object') {
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) walk(v, path === '' ? k : `${path}.${k}`, k, path === 'byCategory');
    }
  };
  walk(result, '', '');
  return out;
}

/** Reads the script's `path<TAB>value` lines (NA → null); ignores `approx.` lines, comments and blank lines. */
export function parseROutput(text: string): Map<string, number | null> {
  const values = new Map<string, number | null>();
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith('approx.')) continue;
    const tab = line.indexOf('\t');
    if (tab < 0) continue;
    const path = line.slice(0, tab);
    const value = line.slice(tab + 1).trim();
    values.set(path, value === 'NA' || value === 'NaN' ? null : Number(value));
  }
  return values;
}

/** Reads the script's `approx.<measure>.ci<TAB>lower<TAB>upper` lines: R's own bootstrap intervals (NA → null). */
export function parseRIntervals(text: string): Map<string, [number, number] | null> {
  const intervals = new Map<string, [number, number] | null>();
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line.startsWith('approx.')) continue;
    const [path, lower, upper] = line.split('\t');
    intervals.set(path.slice('approx.'.length), lower === 'NA' || upper === undefined || upper === 'NA' ? null : [Number(lower), Number(upper)]);
  }
  return intervals;
}

/**
 * Whether R's value for one path agrees with the engine's: relative 1e-9; p-values also within an
 * absolute 1e-15; OLS coefficients and correlation estimates also within 1e-12 of the scale of
 * their series, because where their exact value is 0 R's QR and two-pass sums leave rounding noise
 * (~1e-16 times the data) and no relative tolerance can pass. Nulls agree only with nulls.
 */
export function closeEnough(result: { monthly: { events: number; harm: number }[] }, path: string, engine: number | null, r: number | null): boolean {
  if (engine === null || r === null) return engine === r;
  let floor = 0;
  if (/\.(p|tauP|pAdjusted|preSlopeP|levelP|slopeChangeP|preSlopePHac|levelPHac|slopeChangePHac|levelRatioP|slopeChangeRatioP|preSlopeRatioP)$/.test(path)) floor = 1e-15;
  const trend = /^(?:trend\.(events|harm)\.(?:slope|intercept)|its\.(events|harm)\.(?:intercept|preSlope|level|slopeChange))$/.exec(path);
  if (trend) floor = 1e-12 * Math.max(1, ...result.monthly.map((m) => Math.abs(m[(trend[1] ?? trend[2]) as 'events' | 'harm'])));
  if (/^correlation\.(pearson\.r|spearman\.rho)$/.test(path)) floor = 1e-12;
  // An influence is a difference of two reductions: where it is 0, R's sums leave rounding noise.
  if (/^perOrder\.\d+\.influence(Events|Harm)$/.test(path)) floor = 1e-12;
  return Math.abs(r - engine) <= 1e-9 * Math.abs(engine) + floor;
}

/**
 * The fixed text of the view script from the line that starts with `from` up to (not including) the
 * line that starts with `to`: for another script (emitCurveR) that reads and checks the files, and
 * tests, exactly as this one does. Throws when either line is missing, so a rewording cannot
 * silently drop a section.
 */
export function scriptSection(from: string, to: string): string {
  const start = SCRIPT.indexOf(`\n${from}`);
  const end = start < 0 ? -1 : SCRIPT.indexOf(`\n${to}`, start + 1);
  if (start < 0 || end < 0) throw new Error(`emitR: no section from "${from}" to "${to}"`);
  return SCRIPT.slice(start + 1, end + 1);
}

/** An R string literal. */
export function rString(s: string): string {
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
}

/** The base-R script for one view. `about.generator` names what wrote it, in the header. */
export function emitR(options: EmitROptions, about: { generator?: string } = {}): string {
  const { window, categories, wilcoxon } = options;
  const gap = options.gap ?? 0;
  const weights = options.weights === 'data' ? undefined : options.weights;
  if (!Number.isInteger(gap) || gap < 0 || gap >= window) throw new RangeError(`emitR: gap must be a whole number from 0 to window − 1, got ${gap}`);
  if (weights !== undefined && !WEIGHT_SETS.includes(weights)) throw new RangeError(`emitR: weights must be one of ${WEIGHT_SETS.join(', ')}, got ${weights}`);
  if (options.designWindow !== undefined && (!Number.isInteger(options.designWindow) || options.designWindow < window)) throw new RangeError(`emitR: designWindow must be a whole number ≥ the window, got ${options.designWindow}`);
  if (!Number.isInteger(window) || window < 1) throw new RangeError(`emitR: window must be a whole number of months ≥ 1, got ${window}`);
  for (const c of categories) {
    if (!/^[a-z][a-z0-9_]*$/.test(c)) throw new RangeError(`emitR: "${c}" is not a category code`);
  }
  const cats = categories.length === 0 ? 'character(0)' : `c(${categories.map(rString).join(', ')})`;
  return SCRIPT.replace('@@HEADER@@', () => header(options, about.generator))
    .replace('@@VIEW@@', () => [
      `WINDOW <- ${window}L`,
      `GAP <- ${gap}L  # months -GAP ... -1 and 1 ... GAP are left out`,
      `CATEGORIES <- ${cats}`,
      `WILCOXON <- ${rString(wilcoxon)}`,
      weights === undefined
        ? 'WEIGHTS <- NULL  # harm as the events file records it'
        : `WEIGHTS <- ${rString(weights)}  # harm from the harm index by offence, column ${WEIGHT_COLUMNS[weights]}`,
      ...(options.designWindow !== undefined ? [`DESIGN_WINDOW <- ${options.designWindow}L; OUTSIDE_WINDOW <- ${rString(options.outsideWindow ?? 'error')}`] : []),
    ].join('\n'))
    .replace('@@BOOTSTRAP@@', () => [
      `set.seed(${BOOTSTRAP_SEED})`,
      `B <- ${BOOTSTRAP_RESAMPLES}; LEVEL <- ${BOOTSTRAP_LEVEL}; MIN_CONTRIBUTORS <- ${MIN_CONTRIBUTORS}; MAX_DROPPED_SHARE <- ${MAX_DROPPED_SHARE}`,
    ].join('\n'))
    .replace('@@VERSION_CHECK@@', () => (wilcoxon === 'current' ? versionCheck({ ...options, gap, weights }) : LEGACY_NOTE))
    .replace('@@NEWEY_WEST@@', () => NEWEY_WEST_SE_R.join('\n        '));
}


function header(o: EmitROptions, generator?: string): string {
  const gap = o.gap ?? 0;
  const lines = [
    '# Reproduce one view of the STRO analysis in base R.',
    `# View: ${o.window} months before vs ${o.window} after${gap > 0 ? `, leaving out the ${gap} ${gap === 1 ? 'month' : 'months'} either side of the order` : ''}; categories: ${o.categories.join(', ') || 'none'};`,
    ...(o.weights && o.weights !== 'data' ? [`# harm: the ${o.weights} weights of the harm index (column ${WEIGHT_COLUMNS[o.weights]}), by offence;`] : []),
    `# paired Wilcoxon tests as ${o.wilcoxon === 'current' ? "current R (4.6), wilcox.test(pre, post, paired = TRUE)" : 'R <= 4.5, with exact and correct given explicitly (same numbers in R 4.2 and 4.6)'}.`,
  ];
  if (generator) lines.push(`# Written by ${generator.replace(/[\r\n]+/g, ' ')}.`);
  return lines.join('\n');
}

/**
 * Current R's wilcox.test() differs from older R's: stop at once, naming what to run instead. The
 * command names the files this run was given (as absolute paths, because npm runs the CLI in the
 * project's folder) and, for a reader's own data, their declared design window, so that it writes
 * the legacy script for the same data and view, not for the bundled data.
 */
function versionCheck(o: EmitROptions): string {
  const gap = o.gap ? ` --gap ${o.gap}` : '';
  const weights = o.weights && o.weights !== 'data' ? ` --weights ${o.weights}` : '';
  const flags = `--wilcoxon legacy --window ${o.window} --categories ${o.categories.length === 0 ? '""' : o.categories.join(',')}${gap}${weights} --emit-r`;
  return `# wilcox.test() changed in R 4.6.0 (exact conditional p-values with ties and zeros); older R gives other p-values.
if (getRversion() < "4.6.0") {
  file_flag <- function(flag, file) paste0(" ", flag, " ", shQuote(normalizePath(file, mustWork = FALSE)))
  data_flags <- if (length(args) >= 2 || exists("DESIGN_WINDOW")) {
    paste0(file_flag("--orders", ORDERS_FILE), file_flag("--events", EVENTS_FILE),
           if (length(args) == 3) file_flag("--harm-index", HARM_INDEX_FILE) else "",
           if (exists("DESIGN_WINDOW")) paste0(" --design-window ", DESIGN_WINDOW, " --outside-window ", OUTSIDE_WINDOW) else "")
  } else ""
  # Events with dates are read by the script as months: the same command can write them so (one round, not two).
  header <- tryCatch({
    first <- sub("^\\ufeff", "", readLines(EVENTS_FILE, n = 50, warn = FALSE))
    first <- first[trimws(gsub("[,\\\"]", "", first)) != ""]
    if (length(first) > 0) trimws(gsub("\\\"", "", strsplit(first[1], ",")[[1]])) else character(0)
  }, error = function(e) character(0), warning = function(e) character(0))
  dated <- "date" %in% header && !("month" %in% header)
  options(warning.length = 8170) # the message with its two commands is longer than R's default 1,000 characters
  # Beside the events file, as an absolute path (normalizePath leaves a file that does not exist yet as given,
  # so the folder is resolved, not the file): the command runs in the project's folder, not here.
  placed <- if (dated) file.path(normalizePath(dirname(EVENTS_FILE), mustWork = FALSE), "events-with-months.csv") else ""
  stop("this script needs R 4.6, because its Wilcoxon tests follow wilcox.test() as R 4.6 computes it, and this is R ",
       getRversion(), ". Run it in R 4.6, or use the legacy script, which follows R <= 4.5 and gives the same numbers in old and new R ",
       "(in the report: choose 'R 4.5 and earlier' under 'Paired test computed as' and download the R script again; from the command line, in the project's folder: ",
       "npm run --silent analyze --", data_flags, if (dated) file_flag("--write-events", placed) else "", ${rString(` ${flags} > reproduce.R`)}, ")",
       if (dated) paste0(". Your events give dates, and the script reads months: that command also writes the events as months, to ", placed, "; run the new script on that file (Rscript reproduce.R ", shQuote(normalizePath(ORDERS_FILE, mustWork = FALSE)), " ", shQuote(placed), ")") else "",
       ".", call. = FALSE)
}
${R_NEXT_NOTE}`;
}

/**
 * R's development version (to become R 4.7) changes wilcox.test() again (r-svn trunk r90094, June 2026):
 * its normal approximation keeps zero differences (Pratt's treatment) where R 4.6 and earlier drop them,
 * and it rounds differences to 7 significant digits before ranking. Both rules' scripts follow R 4.6 (or
 * R <= 4.5), so in R 4.7 or later they say that their Wilcoxon p-values may differ from the report's.
 */
export const R_NEXT_NOTE = `if (getRversion() >= "4.7.0") message("R ", getRversion(), " computes wilcox.test() differently from R 4.6 where it uses the normal approximation and some differences are zero: this script's Wilcoxon p-values may then differ from the report's, which follow R 4.6 (or R <= 4.5 for the legacy rule).")`;

const LEGACY_NOTE = `# Legacy rule: exact and correct are passed to wilcox.test() explicitly, so R 4.6 and R <= 4.5 give the same numbers\n# (tested in R 4.2.2 and R 4.6.0)\n${R_NEXT_NOTE}`;

// The script itself. @@…@@ markers are filled in by emitR(); everything else is fixed text, so a
// reviewer can read one emitted script and know what every other view's script does.
const SCRIPT = String.raw`@@HEADER@@
#
# Usage:  Rscript <this file> [ORDERS EVENTS [HARM_INDEX]]
#         (default: orders.csv, events.csv and, when WEIGHTS is set, harm-index.csv here)
# Base R only. It computes everything from the CSV files (formats: data/README.md of the
# project) and embeds no result, so on other data in the same format it prints the numbers that
# "npm run analyze -- --json" gives for those data.
#
# Output: one line per number, "path<TAB>value", with the paths of the JSON result
# (byCategory.drugs.harm.test.p, monthly.0.events, perOrder.3.harmPre ...), values at 17
# significant digits and NA where the result has null. Booleans (test.exact) print as 1 (TRUE) or
# 0 (FALSE). Bootstrap intervals depend on random numbers, which differ between R and the
# engine, so the script runs its own and prints them on lines starting "approx.".

@@VIEW@@

args <- commandArgs(trailingOnly = TRUE)
# This script's name as it was run, for the messages below (R writes a space in it as "~+~").
self <- sub("^--file=", "", grep("^--file=", commandArgs(trailingOnly = FALSE), value = TRUE))
SCRIPT <- if (length(self) == 1) gsub("~+~", " ", basename(self), fixed = TRUE) else "reproduce.R"
if (grepl("[^A-Za-z0-9._/-]", SCRIPT)) SCRIPT <- shQuote(SCRIPT)
# Where a file given by a relative name was looked for.
looked_for <- function(file) if (grepl("^(/|~|[A-Za-z]:)", file)) file else file.path(getwd(), file)
if (!length(args) %in% c(0, 2, if (!is.null(WEIGHTS)) 3)) {
  stop("usage: Rscript ", SCRIPT, " [ORDERS EVENTS", if (!is.null(WEIGHTS)) " [HARM_INDEX]", "]", call. = FALSE)
}
ORDERS_FILE <- if (length(args) >= 2) args[1] else "orders.csv"
EVENTS_FILE <- if (length(args) >= 2) args[2] else "events.csv"
HARM_INDEX_FILE <- if (length(args) == 3) args[3] else "harm-index.csv"

@@VERSION_CHECK@@

out <- function(path, value) {
  value <- if (is.logical(value)) as.numeric(value) else value
  text <- if (length(value) != 1 || is.na(value) || !is.finite(value)) "NA" else sprintf("%.17g", value)
  cat(path, "\t", text, "\n", sep = "")
}

# ---- Read and check the data ----------------------------------------------------------------
# Every field is read as text, trimmed, and checked with the rules of the codebook. As the report
# does: empty rows (blank lines, or only commas, as a spreadsheet writes them) are skipped, before the
# header as after it; the others keep their numbers as row names (row 1 is the first row after the
# header); a row with more or fewer fields than the header stops the script, naming the row; so does a
# file that is not UTF-8. (R's read.csv alone would take a blank first line for the header, fill a
# short row with empty fields, and fail on a long one with "duplicate 'row.names'".)
read_table <- function(file, columns, optional = character(0)) {
  # Where it looked, and (run with no arguments) where the files can be given (an analyst ran the
  # README's example away from the data and met only "orders.csv: no such file").
  if (!file.exists(file)) stop(file, ": no such file (looked for ", looked_for(file), ")",
    if (length(args) == 0) paste0(". With no arguments the script reads orders.csv and events.csv in the working folder; give the files instead: Rscript ",
      SCRIPT, " ORDERS EVENTS", if (!is.null(WEIGHTS)) " HARM_INDEX"), call. = FALSE)
  lines <- readLines(file, warn = FALSE)
  bad <- which(!validUTF8(lines))
  if (length(bad) > 0) stop(file, ", line ", bad[1], ": is not UTF-8 text (save it as \"CSV UTF-8 (comma delimited)\")", call. = FALSE)
  empty <- trimws(gsub("[,\"]", "", sub("^\ufeff", "", lines, useBytes = TRUE), useBytes = TRUE)) == ""
  if (all(empty)) stop(file, ": has no header and no data, only empty rows", call. = FALSE)
  skip <- which(!empty)[1] - 1
  # Fields per line; NA on each line of a quoted field that runs on, so a record ends on each non-NA line.
  counts <- count.fields(file, sep = ",", quote = "\"", skip = skip, blank.lines.skip = FALSE, comment.char = "")
  ends <- which(!is.na(counts))
  fields <- counts[ends]
  blank <- diff(c(0, ends)) == 1 & empty[skip + ends]
  bad <- which(!blank & fields != fields[1])
  if (length(bad) > 0) stop(file, ", row ", bad[1] - 1, ": has ", fields[bad[1]], " fields but the header has ", fields[1], call. = FALSE)
  d <- read.csv(file, header = FALSE, skip = skip, col.names = paste0("V", seq_len(max(fields))), fill = TRUE,
                colClasses = "character", na.strings = character(0), fileEncoding = "UTF-8-BOM",
                strip.white = FALSE, blank.lines.skip = FALSE)
  d <- d[, seq_len(fields[1]), drop = FALSE]
  names(d) <- trimws(unlist(d[1, ]))
  d <- d[-1, , drop = FALSE]
  row.names(d) <- seq_len(nrow(d))
  missing <- setdiff(columns, names(d))
  # Events with dates (or harm from an index) are placed in months by the report: this script reads
  # the file it writes, events-with-months.csv, and says so instead of only naming the column.
  placed <- if ("month" %in% missing && "date" %in% names(d)) "; these events give dates, which this script does not place in months: run it on events-with-months.csv from the report's downloads (or write it with npm run --silent analyze -- ... --write-events FILE)" else ""
  if (length(missing) > 0) stop(file, ": required column(s) missing: ", paste(missing, collapse = ", "), placed, call. = FALSE)
  d[] <- lapply(d, trimws)
  d <- d[rowSums(d != "") > 0, , drop = FALSE]
  d[c(columns, intersect(optional, names(d)))]
}
# The row of the file (its row name) of the first row flagged in data frame d.
fail <- function(file, d, at, column, what) {
  stop(file, ", row ", row.names(d)[at[1]], ", column \"", column, "\": ", what, call. = FALSE)
}

# duration_months and conditions are recorded, never analysed: not read. The quarter issued follows
# from issued_date when the file gives the date and not the quarter.
orders <- read_table(ORDERS_FILE, c("order_id", "sample"), c("issued", "issued_date"))
if (nrow(orders) == 0) stop(ORDERS_FILE, ": has a header but no orders", call. = FALSE)
if (!"issued" %in% names(orders) && !"issued_date" %in% names(orders)) stop(ORDERS_FILE, ": required column(s) missing: issued (or issued_date)", call. = FALSE)
# A date given must be a real one (2020-02-30 is not), in its order's quarter; an empty or missing
# quarter is the date's, as the report takes it.
if ("issued_date" %in% names(orders)) {
  given <- orders$issued_date != ""
  day <- as.Date(orders$issued_date, format = "%Y-%m-%d")
  bad <- given & (is.na(day) | format(day, "%Y-%m-%d") != orders$issued_date)
  if (any(bad)) fail(ORDERS_FILE, orders, which(bad), "issued_date", "is not a real date like 2019-07-31")
  quarter <- ifelse(given, paste0(format(day, "%Y"), "-Q", (as.integer(format(day, "%m")) + 2) %/% 3), "")
  if (!"issued" %in% names(orders)) {
    if (any(!given)) fail(ORDERS_FILE, orders, which(!given), "issued_date", "is empty, and there is no issued column")
    orders$issued <- quarter
  }
  fill <- orders$issued == "" & given
  orders$issued[fill] <- quarter[fill]
  bad <- given & orders$issued != quarter & grepl("^[0-9]{4}-Q[1-4]$", orders$issued)
  if (any(bad)) fail(ORDERS_FILE, orders, which(bad), "issued_date", "is not in the order's quarter (issued)")
}
if (any(orders$order_id == "")) fail(ORDERS_FILE, orders, which(orders$order_id == ""), "order_id", "is empty")
if (anyDuplicated(orders$order_id)) fail(ORDERS_FILE, orders, anyDuplicated(orders$order_id), "order_id", "duplicates an earlier id")
bad <- !grepl("^[0-9]{4}-Q[1-4]$", orders$issued)
if (any(bad)) fail(ORDERS_FILE, orders, which(bad), "issued", "is not a quarter like 2019-Q3")
bad <- !orders$sample %in% c("analysed", "excluded_followup", "excluded_data")
if (any(bad)) fail(ORDERS_FILE, orders, which(bad), "sample", "is not analysed, excluded_followup or excluded_data")
ids <- orders$order_id[orders$sample == "analysed"]
if (length(ids) == 0) stop(ORDERS_FILE, ": no order is marked analysed", call. = FALSE)

# With WEIGHTS the harm column is optional (harm comes from the index), but checked when present.
events <- read_table(EVENTS_FILE, c("order_id", "month", "category", "offence", if (is.null(WEIGHTS)) "harm"), "harm")
if (nrow(events) == 0) stop(EVENTS_FILE, ": has a header but no events", call. = FALSE)
bad <- !events$order_id %in% ids
if (any(bad)) fail(EVENTS_FILE, events, which(bad), "order_id", "is not an analysed order in the orders file")
bad <- !grepl("^[+-]?[0-9]+$", events$month)
if (any(bad)) fail(EVENTS_FILE, events, which(bad), "month", "is not a whole number of months")
events$month <- as.numeric(events$month)
bad <- events$month == 0 | abs(events$month) > 600
if (any(bad)) fail(EVENTS_FILE, events, which(bad), "month", "must be -600 ... -1 or 1 ... 600")
bad <- !grepl("^[a-z][a-z0-9_]*$", events$category) | events$category == "none"
if (any(bad)) fail(EVENTS_FILE, events, which(bad), "category", "is not a lowercase category code")
bad <- events$offence == ""
if (any(bad)) fail(EVENTS_FILE, events, which(bad), "offence", "is empty")
check_days <- function(file, d, column) {
  values <- d[[column]]
  bad <- !grepl("^[0-9]+(\\.[0-9]+)?$", values)
  if (any(bad)) fail(file, d, which(bad), column, "is not a number of days, 0 or more")
  bad <- as.numeric(values) > 100000
  if (any(bad)) fail(file, d, which(bad), column, "is more than any Crime Harm Index value could be")
  as.numeric(values)
}
if ("harm" %in% names(events)) events$harm <- check_days(EVENTS_FILE, events, "harm")

# ---- Harm weights: each event's harm from the harm index, by offence ------------------------------
# A left join of the events with the index on offence (match keeps the events' order, so rows are
# still the file's rows); an offence the index does not list stops the script, naming its row.
if (!is.null(WEIGHTS)) {
  column <- c(central = "harm_days", low = "sens_low", high = "sens_high")[[WEIGHTS]]
  # Without the index, say what it is for and where to give it (an analyst met only "no such file").
  if (!file.exists(HARM_INDEX_FILE)) {
    stop(HARM_INDEX_FILE, ": no such file (looked for ", looked_for(HARM_INDEX_FILE), "). This view weighs harm by the harm index's ", WEIGHTS,
         " weights: give the index as the script's third argument, after the orders and events (the report's own is data/harm-index.csv in its project)", call. = FALSE)
  }
  index <- read_table(HARM_INDEX_FILE, c("offence", column))
  bad <- index$offence == ""
  if (any(bad)) fail(HARM_INDEX_FILE, index, which(bad), "offence", "is empty")
  if (anyDuplicated(index$offence)) fail(HARM_INDEX_FILE, index, anyDuplicated(index$offence), "offence", "repeats an earlier offence")
  weight <- check_days(HARM_INDEX_FILE, index, column)
  at <- match(events$offence, index$offence)
  bad <- is.na(at)
  if (any(bad)) fail(EVENTS_FILE, events, which(bad), "offence", paste0("\"", events$offence[which(bad)[1]], "\" is not in the harm index ", HARM_INDEX_FILE))
  events$harm <- weight[at]
}

# ---- Apply the view ---------------------------------------------------------------------------
if (exists("DESIGN_WINDOW")) {
  span <- DESIGN_WINDOW
  bad <- abs(events$month) > span
  if (OUTSIDE_WINDOW == "exclude") events <- events[!bad, ] else if (any(bad)) fail(EVENTS_FILE, events, which(bad), "month", paste("is outside the design window of", span, "months"))
} else span <- max(abs(events$month))
if (WINDOW > span) stop("window ", WINDOW, " is outside 1 ... ", span, ", the months these data cover", call. = FALSE)
if (GAP >= WINDOW) stop("gap ", GAP, " must be less than the window ", WINDOW, call. = FALSE)
unknown <- setdiff(CATEGORIES, events$category)
if (length(unknown) > 0) stop("categories ", paste(unknown, collapse = ", "), " not in the data", call. = FALSE)
# The analysed months: -WINDOW ... -(GAP + 1) and GAP + 1 ... WINDOW.
ev <- events[abs(events$month) <= WINDOW & abs(events$month) > GAP & events$category %in% CATEGORIES, ]

# ---- Sample -------------------------------------------------------------------------------------
# The register and the flow into the analysis; analysed orders with no events keep zeros.
out("window", WINDOW)
out("gap", GAP)
out("orders", length(ids))
out("sample.register", nrow(orders))
out("sample.withFollowup", sum(orders$sample != "excluded_followup"))
out("sample.analysed", length(ids))
out("sample.excludedData", sum(orders$sample == "excluded_data"))
out("sample.excludedFollowup", sum(orders$sample == "excluded_followup"))

# ---- Per-person totals ----------------------------------------------------------------------
# Events before (month < 0) and after (month > 0) per analysed order; harm summed per person
# with tapply(..., sum). People with nothing in a period get 0.
person_totals <- function(e) {
  by_id <- function(values, period, f) {
    sel <- if (period == "pre") e$month < 0 else e$month > 0
    v <- tapply(values[sel], factor(e$order_id[sel], levels = ids), f)
    v <- as.numeric(v)
    v[is.na(v)] <- 0
    v
  }
  list(eventsPre = by_id(e$harm, "pre", length), eventsPost = by_id(e$harm, "post", length),
       harmPre = by_id(e$harm, "pre", sum), harmPost = by_id(e$harm, "post", sum))
}
overall <- person_totals(ev)
by_category <- lapply(setNames(CATEGORIES, CATEGORIES), function(c) person_totals(ev[ev$category == c, ]))

# ---- Reduction, the paired Wilcoxon signed-rank test and the sign test ---------------------------
# reduction = 1 - sum(after) / sum(before) (NA when there was nothing before).
# The test compares each person's before with their after. n, zeros and ties describe the
# differences d = pre - post: n non-zero, zeros equal to 0, ties = non-zero |d| shared with another.
paired_test <- function(pre, post) {
  d <- pre - post
  nz <- d[d != 0]
  a <- abs(nz)
  n <- length(nz); zeros <- sum(d == 0); ties <- sum(a %in% a[duplicated(a)])
  if (WILCOXON == "current") {
    # Current R (4.6): exact (conditional on ties and zeros) below 50 pairs, normal approximation (zeros dropped) beyond.
    t <- suppressWarnings(wilcox.test(pre, post, paired = TRUE))
  } else {
    # R <= 4.5: exact only with fewer than 50 non-zero differences, no ties and no zeros.
    exact <- n > 0 && n < 50 && ties == 0 && zeros == 0
    t <- suppressWarnings(wilcox.test(pre, post, paired = TRUE, exact = exact, correct = TRUE))
  }
  is_exact <- grepl("exact", t$method)
  z <- NA
  if (!is_exact) {
    # The continuity-corrected normal deviate that R computes internally (zeros dropped first):
    # (V - n(n+1)/4 - sign * 1/2) / sqrt(n(n+1)(2n+1)/24 - sum(t^3 - t)/48) over tie groups of size t.
    r <- rank(a)
    V <- sum(r[nz > 0])
    centred <- V - n * (n + 1) / 4
    sigma <- sqrt(n * (n + 1) * (2 * n + 1) / 24 - sum(table(r)^3 - table(r)) / 48)
    z <- (centred - sign(centred) * 0.5) / sigma
  }
  list(V = unname(t$statistic), p = t$p.value, exact = is_exact, z = z, n = n, zeros = zeros, ties = ties)
}
measure <- function(path, pre, post, t = paired_test(pre, post), p_adjusted = NULL) {
  out(paste0(path, ".pre"), sum(pre))
  out(paste0(path, ".post"), sum(post))
  out(paste0(path, ".reduction"), if (sum(pre) > 0) 1 - sum(post) / sum(pre) else NA)
  out(paste0(path, ".test.V"), t$V)
  out(paste0(path, ".test.p"), t$p)
  if (!is.null(p_adjusted)) out(paste0(path, ".test.pAdjusted"), p_adjusted)
  out(paste0(path, ".test.exact"), t$exact)
  out(paste0(path, ".test.z"), t$z)
  out(paste0(path, ".test.n"), t$n)
  out(paste0(path, ".test.zeros"), t$zeros)
  out(paste0(path, ".test.ties"), t$ties)
  # The sign test: of the people whose before and after differ, how many are lower after;
  # binom.test(fewer, n) (R stops when nobody changed: NA).
  n_changed <- sum(post != pre); fewer <- sum(post < pre)
  out(paste0(path, ".sign.n"), n_changed)
  out(paste0(path, ".sign.fewer"), fewer)
  out(paste0(path, ".sign.p"), if (n_changed > 0) binom.test(fewer, n_changed)$p.value else NA)
}

# Overall: every chosen category together.
for (m in c("events", "harm")) {
  measure(m, overall[[paste0(m, "Pre")]], overall[[paste0(m, "Post")]])
}

# Per category, with Holm's adjustment across the categories shown (p.adjust leaves NA p-values
# out of the count, as the engine does).
for (m in c("events", "harm")) {
  pre <- lapply(by_category, function(tc) tc[[paste0(m, "Pre")]])
  post <- lapply(by_category, function(tc) tc[[paste0(m, "Post")]])
  tests <- Map(paired_test, pre, post)
  adjusted <- p.adjust(vapply(tests, function(t) t$p, numeric(1)), method = "holm")
  for (c in CATEGORIES) {
    measure(paste0("byCategory.", c, ".", m), pre[[c]], post[[c]], tests[[c]], adjusted[[c]])
  }
}

# ---- Monthly totals -------------------------------------------------------------------------------
# Months -W ... -(GAP + 1) and GAP + 1 ... W; months with no events count 0.
months <- c(-WINDOW:-(GAP + 1), (GAP + 1):WINDOW)
month_events <- as.numeric(table(factor(ev$month, levels = months)))
month_harm <- as.numeric(tapply(ev$harm, factor(ev$month, levels = months), sum))
month_harm[is.na(month_harm)] <- 0

# ---- Trend after the order ------------------------------------------------------------------------
# OLS line through the monthly totals of months GAP + 1 ... W: slope, intercept and the slope's p from
# summary(lm(y ~ month)); Kendall's tau with cor.test(method = "kendall").
# As the engine: no line below two months, no p with two; a constant series is the flat line
# (slope 0, intercept its value) with no p; no p for an essentially perfect fit either (residual
# variance < 1e-20 (mean(fitted)^2 + var(fitted)), as for the interrupted time series: R's p would
# be noise); tau is NA for a constant series.
trend <- function(path, y) {
  x <- months[months > 0]
  slope <- NA; intercept <- NA; p <- NA
  if (length(x) >= 2 && all(y == y[1])) {
    slope <- 0; intercept <- y[1]
  } else if (length(x) >= 2) {
    lin <- lm(y ~ x)
    fit <- suppressWarnings(summary(lin))$coefficients
    intercept <- fit[1, 1]; slope <- fit[2, 1]
    f <- fitted(lin)
    if (length(x) > 2 && sum(residuals(lin)^2) / (length(x) - 2) >= (mean(f)^2 + var(f)) * 1e-20) p <- fit[2, 4]
  }
  out(paste0(path, ".slope"), slope)
  out(paste0(path, ".intercept"), intercept)
  out(paste0(path, ".p"), p)
  k <- tryCatch(suppressWarnings(cor.test(x, y, method = "kendall")), error = function(e) NULL)
  out(paste0(path, ".tau"), if (is.null(k)) NA else unname(k$estimate))
  out(paste0(path, ".tauP"), if (is.null(k) || is.na(k$estimate)) NA else k$p.value)
}
after <- months > 0
trend("trend.events", month_events[after])
trend("trend.harm", month_harm[after])

# ---- Interrupted time series -------------------------------------------------------------------
# Segmented regression over the analysed months' totals: summary(lm(y ~ month + post + tPost)), post = 1
# after the order, tPost = month after the order (0 before). preSlope = month, level = post (the
# jump at month 0), slopeChange = tPost. As the engine: nothing with fewer than two months either
# side; a constant series gives 0, 0, 0 and its value with no p; no p with no degrees of freedom or
# an essentially perfect fit (residual variance < 1e-20 (mean(fitted)^2 + var(fitted)): R's p would be noise).
# The p-values assume the months are independent; monthly counts usually are not.
its <- function(path, y) {
  x <- months
  est <- c(NA, NA, NA, NA); p <- c(NA, NA, NA); hac <- c(NA, NA, NA); lag <- NA
  if (sum(x < 0) >= 2 && sum(x > 0) >= 2) {
    if (all(y == y[1])) {
      est <- c(y[1], 0, 0, 0)
    } else {
      d <- data.frame(y = y, month = x, post = as.numeric(x > 0), tPost = ifelse(x > 0, x, 0))
      fit <- lm(y ~ month + post + tPost, data = d)
      co <- suppressWarnings(summary(fit))$coefficients
      est <- co[, 1]
      f <- fitted(fit)
      df <- length(y) - 4
      if (df > 0 && sum(residuals(fit)^2) / df >= (mean(f)^2 + var(f)) * 1e-20) {
        p <- co[c("month", "post", "tPost"), 4]
        @@NEWEY_WEST@@
        # none where the Newey-West variance is rounding noise beside the ordinary one, as the engine
        terms <- c("month", "post", "tPost"); v <- se[terms]^2
        hac <- ifelse(is.finite(v) & v > 1e-12 * co[terms, 2]^2, 2 * pt(-abs(coef(fit)[terms] / se[terms]), df), NA)
      }
    }
  }
  out(paste0(path, ".intercept"), est[1])
  out(paste0(path, ".preSlope"), est[2])
  out(paste0(path, ".preSlopeP"), p[1])
  out(paste0(path, ".level"), est[3])
  out(paste0(path, ".levelP"), p[2])
  out(paste0(path, ".slopeChange"), est[4])
  out(paste0(path, ".slopeChangeP"), p[3])
  out(paste0(path, ".hacLag"), lag)
  out(paste0(path, ".preSlopePHac"), hac[1])
  out(paste0(path, ".levelPHac"), hac[2])
  out(paste0(path, ".slopeChangePHac"), hac[3])
  # The same two lines for the logarithm of the expected monthly value: a quasi-Poisson regression,
  # glm(y ~ month + post + tPost, family = quasipoisson). levelRatio = exp(post), the step at the
  # order as a ratio; slopeChangeRatio = exp(tPost); each with summary()'s t-test p and a 95% interval,
  # exp(b +/- qt(0.975, n - 4) se); the month-on-month ratios before (exp(month), with its p) and after
  # (exp(month + tPost)); and the dispersion. As the engine: nothing where a side of the order has no value in any month, or
  # values in only its first or last month (the log line would be infinitely low or steep; glm
  # "converges" to a meaningless coefficient); nothing if glm does not converge; no p with no degrees
  # of freedom, or a dispersion below 1e-20 of the mean (rounding noise).
  ratio <- c(NA, NA); ratioP <- c(NA, NA); dispersion <- NA; slopes <- c(NA, NA, NA); low <- c(NA, NA); high <- c(NA, NA)
  side_fits <- function(inside) {
    m <- x[inside]; with <- unique(m[y[inside] > 0])
    length(with) >= 2 || (length(with) == 1 && with != min(m) && with != max(m))
  }
  if (sum(x < 0) >= 2 && sum(x > 0) >= 2 && all(y >= 0) && side_fits(x < 0) && side_fits(x > 0)) {
    d <- data.frame(y = y, month = x, post = as.numeric(x > 0), tPost = ifelse(x > 0, x, 0))
    cfit <- suppressWarnings(glm(y ~ month + post + tPost, family = quasipoisson, data = d))
    if (cfit$converged) {
      b <- coef(cfit)
      ratio <- unname(exp(b[c("post", "tPost")]))
      # month-on-month ratios before and after the order; the p is the trend before's
      slopes[c(1, 3)] <- unname(exp(c(b[["month"]], b[["month"]] + b[["tPost"]])))
      cs <- suppressWarnings(summary(cfit))
      if (length(y) > 4 && cs$dispersion >= 1e-20 * mean(y)) {
        ratioP <- unname(cs$coefficients[c("post", "tPost"), 4]); dispersion <- cs$dispersion
        slopes[2] <- cs$coefficients["month", 4]
        # 95% Wald intervals on the t distribution; an end beyond a double (0 or Inf) is NA, as the engine's null
        half <- qt(0.975, length(y) - 4) * cs$coefficients[c("post", "tPost"), 2]
        low <- unname(exp(b[c("post", "tPost")] - half)); high <- unname(exp(b[c("post", "tPost")] + half))
        low[!(low > 0 & is.finite(low))] <- NA; high[!(high > 0 & is.finite(high))] <- NA
      } else if (length(y) > 4) dispersion <- 0
    }
  }
  counted <- list(levelRatio = ratio[1], levelRatioP = ratioP[1], levelRatioLow = low[1], levelRatioHigh = high[1],
                  slopeChangeRatio = ratio[2], slopeChangeRatioP = ratioP[2], slopeChangeRatioLow = low[2], slopeChangeRatioHigh = high[2],
                  preSlopeRatio = slopes[1], preSlopeRatioP = slopes[2], postSlopeRatio = slopes[3], dispersion = dispersion)
  for (k in names(counted)) out(paste0(path, ".", k), counted[[k]])
}
its("its.events", month_events)
its("its.harm", month_harm)

# ---- Events and harm month by month -----------------------------------------------------------
# Over all analysed months: Pearson with cor.test() (needs three months), Spearman with
# cor.test(method = "spearman") (exact without ties, t-approximation with ties). NA for a constant series.
constant <- all(month_events == month_events[1]) || all(month_harm == month_harm[1])
pe <- if (length(months) >= 3 && !constant) cor.test(month_events, month_harm) else NULL
out("correlation.pearson.r", if (is.null(pe)) NA else unname(pe$estimate))
out("correlation.pearson.p", if (is.null(pe)) NA else pe$p.value)
sp <- if (!constant) tryCatch(suppressWarnings(cor.test(month_events, month_harm, method = "spearman")), error = function(e) NULL) else NULL
out("correlation.spearman.rho", if (is.null(sp)) NA else unname(sp$estimate))
out("correlation.spearman.p", if (is.null(sp)) NA else sp$p.value)

# ---- Monthly totals, listed -------------------------------------------------------------------
for (k in seq_along(months)) {
  out(paste0("monthly.", k - 1, ".month"), months[k])
  out(paste0("monthly.", k - 1, ".events"), month_events[k])
  out(paste0("monthly.", k - 1, ".harm"), month_harm[k])
}

# ---- Per-person totals, listed (analysed orders in the order of the orders file) ------------------
# With each person's influence: the overall reduction without them minus the reduction with everyone.
loo <- function(pre, post) vapply(seq_along(pre), function(i) if (sum(pre[-i]) > 0) 1 - sum(post[-i]) / sum(pre[-i]) else NA_real_, numeric(1))
without <- list(events = loo(overall$eventsPre, overall$eventsPost), harm = loo(overall$harmPre, overall$harmPost))
everyone <- list(events = if (sum(overall$eventsPre) > 0) 1 - sum(overall$eventsPost) / sum(overall$eventsPre) else NA,
                 harm = if (sum(overall$harmPre) > 0) 1 - sum(overall$harmPost) / sum(overall$harmPre) else NA)
for (k in seq_along(ids)) {
  for (f in c("eventsPre", "eventsPost", "harmPre", "harmPost")) out(paste0("perOrder.", k - 1, ".", f), overall[[f]][k])
  out(paste0("perOrder.", k - 1, ".influenceEvents"), without$events[k] - everyone$events)
  out(paste0("perOrder.", k - 1, ".influenceHarm"), without$harm[k] - everyone$harm)
}

# ---- Leave-one-out: the range of the overall reduction with each person left out in turn ----------
for (m in c("events", "harm")) {
  v <- without[[m]][!is.na(without[[m]])]
  out(paste0("leaveOneOut.", m, ".min"), if (length(v) > 0) min(v) else NA)
  out(paste0("leaveOneOut.", m, ".max"), if (length(v) > 0) max(v) else NA)
}

# ---- The busiest tenth: how far a few people carry the arrests before the orders ----------------
# The tenth of the people with the most arrests before (n / 10 rounded half up, which R's round()
# does not do, and at least one; among equals the earlier, as order() keeps them), what they
# carry, their share of all the arrests before, and the reduction in everyone else's arrests.
pre <- overall$eventsPre
k <- if (length(pre) == 0) 0 else max(1, floor(length(pre) / 10 + 0.5))
busiest <- order(-pre)[seq_len(k)]
others <- setdiff(seq_along(pre), busiest)
top <- sum(pre[busiest])
out("busiestTenth.people", k)
out("busiestTenth.events", top)
out("busiestTenth.share", if (sum(pre) > 0) top / sum(pre) else NA)
out("busiestTenth.othersReduction", if (sum(pre[others]) > 0) 1 - sum(overall$eventsPost[others]) / sum(pre[others]) else NA)
# People tied with the last of the tenth but left out: which of them count as busiest is a choice,
# and the others' reduction runs from the lowest to the highest over every choice (their before is
# the same whichever are left out; their after is most with the largest afters left among them).
tied <- if (k > 0) which(pre == pre[busiest[k]]) else integer(0)
tied_out <- length(setdiff(tied, busiest))
out("busiestTenth.tiedOut", tied_out)
if (tied_out > 0 && sum(pre[others]) > 0) {
  a <- overall$eventsPost[tied]
  untied <- sum(overall$eventsPost[setdiff(others, tied)])
  most <- untied + sum(sort(a, decreasing = TRUE)[seq_len(tied_out)])
  least <- untied + sum(sort(a)[seq_len(tied_out)])
  out("busiestTenth.othersReductionLow", 1 - most / sum(pre[others]))
  out("busiestTenth.othersReductionHigh", 1 - least / sum(pre[others]))
} else {
  out("busiestTenth.othersReductionLow", NA)
  out("busiestTenth.othersReductionHigh", NA)
}

# ---- Bootstrap intervals (approximate: R's random numbers, not the engine's) --------------------
# Person-level percentile bootstrap of the reduction: B resamples of the analysed people with
# replacement, type-7 quantiles at the engine's level. Resamples with nothing before are dropped.
# As in the engine there is no interval (NA) with nothing before or nothing after, fewer than
# MIN_CONTRIBUTORS people with any event, or more than MAX_DROPPED_SHARE of the resamples dropped.
# The seed is the engine's, but R's generator is not, so the intervals are close, not equal.
@@BOOTSTRAP@@
draws <- matrix(sample.int(length(ids), length(ids) * B, replace = TRUE), nrow = B)
interval <- function(path, pre, post) {
  contributors <- sum(pre != 0 | post != 0)
  ci <- c(NA, NA)
  if (all(pre == 0) || all(post == 0) || contributors < MIN_CONTRIBUTORS) {
    # no interval
  } else {
    before <- rowSums(matrix(pre[draws], nrow = B)); after <- rowSums(matrix(post[draws], nrow = B))
    keep <- before > 0
    if (sum(!keep) <= MAX_DROPPED_SHARE * B) ci <- unname(quantile(1 - after[keep] / before[keep], c((1 - LEVEL) / 2, 1 - (1 - LEVEL) / 2), type = 7))
  }
  cat("approx.", path, ".ci\t", if (is.na(ci[1])) "NA" else sprintf("%.17g", ci[1]), "\t",
      if (is.na(ci[2])) "NA" else sprintf("%.17g", ci[2]), "\n", sep = "")
}
for (m in c("events", "harm")) interval(m, overall[[paste0(m, "Pre")]], overall[[paste0(m, "Post")]])
for (c in CATEGORIES) for (m in c("events", "harm")) {
  interval(paste0("byCategory.", c, ".", m), by_category[[c]][[paste0(m, "Pre")]], by_category[[c]][[paste0(m, "Post")]])
}
`;
