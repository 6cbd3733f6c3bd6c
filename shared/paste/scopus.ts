/**
 * Parser for a pasted Scopus author details page (FORMATS.md section 4.10, low-medium confidence):
 *
 *   menu + cookie banner / <Name> / <Surname, Given> / <affiliation> / Scopus ID: <digits>
 *   value/label metrics `21 / Documents by author`, `648 / Citations by 571 documents`, `13 / h-index:`
 *   tabs `Documents (21)`, `Cited by (571)`, ... (not papers) / Sort by / Date (newest)
 *   per item: Article | Conference Paper | Review [ • Open access] / <Title>
 *             <Surname, I.>, <Surname, I.-J.>, ...        (more than 6 authors: first 3, `...`, last)
 *             <Source>, <YEAR>, <VOL>(<ISSUE>), pp. <A–B> | …, <ARTNO> | <LNCS>, <YEAR>, <VOL> LNCS, pp. …
 *             Show abstract / Related documents / <N> / Citations
 *
 * Records are anchored on the document-type line. Names are kept as Scopus prints them (`Marchetti, J.-L.`):
 * the comma inside a name is told from the comma between names by the initials that follow it.
 */
import { parseCount } from './normalise';
import { contentLines, countAfterLabel, countBeforeLabel, isChromeLine, isInitials, isNameWord, NAME_PARTICLES } from './page-chrome';
import type { ParsedAuthor, ParseOutcome, ProfileMetrics, SkippedLine } from './parsed';
import { emptyAuthor, emptyPaper } from './paper-shape';
import type { PasteFormat } from './paste-format';
import { readTypeLedRecords, type TypeLedRecord, type TypeLedWords } from './type-led-records';

export const SCOPUS_TYPES = [
  'Article', 'Conference Paper', 'Review', 'Book Chapter', 'Book', 'Editorial', 'Letter', 'Note', 'Erratum', 'Short Survey', 'Data Paper',
  'Conference Review', 'Retracted', 'Preprint',
];
const OPEN_ACCESS = 'Open access';
const SCOPUS_UI = new Set(['Show abstract', 'Hide abstract', 'Related documents', 'View at Publisher', 'Full text options', 'View PDF', 'Preview', 'Export', 'Date (newest)', 'Date (oldest)', 'Cited by (highest)', 'Sort by', 'Sort on:', 'View h-graph', 'View all metrics', 'Set alert', 'Save to list', 'Edit profile', 'More', 'Author details', 'Analyze author output', 'Citation overview', 'Follow', 'Request author feedback']);
const TAB = /^(?:Documents|Cited by|Preprints|Co-Authors|Topics|Awarded grants|Beta) \([\d,]{1,9}\)$/;
const CITED_BY_DOCS = /^([\d,]{1,12})? ?Citations by ([\d,]{1,12}) documents?$/;
const SCOPUS_ID = /^(?:Scopus ID|Author ID):? ?(\d{5,15})$/;

/** The document-type line: `Article`, `Conference Paper • Open access` (the bullet may be missing). */
export function matchScopusType(line: string): { type: string; openAccess: boolean } | null {
  const t = line.trim();
  if (t.length > 60) return null;
  for (const type of SCOPUS_TYPES) {
    // Two-word types in any case (`Conference paper`); one-word ones exactly, so a line `review` is not a type.
    const shown = type.includes(' ') ? t.slice(0, type.length) : type;
    if (shown.toLowerCase() !== type.toLowerCase() || !t.startsWith(shown)) continue;
    if (t === shown) return { type: shown, openAccess: false };
    const rest = t.slice(shown.length).trim();
    if (rest.toLowerCase().endsWith(OPEN_ACCESS.toLowerCase())) {
      const between = rest.slice(0, rest.length - OPEN_ACCESS.length).trim();
      if (between === '' || between === '•' || between === '·') return { type: shown, openAccess: true };
    }
  }
  return null;
}

/** How many Scopus signature line shapes the lines show (FORMATS.md section 2). */
export function scopusSignatures(lines: readonly string[]): number {
  let score = 0;
  for (const raw of lines) {
    const line = raw.trim();
    if (line === 'Documents by author' || line === 'h-index:' || line === 'View h-graph' || line === 'Show abstract' || CITED_BY_DOCS.test(line) || SCOPUS_ID.test(line)) score++;
    else if (countBeforeLabel(line, 'Documents by author') !== null) score++;
    // A bare `Article` line is not counted: repositories and ResearchGate print the same word.
    else if (matchScopusType(line)?.openAccess) score++;
  }
  return score;
}

/**
 * Split a Scopus author line: `Yıldız, M., Kaya, A.-B., ..., Chen, X.` -> `['Yıldız, M.', 'Kaya, A.-B.', 'Chen, X.']`.
 * A `;` list is split on `;`. An item not followed by initials (an organisation) is a name of its own.
 */
export function splitScopusAuthors(line: string): { authors: string[]; truncated: boolean } {
  const authors: string[] = [];
  let truncated = false;
  const items = (line.includes(';') ? line.split(';') : line.split(',')).map((s) => s.trim()).filter((s) => s !== '');
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    if (item === '...' || item === '…' || item === '[...]') {
      truncated = true;
      continue;
    }
    const next = items[i + 1];
    if (!line.includes(';') && next !== undefined && isInitials(next) && !isInitials(item)) {
      authors.push(`${item}, ${next}`);
      i++;
    } else authors.push(item);
  }
  return { authors, truncated };
}

/** The parts of a source line: `<Source>, <YEAR>, <VOL>(<ISSUE>), pp. <A–B>` and its variants. */
export function splitScopusSource(line: string): { venue: string; year: number | null; volume: string | null; issue: string | null; pages: string | null; articleNo: string | null; series: string | null } {
  const items = line.split(', ');
  let y = -1;
  for (let i = items.length - 1; i >= 1; i--) {
    if (/^(?:19|20)\d{2}$/.test(items[i]!.trim())) {
      y = i;
      break;
    }
  }
  const out = { venue: line, year: null as number | null, volume: null as string | null, issue: null as string | null, pages: null as string | null, articleNo: null as string | null, series: null as string | null };
  if (y < 0) return out;
  out.venue = items.slice(0, y).join(', ').trim();
  out.year = Number(items[y]!.trim());
  for (const raw of items.slice(y + 1)) {
    const item = raw.trim().replace(/\.$/, '');
    const vol = /^(\d{1,6}) ?(?:\(([^()]{1,20})\))?$/.exec(item);
    const series = /^(\d{1,6}) ([A-Z]{2,6})$/.exec(item);
    if (vol && out.volume === null) {
      out.volume = vol[1]!;
      out.issue = vol[2] ?? null;
    } else if (series && out.volume === null) {
      out.volume = series[1]!;
      out.series = series[2]!;
    } else if (item.startsWith('pp. ') || item.startsWith('pp ')) out.pages = item.slice(item.indexOf(' ') + 1).trim();
    else if (item.startsWith('art. no. ')) out.articleNo = item.slice(9).trim();
    else if (item.startsWith('Article number ')) out.articleNo = item.slice(15).trim();
    else if (out.articleNo === null && out.pages === null && /^[A-Za-z]?\d{1,12}$/.test(item)) out.articleNo = item;
  }
  return out;
}

function isSourceLine(text: string): boolean {
  const items = text.split(', ');
  return items.length >= 2 && items.slice(1).some((i) => /^(?:19|20)\d{2}$/.test(i.trim()));
}

const SCOPUS_RECORD_WORDS: TypeLedWords = {
  missingAfterTitle: 'source and citations',
  noTitleReason: 'document type with no title after it',
  incompleteWarning: (line, title) => `Document on line ${line} ("${title}") has no source line.`,
};

/**
 * Parse a Scopus author page from normalised lines.
 * @param lines normaliseLines of the paste
 * @returns the profile and a report of skipped lines and of a record cut at the end. Never throws; linear.
 */
export function parseScopusLines(lines: readonly string[]): ParseOutcome {
  const skipped: SkippedLine[] = [];
  const warnings: string[] = [];
  const starts: number[] = [];
  lines.forEach((l, i) => {
    if (matchScopusType(l)) starts.push(i);
  });
  const author = parseHeader(lines, starts.length > 0 ? starts[0]! : lines.length, skipped);
  const { papers, incompleteTail } = readTypeLedRecords(lines, starts, (start, end) => readRecord(lines, start, end, skipped), SCOPUS_RECORD_WORDS, skipped, warnings);
  skipped.sort((a, b) => a.line - b.line);
  const count = author?.metrics.paper_count;
  if (count !== undefined && count > papers.length) {
    warnings.push(`Scopus counts ${count} documents; the paste holds ${papers.length}. Show more documents per page before copying to get the rest.`);
  }
  return {
    profile: { source: 'scopus', source_url_hint: 'https://www.scopus.com/authid/detail.uri?authorId=<digits>', author, papers },
    report: { skipped, incompleteTail, warnings },
  };
}

function readRecord(lines: readonly string[], start: number, end: number, skipped: SkippedLine[]): TypeLedRecord {
  const head = matchScopusType(lines[start]!)!;
  let title: string | null = null;
  let authorLine: string | null = null;
  let sourceLine: string | null = null;
  let abstract: string | null = null;
  let citations: number | null = null;
  const content = contentLines(lines, start + 1, end);
  // The citation count ends a document: what follows before the next type line is page footer or other text.
  let ended = false;
  content.forEach(({ index, text }, k) => {
    const label = text === 'Citations' || text === 'Citation';
    const glued = countBeforeLabel(text, 'Citations') ?? countBeforeLabel(text, 'Citation');
    const next = content[k + 1]?.text;
    if (label && citations !== null && !ended) {
      ended = true;
      return;
    }
    if (ended) {
      if (!isChromeLine(text) && !SCOPUS_UI.has(text)) skipped.push({ line: index + 1, text: lines[index]!, reason: 'after the document (page footer or other text)' });
      return;
    }
    if (glued !== null) [citations, ended] = [glued, true];
    else if (parseCount(text) !== null && (next === 'Citations' || next === 'Citation')) citations = parseCount(text);
    else if (label || SCOPUS_UI.has(text) || isChromeLine(text)) return;
    else if (title === null) title = text;
    else if (sourceLine === null && isSourceLine(text) && text.length < 400) sourceLine = text;
    else if (authorLine === null && sourceLine === null) authorLine = text;
    else if (abstract === null && text.length > 200) abstract = text;
    else skipped.push({ line: index + 1, text: lines[index]!, reason: 'not recognised in a Scopus document' });
  });
  if (title === null) return { paper: null, complete: false };
  const paper = emptyPaper(title);
  paper.type = head.type;
  paper.citations = citations;
  paper.abstract = abstract;
  if (head.openAccess) paper.extra.open_access = true;
  if (authorLine) {
    const a = splitScopusAuthors(authorLine);
    paper.authors = a.authors;
    paper.authors_truncated = a.truncated;
  }
  if (sourceLine) {
    const s = splitScopusSource(sourceLine);
    paper.venue = s.venue || null;
    paper.year = s.year;
    paper.pages = s.pages;
    if (s.volume) paper.extra.volume = s.volume;
    if (s.issue) paper.extra.issue = s.issue;
    if (s.articleNo) paper.extra.article_no = s.articleNo;
    if (s.series) paper.extra.series = s.series;
  }
  return { paper, complete: sourceLine !== null };
}

function parseHeader(lines: readonly string[], end: number, skipped: SkippedLine[]): ParsedAuthor | null {
  const content = contentLines(lines, 0, end);
  const used = new Set<number>();
  const metrics: ProfileMetrics = {};
  const ids: Record<string, string> = {};
  const valueNear = (k: number): { value: number; at: number } | null => {
    for (const j of [k - 1, k + 1]) {
      const c = content[j];
      if (c && !used.has(c.index)) {
        const v = parseCount(c.text);
        if (v !== null) return { value: v, at: c.index };
      }
    }
    return null;
  };
  content.forEach(({ index, text }, k) => {
    const id = SCOPUS_ID.exec(text);
    const cited = CITED_BY_DOCS.exec(text);
    const docs = text === 'Documents by author' ? -1 : countBeforeLabel(text, 'Documents by author');
    const h = text === 'h-index:' || text === 'h-index' ? -1 : (countAfterLabel(text, 'h-index:') ?? countBeforeLabel(text, 'h-index:'));
    const orcid = text.indexOf('orcid.org/');
    if (id) ids.scopus_author_id = id[1]!;
    else if (orcid >= 0 && /^\d{4}-\d{4}-\d{4}-\d{3}[\dX]$/.test(text.slice(orcid + 10))) ids.orcid = text.slice(orcid + 10);
    else if (cited) {
      const glued = cited[1] !== undefined ? parseCount(cited[1]) : null;
      const near = glued === null ? valueNear(k) : null;
      const value = glued ?? near?.value;
      if (value !== undefined && metrics.citations === undefined) metrics.citations = value;
      if (near) used.add(near.at);
      metrics.citing_documents ??= parseCount(cited[2]!) ?? undefined;
    } else if (docs !== null || h !== null) {
      const key = docs !== null ? 'paper_count' : 'h_index';
      const near = (docs ?? h) === -1 ? valueNear(k) : null;
      const value = near ? near.value : (docs ?? h)! >= 0 ? (docs ?? h)! : undefined;
      if (value !== undefined && metrics[key] === undefined) metrics[key] = value;
      if (near) used.add(near.at);
    } else if (!TAB.test(text) && !SCOPUS_UI.has(text)) return;
    used.add(index);
  });
  const free = content.filter(({ index, text }) => !used.has(index) && !isChromeLine(text) && !SCOPUS_UI.has(text));
  // The name is followed by its `Surname, Given` variant, whose surname is part of the name.
  let nameAt = free.findIndex((c, k) => {
    const next = free[k + 1];
    if (!next || c.text.includes(',') || c.text.length > 80) return false;
    const comma = next.text.indexOf(',');
    return comma > 0 && c.text.includes(next.text.slice(0, comma).trim());
  });
  const variant = nameAt >= 0;
  // Without the variant line, a name only in a header that has the author's figures or Scopus ID (a paste
  // that starts inside the list has neither, and a short title there must not become a name).
  if (nameAt < 0 && (Object.keys(metrics).length > 0 || Object.keys(ids).length > 0)) nameAt = free.findIndex((c) => looksLikeName(c.text));
  let author: ParsedAuthor | null = null;
  if (nameAt >= 0) {
    author = emptyAuthor(free[nameAt]!.text);
    used.add(free[nameAt]!.index);
    let k = nameAt + 1;
    if (variant) {
      author.extra.name_variant = free[k]!.text;
      used.add(free[k]!.index);
      k++;
    }
    const aff = free[k];
    if (aff && aff.text.length < 300) {
      author.affiliation = aff.text;
      used.add(aff.index);
    }
    author.ids = ids;
    author.metrics = metrics;
  }
  for (const { index, text } of content) {
    if (!used.has(index) && !isChromeLine(text) && !SCOPUS_UI.has(text)) skipped.push({ line: index + 1, text: lines[index]!, reason: author ? 'not part of the Scopus author header' : 'before the first document' });
  }
  return author;
}

const SITE_WORDS = new Set(['Scopus', 'Search', 'Lists', 'Sources', 'SciVal', 'Create account', 'Sign in', 'Author details', 'Back to results', 'Scopus Preview']);

function looksLikeName(text: string): boolean {
  if (text.length > 80 || SITE_WORDS.has(text) || /[\d:()]/.test(text)) return false;
  const words = text.split(' ');
  return words.length >= 1 && words.length <= 6 && words.some((w) => !NAME_PARTICLES.has(w)) && words.every(isNameWord);
}

/** The Scopus author page in the list of formats (formats.ts). */
export const scopusFormat: PasteFormat = {
  id: 'scopus',
  source: 'scopus',
  label: 'Scopus author page',
  site: 'Scopus',
  isProfile: true,
  signatures: scopusSignatures,
  parse: parseScopusLines,
  noPapersHint: 'the paste has no document lines such as "Article" followed by a title. Copy the whole page, with the Documents list showing.',
};
