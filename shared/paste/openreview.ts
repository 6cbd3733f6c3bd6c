/**
 * Parser for a pasted OpenReview profile (FORMATS.md section 4.6). The person part is read by
 * openreview-profile.ts; publications are anchored on their `Published:` line:
 *
 *   <Title> / <A>, <B>, <C> / Published: 19 Jan 2025, Last Modified: 09 Apr 2025
 *   <venue/decision> ('ICLR 2024 poster', 'Submitted to ICLR 2025', '… Conference Withdrawn Submission', 'TMLR')
 *   Readers:  Everyone
 *
 * Career, advisor and expertise blocks have name-like lines and year ranges but no `Published:` line,
 * so they are never papers. Linear in the length of the paste.
 */
import { splitAuthorList } from './author-lists';
import { parsePageDate } from './dates';
import { parseOpenReviewPerson, SECTION_HEADINGS } from './openreview-profile';
import { emptyPaper } from './paper-shape';
import type { ParsedPaper, ParseOutcome, SkippedLine } from './parsed';
import type { PasteFormat } from './paste-format';

const PUBLISHED = /^Published: (\d{1,2} [A-Za-z]{3,9} \d{4})(?:, Last Modified: (\d{1,2} [A-Za-z]{3,9} \d{4}))?$/;
const READERS = /^Readers: {1,4}(\S.{0,300})$/;
/** The page footer below the profile. */
const FOOTER_START = new Set(['About OpenReview', 'Hosting a Venue', 'All Venues']);

/** How many OpenReview signature line shapes the lines show (FORMATS.md section 2). */
export function openreviewSignatures(lines: readonly string[]): number {
  let score = 0;
  for (const raw of lines) {
    const line = raw.trim();
    if (
      line === 'OpenReview.net' ||
      line === 'Career & Education History' ||
      line === 'Advisors, Relations & Conflicts' ||
      line === 'Readers:  Everyone' ||
      line === 'Readers: Everyone' ||
      PUBLISHED.test(line)
    ) {
      score++;
    }
  }
  return score;
}

/** The publication type a venue/decision line implies (null for an accepted paper). */
export function openreviewType(venue: string | null): string | null {
  if (venue === null) return null;
  const v = venue.toLowerCase();
  if (v.endsWith('withdrawn submission')) return 'withdrawn submission';
  if (v.endsWith('desk rejected submission')) return 'desk rejected submission';
  if (v.endsWith('rejected submission')) return 'rejected submission';
  if (v.startsWith('submitted to ') || v.endsWith('blind submission') || v.endsWith(' submission')) return 'submission';
  return null;
}

/**
 * Parse an OpenReview profile from its normalised lines.
 * @param lines normaliseLines of the paste
 * @returns the profile in the fixture shape and a report (skipped lines, a publication cut at the end
 *   of the paste). Never throws for odd content.
 */
export function parseOpenReviewLines(lines: readonly string[]): ParseOutcome {
  const skipped: SkippedLine[] = [];
  const warnings: string[] = [];
  const pubsAt = lines.findIndex((l) => l.trim() === 'Publications');
  const firstPublished = lines.findIndex((l) => PUBLISHED.test(l.trim()));
  const personEnd = pubsAt !== -1 ? pubsAt : firstPublished !== -1 ? Math.max(0, firstPublished - 2) : lines.length;
  const { author, used } = parseOpenReviewPerson(lines, personEnd);
  for (let i = 0; i < personEnd; i++) {
    if (lines[i]!.trim() !== '' && !used.has(i)) skipped.push({ line: i + 1, text: lines[i]!, reason: 'page menu or profile detail Lectern does not read' });
  }

  const papers: ParsedPaper[] = [];
  let pending: number[] = [];
  let endedBy: number | null = null;
  let seenDate = false;
  let i = pubsAt !== -1 ? pubsAt + 1 : personEnd;
  for (; i < lines.length; i++) {
    const t = lines[i]!.trim();
    if (t === '') continue;
    if ((SECTION_HEADINGS.has(t) && t !== 'Publications') || FOOTER_START.has(t)) {
      endedBy = i;
      break;
    }
    const pub = PUBLISHED.exec(t);
    if (!pub) {
      pending.push(i);
      continue;
    }
    // A paste that starts inside the list: one line above the first date is its authors line, not a title.
    const cutAtStart = pubsAt === -1 && author === null && !seenDate && pending.length === 1;
    seenDate = true;
    const { paper, next } = readPublication(lines, cutAtStart ? [] : pending, i, pub, skipped);
    if (paper) papers.push(paper);
    else {
      const reason = cutAtStart ? 'part of a publication whose title is not in the paste' : 'publication date with no title above it';
      for (const k of [...(cutAtStart ? pending : []), ...range(i, next)]) if (lines[k]!.trim() !== '') skipped.push({ line: k + 1, text: lines[k]!, reason });
    }
    pending = [];
    i = next;
  }
  let incompleteTail: ParseOutcome['report']['incompleteTail'] = null;
  if (pending.length > 0 && endedBy === null && papers.length > 0) {
    incompleteTail = { line: pending[0]! + 1, text: lines[pending[0]!]!.trim(), missing: 'its publication date and venue' };
  } else {
    for (const p of pending) skipped.push({ line: p + 1, text: lines[p]!, reason: 'not part of a publication' });
  }
  if (endedBy !== null) {
    for (let k = endedBy; k < lines.length; k++) {
      if (lines[k]!.trim() !== '') skipped.push({ line: k + 1, text: lines[k]!, reason: 'co-authors or page footer, not a publication' });
    }
  }
  skipped.sort((a, b) => a.line - b.line);
  return {
    profile: { source: 'openreview', source_url_hint: 'https://openreview.net/profile?id=~First_Last1', author, papers },
    report: { skipped, incompleteTail, warnings },
  };
}

/** The indices from..to, both included. */
function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let k = from; k <= to; k++) out.push(k);
  return out;
}

/** One publication from the lines above its `Published:` line (title first, authors last) and the lines below. */
function readPublication(lines: readonly string[], above: number[], at: number, pub: RegExpExecArray, skipped: SkippedLine[]): { paper: ParsedPaper | null; next: number } {
  // Venue and readers lines below the date.
  let venue: string | null = null;
  let readers: string | null = null;
  let next = at;
  for (let k = at + 1; k < lines.length && k <= at + 4; k++) {
    const t = lines[k]!.trim();
    if (t === '') continue;
    const r = READERS.exec(t);
    if (r) {
      readers = r[1]!.trim();
      next = k;
      break;
    }
    if (venue !== null || PUBLISHED.test(t) || SECTION_HEADINGS.has(t)) break;
    venue = t;
    next = k;
  }
  if (above.length === 0) return { paper: null, next };
  const titleAt = above.length >= 2 ? above.length - 2 : 0;
  for (let k = 0; k < titleAt; k++) skipped.push({ line: above[k]! + 1, text: lines[above[k]!]!, reason: 'not part of a publication' });
  const paper = emptyPaper(lines[above[titleAt]!]!.trim());
  if (above.length >= 2) {
    const list = splitAuthorList(lines[above[above.length - 1]!]!.trim());
    paper.authors = list.authors;
    paper.authors_truncated = list.truncated;
    paper.author_count = list.authorCount;
  }
  const published = parsePageDate(pub[1]!);
  if (published) {
    paper.date = published.date;
    paper.year = published.year;
  }
  paper.venue = venue;
  paper.type = openreviewType(venue);
  const modified = pub[2] ? parsePageDate(pub[2]) : null;
  const extra: Record<string, unknown> = {};
  if (modified?.date) extra.last_modified = modified.date;
  if (readers !== null) extra.readers = readers;
  paper.extra = extra;
  return { paper, next };
}

/** The OpenReview profile in the list of formats (formats.ts). */
export const openreviewFormat: PasteFormat = {
  id: 'openreview',
  source: 'openreview',
  label: 'OpenReview profile',
  site: 'OpenReview',
  isProfile: true,
  signatures: openreviewSignatures,
  parse: parseOpenReviewLines,
  noPapersHint: "no publication with a 'Published:' date was found. Copy the whole profile, down to the end of its Publications section.",
};
