/**
 * Checks for the values a user types into a paper's fields. Each check takes the text as typed and
 * returns either the value to store (trimmed, prefixes such as `https://doi.org/` removed) or a sentence
 * saying what is wrong, naming the value. Pure and linear: no regular expression here has nested or
 * adjacent unbounded quantifiers, so a pasted megabyte is checked in one pass.
 */
import { withArticle } from '../words';

export type Check = { ok: true; value: string } | { ok: false; message: string };

const ok = (value: string): Check => ({ ok: true, value });
const bad = (message: string): Check => ({ ok: false, message });

/** The value as it appears in a message: quoted, and cut when long so the sentence stays readable. */
function shown(v: string): string {
  return `“${v.length > 60 ? `${v.slice(0, 57)}…` : v}”`;
}

const isDigits = (s: string): boolean => s.length > 0 && /^[0-9]+$/.test(s);

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Days in a month of the proleptic Gregorian calendar (month 1-12). */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Removes the prefix (case-insensitive) when the text starts with it. */
function stripPrefix(text: string, prefixes: readonly string[]): string {
  const lower = text.toLowerCase();
  for (const p of prefixes) if (lower.startsWith(p)) return text.slice(p.length);
  return text;
}

const DOI_PREFIXES = ['https://doi.org/', 'http://doi.org/', 'https://dx.doi.org/', 'http://dx.doi.org/', 'doi.org/', 'doi:'];

/**
 * A DOI: `10.` + a registrant code of 4-9 digits (dot-separated sub-codes allowed) + `/` + a suffix.
 * Accepts and strips `https://doi.org/`, `dx.doi.org` and `doi:` prefixes.
 * @returns the bare DOI (`10.1145/3597503`), or what is wrong with it
 */
export function checkDoi(input: string): Check {
  const raw = input.trim();
  const v = stripPrefix(raw, DOI_PREFIXES).trim();
  if (!v) return bad('The DOI is empty after its prefix.');
  if (/\s/.test(v)) return bad(`A DOI has no spaces: ${shown(raw)}.`);
  if (!v.startsWith('10.')) return bad(`A DOI starts with “10.” (as in 10.1145/3597503): ${shown(raw)} does not.`);
  const slash = v.indexOf('/');
  if (slash < 0) return bad(`A DOI has a “/” between its prefix and suffix (10.1145/3597503): ${shown(raw)} has none.`);
  const registrant = v.slice(3, slash);
  const parts = registrant.split('.');
  if (!parts.every(isDigits) || parts[0]!.length < 4 || parts[0]!.length > 9) {
    return bad(`A DOI's prefix is “10.” and 4 to 9 digits (10.1145): ${shown(v.slice(0, slash))} is not.`);
  }
  if (slash === v.length - 1) return bad(`The DOI ${shown(raw)} has nothing after the “/”.`);
  return ok(v);
}

const ARXIV_PREFIXES = ['arxiv:'];

/**
 * An arXiv identifier: new style `YYMM.NNNN` (to 2014) or `YYMM.NNNNN` (2015 on), old style
 * `archive[.XX]/YYMMNNN`; an optional version `vN`. Accepts an `arXiv:` prefix.
 * @returns the id as typed without prefix (version kept: split it with splitArxivVersion), or what is wrong
 */
export function checkArxivId(input: string): Check {
  const raw = input.trim();
  const v = stripPrefix(raw, ARXIV_PREFIXES).trim();
  if (!v) return bad('The arXiv id is empty.');
  const { id, version } = splitArxivVersion(v);
  if (version === 0) return bad(`An arXiv version counts from v1: ${shown(raw)} has v0.`);
  const slash = id.indexOf('/');
  if (slash >= 0) {
    const archive = id.slice(0, slash);
    const num = id.slice(slash + 1);
    if (!/^[a-z]+(-[a-z]+)?(\.[A-Z]{2})?$/.test(archive)) return bad(`An old-style arXiv id starts with an archive name such as hep-th or math.AG: ${shown(archive)} is not one.`);
    if (!/^[0-9]{7}$/.test(num)) return bad(`An old-style arXiv id has 7 digits after the “/” (YYMMNNN, as in hep-th/9901001): ${shown(raw)} does not.`);
    return monthOf(num, raw) ?? ok(version === null ? id : `${id}v${version}`);
  }
  const dot = id.indexOf('.');
  if (dot !== 4 || !isDigits(id.slice(0, 4))) return bad(`An arXiv id looks like 2401.01234 (year and month, a dot, then 4 or 5 digits): ${shown(raw)} does not.`);
  const num = id.slice(5);
  if (!isDigits(num) || num.length < 4 || num.length > 5) return bad(`An arXiv id has 4 or 5 digits after the dot (2401.01234): ${shown(raw)} has ${isDigits(num) ? num.length : 'other characters'}.`);
  const yy = Number(id.slice(0, 2));
  if (num.length === 5 && yy < 15) return bad(`arXiv ids before 2015 have 4 digits after the dot: ${shown(raw)} has 5.`);
  return monthOf(id, raw) ?? ok(version === null ? id : `${id}v${version}`);
}

/** The month check shared by both styles (digits 3-4 are the month); null when it is 01-12. */
function monthOf(yymm: string, raw: string): Check | null {
  const month = Number(yymm.slice(2, 4));
  return month >= 1 && month <= 12 ? null : bad(`The arXiv id ${shown(raw)} names month ${yymm.slice(2, 4)}; months run from 01 to 12.`);
}

/** `2401.01234v2` -> { id: '2401.01234', version: 2 }; no version -> null. */
export function splitArxivVersion(id: string): { id: string; version: number | null } {
  const m = /v([0-9]{1,4})$/.exec(id);
  if (!m || m.index === 0) return { id, version: null };
  return { id: id.slice(0, m.index), version: Number(m[1]) };
}

/**
 * A publication date as CSL keeps it here: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, and a day that exists.
 * @returns the date, or what is wrong (`2023-02-30` -> "February 2023 has 28 days")
 */
export function checkDate(input: string): Check {
  const v = input.trim();
  const m = /^([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?$/.exec(v);
  if (!m) return bad(`A date is written YYYY, YYYY-MM or YYYY-MM-DD (2024-03-15): ${shown(v)} is not.`);
  const year = Number(m[1]);
  if (year < 1000) return bad(`The year ${m[1]} is too early for a paper.`);
  if (m[2] === undefined) return ok(v);
  const month = Number(m[2]);
  if (month < 1 || month > 12) return bad(`The month in ${shown(v)} is ${m[2]}; months run from 01 to 12.`);
  if (m[3] === undefined) return ok(v);
  const day = Number(m[3]);
  const days = daysInMonth(year, month);
  if (day < 1 || day > days) return bad(`${shown(v)} does not exist: ${MONTHS[month - 1]} ${year} has ${days} days.`);
  return ok(v);
}

/** One page: digits, a letter prefix (`e1234`, `S12`), roman numerals, or `article:page` (`112:45`). */
function pageNumber(p: string): boolean {
  return /^[A-Za-z]{0,3}[0-9]{1,9}$/.test(p) || /^[0-9]{1,9}:[0-9]{1,9}$/.test(p) || /^[ivxlcdm]{1,12}$/i.test(p);
}

/** The number a page sorts by, for `34-12` checks; null when it has none comparable. */
function pageValue(p: string): number | null {
  const colon = p.indexOf(':');
  const tail = colon >= 0 ? p.slice(colon + 1) : p.replace(/^[A-Za-z]{1,3}/, '');
  return isDigits(tail) ? Number(tail) : null;
}

/**
 * Pages: a single page (`12`, `e1234`), a range with a hyphen or en dash (`12-34`, `12–34`,
 * `112:1-112:45`), or ranges joined by commas (`12-14, 20`).
 * @returns the pages as typed (trimmed), or why not (`12-`: "the range has no last page")
 */
export function checkPages(input: string): Check {
  const v = input.trim();
  if (!v) return bad('The pages are empty.');
  for (const part of v.split(',')) {
    const range = part.trim();
    const dash = range.search(/[-–—]/);
    if (dash < 0) {
      if (!pageNumber(range)) return bad(`${shown(range)} is not a page number (12, e1234 or 112:45).`);
      continue;
    }
    const first = range.slice(0, dash).trim();
    const last = range.slice(dash + 1).replace(/^-/, '').trim();
    if (!first) return bad(`The page range ${shown(range)} has no first page.`);
    if (!last) return bad(`The page range ${shown(range)} has no last page.`);
    if (!pageNumber(first)) return bad(`${shown(first)} in ${shown(range)} is not a page number.`);
    if (!pageNumber(last)) return bad(`${shown(last)} in ${shown(range)} is not a page number.`);
    const a = pageValue(first);
    const b = pageValue(last);
    const sameArticle = !first.includes(':') || first.slice(0, first.indexOf(':')) === last.slice(0, last.indexOf(':'));
    if (a !== null && b !== null && sameArticle && b < a) return bad(`The page range ${shown(range)} ends (${last}) before it starts (${first}).`);
  }
  return ok(v);
}

/** ISBN-10 or ISBN-13 with a correct check digit; hyphens and spaces allowed. @returns digits only */
export function checkIsbn(input: string): Check {
  const raw = input.trim();
  const v = stripPrefix(raw, ['isbn:', 'isbn ']).replace(/[-\s]/g, '').toUpperCase();
  if (v.length === 10 && /^[0-9]{9}[0-9X]$/.test(v)) {
    let sum = 0;
    for (let i = 0; i < 10; i++) sum += (10 - i) * (v[i] === 'X' ? 10 : Number(v[i]));
    return sum % 11 === 0 ? ok(v) : bad(`The ISBN ${shown(raw)} has a wrong check digit (the last one); check for a typing mistake.`);
  }
  if (v.length === 13 && isDigits(v)) {
    let sum = 0;
    for (let i = 0; i < 13; i++) sum += Number(v[i]) * (i % 2 === 0 ? 1 : 3);
    return sum % 10 === 0 ? ok(v) : bad(`The ISBN ${shown(raw)} has a wrong check digit (the last one); check for a typing mistake.`);
  }
  return bad(`An ISBN has 10 or 13 digits (the ISBN-10's last may be X): ${shown(raw)} has ${v.length} characters.`);
}

/** ISSN `NNNN-NNNC` with a correct check digit (C may be X). @returns `NNNN-NNNC` */
export function checkIssn(input: string): Check {
  const raw = input.trim();
  const v = stripPrefix(raw, ['issn:', 'issn ']).replace(/[-\s]/g, '').toUpperCase();
  if (!/^[0-9]{7}[0-9X]$/.test(v)) return bad(`An ISSN is 8 characters, as in 0378-5955: ${shown(raw)} is not.`);
  let sum = 0;
  for (let i = 0; i < 7; i++) sum += (8 - i) * Number(v[i]);
  const check = (11 - (sum % 11)) % 11;
  const expected = check === 10 ? 'X' : String(check);
  if (v[7] !== expected) return bad(`The ISSN ${shown(raw)} has a wrong check digit (the last one); check for a typing mistake.`);
  return ok(`${v.slice(0, 4)}-${v.slice(4)}`);
}

/** PubMed id: digits only (1-9 of them). */
export function checkPmid(input: string): Check {
  const v = stripPrefix(input.trim(), ['pmid:']).trim();
  if (!isDigits(v)) return bad(`A PubMed id (PMID) is digits only: ${shown(input.trim())} is not.`);
  if (v.length > 9) return bad(`A PubMed id (PMID) has at most 9 digits: ${shown(v)} has ${v.length}.`);
  return ok(v);
}

/** PubMed Central id: `PMC` and digits. @returns with `PMC` upper-case */
export function checkPmcid(input: string): Check {
  const v = input.trim();
  if (!v.toUpperCase().startsWith('PMC') || !isDigits(v.slice(3)) || v.length > 13) return bad(`A PubMed Central id is PMC and digits (PMC1234567): ${shown(v)} is not.`);
  return ok(`PMC${v.slice(3)}`);
}

/** A web address: http or https, with a host. */
export function checkUrl(input: string): Check {
  const v = input.trim();
  let url: URL;
  try {
    url = new URL(v);
  } catch {
    return bad(`${shown(v)} is not a web address (it should start with https://).`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return bad(`Only http and https addresses can be kept: ${shown(v)} is ${withArticle(url.protocol.slice(0, -1))} address.`);
  if (!url.hostname) return bad(`The address ${shown(v)} names no site.`);
  return ok(v);
}

/**
 * A language tag (BCP 47's common shape): a 2-3 letter language, then optional script, region or
 * variant subtags (`en`, `en-GB`, `zh-Hans-CN`, `de-1996`).
 */
export function checkLanguage(input: string): Check {
  const v = input.trim().replace(/_/g, '-');
  const parts = v.split('-');
  if (!/^[A-Za-z]{2,3}$/.test(parts[0]!)) return bad(`A language is given as a code such as en, fr or zh-Hans: ${shown(v)} is not one.`);
  for (const p of parts.slice(1)) {
    if (!/^[A-Za-z0-9]{1,8}$/.test(p)) return bad(`The language code ${shown(v)} has a part (${shown(p)}) that is not 1 to 8 letters or digits.`);
  }
  return ok(v);
}

/** A title: not empty, at most 2,000 characters. */
export function checkTitle(input: string): Check {
  const v = input.trim();
  if (!v) return bad('A paper needs a title.');
  if (v.length > 2000) return bad(`A title is at most 2,000 characters; this one has ${v.length.toLocaleString('en')}.`);
  return ok(v);
}

/** The check for each field that has one (the others take any text). */
export const FIELD_CHECKS: Partial<Record<string, (input: string) => Check>> = {
  title: checkTitle,
  date: checkDate,
  page: checkPages,
  doi: checkDoi,
  arxivId: checkArxivId,
  isbn: checkIsbn,
  issn: checkIssn,
  pmid: checkPmid,
  pmcid: checkPmcid,
  url: checkUrl,
  language: checkLanguage,
};
