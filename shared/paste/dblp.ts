/**
 * Parser for a pasted dblp person page (FORMATS.md section 4.4):
 *
 *   menus / <Name> / Person information / Affiliation: <text> / Affiliation (former): <text>
 *   'showing all <N> records' / decade heading '2020 – today' / year heading '2024'
 *   per record: [<t><n>] / <Author>, <Author>[ (Eds.)]: / <Title>. <venue details>
 *   'Coauthor Index' and the footer
 *
 * Records are anchored on the label line only; year and decade headings, menus and the footer are never
 * papers. The venue details are read by dblp-venue.ts. Linear in the length of the paste.
 */
import { splitAuthorList } from './author-lists';
import { parseDblpCitation } from './dblp-venue';
import { emptyAuthor, emptyPaper } from './paper-shape';
import type { ParsedAuthor, ParsedPaper, ParseOutcome, SkippedLine } from './parsed';
import type { PasteFormat } from './paste-format';

/** `[j12]`: the record label; the letter is the publication type. */
const LABEL = /^\[([jcriebpdmw])(\d{1,5})\]$/;
const TYPES: Record<string, string> = {
  j: 'journal',
  c: 'conference',
  i: 'informal',
  e: 'editorship',
  b: 'book',
  p: 'part of book',
  r: 'reference',
  d: 'data',
  m: 'misc',
  w: 'withdrawn',
};
const YEAR_HEADING = /^\d{4}$/;
/** `2020 – today`, `2010 – 2019`: decades only (career ranges such as `2018 – 2023` on other sites are not headings). */
const DECADE_HEADING = /^\d{3}0 [–-] (?:today|\d{3}9)$/;
const RECORD_COUNT = /^showing (?:all )?([\d,]{1,9}) (?:of ([\d,]{1,9}) )?records$/;
const PERSON_INFORMATION = 'Person information';
const COAUTHOR_INDEX = 'Coauthor Index';
/** `Wei Chen 0007`: dblp's homonym number after a name. */
const HOMONYM = /^(.*\S) (\d{4})$/;
/** Lines between records that are page furniture, not part of a record. */
const SECTION_JUNK = new Set(['see FAQ', 'What is the meaning of the colors in the publication lists?']);

/** How many dblp signature line shapes the lines show (FORMATS.md section 2). */
export function dblpSignatures(lines: readonly string[]): number {
  let score = 0;
  for (const raw of lines) {
    const line = raw.trim();
    if (
      LABEL.test(line) ||
      line === PERSON_INFORMATION ||
      line === COAUTHOR_INDEX ||
      RECORD_COUNT.test(line) ||
      DECADE_HEADING.test(line) ||
      (line.includes('. CoRR abs/') && line.endsWith(')'))
    ) {
      score++;
    }
  }
  return score;
}

/** A name without its homonym number, and the number. */
function dropHomonym(name: string): { name: string; id: string | null } {
  const m = HOMONYM.exec(name);
  return m ? { name: m[1]!, id: m[2]! } : { name, id: null };
}

/** Read the author line `A, B 0007, C (Eds.):` (colon already checked). */
function parseAuthors(line: string): { authors: string[]; homonyms: Record<string, string>; editors: boolean } {
  let text = line.slice(0, -1).trim();
  let editors = false;
  for (const mark of ['(Eds.)', '(Ed.)']) {
    if (text.endsWith(mark)) {
      editors = true;
      text = text.slice(0, -mark.length).trim();
    }
  }
  const homonyms: Record<string, string> = {};
  const authors = splitAuthorList(text).authors.map((raw) => {
    const { name, id } = dropHomonym(raw);
    if (id !== null) homonyms[name] = id;
    return name;
  });
  return { authors, homonyms, editors };
}

/** One record of the list: its label line and the (at most two) lines after it. */
interface DblpRecord {
  labelIndex: number;
  label: string;
  type: string;
  lines: Array<{ index: number; text: string }>;
  /** The year heading above the record (used when the venue shows no year). */
  headingYear: number | null;
}

/**
 * Parse a dblp person page from its normalised lines.
 * @param lines normaliseLines of the paste (line i is line i+1 of the paste)
 * @returns the profile in the fixture shape (`author` null when the header was not pasted) and a report
 *   of skipped lines, a record cut off at the end, and warnings. Never throws for odd content.
 */
export function parseDblpLines(lines: readonly string[]): ParseOutcome {
  const skipped: SkippedLine[] = [];
  const warnings: string[] = [];
  const header = parseHeader(lines);
  const author = header?.author ?? null;
  const records: DblpRecord[] = [];
  let current: DblpRecord | null = null;
  let headingYear: number | null = null;
  let ended = false;
  lines.forEach((raw, index) => {
    const text = raw.trim();
    if (text === '') return;
    if (ended) {
      skipped.push({ line: index + 1, text: raw, reason: 'page footer after the Coauthor Index' });
      return;
    }
    const label = LABEL.exec(text);
    if (label) {
      current = { labelIndex: index, label: text, type: TYPES[label[1]!]!, lines: [], headingYear };
      records.push(current);
      return;
    }
    if (YEAR_HEADING.test(text)) {
      headingYear = Number(text);
      current = null;
      return;
    }
    if (text === COAUTHOR_INDEX) {
      ended = true;
      current = null;
      return;
    }
    if (DECADE_HEADING.test(text) || SECTION_JUNK.has(text)) {
      current = null;
      return;
    }
    if (current && current.lines.length < 2) {
      current.lines.push({ index, text });
      return;
    }
    if (current) skipped.push({ line: index + 1, text: raw, reason: 'after the title line of a dblp record' });
    else if (!header?.usedLines.has(index)) skipped.push({ line: index + 1, text: raw, reason: 'page menu or heading, not a dblp record' });
  });

  const papers: ParsedPaper[] = [];
  let incompleteTail: ParseOutcome['report']['incompleteTail'] = null;
  records.forEach((rec, n) => {
    const year = rec.headingYear;
    const authorLine = rec.lines.find((l) => l.text.endsWith(':'));
    const citationLine = rec.lines.find((l) => l !== authorLine);
    if (!citationLine) {
      const missing = authorLine ? 'title and venue' : 'authors, title and venue';
      if (n === records.length - 1) incompleteTail = { line: rec.labelIndex + 1, text: rec.label, missing };
      else skipped.push({ line: rec.labelIndex + 1, text: lines[rec.labelIndex]!, reason: `dblp record label with no ${missing} after it` });
      return;
    }
    let authorText = authorLine?.text ?? null;
    let citationText = citationLine.text;
    // Some converters glue the author line to the title line; on a person page every record has authors.
    const glue = authorText === null ? citationText.indexOf(': ') : -1;
    if (glue > 0) {
      authorText = citationText.slice(0, glue + 1);
      citationText = citationText.slice(glue + 2).trim();
    }
    // The last record of a paste cut inside its title line has no venue yet.
    if (n === records.length - 1 && parseDblpCitation(citationText).venue === null) {
      incompleteTail = { line: rec.labelIndex + 1, text: citationText, missing: 'the end of its title line (venue and year)' };
      return;
    }
    papers.push(buildPaper(rec, authorText, citationText, year, warnings, citationLine.index));
  });

  skipped.sort((a, b) => a.line - b.line);
  if (author?.metrics.paper_count !== undefined && author.metrics.paper_count > papers.length) {
    warnings.push(`The page says it shows ${author.metrics.paper_count} records; the paste holds ${papers.length}.`);
  }
  return {
    profile: { source: 'dblp', source_url_hint: 'https://dblp.org/pid/<pid>.html', author, papers },
    report: { skipped, incompleteTail, warnings },
  };
}

function buildPaper(rec: DblpRecord, authorLine: string | null, citation: string, headingYear: number | null, warnings: string[], index: number): ParsedPaper {
  const cite = parseDblpCitation(citation);
  const paper = emptyPaper(cite.title || citation);
  const extra: Record<string, unknown> = { dblp_label: rec.label };
  if (authorLine) {
    const { authors, homonyms, editors } = parseAuthors(authorLine);
    paper.authors = authors;
    if (Object.keys(homonyms).length > 0) extra.homonym_ids = homonyms;
    if (editors) extra.role = 'editor';
  }
  paper.type = rec.type;
  paper.venue = cite.venue;
  paper.pages = cite.pages;
  paper.year = cite.year ?? headingYear;
  if (cite.arxiv !== null) paper.ids = { arxiv: cite.arxiv };
  if (cite.volume !== null) extra.volume = cite.volume;
  if (cite.issue !== null) extra.issue = cite.issue;
  if (cite.isbn !== null) extra.isbn = cite.isbn;
  if (cite.venue === null) warnings.push(`Record ${rec.label} on line ${index + 1} has no venue Lectern could read; the whole line is kept as its title.`);
  paper.extra = extra;
  return paper;
}

/** The author card: the name above `Person information`, affiliations, and the record count. */
function parseHeader(lines: readonly string[]): { author: ParsedAuthor; usedLines: Set<number> } | null {
  const info = lines.findIndex((l) => l.trim() === PERSON_INFORMATION);
  let name: string | null = null;
  let nameIndex = -1;
  if (info > 0) {
    for (let i = info - 1; i >= 0; i--) {
      if (lines[i]!.trim() !== '') {
        name = lines[i]!.trim();
        nameIndex = i;
        break;
      }
    }
  }
  if (name === null) return null;
  const usedLines = new Set<number>([info, nameIndex]);
  const { name: bare, id } = dropHomonym(name);
  const author = emptyAuthor(bare);
  if (id !== null) author.extra.homonym_id = id;
  const former: string[] = [];
  const limit = Math.min(lines.length, info + 60);
  for (let i = info + 1; i < limit; i++) {
    const line = lines[i]!.trim();
    if (LABEL.test(line)) break;
    if (line.startsWith('Affiliation: ') && author.affiliation === null) {
      author.affiliation = line.slice('Affiliation: '.length).trim();
      usedLines.add(i);
    } else if (line.startsWith('Affiliation (former): ')) {
      former.push(line.slice('Affiliation (former): '.length).trim());
      usedLines.add(i);
    }
    const count = RECORD_COUNT.exec(line);
    if (count) {
      usedLines.add(i);
      const total = Number((count[2] ?? count[1])!.replace(/,/g, ''));
      if (Number.isFinite(total)) author.metrics.paper_count = total;
    }
  }
  if (former.length > 0) author.extra.former_affiliations = former;
  return { author, usedLines };
}

/** The dblp person page in the list of formats (formats.ts). */
export const dblpFormat: PasteFormat = {
  id: 'dblp',
  source: 'dblp',
  label: 'dblp person page',
  site: 'dblp',
  isProfile: true,
  signatures: dblpSignatures,
  parse: parseDblpLines,
  noPapersHint: "the paste has no records such as '[j12]' followed by authors and a title. Copy the whole person page, down to the Coauthor Index.",
};
