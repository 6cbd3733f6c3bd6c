/**
 * Dates as profile pages print them (FORMATS.md section 5.1 "Dates"): `Aug 15, 2024`, `15 August 2024`,
 * `2 September, 2025`, `19 Jan 2025`, `2023-05`, `2023`, `November 2022`, and arXiv identifiers that
 * encode a month (`2503.04417` -> 2025-03). Only the precision shown is kept (ISO 8601 calendar dates).
 */

export const MONTH_NAMES = [
  'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December',
] as const;

/**
 * The month number of an English month name or its abbreviation.
 * @param name `Aug`, `August`, `Sept`, `aug.` (case-insensitive, trailing dot allowed)
 * @returns 1-12, or null when `name` is not a month
 */
export function monthNumber(name: string): number | null {
  const n = name.replace(/\.$/, '').toLowerCase();
  if (n === 'sept') return 9;
  const i = MONTH_NAMES.findIndex((m) => m.toLowerCase() === n || m.slice(0, 3).toLowerCase() === n);
  return i === -1 ? null : i + 1;
}

/** Days in a month of the proleptic Gregorian calendar (ISO 8601). month is 1-12. */
export function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 ? (leap ? 29 : 28) : [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
}

/**
 * An ISO date at the precision given, when that date exists.
 * @param year four-digit year; month 1-12 or null; day 1-31 or null
 * @returns `YYYY-MM-DD`, `YYYY-MM`, or null (year only, or a date that does not exist such as Feb 30)
 */
export function isoDate(year: number, month: number | null, day: number | null): string | null {
  if (month === null || month < 1 || month > 12 || year < 1000 || year > 9999) return null;
  const mm = String(month).padStart(2, '0');
  if (day === null) return `${year}-${mm}`;
  if (day < 1 || day > daysInMonth(year, month)) return null;
  return `${year}-${mm}-${String(day).padStart(2, '0')}`;
}

export interface PageDate {
  /** ISO date at the precision shown; null when only a year is shown. */
  date: string | null;
  year: number;
}

const DATE_SHAPES: ReadonlyArray<{ re: RegExp; parts: (m: RegExpExecArray) => [string, string | null, string | null] }> = [
  // Aug 15, 2024 | August 15 2024
  { re: /^([A-Za-z]{3,9}\.?) (\d{1,2}),? (\d{4})$/, parts: (m) => [m[3]!, m[1]!, m[2]!] },
  // 15 August 2024 | 2 September, 2025 | 19 Jan 2025
  { re: /^(\d{1,2}) ([A-Za-z]{3,9}\.?),? (\d{4})$/, parts: (m) => [m[3]!, m[2]!, m[1]!] },
  // November 2022 | Nov 2022
  { re: /^([A-Za-z]{3,9}\.?),? (\d{4})$/, parts: (m) => [m[2]!, m[1]!, null] },
  // 2023-05-17 | 2023-05 | 2023/05/17
  { re: /^(\d{4})[-/](\d{1,2})(?:[-/](\d{1,2}))?$/, parts: (m) => [m[1]!, m[2]!, m[3] ?? null] },
  // 2023
  { re: /^(\d{4})$/, parts: (m) => [m[1]!, null, null] },
];

/**
 * Read a date printed on a page.
 * @param text one of the shapes above, surrounding spaces ignored
 * @returns the date at the precision shown and its year, or null when the text is not a date that exists
 *   (`Feb 30, 2024` is null, not 2024)
 */
export function parsePageDate(text: string): PageDate | null {
  const t = text.trim();
  if (t.length > 40) return null;
  for (const shape of DATE_SHAPES) {
    const m = shape.re.exec(t);
    if (!m) continue;
    const [y, mo, d] = shape.parts(m);
    const year = Number(y);
    if (year < 1000 || year > 9999) return null;
    if (mo === null) return { date: null, year };
    const month = /^\d+$/.test(mo) ? Number(mo) : monthNumber(mo);
    if (month === null) return null;
    const date = isoDate(year, month, d === null ? null : Number(d));
    return date === null ? null : { date, year };
  }
  return null;
}

/**
 * The submission month an arXiv identifier encodes (new style `YYMM.NNNNN`, old style `archive/YYMMNNN`).
 * @returns `{ date: 'YYYY-MM', year }`, or null for text that is not an identifier
 */
export function dateFromArxivId(id: string): PageDate | null {
  const m = /^(?:[a-z-]+(?:\.[A-Z]{2})?\/)?(\d{2})(\d{2})[.\d]/.exec(id.trim());
  if (!m) return null;
  const yy = Number(m[1]);
  const year = yy >= 91 ? 1900 + yy : 2000 + yy;
  const date = isoDate(year, Number(m[2]), null);
  return date === null ? null : { date, year };
}
