/**
 * BibTeX `year`/`month`/`day` and BibLaTeX `date`/`urldate` (ISO 8601-2 / EDTF level 0-1 as biblatex
 * documents it: `2020`, `2020-05`, `2020-05-03`, ranges `2020-05/2020-07`, open ranges `2020/..`,
 * circa `2019~`, uncertain `2019?`, both `2019%`) -> a CSL date.
 */
import type { CslDateJson } from '../interop-record';

const MONTH_NAMES = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** `5`, `05`, `May`, `may.`, `Mai`... -> 1..12, or null. */
export function monthNumber(text: string): number | null {
  const t = text.trim().toLowerCase();
  if (/^\d{1,2}$/.test(t)) {
    const m = Number(t);
    return m >= 1 && m <= 12 ? m : null;
  }
  const i = MONTH_NAMES.indexOf(t.slice(0, 3));
  return i >= 0 && /^[a-zé]+\.?$/.test(t) ? i + 1 : null;
}

/**
 * @param text a month value with a day (`January~15`, `January 15`, `1~15`, `15 January`; `~` as read: a no-break space)
 * @returns the month (1-12) and day (1-31), or null when it is not that
 */
export function monthWithDay(text: string): { month: number; day: number } | null {
  const words = text.split(/[\s\u00a0~,/-]/).filter((w) => w !== '');
  if (words.length !== 2) return null;
  for (const [m, d] of [[words[0]!, words[1]!], [words[1]!, words[0]!]] as const) {
    const month = monthNumber(m);
    const day = /^\d{1,2}$/.test(d) ? Number(d) : NaN;
    if (month !== null && day >= 1 && day <= 31) return { month, day };
  }
  return null;
}

/** One EDTF date `YYYY[-MM[-DD]]` (with `~ ? %` qualifiers stripped) -> date parts, or null. */
function edtfParts(text: string): { parts: number[]; circa: boolean } | null {
  let t = text.trim();
  let circa = false;
  while (t.endsWith('~') || t.endsWith('?') || t.endsWith('%')) {
    circa = true;
    t = t.slice(0, -1);
  }
  const m = /^(-?\d{1,4})(?:-(\d{2})(?:-(\d{2}))?)?(?:T[\d:.Z+-]*)?$/.exec(t);
  if (m === null) return null;
  const parts = [Number(m[1])];
  if (m[2] !== undefined) {
    const month = Number(m[2]);
    // EDTF seasons (21-24) have no CSL month: keep the year only.
    if (month >= 1 && month <= 12) {
      parts.push(month);
      if (m[3] !== undefined) parts.push(Number(m[3]));
    }
  }
  return { parts, circa };
}

/**
 * @param date a BibLaTeX date field
 * @returns a CSL date (`raw` when it is not EDTF, e.g. `Spring 2020`)
 */
export function parseBiblatexDate(date: string): CslDateJson {
  const t = date.trim();
  const slash = t.indexOf('/');
  if (slash >= 0) {
    const from = edtfParts(t.slice(0, slash));
    const toText = t.slice(slash + 1).trim();
    const to = toText === '' || toText === '..' ? null : edtfParts(toText);
    if (from !== null && (to !== null || toText === '' || toText === '..')) {
      const out: CslDateJson = { 'date-parts': to === null ? [from.parts] : [from.parts, to.parts] };
      if (from.circa || to?.circa) out.circa = true;
      return out;
    }
    return { raw: t };
  }
  const one = edtfParts(t);
  if (one === null) return { raw: t };
  return one.circa ? { 'date-parts': [one.parts], circa: true } : { 'date-parts': [one.parts] };
}

/**
 * @param year the `year` field (`2020`, `2020a`, `in press`)
 * @param month the `month` field after macros (`5`, `May`), or undefined
 * @param day the `day` field, or undefined
 */
export function parseYearMonth(year: string, month: string | undefined, day: string | undefined): CslDateJson {
  const m = /^\s*(\d{4})\s*$/.exec(year);
  if (m === null) {
    const edtf = parseBiblatexDate(year);
    return edtf['date-parts'] !== undefined ? edtf : { raw: year.trim() };
  }
  const parts = [Number(m[1])];
  let mo = month === undefined ? null : monthNumber(month);
  // `month = jan # "~15"` (the day written after the month, a common BibTeX habit): month and day.
  const withDay = mo === null && month !== undefined ? monthWithDay(month) : null;
  if (withDay !== null) [mo, day] = [withDay.month, String(withDay.day)];
  if (mo !== null) {
    parts.push(mo);
    const d = day === undefined ? NaN : Number(day.trim());
    if (Number.isInteger(d) && d >= 1 && d <= 31) parts.push(d);
  }
  return { 'date-parts': [parts] };
}
