/** CSL dates as BibTeX `year` + `month` macro, or as a BibLaTeX `date` (ISO 8601 / EDTF level 1). */
import type { CslDateJson } from '../interop-record';

export const MONTH_MACROS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'] as const;

/** A date part as a number, or null when it is not a whole number (CSL-JSON files carry strings too). */
function partNumber(value: unknown): number | null {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof n === 'number' && Number.isInteger(n) ? n : null;
}

/** [year, month?, day?] with the month and day kept only when valid (month 1-12, day 1-31). */
function dateParts(parts: readonly unknown[] | undefined): number[] | null {
  if (parts === undefined) return null;
  const year = partNumber(parts[0]);
  if (year === null) return null;
  const month = partNumber(parts[1]);
  if (month === null || month < 1 || month > 12) return [year];
  const day = partNumber(parts[2]);
  return day === null || day < 1 || day > 31 ? [year, month] : [year, month, day];
}

/** The text of an unparsed date (`raw`, `literal`), or null. */
function dateText(date: CslDateJson): string | null {
  const text = (date.raw ?? date.literal)?.trim();
  return text === undefined || text === '' ? null : text;
}

/**
 * @returns BibTeX's `year` (text) and `month` (a macro name such as `jan`, written unbraced); an
 *   unparsed date goes whole into `year`. Ranges keep their start; circa is lost (BibTeX has neither).
 */
export function bibtexYearMonth(date: CslDateJson): { year?: string; month?: string } {
  const start = dateParts(date['date-parts']?.[0]);
  if (start === null) {
    const text = dateText(date);
    return text === null ? {} : { year: text };
  }
  const month = start[1];
  return month === undefined ? { year: String(start[0]) } : { year: String(start[0]), month: MONTH_MACROS[month - 1] };
}

function isoPart(parts: readonly number[], circa: boolean): string {
  const [year, month, day] = parts;
  const y = year! < 0 ? `-${String(-year!).padStart(4, '0')}` : String(year).padStart(4, '0');
  let out = y;
  if (month !== undefined) out += `-${String(month).padStart(2, '0')}`;
  if (day !== undefined) out += `-${String(day).padStart(2, '0')}`;
  return circa ? `${out}~` : out;
}

/**
 * @returns BibLaTeX's `date`: `2020`, `2020-05`, `2020-05-03`, a range `2020-05/2020-07`, circa `2019~`
 *   (each end of a circa range); an unparsed date as `year` text instead (BibLaTeX's date must be ISO)
 */
export function biblatexDate(date: CslDateJson): { date?: string; year?: string } {
  const all = date['date-parts'];
  const start = dateParts(all?.[0]);
  if (start === null) {
    const text = dateText(date);
    return text === null ? {} : { year: text };
  }
  const circa = date.circa !== undefined && date.circa !== false && date.circa !== 0 && date.circa !== '';
  const end = dateParts(all?.[1]);
  const from = isoPart(start, circa);
  return { date: end === null ? from : `${from}/${isoPart(end, circa)}` };
}

/** @returns the date as ISO 8601 (`2024-03-01`) for `urldate`, or null when it has no year */
export function isoDate(date: CslDateJson): string | null {
  const start = dateParts(date['date-parts']?.[0]);
  return start === null ? dateText(date) : isoPart(start, false);
}
