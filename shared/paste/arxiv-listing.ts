/**
 * Parser for a pasted arXiv listing, `arxiv.org/list/<cat>/new|recent` (FORMATS.md section 4.5 (b)):
 *
 *   Showing new listings for <day> / Total of N entries / New submissions (showing N of N entries)
 *   [k] arXiv:<id>[ (cross-list from cs.LG)| (replaced)] [pdf, html, other]
 *   Title: <title> / <A>, <B>, … [, et al. (N additional authors not shown)] / [Comments: …] / Subjects: …
 *   ∅ / <abstract paragraph>            (absent for replacements)
 *
 * Not a profile: no author card. Each paper keeps its section (`new`, `cross`, `repl`) in
 * extra.listing_section, from the section heading or, in a paste without headings, from the id suffix.
 */
import { ENTRY_NUMBER, entryShapeAt, matchEntryIdLine } from './arxiv-common';
import { groupEntries, readEntries } from './arxiv-entry';
import type { ParseOutcome, SkippedLine } from './parsed';
import type { PasteFormat } from './paste-format';

/**
 * Section headings: `New submissions (showing 12 of 12 entries)`, `Cross submissions (…)`,
 * `Replacement submissions (…)`, and before 2024 `New submissions for Wed, 14 Jun 23`, `Cross-lists for …`.
 */
const SECTION_HEADING = /^(New submissions|Cross submissions|Cross-lists|Replacement submissions|Replacements)(?: \(showing \d{1,6} of \d{1,6} entries\)| for [A-Z][a-z]{2}, \d{1,2} [A-Z][a-z]{2} \d{2,4})?$/;
const SECTIONS: Record<string, string> = {
  'New submissions': 'new',
  'Cross submissions': 'cross',
  'Cross-lists': 'cross',
  'Replacement submissions': 'repl',
  Replacements: 'repl',
};
/** `Showing new listings for Wednesday, 11 June 2025`. */
const LISTING_FOR = /^Showing (?:new|recent) listings for [A-Z][a-z]{2,8}, \d{1,2} [A-Z][a-z]{2,8} \d{4}$/;
const TOTAL = /^Total of \d{1,6} entries$/;
const PER_PAGE = /^Showing up to \d{1,6} entries per page/;
/** Date headings of `recent` listings: `Wed, 11 Jun 2025 (showing 40 of 40 entries)`. */
const DAY_HEADING = /^[A-Z][a-z]{2}, \d{1,2} [A-Z][a-z]{2} \d{4} \(showing \d{1,6} of \d{1,6} entries/;

/** Lines that end an entry: headings and the listing's own counters. */
function isListingBoundary(line: string): boolean {
  return ENTRY_NUMBER.test(line) || SECTION_HEADING.test(line) || LISTING_FOR.test(line) || TOTAL.test(line) || PER_PAGE.test(line) || DAY_HEADING.test(line);
}

/**
 * Listing signatures (FORMATS.md section 2): the headings, and each `[k] arXiv:` entry shaped like a
 * listing's (entryShapeAt: an unlabelled author line, or `Authors:` with an abstract paragraph).
 */
export function arxivListingSignatures(lines: readonly string[]): number {
  let score = 0;
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (SECTION_HEADING.test(line) && (line.includes('(showing') || line.includes(' for '))) score++;
    else if (LISTING_FOR.test(line) || DAY_HEADING.test(line)) score++;
    else if (entryShapeAt(lines, i) === 'listing') score++;
  });
  return score;
}

/**
 * Parse an arXiv listing from its normalised lines.
 * @param lines normaliseLines of the paste (line i is line i+1)
 * @returns papers in page order with `author: null`; the report lists page lines that are not entries,
 *   entries left out (no title or no Subjects line) and a last entry cut off by the end of the paste.
 *   Never throws; linear.
 */
export function parseArxivListingLines(lines: readonly string[]): ParseOutcome {
  const skipped: SkippedLine[] = [];
  const warnings: string[] = [];
  const { entries, outside } = groupEntries(lines, matchEntryIdLine, isListingBoundary);
  // The section of each entry: the last heading above it.
  const headings = new Map<number, string>();
  for (const i of outside) {
    const m = SECTION_HEADING.exec(lines[i]!.trim());
    if (m) headings.set(i, SECTIONS[m[1]!]!);
    else if (!isListingBoundary(lines[i]!.trim())) skipped.push({ line: i + 1, text: lines[i]!, reason: 'page text outside the entries' });
  }
  const sectionAt: Array<[number, string]> = [...headings.entries()].sort((a, b) => a[0] - b[0]);
  // Entries come in page order, so one pointer walks the headings once.
  let next = 0;
  let section: string | null = null;
  const sectionOf = (start: number, note: string | null): string => {
    while (next < sectionAt.length && sectionAt[next]![0] < start) section = sectionAt[next++]![1];
    if (section) return section;
    return note === 'replaced' ? 'repl' : note?.startsWith('cross-list') ? 'cross' : 'new';
  };
  const { papers, incompleteTail } = readEntries(entries, 'listing', lines, skipped, warnings, (paper, entry) => {
    const { formats, ...rest } = paper.extra;
    // Keep the fixture's key order: formats, listing_section, then the labels' keys.
    paper.extra = { ...(formats ? { formats } : {}), listing_section: sectionOf(entry.start, entry.idLine.note), ...rest };
    if (entry.idLine.note?.startsWith('cross-list from ')) paper.extra.cross_list_from = entry.idLine.note.slice('cross-list from '.length);
  });
  return {
    profile: { source: 'arxiv_listing', source_url_hint: 'https://arxiv.org/list/<category>/new', author: null, papers },
    report: { skipped, incompleteTail, warnings },
  };
}

/** The arXiv listing in the list of formats (formats.ts). */
export const arxivListingFormat: PasteFormat = {
  id: 'arxiv_listing',
  source: 'arxiv_listing',
  label: 'arXiv listing',
  site: 'arXiv',
  isProfile: false,
  signatures: arxivListingSignatures,
  parse: parseArxivListingLines,
  noPapersHint: "the paste has no entries such as '[1] arXiv:2506.01234 [pdf, other]' followed by a Title line. Copy the whole listing, with its numbered entries.",
};
