/**
 * Parser for a pasted Google Scholar profile (FORMATS.md section 4.2):
 *
 *   header: <Name> / <Affiliation> / Verified email at <domain>[ - Homepage] / <glued interests> / Follow
 *   sidebar (before or after the table): Cited by / \tAll\tSince YYYY / Citations|h-index|i10-index rows /
 *     chart / Public access box / Co-authors (name, affiliation)*
 *   table: TITLE\tCITED BY\tYEAR, per article <Title> / <Authors> / <Venue>\t<cites>[*]\t<year>
 *   footer: Articles 1–N / Show more / Dates and citation counts are estimated … / Help Privacy Terms
 *
 * One pass over the lines with a mode set by the landmark lines, so the sidebar may sit anywhere.
 * Written by hand: no library reads this page's copied text.
 */
import { buildPaper, looksLikeAuthors, matchCells, type Cells } from './google-scholar-rows';
import {
  addMetric,
  isEmailLine,
  localCitationsLine,
  localSinceYear,
  metricLine,
  parseCoauthors,
  parseHeader,
  parseHistogram,
  parsePublicAccess,
  sinceYear,
  type SkipNotes,
} from './google-scholar-sidebar';
import type { ParsedPaper, ParseOutcome, ProfileMetrics, SkippedLine } from './parsed';
import type { PasteFormat } from './paste-format';

/** The table heading; a narrow layout may drop the YEAR column. */
const TABLE_HEAD = /^TITLE\tCITED BY(?:\tYEAR)?$/i;
/** `Articles 1–30`, or the same in another interface language (`Artikel 1–30`: en dash). */
const ARTICLES_RANGE = /^(?:Articles \d+[–-]\d+|[^\d\t]{1,20} \d+–\d+)$/;
const ESTIMATED = 'Dates and citation counts are estimated';
const DIGIT = /\d/;
const CELL_SIGNATURE = /^[^\t]+\t\d{1,7}\*?\t(?:19|20)\d{2}$/;
/** Menu, button and footer lines of the page: no data. */
const PAGE_UI = new Set([
  'Skip to main content', 'Sign in', 'Sign out', 'Get my own profile', 'My profile', 'My library', 'Alerts', 'Metrics', 'Advanced search',
  'Settings', 'Follow', 'Following', 'Edit', 'Show more', 'Help', 'Privacy', 'Terms', 'View all', 'Cited by',
]);
const FOOTER_WORDS = new Set(['Show more', 'Help', 'Privacy', 'Terms']);

type Mode = 'header' | 'stats' | 'access' | 'coauthors' | 'table' | 'footer';
type Line = { i: number; text: string };

/**
 * How many Google Scholar line shapes the lines show (FORMATS.md section 2): the Cited by rows, the
 * table heading, the verified-email line, the footer, and article rows ending `\t<cites>\t<year>`.
 */
export function googleScholarSignatures(lines: readonly string[]): number {
  let score = 0;
  for (const line of lines) {
    if (
      sinceYear(line) !== null ||
      metricLine(line) !== null ||
      TABLE_HEAD.test(line) ||
      line.startsWith('Verified email at ') ||
      ARTICLES_RANGE.test(line) ||
      line.startsWith(ESTIMATED) ||
      CELL_SIGNATURE.test(line)
    ) {
      score++;
    }
  }
  return score;
}

/**
 * Parse a Google Scholar profile from its normalised lines (normaliseLines).
 * @param lines line i is line i+1 of the paste
 * @returns the profile in the fixture shape (`author` null when the header was not pasted;
 *   `author.extra`: verified_email_domain, public_access, coauthors, citations_per_year when the chart's
 *   values stand apart) and a report: skipped lines with reasons, an article cut at the end of the
 *   paste (`incompleteTail`, not among the papers), warnings. Never throws; linear in the paste.
 */
export function parseGoogleScholarLines(lines: readonly string[]): ParseOutcome {
  const notes: SkipNotes = new Map();
  const used = new Set<number>();
  const warnings: string[] = [];
  const metrics: ProfileMetrics = {};
  const header: Line[] = [];
  const stats: Line[] = [];
  const access: Line[] = [];
  const coauthorLines: Line[] = [];
  const papers: ParsedPaper[] = [];
  let pending: Line[] = [];
  let mode: Mode = 'header';
  let tableHeadSeen = false;
  let rowsSeen = 0;
  let pendingAfterFooter = false;
  let incompleteTail: ParseOutcome['report']['incompleteTail'] = null;

  const row = (title: Line, authors: Line, venue: Line | null, cells: Cells | null, cellLine: Line | null) => {
    for (const l of [title, authors, venue, cellLine]) if (l) used.add(l.i);
    let authorText = authors.text;
    if (venue === null && cells) authorText = cells.prefix;
    papers.push(buildPaper(title.text, withoutYear(authorText, cells?.year ?? null), venue === null ? null : cells ? cells.prefix : venue.text, cells));
  };

  /** Lines left before a row's own lines: whole rows with blank cells (title, authors, venue), or a cut row. */
  const leftovers = (rest: Line[], reason: string) => {
    if (rest.length % 3 === 0 && rest.every((_, n) => n % 3 !== 1 || looksLikeAuthors(rest[n]!.text))) {
      for (let n = 0; n < rest.length; n += 3) row(rest[n]!, rest[n + 1]!, rest[n + 2]!, null, null);
      return;
    }
    for (const l of rest) notes.set(l.i, reason);
  };

  const cellRow = (cellLine: Line, cells: Cells) => {
    const first = rowsSeen === 0 && !tableHeadSeen;
    rowsSeen++;
    const p = pending;
    pending = [];
    const cutStart = 'the start of this article was not pasted';
    if (p.length === 0) {
      notes.set(cellLine.i, 'citation and year cells with no title before them');
      return;
    }
    const venueRow = cells.prefix === '' || (p.length >= 2 && (looksLikeAuthors(p[p.length - 1]!.text) || !looksLikeAuthors(cells.prefix)));
    if (venueRow && p.length >= 2) {
      // A paste that starts inside the table: a lone authors line before the venue is a cut article.
      leftovers(p.slice(0, -2), first ? cutStart : 'not part of an article row');
      row(p[p.length - 2]!, p[p.length - 1]!, cellLine, cells, cellLine);
      return;
    }
    if (first && p.length === 1 && looksLikeAuthors(p[0]!.text) && !looksLikeAuthors(cells.prefix)) {
      notes.set(p[0]!.i, cutStart);
      notes.set(cellLine.i, cutStart);
      return;
    }
    leftovers(p.slice(0, -1), first ? cutStart : 'not part of an article row');
    row(p[p.length - 1]!, cellLine, null, cells, cellLine);
  };

  /** The table ends (a landmark or the end of the paste): rows still pending are cut or incomplete. */
  const closeTable = (atEnd: boolean) => {
    if (pending.length === 0) return;
    const p = pending;
    pending = [];
    if (pendingAfterFooter) {
      for (const l of p) notes.set(l.i, 'page footer');
      return;
    }
    if (atEnd && p.length <= 2) {
      const missing = p.length === 1 ? 'authors, venue, citations and year' : 'venue, citations and year';
      incompleteTail = { line: p[0]!.i + 1, text: p[0]!.text, missing };
      return;
    }
    leftovers(p, 'not part of an article row');
  };

  lines.forEach((raw, i) => {
    const text = raw.trim();
    if (text === '') return;
    const line: Line = { i, text: raw };
    // Other interface languages: the Cited by heading and its citations row keep their shape, not their words.
    const since = sinceYear(raw) ?? (mode === 'table' ? null : localSinceYear(raw));
    const metric = metricLine(raw) ?? (mode === 'stats' && metrics.citations === undefined ? localCitationsLine(raw) : null);
    const cells = metric || since !== null ? null : matchCells(raw);
    if (since !== null || metric || text === 'Cited by') {
      closeTable(false);
      mode = 'stats';
      used.add(i);
      if (since !== null) metrics.recent_since_year ??= since;
      if (metric) addMetric(metrics, metric);
      return;
    }
    if (text === 'Public access' || text === 'Co-authors') {
      closeTable(false);
      mode = text === 'Public access' ? 'access' : 'coauthors';
      used.add(i);
      return;
    }
    if (TABLE_HEAD.test(text) || (mode !== 'access' && isLocalTableHead(text))) {
      closeTable(false);
      mode = 'table';
      tableHeadSeen = true;
      used.add(i);
      return;
    }
    if (ARTICLES_RANGE.test(text) || text.startsWith(ESTIMATED) || (FOOTER_WORDS.has(text) && mode !== 'header')) {
      closeTable(false);
      mode = 'footer';
      notes.set(i, 'page footer');
      return;
    }
    if (cells && (mode === 'table' || mode === 'header' || mode === 'footer')) {
      if (mode === 'header') pending = takeRowsFromHeader(header);
      mode = 'table';
      cellRow(line, cells);
      return;
    }
    if (mode !== 'table' && PAGE_UI.has(text)) {
      notes.set(i, 'page menu or button');
      if (mode === 'header' && (text === 'Follow' || text === 'Following')) mode = 'table';
      return;
    }
    if (mode === 'header') header.push(line);
    else if (mode === 'stats') stats.push(line);
    else if (mode === 'access') access.push(line);
    else if (mode === 'coauthors') coauthorLines.push(line);
    else {
      // After the footer: more rows (a paste of two list pages) or more footer; the cells line decides.
      if (pending.length === 0) pendingAfterFooter = mode === 'footer';
      pending.push(line);
    }
  });
  closeTable(true);

  const author = parseHeader(header, used);
  if (author) {
    author.metrics = metrics;
    const perYear = parseHistogram(stats, used, notes, warnings);
    if (perYear) author.extra.citations_per_year = perYear;
    const pa = parsePublicAccess(access, used);
    if (pa) author.extra.public_access = pa;
    const co = parseCoauthors(coauthorLines, used);
    if (co.length > 0) author.extra.coauthors = co;
  } else if (Object.keys(metrics).length > 0) {
    warnings.push('The profile header (name and affiliation) was not pasted, so the citation figures of the page could not be attached to an author.');
  }

  const skipped: SkippedLine[] = [];
  lines.forEach((text, i) => {
    if (text.trim() === '' || used.has(i)) return;
    skipped.push({ line: i + 1, text, reason: notes.get(i) ?? (author ? 'not part of the Google Scholar profile' : 'before the profile or the article table') });
  });
  if (papers.length === 0 && author !== null && incompleteTail === null) {
    warnings.push('No article rows were found after the profile header. Scroll to the end of the article list, click Show more until it is greyed out, then select all and copy again.');
  }
  if (papers.length > 0 && !tableHeadSeen && rowsSeen > 0 && author === null) {
    warnings.push('The paste starts inside the article list; the profile header was not copied.');
  }
  return {
    profile: { source: 'google_scholar', source_url_hint: 'https://scholar.google.com/citations?user=<id>', author, papers },
    report: { skipped, incompleteTail, warnings },
  };
}

/** The table heading in another language (`TITEL\tZITIERT VON\tJAHR`): two or three cells of upper-case words, no digit. */
function isLocalTableHead(text: string): boolean {
  const cells = text.split('\t');
  return (cells.length === 3 || cells.length === 2) && cells.every((c) => c.trim() !== '' && !DIGIT.test(c)) && text === text.toUpperCase();
}

/** The authors cell of a row without venue, minus the narrow layout's `, YEAR`. */
function withoutYear(authors: string, year: number | null): string {
  const t = authors.trim();
  return year !== null && t.endsWith(`, ${year}`) ? t.slice(0, -6).trim() : t;
}

/**
 * A paste whose first article row comes before any landmark: the header buffer holds the profile
 * header (up to the email line and the interests after it) and then the lines of the first row.
 * @returns the lines that belong to the row (removed from `header`)
 */
function takeRowsFromHeader(header: Line[]): Line[] {
  const k = header.findIndex((h) => isEmailLine(h.text));
  const keep = k < 0 ? 0 : Math.min(header.length, k + (header.length - k > 3 ? 2 : 1));
  return header.splice(keep);
}

/** The Google Scholar profile in the list of formats (formats.ts). */
export const googleScholarFormat: PasteFormat = {
  id: 'google_scholar',
  source: 'google_scholar',
  label: 'Google Scholar profile',
  site: 'Google Scholar',
  isProfile: true,
  signatures: googleScholarSignatures,
  parse: parseGoogleScholarLines,
  noPapersHint:
    'the paste has no article rows (title, authors, then venue with the citation count and year). Scroll to the end of the article list, click Show more until it is greyed out, then select all and copy.',
};
