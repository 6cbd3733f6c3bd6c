/**
 * The lines a generic page dates or identifies a paper with (FORMATS.md section 5.0 step 2), and the
 * furniture lines of unknown sites (navigation words of lab pages and repositories).
 */
import { parsePageDate } from './dates';
import { dateIn, isProse, lastYear } from './generic-lines';
import { findArxivId, findDoi, findMonthYear, isChromeLine } from './page-chrome';

export interface Anchor {
  /** `date`: the line is only a date; `id`: only an identifier or link; `reference`: a venue line with a year. */
  kind: 'date' | 'id' | 'reference';
  text: string;
  year: number | null;
  /** At the precision shown; null when only a year is shown. */
  date: string | null;
  doi: string | null;
  arxiv: string | null;
}

/**
 * Whether a line dates or identifies a paper: a year 1900–2099, a date, a DOI or an arXiv id, in a line
 * of at most 250 characters that is not prose.
 * @returns what the line holds, or null
 */
export function readAnchor(text: string): Anchor | null {
  if (text.length > 250 || isProse(text)) return null;
  const doi = findDoi(text);
  const arxiv = findArxivId(text);
  const whole = parsePageDate(stripLabel(text));
  const inside = whole ?? dateIn(text);
  const year = inside?.year ?? lastYear(text);
  if (year === null && doi === null && arxiv === null) return null;
  if (whole) return { kind: 'date', text, year: whole.year, date: whole.date, doi, arxiv };
  const lower = text.toLowerCase();
  const idFirst = lower.startsWith('http') || lower.startsWith('doi') || lower.startsWith('arxiv') || text.startsWith('10.');
  const my = findMonthYear(text);
  const date = inside?.date ?? (my && my.year === year ? my.date : null);
  const kind = (doi !== null || arxiv !== null) && idFirst ? 'id' : 'reference';
  return { kind, text, year, date, doi, arxiv };
}

/** `Published: 12 May 2023`, `Date: 2023-05-12`, `Issue Date: 2021` -> the date part. */
function stripLabel(text: string): string {
  const colon = text.indexOf(':');
  if (colon < 0 || colon > 20) return text;
  const label = text.slice(0, colon).toLowerCase();
  return label.includes('date') || label.includes('published') || label.includes('year') || label.includes('issued') ? text.slice(colon + 1).trim() : text;
}

/** Navigation words of lab pages and repositories, lower-cased. */
const NAV_WORDS = new Set([
  'publications', 'people', 'members', 'team', 'research', 'teaching', 'news', 'projects', 'software', 'open positions', 'jobs', 'join us',
  'browse', 'communities & collections', 'communities and collections', 'thumbnail', 'statistics', 'my account', 'selected publications',
  'all publications', 'back', 'by year', 'by type', 'by author', 'by date', 'titles', 'authors', 'subjects', 'by issue date', 'discover',
  'author', 'subject', 'date issued', 'has files', 'yes', 'no', 'type', 'view more', 'show all', 'items', 'recent submissions', 'alumni',
  'events', 'seminars', 'send feedback', 'feedback', 'resources', 'blog', 'gallery', 'impressum', 'datenschutz', 'top', 'search this site', 'previous page', 'next page',
]);

/** Page furniture of any site: chrome (page-chrome.ts) or a navigation word. */
export function isLinkOrChrome(text: string): boolean {
  return isChromeLine(text) || NAV_WORDS.has(text.toLowerCase());
}
