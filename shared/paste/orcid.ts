/**
 * Parser for a pasted ORCID record (FORMATS.md section 4.7). The person part (name, iD, keywords,
 * employment) is read by orcid-record.ts; this file reads the works, which are only the blocks between
 * `Works (n)` and the next activity heading (`Peer review`): employment and education entries share
 * the work block's `Show more detail` / `Source:` shape and are never papers. Work block:
 *
 *   <Title> / [<Journal title>] / [<YYYY[-MM[-DD]]> | ]<Type> / [DOI: …] [EID: …] [PMID: …] [arXiv: …]
 *   Show more detail / Source: <name> / [Preferred source (of N)]
 *
 * Collapsed works show no contributors: authors are always []. Linear in the length of the paste.
 */
import { parsePageDate } from './dates';
import { ACTIVITY_HEADING, ORCID_URL, parseOrcidPerson, skippedBeforeWorks, validOrcidChecksum } from './orcid-record';
import { emptyPaper } from './paper-shape';
import type { ParsedPaper, ParseOutcome, SkippedLine } from './parsed';
import type { PasteFormat } from './paste-format';

const WORKS_HEADING = /^Works \((\d{1,6})\)$/;
const PREFERRED = /^Preferred source \(of (\d{1,3})\)$/;
/** `2025-09 | Journal article`. */
const DATED_TYPE = /^(\d{4}(?:-\d{2}){0,2}) \| ([A-Za-z][A-Za-z ,/&-]{1,60})$/;
/** Work types ORCID shows; a type line with no date must be one of these. */
const WORK_TYPES = new Set([
  'Journal article', 'Conference paper', 'Preprint', 'Book chapter', 'Book', 'Edited book', 'Other', 'Dissertation or Thesis',
  'Dissertation', 'Conference abstract', 'Conference poster', 'Conference presentation', 'Conference proceedings', 'Conference output',
  'Data set', 'Report', 'Working paper', 'Review', 'Book review', 'Encyclopedia entry', 'Dictionary entry', 'Lecture speech', 'Patent',
  'Software', 'Supervised student publication', 'Website', 'Translation', 'Magazine article', 'Newspaper article', 'Manual',
  'Online resource', 'Research technique', 'Research tool', 'Standards and policy', 'Technical standard', 'Journal issue',
  'Annotation', 'Physical object', 'Data management plan', 'Test', 'Invention', 'License', 'Trademark', 'Registered copyright',
]);
/** Identifier lines: `DOI: 10.5555/…`, `EID: 2-s2.0-…`, `PMID: …`, `arXiv: 2207.97939`, `ISBN: …`. */
const ID_LINE = /^(DOI|EID|PMID|PMC|PMCID|arXiv|ISBN|ISSN|Handle|URI|URL|Other identifier type|Source work ID|WOSUID|ETHOS|Bibcode|DNB): ?(\S.{0,300})$/;
/** Buttons and menus of the works list, never part of a work. */
const WORK_UI = new Set(['Sort', 'Show more detail', 'Show less detail', 'Expand all', 'Collapse all', 'Select all', 'Export', 'Export works', 'Actions', 'Add', 'Add works', 'Combine', 'Delete', 'Search & link', 'Add manually', 'Import works']);
/** The page footer below the activities. */
const FOOTER = new Set(['ORCID logo', 'About ORCID', 'Privacy Policy', 'Terms of Use', 'Accessibility Statement', 'Contact us', 'Dispute procedures', 'Brand Guidelines']);
const ID_KEYS: Record<string, 'doi' | 'eid' | 'pmid' | 'arxiv'> = { DOI: 'doi', EID: 'eid', PMID: 'pmid', arXiv: 'arxiv' };

/** How many ORCID signature line shapes the lines show (FORMATS.md section 2). */
export function orcidSignatures(lines: readonly string[]): number {
  let score = 0;
  for (const raw of lines) {
    const line = raw.trim();
    if (ORCID_URL.test(line) || WORKS_HEADING.test(line) || PREFERRED.test(line) || (line.startsWith('Source: ') && line.length < 120)) score++;
    else {
      const typed = DATED_TYPE.exec(line);
      if (typed && WORK_TYPES.has(typed[2]!)) score++;
    }
  }
  return score;
}

/** The type line of a work: dated (`2025 | Preprint`) or a known type alone (`Preprint`). */
function typeLine(line: string): { date: string | null; type: string } | null {
  const m = DATED_TYPE.exec(line);
  if (m) return { date: m[1]!, type: m[2]!.trim() };
  return WORK_TYPES.has(line) ? { date: null, type: line } : null;
}

interface WorkBlock {
  start: number;
  lines: Array<{ index: number; text: string }>;
}

/**
 * Parse an ORCID record from its normalised lines.
 * @param lines normaliseLines of the paste
 * @returns the profile in the fixture shape and a report (skipped lines, a work cut at the end of the
 *   paste, warnings such as an iD whose check digit is wrong). Never throws for odd content.
 */
export function parseOrcidLines(lines: readonly string[]): ParseOutcome {
  const skipped: SkippedLine[] = [];
  const warnings: string[] = [];
  let worksAt = lines.findIndex((l) => WORKS_HEADING.test(l.trim()));
  const hasWorks = worksAt !== -1;
  const { author, used } = parseOrcidPerson(lines, hasWorks ? worksAt : lines.length, warnings);
  // No `Works (n)` heading and no person part: a window of the works list, read from its first line.
  if (!hasWorks) worksAt = author === null ? -1 : lines.length;
  skippedBeforeWorks(lines, Math.max(worksAt, 0), used, skipped);
  if (author && hasWorks) author.metrics.paper_count = Number(WORKS_HEADING.exec(lines[worksAt]!.trim())![1]);

  const blocks: WorkBlock[] = [];
  let current: WorkBlock | null = null;
  let last: WorkBlock | null = null;
  let end = lines.length;
  for (let i = worksAt + 1; i < lines.length; i++) {
    const text = lines[i]!.trim();
    if (text === '' || WORK_UI.has(text)) continue;
    if (ACTIVITY_HEADING.test(text) || FOOTER.has(text) || text.startsWith('The text of this website is published under')) {
      end = i;
      break;
    }
    const preferred = PREFERRED.exec(text);
    if (preferred && last && current === null) {
      last.lines.push({ index: i, text });
      continue;
    }
    if (current === null) current = { start: i, lines: [] };
    current.lines.push({ index: i, text });
    if (text.startsWith('Source: ')) {
      blocks.push(current);
      last = current;
      current = null;
    }
  }
  for (let i = end; i < lines.length; i++) {
    if (lines[i]!.trim() !== '') skipped.push({ line: i + 1, text: lines[i]!, reason: 'after the works (peer review or page footer)' });
  }

  const papers: ParsedPaper[] = [];
  for (const block of blocks) {
    const paper = buildWork(block, skipped, lines);
    if (paper) papers.push(paper);
  }
  skipped.sort((a, b) => a.line - b.line);
  let incompleteTail: ParseOutcome['report']['incompleteTail'] = null;
  if (current !== null) {
    const cut = current as WorkBlock;
    const title = cut.lines[0]!;
    incompleteTail = { line: title.index + 1, text: title.text, missing: cut.lines.some((l) => typeLine(l.text)) ? 'its source' : 'its type, identifiers and source' };
  }
  if (author?.metrics.paper_count !== undefined && author.metrics.paper_count > papers.length) {
    warnings.push(`The record says it has ${author.metrics.paper_count} works; the paste holds ${papers.length}. ORCID groups versions of a work, and a collapsed section is not copied.`);
  }
  const id = author?.ids.orcid;
  return {
    profile: { source: 'orcid', source_url_hint: id ? `https://orcid.org/${id}` : 'https://orcid.org/<iD>', author, papers },
    report: { skipped, incompleteTail, warnings },
  };
}

function buildWork(block: WorkBlock, skipped: SkippedLine[], source: readonly string[]): ParsedPaper | null {
  const typeAt = block.lines.findIndex((l, i) => i > 0 && typeLine(l.text) !== null);
  const first = block.lines[0]!;
  if (first.text.startsWith('Source: ') || typeLine(first.text) !== null || ID_LINE.test(first.text)) {
    // The paste starts inside this work: its title was not copied.
    for (const l of block.lines) skipped.push({ line: l.index + 1, text: source[l.index]!, reason: 'part of a work whose title is not in the paste' });
    return null;
  }
  const paper = emptyPaper(first.text);
  const extra: Record<string, unknown> = { source_count: 1 };
  const other: Record<string, string> = {};
  const ids: ParsedPaper['ids'] = {};
  // Lines between the title and the type line: the journal (or venue) title.
  const venueLines = typeAt > 1 ? block.lines.slice(1, typeAt) : [];
  if (venueLines.length > 0) paper.venue = venueLines.map((l) => l.text).join(' ');
  if (typeAt > 0) {
    const t = typeLine(block.lines[typeAt]!.text)!;
    paper.type = t.type;
    if (t.date) {
      const d = parsePageDate(t.date);
      if (d) {
        paper.date = d.date;
        paper.year = d.year;
      }
    }
  }
  const rest = block.lines.slice(typeAt > 0 ? typeAt + 1 : 1);
  for (const { index, text } of rest) {
    const id = ID_LINE.exec(text);
    const preferred = PREFERRED.exec(text);
    if (text.startsWith('Source: ')) extra.source = text.slice('Source: '.length).trim();
    else if (preferred) extra.source_count = Number(preferred[1]);
    else if (id) {
      const key = ID_KEYS[id[1]!];
      if (key) ids[key] = id[2]!.trim();
      else other[id[1]!] = id[2]!.trim();
    } else if (typeAt <= 0 && paper.venue === null) paper.venue = text;
    else skipped.push({ line: index + 1, text: source[index]!, reason: 'line of an ORCID work Lectern does not read' });
  }
  paper.ids = ids;
  if (Object.keys(other).length > 0) extra.other_ids = other;
  paper.extra = { source: extra.source ?? null, source_count: extra.source_count, ...(extra.other_ids ? { other_ids: extra.other_ids } : {}) };
  return paper;
}

/** The ORCID record in the list of formats (formats.ts). */
export const orcidFormat: PasteFormat = {
  id: 'orcid',
  source: 'orcid',
  label: 'ORCID record',
  site: 'ORCID',
  isProfile: true,
  signatures: orcidSignatures,
  parse: parseOrcidLines,
  noPapersHint: "no work was found after the 'Works' heading. Open the record, expand the Works section and copy the whole page.",
};

export { validOrcidChecksum };
