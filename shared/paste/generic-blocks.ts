/**
 * Generic block parser for a page Lectern does not know (FORMATS.md section 5.0): institutional
 * repositories, lab publication pages, other paper sites. Never detected, only fallen back to.
 *
 *   1. Drop page furniture (buttons, menus, cookie and copyright lines); year headings (`2024`) give a
 *      year to the papers under them; link rows (`[PDF] [Code]`) set has_pdf / has_code.
 *   2. Anchor each paper on a line that dates or identifies it: a year, a date, a DOI or an arXiv id.
 *   3. Before the anchor: an author list line, and before it a title-like line. A paper needs both, so
 *      menus, footers and prose (an email, a news story, a README) make no paper.
 *   4. After the anchor: the venue when the anchor was only a date, identifiers, a type word, a count of
 *      citations, abstracts (long lines); every other line is kept in the paper's `extra.unparsed`.
 *   5. Lines no block took that read as one-line APA references (generic-references.ts) are papers too.
 *   Fields read by a guess (a one-name author list, a venue, a year taken from a heading) are listed in
 *   `extra.guessed`. A single paper is kept only when it has an identifier (one dated line in a page of
 *   prose is not a publication list).
 */
import { isLinkOrChrome, readAnchor, type Anchor } from './generic-anchor';
import { isTitleLike, readAuthorLine, TYPE_WORDS, linkWords, type GuessedAuthors } from './generic-lines';
import { readReferenceLine, splitReferenceVenue, type Reference } from './generic-references';
import { parseCount } from './normalise';
import type { ParsedPaper, ParseOutcome, SkippedLine } from './parsed';
import { emptyPaper } from './paper-shape';
import type { PasteFormat } from './paste-format';

interface Text {
  index: number;
  text: string;
  /** The year heading above the line, if any. */
  heading: number | null;
}

interface Block {
  title: Text;
  authors: { line: Text; list: GuessedAuthors } | null;
  anchor: Text;
  after: Text[];
  links: string[];
}

const YEAR_HEADING = /^(?:19|20)\d{2}$/;

/**
 * Parse an unknown page from normalised lines.
 * @param lines normaliseLines of the paste
 * @returns papers where a title, an author list and a dating or identifying line were found
 *   (source `generic`, author null), every other non-blank line in the report. Never throws; linear.
 */
export function parseGenericLines(lines: readonly string[]): ParseOutcome {
  const texts: Text[] = [];
  const links = new Map<number, string[]>();
  const furniture = new Set<number>();
  let heading: number | null = null;
  lines.forEach((raw, index) => {
    const text = raw.trim();
    if (text === '') return;
    // A year alone under a title and an author list dates that paper; elsewhere it heads the papers below.
    if (YEAR_HEADING.test(text) && !datesPaper(texts)) {
      heading = Number(text);
      furniture.add(index);
      return;
    }
    const words = linkWords(text);
    if (words) {
      links.set(texts.length, words);
      furniture.add(index);
      return;
    }
    if (isLinkOrChrome(text)) {
      furniture.add(index);
      return;
    }
    texts.push({ index, text, heading });
  });

  const blocks: Block[] = [];
  let lastAnchor = -1;
  const linkAt = (from: number, to: number): string[] => {
    const out: string[] = [];
    for (let k = from; k <= to; k++) out.push(...(links.get(k) ?? []));
    return out;
  };
  for (let p = 0; p < texts.length; p++) {
    const anchor = readAnchor(texts[p]!.text);
    if (!anchor) continue;
    const current = blocks[blocks.length - 1];
    const found = lookBack(texts, p, lastAnchor);
    if (found) {
      if (current) current.after.push(...texts.slice(lastAnchor + 1, found.titleAt));
      if (current) current.links.push(...linkAt(lastAnchor + 1, found.titleAt));
      blocks.push({ title: texts[found.titleAt]!, authors: found.authors, anchor: texts[p]!, after: [], links: [] });
      lastAnchor = p;
    } else if (current && p - lastAnchor <= 3) {
      current.after.push(...texts.slice(lastAnchor + 1, p + 1));
      current.links.push(...linkAt(lastAnchor + 1, p));
      lastAnchor = p;
    }
  }
  const last = blocks[blocks.length - 1];
  if (last) {
    // After the last paper: up to six more lines are its own (venue, identifiers, abstract); the rest is left.
    const tail = texts.slice(lastAnchor + 1, lastAnchor + 7);
    last.after.push(...tail);
    last.links.push(...linkAt(lastAnchor + 1, lastAnchor + 7));
  }
  const used = new Set<number>();
  const found: Array<{ at: number; paper: ParsedPaper }> = blocks.map((b) => ({ at: b.title.index, paper: toPaper(b) }));
  blocks.forEach((b) => {
    for (const t of [b.title, b.anchor, ...(b.authors ? [b.authors.line] : []), ...b.after]) used.add(t.index);
  });
  // One-line references (`Names (YYYY). Title. Venue.`) among the lines no block took.
  for (const t of texts) {
    if (used.has(t.index)) continue;
    const ref = readReferenceLine(t.text);
    if (!ref) continue;
    found.push({ at: t.index, paper: referencePaper(ref) });
    used.add(t.index);
  }
  let papers = found.sort((a, b) => a.at - b.at).map((f) => f.paper);
  if (papers.length === 1 && Object.keys(papers[0]!.ids).length === 0) {
    papers = [];
    used.clear();
  }
  const skipped: SkippedLine[] = [];
  lines.forEach((raw, index) => {
    if (raw.trim() === '' || used.has(index)) return;
    skipped.push({ line: index + 1, text: raw, reason: furniture.has(index) ? 'page furniture (menu, button, heading or link words)' : 'not part of a paper Lectern could find' });
  });
  const warnings = papers.length > 0 ? ['Lectern does not know this page: it guessed where each paper starts. Check titles, authors and venues before importing.'] : [];
  return { profile: { source: 'generic', author: null, papers }, report: { skipped, incompleteTail: null, warnings } };
}

/** Whether the last two lines kept are a title and an author list (a year alone after them dates that paper). */
function datesPaper(texts: readonly Text[]): boolean {
  const [beforeTitle, beforeAuthors] = [texts[texts.length - 2], texts[texts.length - 1]];
  return beforeTitle !== undefined && beforeAuthors !== undefined && readAuthorLine(beforeAuthors.text) !== null && isTitleLike(beforeTitle.text);
}

/**
 * The title and author lines before an anchor at texts[p], not reaching back past the previous anchor:
 * `<title> / <authors> / <anchor>`, or `<title> / <authors> / <one more line> / <anchor>`.
 */
function lookBack(texts: readonly Text[], p: number, lastAnchor: number): { titleAt: number; authors: Block['authors'] } | null {
  for (const gap of [0, 1]) {
    const a = p - 1 - gap;
    const t = a - 1;
    if (t <= lastAnchor) break;
    const list = readAuthorLine(texts[a]!.text);
    if (list && isTitleLike(texts[t]!.text) && !readAuthorLine(texts[t]!.text)?.authors.length) {
      return { titleAt: t, authors: { line: texts[a]!, list } };
    }
  }
  // `<title> / <venue, year> / <authors>`: the authors after the anchor.
  const t = p - 1;
  const after = texts[p + 1];
  const list = after ? readAuthorLine(after.text) : null;
  if (t > lastAnchor && list && !list.single && isTitleLike(texts[t]!.text) && !readAuthorLine(texts[t]!.text)) {
    return { titleAt: t, authors: { line: after!, list } };
  }
  return null;
}

function toPaper(block: Block): ParsedPaper {
  // A `Title: ` label (arXiv-like pages) is not part of the title.
  const title = block.title.text.startsWith('Title: ') && block.title.text.length > 7 ? block.title.text.slice(7).trim() : block.title.text;
  const paper = emptyPaper(title);
  const guessed = new Set<string>();
  const unparsed: string[] = [];
  if (block.authors) {
    paper.authors = block.authors.list.authors;
    paper.authors_truncated = block.authors.list.truncated;
    paper.author_count = block.authors.list.count;
    paper.equal_contribution = block.authors.list.equal;
    if (block.authors.list.single) guessed.add('authors');
  }
  const anchor: Anchor = readAnchor(block.anchor.text)!;
  applyAnchor(paper, anchor, guessed);
  let venueFromNext = anchor.kind !== 'reference';
  for (const line of block.after) {
    if (line === block.authors?.line) continue;
    const { text } = line;
    const a = readAnchor(text);
    const lower = text.toLowerCase();
    const cites = citedBy(text);
    if (TYPE_WORDS.has(lower)) paper.type ??= text;
    else if (cites !== null) paper.citations = cites;
    else if (a && a.kind !== 'reference') applyAnchor(paper, a, guessed);
    else if (venueFromNext && paper.venue === null && text.length <= 200 && readAuthorLine(text) === null) {
      paper.venue = text;
      if (a) applyAnchor(paper, a, guessed);
      guessed.add('venue');
      venueFromNext = false;
    } else if (text.length > 200 && paper.abstract === null) paper.abstract = text;
    else unparsed.push(text);
  }
  if (paper.year === null && block.anchor.heading !== null) {
    paper.year = block.anchor.heading;
    guessed.add('year');
  }
  if (block.links.includes('pdf')) paper.has_pdf = true;
  if (block.links.includes('code') || block.links.includes('github')) paper.has_code = true;
  if (guessed.size > 0) paper.extra.guessed = [...guessed];
  if (unparsed.length > 0) paper.extra.unparsed = unparsed;
  return paper;
}

/** Read an anchor line into the paper: identifiers, date and year, and the venue when the line is a reference. */
function applyAnchor(paper: ParsedPaper, anchor: Anchor, guessed: Set<string>): void {
  if (anchor.doi && !paper.ids.doi) paper.ids.doi = anchor.doi;
  if (anchor.arxiv && !paper.ids.arxiv) paper.ids.arxiv = anchor.arxiv;
  if (anchor.year !== null && paper.year === null) {
    paper.year = anchor.year;
    paper.date = anchor.date;
  }
  if (anchor.kind === 'reference' && paper.venue === null) {
    paper.venue = anchor.text;
    guessed.add('venue');
  }
}

function referencePaper(ref: Reference): ParsedPaper {
  const paper = emptyPaper(ref.title);
  paper.authors = ref.authors.authors;
  paper.authors_truncated = ref.authors.truncated;
  paper.author_count = ref.authors.count;
  paper.equal_contribution = ref.authors.equal;
  paper.year = ref.year;
  if (ref.venue !== null) {
    const v = splitReferenceVenue(ref.venue);
    paper.venue = v.venue;
    paper.pages = v.pages;
  }
  if (ref.doi) paper.ids.doi = ref.doi;
  if (ref.arxiv) paper.ids.arxiv = ref.arxiv;
  // The title ends at the first full stop: a title with one inside is cut there.
  paper.extra.guessed = ref.venue === null ? ['title'] : ['title', 'venue'];
  return paper;
}

/** `Cited by 12`, `12 citations`, `Citations: 12`. */
function citedBy(text: string): number | null {
  const lower = text.toLowerCase();
  if (lower.startsWith('cited by ')) return parseCount(text.slice(9));
  if (lower.startsWith('citations:')) return parseCount(text.slice(10));
  if (lower.endsWith(' citations') || lower.endsWith(' citation')) return parseCount(text.slice(0, text.lastIndexOf(' ')));
  return null;
}

/** The generic block parser in the list of formats (formats.ts): never detected, only fallen back to. */
export const genericFormat: PasteFormat = {
  id: 'generic',
  source: 'generic',
  label: 'page Lectern does not know',
  site: 'the pasted page',
  isProfile: false,
  signatures: () => 0,
  parse: parseGenericLines,
  noPapersHint: 'no part of it looks like a list of papers (a title, then its authors, then a year, a date, a DOI or an arXiv id).',
};
