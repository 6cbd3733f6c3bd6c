/**
 * The article table of a pasted Google Scholar profile (FORMATS.md section 4.2): per article a title
 * line, an authors line and `<Venue>\t<cites>[*]\t<year>`. The TABs of the two cells hang off the
 * authors line when the venue is missing; trailing blank cells lose their TAB in the copy.
 */
import { splitAuthorList } from './author-lists';
import { emptyPaper } from './paper-shape';
import type { ParsedPaper } from './parsed';

/**
 * `<prefix>\t<cites>[*]\t<year>` with blank cells allowed: `…\t\t2019`, `…\t217` (year blank, its TAB
 * stripped with the trailing blanks), `*` for merged citations on either side of the count.
 */
const CELLS = /^([^\t]*)\t(\d{1,7}\*?|\*\d{1,7})?(?:\t(\d{4})?)?$/;
/** The narrow layout shows the hidden `, 2019` after the venue. */
const TRAILING_YEAR = /, (\d{4})$/;
const ARXIV = /arXiv:(\d{4}\.\d{4,5}|[a-z-]+(?:\.[A-Z]{2})?\/\d{7})(?:v\d+)?/;
const INITIALS = /^\p{Lu}{1,3}$/u;
const DIGIT = /\d/;
const LATIN = /[A-Za-z]/;

export interface Cells {
  prefix: string;
  citations: number | null;
  merged: boolean;
  year: number | null;
}

/** The citation and year cells ending a table row, or null when the line is not a row's last line. */
export function matchCells(line: string): Cells | null {
  const m = CELLS.exec(line);
  if (!m) return null;
  const cite = m[2] ?? '';
  const digits = cite.replace('*', '');
  return {
    prefix: m[1]!.trim(),
    citations: digits === '' ? null : Number(digits),
    merged: cite.includes('*'),
    year: m[3] === undefined ? null : Number(m[3]),
  };
}

/**
 * Whether a line reads like a Google Scholar author list: comma-separated names in initials form
 * (`JL Marchetti, D van der Berg, ...`) or names in a script without capitals (Chinese, Arabic), no digits.
 * Used only to decide which line of a row is which when the row is irregular.
 */
export function looksLikeAuthors(line: string): boolean {
  const items = line.split(',').map((s) => s.trim()).filter((s) => s !== '' && s !== '...' && s !== '…');
  if (items.length === 0) return false;
  return items.every((item) => {
    if (DIGIT.test(item) || item.includes(':') || item.split(' ').length > 6) return false;
    const first = item.split(' ')[0]!;
    return (INITIALS.test(first) && item.includes(' ')) || !LATIN.test(item);
  });
}

/**
 * The year a narrow layout shows after the venue (`Venue, 2019`) when the copy has no year column.
 * @returns the year (1800-2100), or null
 */
export function trailingYear(venueCell: string): number | null {
  const y = TRAILING_YEAR.exec(venueCell.trim());
  const year = y ? Number(y[1]) : null;
  return year !== null && year >= 1800 && year <= 2100 ? year : null;
}

/**
 * Clean the venue cell: drop the narrow layout's `, YEAR` when it repeats the year cell, then the
 * ellipsis of a venue Google Scholar cut (` ...`, `…`).
 * @returns the venue (null when empty), whether it was cut, and an arXiv id it names
 */
export function cleanVenue(prefix: string, year: number | null): { venue: string | null; truncated: boolean; arxiv: string | null } {
  let venue = prefix.trim();
  const y = TRAILING_YEAR.exec(venue);
  if (y && year !== null && Number(y[1]) === year) venue = venue.slice(0, venue.length - y[0].length).trim();
  let truncated = false;
  if (venue.endsWith('...') || venue.endsWith('…')) {
    truncated = true;
    venue = venue.slice(0, venue.endsWith('...') ? -3 : -1).trim();
  }
  // The venue cell alone is a year when the narrow layout printed `, 2019` for an article with no venue.
  if (venue.startsWith(',')) venue = venue.slice(1).trim();
  const a = ARXIV.exec(venue);
  return { venue: venue === '' ? null : venue, truncated, arxiv: a ? a[1]! : null };
}

/**
 * Build one article.
 * @param title the title line; authors the authors line; venueCell the text before the cells (null when
 *   the cells hang off the authors line); cells the citation and year cells (null for a row whose both
 *   cells were blank, so the copy has no TAB)
 */
export function buildPaper(title: string, authors: string, venueCell: string | null, cells: Cells | null): ParsedPaper {
  const paper = emptyPaper(title.trim());
  const list = splitAuthorList(authors);
  paper.authors = list.authors;
  paper.authors_truncated = list.truncated;
  paper.equal_contribution = list.equalContribution;
  // A narrow layout without the year column still shows `, 2019` after the venue.
  paper.year = cells?.year ?? (venueCell !== null && cells ? trailingYear(venueCell) : null);
  paper.citations = cells?.citations ?? null;
  if (cells?.merged) paper.extra.citations_merged = true;
  if (venueCell !== null) {
    const v = cleanVenue(venueCell, paper.year);
    paper.venue = v.venue;
    if (v.truncated) paper.extra.venue_truncated = true;
    if (v.arxiv) paper.ids.arxiv = v.arxiv;
  }
  return paper;
}
