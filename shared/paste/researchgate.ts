/**
 * Parser for a pasted ResearchGate profile (FORMATS.md section 4.8, low confidence: reconstructed):
 *
 *   cookie banner / <Name> / [degree] / <Position> at <Institution> / <Institution> · <Department>
 *   value/label pairs `19 / Publications`, `12,486 / Reads`, `1,204 / Citations` (or glued `12,486Reads`)
 *   Introduction / Skills and Expertise / Publications (19)
 *   per item: <Type> / [Full-text available] / <Title> / <Month YYYY>[ · <Venue>[ VOL(ISSUE):PAGES]]
 *             / [DOI:10.…] / <A> · <B> · [...] · <Z> / Download|Request full-text / Cite / Share
 *
 * Records are anchored on the type line only (`Article`, `Conference Paper`, ...); inside a record each
 * line is recognised by its shape, so a missing date, DOI or full-text line shifts nothing. Names glued
 * together (when the `·` separators are drawn by CSS) are split at a lower-to-upper case change.
 */
import { splitAuthorList } from './author-lists';
import { parseCount } from './normalise';
import { contentLines, countBeforeLabel, findMonthYear, isCapital, isChromeLine, isLower, isNameWord, NAME_PARTICLES } from './page-chrome';
import type { ParsedAuthor, ParsedPaper, ParseOutcome, ProfileMetrics, SkippedLine } from './parsed';
import { emptyAuthor, emptyPaper } from './paper-shape';
import type { PasteFormat } from './paste-format';

export const RG_TYPES = [
  'Article', 'Conference Paper', 'Preprint', 'Chapter', 'Thesis', 'Book', 'Poster', 'Presentation', 'Technical Report',
  'Working Paper', 'Research Proposal', 'Patent', 'Data', 'Dataset', 'Experiment Findings', 'Literature Review', 'Method', 'Book Review',
];
const FULL_TEXT = 'Full-text available';

/** The type line of a record: a type alone, or glued to `Full-text available`. */
export function matchTypeLine(line: string): { type: string; fullText: boolean } | null {
  const t = line.trim();
  for (const type of RG_TYPES) {
    if (t === type) return { type, fullText: false };
    if (t.startsWith(type) && t.endsWith(FULL_TEXT)) {
      const between = t.slice(type.length, t.length - FULL_TEXT.length).trim();
      if (between === '' || between === '·' || between === '•') return { type, fullText: true };
    }
  }
  return null;
}

const METRIC_LABELS: ReadonlyArray<{ label: string; key: 'paper_count' | 'reads' | 'citations' }> = [
  { label: 'Publications', key: 'paper_count' },
  { label: 'Research items', key: 'paper_count' },
  { label: 'Reads', key: 'reads' },
  { label: 'Citations', key: 'citations' },
];
const GLUED_PAIRS = /^(?:[\d,.]{1,12}[kKM]? ?(?:Publications|Research items|Reads|Citations) ?){2,4}$/;
const GLUED_PAIR = /([\d,.]{1,12}[kKM]?) ?(Publications|Research items|Reads|Citations)/g;
const PUBLICATIONS_HEADING = /^(?:Publications|Research items) \(([\d,]{1,9})\)$/;
const DEGREES = new Set(['PhD', 'Ph.D.', 'Ph.D', 'DPhil', 'MSc', 'M.Sc.', 'MD', 'MA', 'MS', 'BSc', 'MBA', 'Dr.', 'Doctor of Philosophy', 'Master of Science', 'Professor']);
const SECTION_HEADINGS = new Set(['Introduction', 'Skills and Expertise', 'About', 'Current institution', 'Current position', 'Projects', 'Network', 'Overview', 'Research', 'Stats', 'Top co-authors', 'Co-authors']);

/** How many ResearchGate signature line shapes the lines show (FORMATS.md section 2). */
export function researchgateSignatures(lines: readonly string[]): number {
  let score = 0;
  let previous = '';
  for (const raw of lines) {
    const line = raw.trim();
    if (line === '') continue;
    if (line === FULL_TEXT || line === 'Request full-text' || PUBLICATIONS_HEADING.test(line) || /^DOI:10\.\d{4,9}\//.test(line)) score++;
    else if ((line === 'Reads' || line === 'Research items') && parseCount(previous) !== null) score++;
    else if (countBeforeLabel(line, 'Reads') !== null || countBeforeLabel(line, 'Research items') !== null) score++;
    else if (GLUED_PAIRS.test(line) && (line.includes('Reads') || line.includes('Research items'))) score++;
    else if (findMonthYear(line)?.start === 0 && line.includes(' · ') && matchTypeLine(previous) === null && line.length < 300) score++;
    previous = line;
  }
  return score;
}

/** Split `Venue VOL(ISSUE):PAGES` into its parts; the venue is kept whole when its end is not that shape. */
export function splitVenueNumbers(venue: string): { venue: string; volume: string | null; issue: string | null; pages: string | null } {
  const cut = venue.lastIndexOf(' ');
  const last = cut >= 0 ? venue.slice(cut + 1) : '';
  const m = /^(\d{1,6})(?:\(([^()\s]{1,20})\))?(?::([^\s:]{1,40}))?$/.exec(last);
  if (!m || (m[2] === undefined && m[3] === undefined)) return { venue, volume: null, issue: null, pages: null };
  return { venue: venue.slice(0, cut).trim(), volume: m[1]!, issue: m[2] ?? null, pages: m[3] ?? null };
}

/**
 * Names glued together when the separators were CSS: `Wang XiaomingLi NaZhang Wei` -> three names. Cut
 * where a lower-case letter meets a capital, then join back a piece with no space in it to the piece
 * before it (`John Mc` + `Allister`): a glued person's name has at least two words.
 */
export function splitGluedNames(text: string): string[] {
  const pieces: string[] = [];
  let start = 0;
  for (let i = 1; i < text.length; i++) {
    if (isCapital(text[i]!) && isLower(text[i - 1]!)) {
      pieces.push(text.slice(start, i));
      start = i;
    }
  }
  pieces.push(text.slice(start));
  const names: string[] = [];
  for (const piece of pieces) {
    const p = piece.trim();
    if (p === '') continue;
    if (names.length > 0 && (!p.includes(' ') || !names[names.length - 1]!.includes(' '))) names[names.length - 1] += p;
    else names.push(p);
  }
  return names;
}

function readAuthors(text: string): { authors: string[]; truncated: boolean; equal: string[] } {
  if (text.includes('·')) {
    const list = splitAuthorList(text, '·');
    return { authors: list.authors, truncated: list.truncated, equal: list.equalContribution };
  }
  if (text.includes(', ')) {
    // Some copies print commas instead of the dots.
    const list = splitAuthorList(text, ',');
    return { authors: list.authors, truncated: list.truncated, equal: list.equalContribution };
  }
  // No separators: `[...]` may still stand between glued names.
  const parts = text.split('[...]');
  const authors = parts.flatMap((p) => splitGluedNames(p));
  return { authors, truncated: parts.length > 1, equal: [] };
}

/** ResearchGate's footer links, which look like names. */
const FOOTER_WORDS = new Set(['Company', 'Help Center', 'Business Solutions', 'Business solutions', 'Advertising', 'Recruiting', 'Careers', 'Support', 'News', 'Consent Preferences', 'Consent preferences', 'Scientific Recruitment']);
const CARD_BUTTONS = new Set(['Cite', 'Share', 'Recommend', 'Follow', 'Save', 'Download citation', 'Copy link']);

/**
 * Whether a line is a card's author list: names separated by `·` (one-word names allowed), or glued
 * names of two words or more each (so a footer word such as `Company` is not an author).
 */
function isAuthorLine(text: string): boolean {
  const { authors } = readAuthors(text);
  const dotted = text.includes('·') || text.includes(', ');
  return authors.length > 0 && authors.every((a) => looksLikeName(a) && (dotted || a.includes(' ')));
}

/**
 * Parse a ResearchGate profile from normalised lines.
 * @param lines normaliseLines of the paste (line i is line i+1)
 * @returns the profile (author null when no name was pasted) and a report of skipped lines and of a
 *   record cut at the end. Never throws; linear.
 */
export function parseResearchgateLines(lines: readonly string[]): ParseOutcome {
  const skipped: SkippedLine[] = [];
  const warnings: string[] = [];
  const starts: number[] = [];
  lines.forEach((l, i) => {
    if (matchTypeLine(l) && nextContent(lines, i) !== null) starts.push(i);
  });
  const headerEnd = starts.length > 0 ? starts[0]! : lines.length;
  const author = parseHeader(lines, headerEnd, skipped);
  const papers: ParsedPaper[] = [];
  let incompleteTail: ParseOutcome['report']['incompleteTail'] = null;
  starts.forEach((start, n) => {
    const end = n + 1 < starts.length ? starts[n + 1]! : lines.length;
    const isLast = n === starts.length - 1;
    const rec = readRecord(lines, start, end, skipped);
    if (!rec.paper || (isLast && rec.paper.authors.length === 0 && rec.paper.year === null)) {
      if (isLast) incompleteTail = { line: start + 1, text: rec.paper?.title ?? lines[start]!, missing: rec.paper ? 'authors and date' : 'title and authors' };
      else skipped.push({ line: start + 1, text: lines[start]!, reason: 'publication type with no title after it' });
      return;
    }
    if (rec.paper.authors.length === 0) {
      if (isLast) {
        incompleteTail = { line: start + 1, text: rec.paper.title, missing: 'authors' };
        return;
      }
      warnings.push(`Paper on line ${start + 1} ("${rec.paper.title}") has no authors.`);
    }
    papers.push(rec.paper);
  });
  skipped.sort((a, b) => a.line - b.line);
  if (author?.metrics.paper_count !== undefined && author.metrics.paper_count > papers.length) {
    warnings.push(`The profile says ${author.metrics.paper_count} publications; the paste holds ${papers.length}. ResearchGate loads more as you scroll.`);
  }
  return {
    profile: { source: 'researchgate', source_url_hint: 'https://www.researchgate.net/profile/<Name>', author, papers },
    report: { skipped, incompleteTail, warnings },
  };
}

function nextContent(lines: readonly string[], i: number): string | null {
  for (let j = i + 1; j < lines.length && j < i + 4; j++) if (lines[j]!.trim() !== '') return lines[j]!.trim();
  return null;
}

function readRecord(lines: readonly string[], start: number, end: number, skipped: SkippedLine[]): { paper: ParsedPaper | null } {
  const head = matchTypeLine(lines[start]!)!;
  let hasPdf: boolean | null = head.fullText ? true : null;
  let title: string | null = null;
  let authorLine: string | null = null;
  let dateLine: string | null = null;
  let doi: string | null = null;
  let citations: number | null = null;
  const extra: Record<string, unknown> = {};
  // The buttons end a card: what follows before the next type line is page footer or other text.
  let buttons = false;
  for (const { index, text } of contentLines(lines, start + 1, end)) {
    if (text === FULL_TEXT || text === 'File available') hasPdf = true;
    else if (text === 'Download') [hasPdf, buttons] = [true, true];
    else if (text === 'Request full-text') [hasPdf, buttons] = [hasPdf ?? false, true];
    else if (CARD_BUTTONS.has(text)) buttons = true;
    else if (isChromeLine(text)) continue;
    else if (buttons || FOOTER_WORDS.has(text)) {
      // The footer ends a card cut before its buttons too.
      buttons = true;
      skipped.push({ line: index + 1, text: lines[index]!, reason: 'after the publication (page footer or other text)' });
    } else if (text.startsWith('DOI:') || text.startsWith('DOI ')) doi = text.slice(4).trim() || null;
    else if (dateLine === null && isDateLine(text)) dateLine = text;
    else if (countBeforeLabel(text, 'Citations') !== null || countBeforeLabel(text, 'Citation') !== null) citations = countBeforeLabel(text, 'Citations') ?? countBeforeLabel(text, 'Citation');
    else if (countBeforeLabel(text, 'Reads') !== null) extra.reads = countBeforeLabel(text, 'Reads');
    else if (title === null) title = text;
    else if (authorLine === null && isAuthorLine(text)) authorLine = text;
    else skipped.push({ line: index + 1, text: lines[index]!, reason: 'not recognised in a ResearchGate publication' });
  }
  if (title === null) return { paper: null };
  const paper = emptyPaper(title);
  paper.type = head.type;
  // The page marks full texts ("Full-text available", a Download button); a card without the mark has none.
  paper.has_pdf = hasPdf ?? false;
  paper.citations = citations;
  if (doi) paper.ids.doi = doi;
  if (dateLine) readDateLine(dateLine, paper, extra);
  if (authorLine) {
    const a = readAuthors(authorLine);
    paper.authors = a.authors;
    paper.authors_truncated = a.truncated;
    paper.equal_contribution = a.equal;
  }
  paper.extra = extra;
  return { paper };
}

/** `March 2023`, `March 2023 · Venue`, `2019`, `2019 · Venue` (the separator may be glued). */
function isDateLine(text: string): boolean {
  if (text.length > 400) return false;
  if (findMonthYear(text)?.start === 0) return true;
  return /^(?:19|20)\d{2}(?:$| ?·)/.test(text);
}

function readDateLine(text: string, paper: ParsedPaper, extra: Record<string, unknown>): void {
  const my = findMonthYear(text);
  let rest: string;
  if (my && my.start === 0) {
    paper.date = my.date;
    paper.year = my.year;
    rest = text.slice(my.end);
  } else {
    paper.year = Number(text.slice(0, 4));
    rest = text.slice(4);
  }
  rest = rest.trim();
  if (rest.startsWith('·')) rest = rest.slice(1).trim();
  if (rest === '') return;
  const v = splitVenueNumbers(rest);
  paper.venue = v.venue || null;
  paper.pages = v.pages;
  if (v.volume) extra.volume = v.volume;
  if (v.issue) extra.issue = v.issue;
}

function parseHeader(lines: readonly string[], end: number, skipped: SkippedLine[]): ParsedAuthor | null {
  const content = contentLines(lines, 0, end);
  const used = new Set<number>();
  const metrics: ProfileMetrics = {};
  content.forEach(({ index, text }, k) => {
    if (GLUED_PAIRS.test(text)) {
      // `19Publications12,486Reads1,204Citations`: the pairs glued on one line.
      for (const m of text.matchAll(GLUED_PAIR)) {
        const key = METRIC_LABELS.find((l) => l.label === m[2])!.key;
        metrics[key] ??= parseCount(m[1]!) ?? undefined;
      }
      used.add(index);
      return;
    }
    const heading = PUBLICATIONS_HEADING.exec(text);
    if (heading) {
      metrics.paper_count ??= parseCount(heading[1]!) ?? undefined;
      used.add(index);
      return;
    }
    for (const { label, key } of METRIC_LABELS) {
      // `19 / Publications` (value first, as the grammar has it), glued `12,486Reads`, or label first.
      const glued = countBeforeLabel(text, label);
      const prev = k > 0 && !used.has(content[k - 1]!.index) ? content[k - 1]! : null;
      const next = content[k + 1] ?? null;
      const near = text !== label ? null : prev && parseCount(prev.text) !== null ? prev : next && parseCount(next.text) !== null ? next : null;
      const value = glued ?? (near ? parseCount(near.text) : null);
      if (value === null) continue;
      if (metrics[key] === undefined) metrics[key] = value;
      used.add(index);
      if (near) used.add(near.index);
      return;
    }
  });
  // The name: the line before the degree or `<Position> at <Institution>` line, else the first name-like line.
  // Only lines above the first section (`Introduction`, ...) can be the degree or position line.
  const sections = content.findIndex(({ text }) => SECTION_HEADINGS.has(text));
  const anchor = content.findIndex(({ text }, k) => (sections < 0 || k < sections) && (DEGREES.has(text) || (text.includes(' at ') && text.length < 200 && !isChromeLine(text))));
  let nameAt = -1;
  for (let k = anchor - 1; k >= 0; k--) {
    if (isChromeLine(content[k]!.text) || used.has(content[k]!.index)) continue;
    if (looksLikeName(content[k]!.text)) nameAt = k;
    break;
  }
  if (nameAt === -1 && Object.keys(metrics).length > 0) {
    // No degree or position line: the first name-like line before the profile's sections and figures
    // (with no figures at all, the paste starts inside the list and a short title must not become a name).
    for (let k = 0; k < content.length; k++) {
      const { text, index } = content[k]!;
      if (used.has(index) || SECTION_HEADINGS.has(text)) break;
      if (looksLikeName(text)) {
        nameAt = k;
        break;
      }
    }
  }
  if (nameAt === -1) {
    for (const { index, text } of content) if (!used.has(index)) skipped.push({ line: index + 1, text: lines[index]!, reason: 'before the first publication' });
    return null;
  }
  const author = emptyAuthor(content[nameAt]!.text);
  author.metrics = metrics;
  used.add(content[nameAt]!.index);
  let section = '';
  for (let k = nameAt + 1; k < content.length; k++) {
    const { index, text } = content[k]!;
    if (used.has(index) || isChromeLine(text)) continue;
    if (SECTION_HEADINGS.has(text)) {
      section = text;
      used.add(index);
      continue;
    }
    if (section === '' && DEGREES.has(text)) author.extra.degree = text;
    else if (section === '' && text.includes(' at ') && author.extra.position === undefined) {
      const at = text.indexOf(' at ');
      author.extra.position = text.slice(0, at).trim();
      author.affiliation = text.slice(at + 4).trim() || null;
    } else if (section === '' && text.includes(' · ') && author.extra.department === undefined) {
      const dot = text.indexOf(' · ');
      author.affiliation ??= text.slice(0, dot).trim();
      author.extra.department = text.slice(dot + 3).trim();
    } else if (section === 'Introduction' && author.extra.introduction === undefined) author.extra.introduction = text;
    else if (section === 'Skills and Expertise') author.interests.push(...text.split(' · ').map((s) => s.trim()).filter((s) => s !== ''));
    else continue;
    used.add(index);
  }
  for (const { index, text } of content) {
    if (!used.has(index) && !isChromeLine(text)) skipped.push({ line: index + 1, text: lines[index]!, reason: 'not part of the ResearchGate profile header' });
  }
  return author;
}

/** 1 to 6 words, each starting with a capital or in a script without case, no digits. */
function looksLikeName(text: string): boolean {
  if (text.length > 80 || isChromeLine(text) || /\d/.test(text)) return false;
  const words = text.split(' ');
  return words.length <= 6 && words.some((w) => !NAME_PARTICLES.has(w)) && words.every(isNameWord);
}

/** The ResearchGate profile in the list of formats (formats.ts). */
export const researchgateFormat: PasteFormat = {
  id: 'researchgate',
  source: 'researchgate',
  label: 'ResearchGate profile',
  site: 'ResearchGate',
  isProfile: true,
  signatures: researchgateSignatures,
  parse: parseResearchgateLines,
  noPapersHint: 'the paste has no publication lines such as "Article" followed by a title. Open the Research tab and copy the whole page, with the list of publications.',
};
