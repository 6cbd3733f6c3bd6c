/**
 * One arXiv entry read from its lines, for the three templates (FORMATS.md section 4.5):
 *
 *   listing      [k] arXiv:<id> … / Title: <t> / <A>, <B> / [Comments: …] / Subjects: … / ∅ / <abstract>
 *   author page  [k] arXiv:<id> … / Title: <t> / Authors: <A>, <B>* / [Comments: …] [Journal-ref: …] [DOI: …] / Subjects: …
 *   search       arXiv:<id> [pdf, other] / cs.CL cs.LG / <title> / Authors: … / Abstract: … ▽ More /
 *                Submitted <date>; v1 submitted <date>; originally announced <Month YYYY>. / [Comments: …] [Journal ref: …]
 *
 * Labels may be glued in one line (`Title: T Comments: C Subjects: S`). An entry is a paper once it has
 * a title and at least one subject code (every arXiv entry shows them); the reader says what is missing
 * otherwise. Linear: each line is looked at once.
 */
import { splitAuthorList } from './author-lists';
import { applyIdLine, applyLabel, categoryTags, isArxivChrome, isJavaScriptNotice, splitAtFirstLabel, splitLabelled, type IdLine, type Labelled } from './arxiv-common';
import { parsePageDate } from './dates';
import type { ParsedPaper, SkippedLine } from './parsed';
import { emptyPaper } from './paper-shape';

export type ArxivTemplate = 'listing' | 'author' | 'search';

/** An entry's identifier line and the non-blank lines after it (blank lines kept as ''). */
export interface Entry {
  start: number;
  idLine: IdLine;
  lines: Array<{ index: number; text: string }>;
}

/** What reading an entry gave: the paper, or what the entry lacks to be one. */
export interface EntryResult {
  paper: ParsedPaper | null;
  /** `title`, `subjects`, … when the entry is not a paper. */
  missing: string | null;
  /** First line of the entry's title, for messages. */
  titleText: string | null;
}

const MORE = '▽ More';
const LESS = '△ Less';

/**
 * `Abstract: <text>… ▽ More` -> text without the marker, and whether the page cut it. A converter that
 * copies the hidden full abstract too gives `<short>… ▽ More <full> △ Less`: the full text is read.
 */
function readAbstract(value: string): { text: string; truncated: boolean } {
  let text = value;
  let truncated = false;
  const more = text.indexOf(MORE);
  if (more >= 0 && text.endsWith(LESS)) return { text: text.slice(more + MORE.length, -LESS.length).trim(), truncated: false };
  if (text.endsWith(MORE)) {
    truncated = true;
    text = text.slice(0, -MORE.length).trim();
    if (text.endsWith('…')) text = text.slice(0, -1).trim();
    else if (text.endsWith('...')) text = text.slice(0, -3).trim();
  } else if (text.endsWith(LESS)) text = text.slice(0, -LESS.length).trim();
  return { text, truncated };
}

/**
 * `Submitted 2 September, 2025; v1 submitted 4 July, 2025; originally announced July 2025.` (or
 * `v1submitted`). The paper's date is the first version's (the month its identifier encodes); the latest submission
 * and the announcement go to extra.
 */
function applySubmitted(paper: ParsedPaper, line: string): boolean {
  if (!line.startsWith('Submitted ')) return false;
  let first: ReturnType<typeof parsePageDate> = null;
  for (const raw of line.split(';')) {
    const part = raw.trim();
    if (part.startsWith('Submitted ')) {
      const d = parsePageDate(part.slice('Submitted '.length));
      if (d) {
        paper.extra.submitted = d.date;
        first ??= d;
      }
    } else if (part.startsWith('v1 submitted ') || part.startsWith('v1submitted ')) {
      // `<span>v1</span>submitted` in the page: some copies glue the two.
      const d = parsePageDate(part.slice(part.indexOf('submitted ') + 'submitted '.length));
      if (d) first = d;
    } else if (part.startsWith('originally announced ')) {
      const value = part.slice('originally announced '.length);
      paper.extra.announced = value.endsWith('.') ? value.slice(0, -1) : value;
    }
  }
  if (first) {
    paper.date = first.date;
    paper.year = first.year;
  }
  return true;
}

/**
 * Search: a line of tags (or what follows the format list on the id line): category codes and
 * `doi 10.…` (also glued `doi10.…`).
 * @returns the codes and the DOI, or null when a token is neither (the line is not a tag line)
 */
function readTags(text: string): { cats: string[]; doi: string | null } | null {
  const tokens = text.split(' ').filter((t) => t !== '');
  const cats: string[] = [];
  let doi: string | null = null;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (categoryTags(t)) cats.push(t);
    else if ((t === 'doi' || t === 'DOI') && tokens[i + 1]?.startsWith('10.')) doi = tokens[++i]!;
    else if (t.startsWith('doi10.')) doi = t.slice(3);
    else if (t !== 'doi') return null;
  }
  return { cats: [...new Set(cats)], doi };
}

/** Fill the category codes and DOI of a tag line; false when the line is not one. */
function applyTags(paper: ParsedPaper, text: string): boolean {
  const tags = readTags(text);
  if (!tags || (tags.cats.length === 0 && tags.doi === null && text !== 'doi')) return false;
  if (tags.cats.length > 0 && paper.category.length === 0) paper.category = tags.cats;
  if (tags.doi) paper.ids.doi = tags.doi;
  return true;
}

/** An author list, not prose: no sentence end and short comma-separated items. */
function looksLikeAuthorLine(text: string): boolean {
  if (text.endsWith('.') && !text.endsWith('et al.') && !text.endsWith('not shown)')) return false;
  return text.split(',').every((item) => item.length <= 80 && item.trim().split(' ').length <= 6);
}

/**
 * Read one entry.
 * @param entry the id line and the lines up to the next entry or page heading
 * @param template which arXiv page the entry comes from
 * @param skipped lines the entry does not use are added here (1-based line numbers, text as normalised)
 * @param isLast the entry is the last of the paste: an abstract that stops mid-sentence is marked truncated
 */
export function readEntry(entry: Entry, template: ArxivTemplate, skipped: SkippedLine[], isLast: boolean): EntryResult {
  const paper = emptyPaper('-');
  applyIdLine(paper, entry.idLine);
  if (template === 'search') applyTags(paper, entry.idLine.rest);
  let title: string | null = null;
  let authorsText: string | null = null;
  let abstractLines: string[] = [];
  let phase: 'head' | 'abstract' | 'after' = 'head';
  let blankSinceTitle = false;
  let subjectsSeen = false;
  let abstractPending = false;
  const skip = (index: number, text: string, reason: string) => skipped.push({ line: index + 1, text, reason });
  /** Fill what labelled parts say (`Title:`, `Authors:`, `Abstract:`, and the rest through applyLabel). */
  const applyParts = (parts: Labelled[]) => {
    for (const part of parts) {
      if (part.label === 'Title:') title ??= part.value || null;
      else if (part.label === 'Authors:') authorsText ??= part.value;
      else if (part.label === 'Abstract:') {
        const a = readAbstract(part.value);
        if (a.text !== '') abstractLines = [a.text];
        // `Abstract:` alone: a converter put the text on the next line.
        abstractPending = a.text === '' && !a.truncated;
        paper.abstract_truncated = a.truncated;
      } else {
        if (part.label === 'Subjects:') subjectsSeen = true;
        applyLabel(paper, part);
      }
    }
  };
  // `[1] arXiv:… [pdf]Title: …`: a converter glued the first label to the identifier line.
  const gluedToId = template === 'search' ? null : splitLabelled(entry.idLine.rest);
  if (gluedToId) applyParts(gluedToId);

  for (const { index, text: raw } of entry.lines) {
    const text = raw.trim();
    if (text === '') {
      if (phase === 'abstract') phase = 'after';
      else if (title !== null) blankSinceTitle = true;
      continue;
    }
    if (phase === 'after' || isArxivChrome(text)) {
      skip(index, raw, phase === 'after' ? 'after the entry' : 'arXiv page link');
      continue;
    }
    const parts = phase === 'head' ? splitLabelled(text) : null;
    if (parts) {
      applyParts(parts);
      continue;
    }
    if (isJavaScriptNotice(text)) continue;
    if (template === 'search') {
      if (applySubmitted(paper, text)) continue;
      if (title === null && applyTags(paper, text)) continue;
      if (title === null && text.startsWith('10.') && text.includes('/') && !text.includes(' ')) {
        // The DOI of a `doi` tag that a converter put on its own line.
        paper.ids.doi = text;
        continue;
      }
      if (text === MORE) paper.abstract_truncated = true;
      else if (text.endsWith(LESS) && abstractLines.length > 0) {
        // The full abstract on a line of its own after the short one.
        abstractLines = [readAbstract(text).text];
        paper.abstract_truncated = false;
      } else if (abstractPending) {
        const a = readAbstract(text);
        abstractLines = [a.text];
        paper.abstract_truncated = a.truncated;
        abstractPending = false;
      } else if (title === null) title = text;
      else skip(index, raw, 'not part of a search result');
      continue;
    }
    if (phase === 'head' && title !== null && authorsText === null && !blankSinceTitle) {
      // The author line, possibly with labels glued to its end (`A, BComments: …`).
      const glued = splitAtFirstLabel(text);
      const names = glued ? glued.prefix : text;
      if (!subjectsSeen || looksLikeAuthorLine(names)) {
        authorsText = names;
        if (glued) applyParts(glued.parts);
        continue;
      }
    }
    // Only listings print an abstract under the labels; author pages have none.
    if (template === 'listing' && phase === 'head' && title !== null && (subjectsSeen || blankSinceTitle)) phase = 'abstract';
    if (phase === 'abstract') abstractLines.push(text);
    else skip(index, raw, 'not part of an arXiv entry');
  }

  if (title === null) return { paper: null, missing: 'title', titleText: null };
  if (paper.category.length === 0) return { paper: null, missing: 'subjects', titleText: title };
  paper.title = title;
  if (authorsText !== null) {
    const list = splitAuthorList(authorsText);
    paper.authors = list.authors;
    paper.authors_truncated = list.truncated;
    paper.author_count = list.authorCount;
    paper.equal_contribution = list.equalContribution;
  }
  if (abstractLines.length > 0) {
    paper.abstract = abstractLines.join('\n');
    if (isLast && template !== 'search' && phase === 'abstract' && !endsLikeSentence(paper.abstract)) paper.abstract_truncated = true;
  }
  return { paper, missing: null, titleText: title };
}

/** A paste cut in the last abstract ends mid-word; a whole abstract ends with punctuation, math or a URL. */
function endsLikeSentence(text: string): boolean {
  const last = text[text.length - 1]!;
  if ('.!?)]}"\'”’»$'.includes(last)) return true;
  const space = text.lastIndexOf(' ');
  const word = text.slice(space + 1);
  return word.includes('://') || word.startsWith('www.');
}

/**
 * Group lines into entries: an entry starts at a line `matchId` accepts and ends before the next one,
 * or before a line `isBoundary` accepts (page headings, footers).
 * @returns the entries, and the indexes of the non-blank lines outside every entry, for the caller
 */
export function groupEntries(
  lines: readonly string[],
  matchId: (line: string) => IdLine | null,
  isBoundary: (line: string) => boolean,
): { entries: Entry[]; outside: number[] } {
  const entries: Entry[] = [];
  const outside: number[] = [];
  let current: Entry | null = null;
  lines.forEach((line, index) => {
    const text = line.trim();
    const id = matchId(text);
    if (id) {
      current = { start: index, idLine: id, lines: [] };
      entries.push(current);
    } else if (text !== '' && isBoundary(text)) {
      current = null;
      outside.push(index);
    } else if (current) current.lines.push({ index, text: line });
    else if (text !== '') outside.push(index);
  });
  return { entries, outside };
}

/** What the parsers do with entries: papers, skipped lines, a cut last entry and warnings. */
export function readEntries(
  entries: readonly Entry[],
  template: ArxivTemplate,
  lines: readonly string[],
  skipped: SkippedLine[],
  warnings: string[],
  onPaper: (paper: ParsedPaper, entry: Entry) => void = () => {},
): { papers: ParsedPaper[]; incompleteTail: { line: number; text: string; missing: string } | null } {
  const papers: ParsedPaper[] = [];
  let incompleteTail: { line: number; text: string; missing: string } | null = null;
  entries.forEach((entry, n) => {
    const isLast = n === entries.length - 1;
    const result = readEntry(entry, template, skipped, isLast);
    if (result.paper) {
      onPaper(result.paper, entry);
      papers.push(result.paper);
      return;
    }
    const missing = result.missing === 'title' ? 'its title' : 'its Subjects line';
    if (isLast) incompleteTail = { line: entry.start + 1, text: lines[entry.start]!, missing };
    else {
      skipped.push({ line: entry.start + 1, text: lines[entry.start]!, reason: `arXiv entry without ${missing}` });
      warnings.push(`The entry on line ${entry.start + 1} has no ${result.missing === 'title' ? 'title' : 'Subjects line'}; it was left out.`);
    }
  });
  skipped.sort((a, b) => a.line - b.line);
  return { papers, incompleteTail };
}
