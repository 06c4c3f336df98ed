// Elapsed calendar months between an order's date and an arrest's date: the month number that
// events.csv calls `month`, for data exported with dates instead.
//
// The rule (the codebook, data/README.md, states it with the same examples):
// - an arrest on or after issued + (k−1) months and before issued + k months is in month k (1, 2, …);
// - an arrest before the order, on or after issued − k months and before issued − (k−1) months, is
//   in month −k (−1, −2, …);
// - an arrest on the order date itself is month 0, which the analysis does not count;
// - adding months to the 29th, 30th or 31st clamps to the last day of the month reached.
//
// @example
// monthOffset('2019-01-31', '2019-02-27') // => 1   (31 Jan + 1 month = 28 Feb, not yet reached)
// monthOffset('2019-01-31', '2019-02-28') // => 2   (on 28 Feb, the first month has elapsed)
// monthOffset('2020-02-29', '2021-02-28') // => 13  (29 Feb + 12 months = 28 Feb 2021)
// monthOffset('2019-03-15', '2019-03-14') // => -1  (the day before the order)
// monthOffset('2019-03-15', '2019-03-15') // => 0   (the order date: not counted)

/** A calendar date as whole numbers; months 1 … 12. */
export interface CalendarDate { year: number; month: number; day: number }

/** "2019-03-15" → { year: 2019, month: 3, day: 15 }, or null if it is not a real ISO date. */
export function parseIsoDate(text: string): CalendarDate | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

export function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

/** date + k calendar months (k may be negative), the day clamped to the month's last day. */
export function addMonths(date: CalendarDate, k: number): CalendarDate {
  const index = date.year * 12 + (date.month - 1) + k;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return { year, month, day: Math.min(date.day, daysInMonth(year, month)) };
}

function compare(a: CalendarDate, b: CalendarDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

/** The month number of `arrest` relative to `issued` (see the rule above); 0 on the order date. */
export function monthOffset(issued: CalendarDate | string, arrest: CalendarDate | string): number {
  const from = typeof issued === 'string' ? mustParse(issued) : issued;
  const to = typeof arrest === 'string' ? mustParse(arrest) : arrest;
  const c = compare(to, from);
  if (c === 0) return 0;
  // Whole months elapsed, estimated from the calendar and corrected by at most one step, because
  // clamping makes issued + k months a little earlier than the naive count suggests.
  const guess = (to.year - from.year) * 12 + (to.month - from.month);
  if (c > 0) {
    // month k: issued + (k−1) months ≤ arrest < issued + k months
    let k = Math.max(1, guess);
    while (compare(to, addMonths(from, k)) >= 0) k++;
    while (k > 1 && compare(to, addMonths(from, k - 1)) < 0) k--;
    return k;
  }
  // month −k: issued − k months ≤ arrest < issued − (k−1) months
  let k = Math.max(1, -guess);
  while (compare(to, addMonths(from, -k)) < 0) k++;
  while (k > 1 && compare(to, addMonths(from, -(k - 1))) >= 0) k--;
  return -k;
}

function mustParse(text: string): CalendarDate {
  const d = parseIsoDate(text);
  if (!d) throw new RangeError(`"${text}" is not a date like 2019-03-15`);
  return d;
}

/** "2019-Q3" contains the date? (July to September 2019.) */
export function inQuarter(date: CalendarDate, quarter: string): boolean {
  const m = /^(\d{4})-Q([1-4])$/.exec(quarter);
  return !!m && date.year === Number(m[1]) && Math.ceil(date.month / 3) === Number(m[2]);
}
