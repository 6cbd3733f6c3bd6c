/**
 * Page furniture every site wraps around its list (FORMATS.md section 5.0 step 1): buttons, menus,
 * cookie banners, footers. Parsers drop these lines instead of reading them as titles or names, and
 * shared line-shape tests (month-year, initials, counts glued to labels) used by the ResearchGate, ACM,
 * Scopus and generic parsers. Every test here is a set lookup or a bounded, anchored pattern.
 */
import { monthNumber } from './dates';
import { parseCount } from './normalise';

/** Whole lines that are UI words, lower-cased. */
const UI_WORDS = new Set([
  'cite', 'save', 'share', 'download', 'pdf', 'follow', 'show more', 'show less', 'view all', 'sign in', 'log in', 'login',
  'sign up', 'register', 'join for free', 'accept all', 'accept all cookies', 'reject all', 'accept', 'decline', 'cookie settings',
  'cookies settings', 'manage cookies', 'manage preferences', 'customize settings', 'necessary cookies only', '·', '•', '|', '-', '–',
  'menu', 'home', 'search', 'next', 'previous', 'back to top', 'print', 'email', 'copy link', 'related documents', 'show abstract',
  'hide abstract', 'view at publisher', 'full text', 'view pdf', 'export', 'more', 'less', 'close', 'ok', 'got it', 'bibtex',
  'endnote', 'ris', 'abstract', 'request full-text', 'recommend', 'add to list', 'add to library', 'read more', 'see more',
  'privacy', 'privacy policy', 'terms', 'terms of use', 'terms of service', 'terms and conditions', 'imprint', 'contact', 'contact us',
  'about', 'about us', 'help', 'faq', 'skip to main content', 'skip to content', 'toggle navigation', 'open menu', 'load more',
  'sort by', 'filter', 'filters', 'go', 'submit', 'reset', 'clear', 'select all', 'deselect all', 'export citations', 'rss',
  'feedback', 'accessibility', 'sitemap', 'careers', 'cookies', 'cookie policy', 'language', 'english', 'dismiss', 'x', '×',
  'use necessary cookies only', 'allow all cookies', 'allow all', 'allow selection', 'deny', 'reject', 'only necessary', 'necessary only',
]);

/**
 * Whether a line is page furniture: a UI word, a cookie or copyright sentence, a lone `+N`.
 * @param line a normalised line (trimmed or not)
 */
export function isChromeLine(line: string): boolean {
  const t = line.trim();
  if (t === '') return false;
  const lower = t.toLowerCase();
  if (UI_WORDS.has(lower)) return true;
  if (/^\+ ?\d{1,4}$/.test(t)) return true;
  if (t.startsWith('©') || lower.startsWith('copyright ') || lower.includes('all rights reserved')) return true;
  // A cookie banner speaks to the reader (`We use cookies…`, `This website uses cookies`); a paper title
  // about cookies (`Cookie Banners and Dark Patterns`) does not, and must stay a title.
  if (t.length >= 600 || !lower.includes('cookie') && !lower.includes('privacy statement')) return false;
  return ADDRESSES_READER.test(lower) || lower.includes('this site') || lower.includes('this website') || lower.includes('cookie settings') || lower.includes('cookie policy');
}

const ADDRESSES_READER = /(?:^|[^a-z])(?:we|our|you|your|us)(?:$|[^a-z])/;

const MONTH_YEAR =
  /(?:^|[^A-Za-z])(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.? (\d{4})(?!\d)/;

/** Full month names glued to the text before them (`…InteractionSeptember 2021`, when a `•` was CSS). */
const GLUED_MONTH_YEAR = /(January|February|March|April|May|June|July|August|September|October|November|December) (\d{4})(?!\d)/;

/** A month and year found inside a line: where it starts and ends in the line, and its parts. */
export interface MonthYear {
  start: number;
  end: number;
  month: number;
  year: number;
  /** `YYYY-MM`. */
  date: string;
}

/**
 * The first `<Month> <YYYY>` in a text (`April 2023`, `Sep. 2021`) standing apart from the word before it,
 * or with `glued`, the first full month name and year even when glued to the word before.
 * @returns its position (start of the month name, end after the year) and value, or null
 */
export function findMonthYear(text: string, glued = false): MonthYear | null {
  const m = (glued ? GLUED_MONTH_YEAR : MONTH_YEAR).exec(text);
  if (!m) return null;
  const month = monthNumber(m[1]!);
  const year = Number(m[2]);
  if (month === null || year < 1000) return null;
  const start = m.index + m[0].indexOf(m[1]!);
  return { start, end: m.index + m[0].length, month, year, date: `${m[2]}-${String(month).padStart(2, '0')}` };
}

/**
 * Whether a token is initials as Scopus prints them: `I.`, `J.-L.`, `A.B.`, `M.A.`, `X`.
 * Each character is a capital letter, `.` or `-`; at most 12 characters.
 */
export function isInitials(token: string): boolean {
  const t = token.trim();
  if (t === '' || t.length > 12) return false;
  if (!isCapital(t[0]!)) return false;
  for (const c of t) if (c !== '.' && c !== '-' && c !== ' ' && !isCapital(c)) return false;
  return true;
}

/** A capital letter in any script (Latin, Cyrillic, Greek, ...): it has a distinct lower case. */
export function isCapital(c: string): boolean {
  return c !== c.toLowerCase() && c === c.toUpperCase();
}

/** A lower-case letter in any script. */
export function isLower(c: string): boolean {
  return c !== c.toUpperCase() && c === c.toLowerCase();
}

/**
 * A count glued before or after a label, or alone: `Total Citations1,047` with label `Total Citations`.
 * @returns the count, or null when the line is not exactly label + count (spaces between allowed)
 */
export function countAfterLabel(line: string, label: string): number | null {
  const t = line.trim();
  if (!t.startsWith(label)) return null;
  const rest = t.slice(label.length).trim();
  return rest === '' ? null : parseCount(rest.startsWith(':') ? rest.slice(1) : rest);
}

/**
 * A count glued before a label: `12,486Reads`, `21 Documents by author`.
 * @returns the count, or null when the line is not exactly count + label
 */
export function countBeforeLabel(line: string, label: string): number | null {
  const t = line.trim();
  if (!t.endsWith(label) || t.length === label.length) return null;
  return parseCount(t.slice(0, t.length - label.length));
}

/** The non-blank lines of a range with their indexes, trimmed. */
export function contentLines(lines: readonly string[], from: number, to: number): Array<{ index: number; text: string }> {
  const out: Array<{ index: number; text: string }> = [];
  for (let i = from; i < to; i++) {
    const t = lines[i]!.trim();
    if (t !== '') out.push({ index: i, text: t });
  }
  return out;
}

/** `10.1145/3544548.3581234` inside a line (a DOI ends at whitespace; trailing punctuation dropped). */
export function findDoi(text: string): string | null {
  const m = /(?:^|[^0-9A-Za-z])(10\.\d{4,9}\/[^\s"<>]{1,300})/.exec(text);
  if (!m) return null;
  let doi = m[1]!;
  while (doi.length > 0 && '.,;)]'.includes(doi[doi.length - 1]!)) doi = doi.slice(0, -1);
  return doi.length > 8 ? doi : null;
}

/** An arXiv identifier inside a line: `arXiv:2405.01234v2`, `arxiv.org/abs/2405.01234` (version dropped). */
export function findArxivId(text: string): string | null {
  const m = /(?:arXiv:|arxiv:|abs\/)\s?(\d{4}\.\d{4,5})/.exec(text);
  return m ? m[1]! : null;
}

/** Lower-case name particles (`van der`, `de la`, `bin`, ...). */
export const NAME_PARTICLES = new Set(['van', 'der', 'den', 'de', 'la', 'le', 'du', 'del', 'della', 'di', 'da', 'dos', 'das', 'do', 'von', 'zu', 'ter', 'ten', 'bin', 'binti', 'ibn', 'al', 'el', 'y', 'e', 'lo', 'st.']);

/**
 * Whether a word can be part of a person's name: it starts with a capital or with a letter of a script
 * without case (Han, Arabic), or it is a particle (`van`), or a lower-case prefix joined to a capital
 * (`al-Rashid`, `d'Alembert`).
 */
export function isNameWord(word: string): boolean {
  const first = word[0];
  if (first === undefined) return false;
  if (isCapital(first) || (first.toLowerCase() === first.toUpperCase() && LETTER.test(first))) return true;
  if (NAME_PARTICLES.has(word)) return true;
  const join = word.search(/['’-]/);
  return join > 0 && join <= 3 && word[join + 1] !== undefined && isCapital(word[join + 1]!);
}

const LETTER = /^\p{L}$/u;
