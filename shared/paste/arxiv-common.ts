/**
 * What the three arXiv templates share (FORMATS.md section 4.5): identifiers with their version and the
 * old style (`cs/0612045`, `math.OC/0601001`), the `[k] arXiv:<id> [pdf, html, other]` line, the
 * `Subjects:` line read into category codes (primary first), and the labels (`Title:`, `Comments:`,
 * `Journal-ref:`, `DOI:`, ...) that some HTML-to-text converters glue anywhere in a line.
 * Every function is linear in its input and never throws.
 */
import { dateFromArxivId } from './dates';
import type { ParsedPaper } from './parsed';

/** An arXiv identifier without its version, and the version when the page printed one. */
export interface ArxivId {
  id: string;
  version: number | null;
}

const NEW_ID = /^(\d{4}\.\d{4,5})(?:v(\d{1,3}))?$/;
const OLD_ID = /^([a-z]{1,10}(?:-[a-z]{2,5})?(?:\.[A-Za-z]{2}(?:-[a-z]{2,5})?)?\/\d{7})(?:v(\d{1,3}))?$/;

/**
 * Read an identifier as printed: `2503.04417`, `2503.04417v12`, `cs/0612045v1`, `math.OC/0601001`.
 * @returns the id as printed minus its version, and the version (null when none), or null for other text
 */
export function parseArxivId(token: string): ArxivId | null {
  const m = NEW_ID.exec(token) ?? OLD_ID.exec(token);
  if (!m) return null;
  return { id: m[1]!, version: m[2] === undefined ? null : Number(m[2]) };
}

/** `[k] arXiv:<id>[ (cross-list from cs.LG)| (replaced)] [pdf, html, other]` (listing and author page). */
const NUMBERED_ID_LINE = /^\[(\d{1,6})\] *arXiv:(\S{1,40}) *(?:\((cross-list from [^()]{1,40}|replaced)\) *)?(?:\[([^\]]{0,80})\])?/;
/** `arXiv:<id> [pdf, other]` (search results); tags may follow on the same line. */
const SEARCH_ID_LINE = /^arXiv:(\S{1,40}) *(?:\[([^\]]{0,80})\])?/;

/** The parts of an identifier line. */
export interface IdLine {
  id: ArxivId;
  /** `cross-list from cs.LG` or `replaced`, when printed. */
  note: string | null;
  /** `['pdf', 'html', 'other']`; null when the line shows no format list. */
  formats: string[] | null;
  /** What follows the format list on the same line (search: category tags, `doi 10.…`). */
  rest: string;
}

function formatList(text: string | undefined): string[] | null {
  if (text === undefined) return null;
  return text.split(',').map((f) => f.trim()).filter((f) => f !== '');
}

/** Read a `[k] arXiv:<id> …` line (listing, author page); null for other lines. */
export function matchNumberedIdLine(line: string): IdLine | null {
  const m = NUMBERED_ID_LINE.exec(line);
  if (!m) return null;
  const id = parseArxivId(m[2]!);
  if (!id) return null;
  return { id, note: m[3] ?? null, formats: formatList(m[4]), rest: line.slice(m[0].length).trim() };
}

/** `[k]` alone on a line: a converter put the entry number and the identifier on lines of their own. */
export const ENTRY_NUMBER = /^\[\d{1,6}\]$/;

/**
 * The identifier line of a listing or author-page entry: `[k] arXiv:<id> [pdf, …]`, or a bare
 * `arXiv:<id> [pdf, …]` (with its format list) that a lone `[k]` line precedes in the paste.
 */
export function matchEntryIdLine(line: string): IdLine | null {
  const numbered = matchNumberedIdLine(line);
  if (numbered) return numbered;
  const bare = matchSearchIdLine(line);
  return bare && bare.formats ? bare : null;
}

/**
 * The entry identifier at line i for detection: a `[k] arXiv:` line, or a lone `[k]` line followed by a
 * bare `arXiv:<id> [pdf, …]` line.
 * @returns the index of the identifier line, or -1
 */
export function entryIdAt(lines: readonly string[], i: number): number {
  const line = lines[i]!.trim();
  if (matchNumberedIdLine(line)) return i;
  if (!ENTRY_NUMBER.test(line)) return -1;
  let j = i + 1;
  while (j < lines.length && lines[j]!.trim() === '') j++;
  return j < lines.length && matchEntryIdLine(lines[j]!.trim()) ? j : -1;
}

/** The next non-blank line after index i: its index (lines.length when none) and trimmed text. */
function nextNonBlank(lines: readonly string[], i: number): { index: number; text: string } {
  for (let j = i + 1; j < lines.length; j++) if (lines[j]!.trim() !== '') return { index: j, text: lines[j]!.trim() };
  return { index: lines.length, text: '' };
}

/** How many lines after the title the Subjects line may be (Authors, Comments, Journal-ref, DOI, MSC, ACM, Report number). */
const LABEL_LINES_MAX = 8;

/**
 * Which page an entry starting at line i belongs to, for detection: `listing` when its `Title:` line is
 * followed by an unlabelled author line (2024+ listings), or by `Authors:` with an abstract paragraph
 * after the Subjects line (listings before 2024); `author` when `Authors:` is labelled and no abstract
 * follows (author pages show none); null when line i starts no `[k] arXiv:` entry or the paste ends
 * before that can be told.
 */
export function entryShapeAt(lines: readonly string[], i: number): 'listing' | 'author' | null {
  const idAt = entryIdAt(lines, i);
  if (idAt < 0) return null;
  const idRest = matchEntryIdLine(lines[idAt]!.trim())?.rest ?? '';
  // The Title label may be glued to the identifier line.
  const title = idRest.startsWith('Title: ') ? { index: idAt, text: idRest } : nextNonBlank(lines, idAt);
  if (!title.text.startsWith('Title: ')) return null;
  const after = nextNonBlank(lines, title.index);
  const labelled = title.text.includes('Authors:') || after.text.startsWith('Authors:');
  if (!labelled) return after.text === '' ? null : 'listing';
  let line = title;
  for (let n = 0; n < LABEL_LINES_MAX && line.text !== '' && !line.text.includes('Subjects:'); n++) line = nextNonBlank(lines, line.index);
  if (!line.text.includes('Subjects:')) return 'author';
  const next = nextNonBlank(lines, line.index).text;
  const prose = next.length >= 80 && splitLabelled(next) === null && !next.startsWith('[') && !next.startsWith('arXiv:');
  return prose ? 'listing' : 'author';
}

/** Read an `arXiv:<id> [pdf, other]` line (search results); null for other lines. */
export function matchSearchIdLine(line: string): IdLine | null {
  const m = SEARCH_ID_LINE.exec(line);
  if (!m) return null;
  const id = parseArxivId(m[1]!);
  if (!id) return null;
  return { id, note: null, formats: formatList(m[2]), rest: line.slice(m[0].length).trim() };
}

const CODE = /^[a-z]{1,10}(?:-[a-z]{2,5})?(?:\.[A-Za-z]{2,10}(?:-[a-z]{2,5})?)?$/;
/** Archives whose code has no sub-class (`hep-th`, `quant-ph`): a code without a dot must be one of these. */
const DOTLESS_ARCHIVES = new Set([
  'hep-th', 'hep-ph', 'hep-ex', 'hep-lat', 'quant-ph', 'gr-qc', 'astro-ph', 'cond-mat', 'math-ph', 'nucl-th', 'nucl-ex', 'nlin', 'physics',
]);

/** Whether a token is an arXiv subject code (`cs.CL`, `stat.ML`, `physics.comp-ph`, `hep-th`). */
export function isCategoryCode(token: string): boolean {
  return CODE.test(token) && (token.includes('.') || DOTLESS_ARCHIVES.has(token));
}

/**
 * Category codes of a `Subjects:` value: `Computation and Language (cs.CL); Machine Learning (cs.LG)`
 * -> `['cs.CL', 'cs.LG']` (page order: the primary first; repeats dropped).
 */
export function subjectCodes(value: string): string[] {
  const codes: string[] = [];
  for (const part of value.split(';')) {
    // The first parenthesised code of the part: text glued after it (`(cs.CL)Despite … (see [1])`)
    // may hold parentheses of its own.
    for (let open = part.indexOf('('); open >= 0; open = part.indexOf('(', open + 1)) {
      const close = part.indexOf(')', open);
      if (close < 0) break;
      const code = part.slice(open + 1, close).trim();
      if (isCategoryCode(code)) {
        if (!codes.includes(code)) codes.push(code);
        break;
      }
    }
  }
  return codes;
}

/** Category tags of a search result (`cs.CL cs.LG`); null when any token is not a code. */
export function categoryTags(text: string): string[] | null {
  const tokens = text.split(' ').filter((t) => t !== '');
  if (tokens.length === 0 || !tokens.every(isCategoryCode)) return null;
  return [...new Set(tokens)];
}

/** Labels of arXiv entries, as the templates print them (`Journal ref` without hyphen on search pages). */
export const LABELS = [
  'Title:', 'Authors:', 'Comments:', 'Journal-ref:', 'Journal ref:', 'DOI:', 'Subjects:', 'MSC classes:', 'ACM classes:', 'Report number:', 'Abstract:',
] as const;
export type Label = (typeof LABELS)[number];

/** A label and its value. */
export interface Labelled {
  label: Label;
  value: string;
}

/**
 * Split a line into its labelled parts when it starts with a label: `Title: T Comments: C Subjects: S`
 * (labels glued by some converters) -> three parts. Lines that do not start with a label give null,
 * so author lines and abstracts are never cut at a word that happens to look like a label.
 */
export function splitLabelled(line: string): Labelled[] | null {
  const text = line.trim();
  if (!LABELS.some((l) => text.startsWith(l))) return null;
  const found: Array<{ at: number; label: Label }> = [];
  for (const label of LABELS) {
    for (let at = text.indexOf(label); at >= 0; at = text.indexOf(label, at + label.length)) found.push({ at, label });
  }
  found.sort((a, b) => a.at - b.at);
  const parts: Labelled[] = [];
  found.forEach((f, i) => {
    const end = i + 1 < found.length ? found[i + 1]!.at : text.length;
    parts.push({ label: f.label, value: text.slice(f.at + f.label.length, end).trim() });
  });
  return parts;
}

/**
 * An unlabelled line with labels glued to its end (`A, B, CComments: 12 pages`), as some converters
 * print the author line of a listing.
 * @returns the text before the first label and the labelled parts, or null when no label follows text
 */
export function splitAtFirstLabel(line: string): { prefix: string; parts: Labelled[] } | null {
  let first = -1;
  for (const label of LABELS) {
    const at = line.indexOf(label);
    if (at > 0 && (first === -1 || at < first)) first = at;
  }
  if (first === -1) return null;
  const parts = splitLabelled(line.slice(first));
  return parts ? { prefix: line.slice(0, first).trim(), parts } : null;
}

/** The ids and extra keys an entry's labels fill (`Comments:` -> extra.comments, `Journal-ref:` -> venue). */
export function applyLabel(paper: ParsedPaper, { label, value }: Labelled): void {
  if (value === '') return;
  switch (label) {
    case 'Comments:':
      paper.extra.comments = value;
      break;
    case 'Journal-ref:':
    case 'Journal ref:':
      paper.venue = value;
      paper.extra.journal_ref = value;
      break;
    case 'DOI:':
      paper.ids.doi = value.split(' ')[0]!;
      break;
    case 'Subjects:':
      paper.category = subjectCodes(value);
      break;
    case 'MSC classes:':
      paper.extra.msc_classes = value;
      break;
    case 'ACM classes:':
      paper.extra.acm_classes = value;
      break;
    case 'Report number:':
      paper.extra.report_number = value;
      break;
    default:
      break;
  }
}

/**
 * Fill what an identifier line tells: the id (version in extra.arxiv_version), the month it encodes,
 * the format list (has_pdf), and the type (arXiv entries are preprints).
 */
export function applyIdLine(paper: ParsedPaper, line: IdLine): void {
  paper.ids.arxiv = line.id.id;
  if (line.id.version !== null) paper.extra.arxiv_version = line.id.version;
  const when = dateFromArxivId(line.id.id);
  if (when) {
    paper.date = when.date;
    paper.year = when.year;
  }
  paper.type = 'preprint';
  if (line.formats) {
    paper.extra.formats = line.formats;
    paper.has_pdf = line.formats.includes('pdf');
  }
}

/** `You must enable JavaScript to view entire author list.` under a cut author list. */
export function isJavaScriptNotice(line: string): boolean {
  return line.startsWith('You must enable JavaScript');
}

/** arXiv page chrome after the last entry (footer links); never an abstract. */
const FOOTER_LINES = new Set([
  'About', 'Help', 'Contact', 'Subscribe', 'Copyright', 'Privacy Policy', 'Web Accessibility Assistance', 'arXiv Operational Status',
]);

/** Whether a line is arXiv page chrome: footer links and the glued icon text `contact arXivClick here to contact arXiv`. */
export function isArxivChrome(line: string): boolean {
  return FOOTER_LINES.has(line) || line.startsWith('contact arXiv') || line.startsWith('subscribe to arXiv mailings') || line.startsWith('Get status notifications');
}
