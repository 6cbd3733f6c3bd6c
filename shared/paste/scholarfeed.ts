/**
 * Parser for a scholarfeed.org author page as copied with select-all (FORMATS.md section 4.1):
 *
 *   <Name> / <CATS> / h-index<N> / <N>papers / <N>citations / Novelty<N>% / AI Score<N> / <N> Papers
 *   per paper: <CATS><Mon D, YYYY>[Code] / <Title> / <A1>, <A2>, <A3>[ et al.][ · <slug>, <slug>] / <Abstract>
 *
 * Written by hand because no library knows this site's layout. Blank lines are optional: records are
 * anchored on the full record-line regex only, so titles such as "CVaR-…", "AI Score Inflation…" or
 * "… Legacy Code" never start a record.
 */
import { normaliseLines, parseCount } from './normalise';
import type { ParsedAuthor, ParsedPaper, ParseOutcome, ProfileMetrics, SkippedLine } from './parsed';
import type { PasteFormat } from './paste-format';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/** `<CATS><Mon D, YYYY>[Code]`, e.g. `CLAug 15, 2024Code`, `LGCLNov 27, 2024`. */
export const RECORD_LINE = /^((?:[A-Z]{2})+)(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\d{1,2}), (\d{4})(Code)?$/;
const CATEGORY_LINE = /^(?:[A-Z]{2})+$/;

/** Days in a month (0 = January) of the proleptic Gregorian calendar, as ISO 8601 dates count them. */
function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 1 ? (leap ? 29 : 28) : [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month]!;
}

/**
 * The record line's parts when `line` is one: the full shape (RECORD_LINE) with a date that exists.
 * The site prints arXiv submission dates, so `Feb 30, 2024` or `Jan 0, 2024` is text, not a paper.
 */
export function matchRecordLine(line: string): { cats: string; month: string; day: string; year: string; code: boolean } | null {
  const m = RECORD_LINE.exec(line);
  if (!m) return null;
  const [, cats, month, day, year, code] = m;
  if (Number(day) < 1 || Number(day) > daysInMonth(Number(year), MONTHS.indexOf(month as (typeof MONTHS)[number]))) return null;
  return { cats: cats!, month: month!, day: day!, year: year!, code: code === 'Code' };
}

/** Header lines, each with the metric it carries. */
const HEADER_METRICS: ReadonlyArray<{ re: RegExp; key: 'h_index' | 'paper_count' | 'citations' | 'novelty_pct' | 'ai_score' }> = [
  { re: /^h-index\s?([\d,]+)$/, key: 'h_index' },
  { re: /^([\d,.]+[kKM]?)\s?papers$/, key: 'paper_count' },
  { re: /^([\d,.]+[kKM]?)\s?citations$/, key: 'citations' },
  { re: /^Novelty\s?(\d+(?:\.\d+)?)%$/, key: 'novelty_pct' },
  { re: /^AI Score\s?(\d+(?:\.\d+)?)$/, key: 'ai_score' },
];
const LIST_HEADING = /^[\d,]+ Papers$/;

/** Separator between the author names and the affiliation slugs (U+00B7 with spaces). */
const AFFILIATION_SEPARATOR = ' · ';
/**
 * `et al.` ending the names. The spaces and comma before it are left to the split on commas, which
 * drops the empty name they make: the former `/\s*,?\s*et al\.?$/` was tried from every space of a run
 * and split each run three ways (cubic: 3 KB of spaces in an author line took over 30 s).
 */
const ET_AL = /et al\.?$/;

/** How many scholarfeed signatures a normalised text shows (FORMATS.md section 2); used by detection. */
export function scholarfeedSignatures(lines: readonly string[]): number {
  // Each header shape counts once: other sites print lines such as `128 citations` under every paper,
  // and two of them must not make an unknown page look like a scholarfeed header.
  const headerShapes = new Set<string>();
  let records = 0;
  for (const line of lines) {
    if (matchRecordLine(line)) records++;
    else if (LIST_HEADING.test(line)) headerShapes.add('heading');
    else {
      const shape = HEADER_METRICS.find((h) => h.re.test(line));
      if (shape) headerShapes.add(shape.key);
    }
  }
  return records + headerShapes.size;
}

/** Split glued two-letter category codes: `LGCL` -> `['LG', 'CL']`. */
export function splitCategories(glued: string): string[] {
  return glued.match(/[A-Z]{2}/g) ?? [];
}

/**
 * Whether the text ends the way an abstract ends: closing punctuation, a closing bracket or quote, the
 * end of inline math, or a URL (arXiv abstracts often end with a code link). A paste cut off inside the
 * last abstract ends mid-word instead, and that paper must not be stored as if complete.
 */
export function endsLikeAbstract(text: string): boolean {
  if (ABSTRACT_END.test(text)) return true;
  // The last word holds a URL start with something after it. Found by a scan rather than
  // `/(?:https?:\/\/|www\.)\S+$/`, which rescans the last word from every URL start in it (quadratic:
  // a 1 MB abstract of "www." took minutes).
  const word = lastWord(text);
  return URL_STARTS.some((start) => {
    const at = word.indexOf(start);
    return at >= 0 && at + start.length < word.length;
  });
}

const ABSTRACT_END = /[.!?)\]}"'”’»$]$/;
const URL_STARTS = ['http://', 'https://', 'www.'] as const;
const WHITESPACE = /\s/;

/** The text after its last whitespace character ('' when it ends with one). */
function lastWord(text: string): string {
  let start = text.length;
  while (start > 0 && !WHITESPACE.test(text[start - 1]!)) start--;
  return text.slice(start);
}

function isoDate(month: string, day: string, year: string): string {
  const m = MONTHS.indexOf(month as (typeof MONTHS)[number]) + 1;
  return `${year}-${String(m).padStart(2, '0')}-${day.padStart(2, '0')}`;
}

/**
 * Parse the author line: `A, B, C et al. · slug1, slug2`.
 * Affiliations follow the last ` · `; ` et al.` marks a truncated list.
 */
export function parseAuthorLine(line: string): { authors: string[]; truncated: boolean; affiliations: string[] } {
  const cut = line.lastIndexOf(AFFILIATION_SEPARATOR);
  const namesPart = cut >= 0 ? line.slice(0, cut) : line;
  const affPart = cut >= 0 ? line.slice(cut + AFFILIATION_SEPARATOR.length) : '';
  const truncated = ET_AL.test(namesPart);
  const names = namesPart.replace(ET_AL, '');
  const split = (s: string) => s.split(',').map((x) => x.trim()).filter((x) => x.length > 0);
  return { authors: split(names), truncated, affiliations: split(affPart) };
}

interface RecordLines {
  start: number; // index of the record line
  lines: Array<{ index: number; text: string }>; // non-blank lines after it
}

function emptyPaper(): Omit<ParsedPaper, 'title' | 'authors' | 'authors_truncated' | 'affiliations' | 'date' | 'year' | 'category' | 'abstract' | 'has_code'> {
  return {
    author_count: null,
    equal_contribution: [],
    venue: null,
    pages: null,
    type: null,
    citations: null,
    abstract_truncated: false,
    tldr: null,
    ids: {},
    has_pdf: null,
    extra: {},
  };
}

/**
 * Parse a pasted scholarfeed author page.
 * @param text the raw paste (any line endings, NBSP and zero-width characters tolerated)
 * @returns see parseScholarfeedLines
 */
export function parseScholarfeed(text: string): ParseOutcome {
  return parseScholarfeedLines(normaliseLines(text));
}

/**
 * Parse a scholarfeed author page from its normalised lines (normaliseLines; detectAndParse passes the
 * lines it detected the source on, so a paste is normalised once).
 * @param lines line i is line i+1 of the paste
 * @returns `profile` in the fixture shape (`author` is null when the header was not pasted) and a
 *   `report` of skipped lines (1-based line numbers of the paste) and of a record cut off at the end of
 *   the paste. Never throws for odd content; `detectAndParse` decides whether the text is a scholarfeed
 *   page. Linear in the length of the paste.
 */
export function parseScholarfeedLines(lines: readonly string[]): ParseOutcome {
  const skipped: SkippedLine[] = [];
  const warnings: string[] = [];

  const firstRecord = lines.findIndex((l) => matchRecordLine(l) !== null);
  const headerEnd = firstRecord === -1 ? lines.length : firstRecord;
  const author = parseHeader(lines.slice(0, headerEnd), skipped);

  // Group the non-blank lines after each record line.
  const records: RecordLines[] = [];
  for (let i = headerEnd; i < lines.length; i++) {
    const text = lines[i]!;
    if (matchRecordLine(text)) records.push({ start: i, lines: [] });
    else if (text.trim() !== '') records[records.length - 1]!.lines.push({ index: i, text: text.trim() });
  }

  const papers: ParsedPaper[] = [];
  let incompleteTail: ParseOutcome['report']['incompleteTail'] = null;
  records.forEach((rec, n) => {
    const { cats, month, day, year, code } = matchRecordLine(lines[rec.start]!)!;
    const [titleLine, authorLine, ...rest] = rec.lines;
    const isLast = n === records.length - 1;
    const abstractText = rest.map((l) => l.text).join('\n');
    const missing = !titleLine
      ? 'title, authors and abstract'
      : !authorLine
        ? 'authors and abstract'
        : rest.length === 0
          ? 'abstract'
          : isLast && !endsLikeAbstract(abstractText)
            ? 'the end of its abstract'
            : null;
    if (missing && isLast) {
      incompleteTail = { line: rec.start + 1, text: titleLine?.text ?? lines[rec.start]!, missing };
      return;
    }
    if (!titleLine) {
      skipped.push({ line: rec.start + 1, text: lines[rec.start]!, reason: 'paper line with no title after it' });
      return;
    }
    const byline = authorLine ? parseAuthorLine(authorLine.text) : { authors: [], truncated: false, affiliations: [] };
    if (missing) warnings.push(`Paper on line ${rec.start + 1} ("${titleLine.text}") has no ${missing}.`);
    papers.push({
      ...emptyPaper(),
      title: titleLine.text,
      authors: byline.authors,
      authors_truncated: byline.truncated,
      affiliations: byline.affiliations,
      date: isoDate(month, day, year),
      year: Number(year),
      category: splitCategories(cats),
      // Abstracts are one paragraph; a paste that wraps one keeps its line breaks.
      abstract: rest.length > 0 ? abstractText : null,
      has_code: code,
    });
  });

  if (author?.metrics.paper_count !== undefined && author.metrics.paper_count > papers.length) {
    warnings.push(
      `The page header says ${author.metrics.paper_count} papers; the paste holds ${papers.length}. The page may load more papers as you scroll.`,
    );
  }

  return {
    profile: {
      source: 'scholarfeed',
      source_url_hint: 'https://www.scholarfeed.org/author/<numeric id>',
      author,
      papers,
    },
    report: { skipped, incompleteTail, warnings },
  };
}

/**
 * Read the header block (everything before the first record line). The name is the line before the
 * primary-category line that precedes the metrics; lines before the name (site menus) are skipped.
 */
function parseHeader(header: readonly string[], skipped: SkippedLine[]): ParsedAuthor | null {
  const metrics: ProfileMetrics = {};
  const used = new Set<number>();
  let firstMetric = -1;
  header.forEach((line, i) => {
    for (const { re, key } of HEADER_METRICS) {
      const m = re.exec(line);
      if (!m) continue;
      const value = key === 'novelty_pct' || key === 'ai_score' ? Number(m[1]) : parseCount(m[1]!);
      if (value !== null && Number.isFinite(value) && metrics[key] === undefined) {
        metrics[key] = value;
        used.add(i);
        if (firstMetric === -1) firstMetric = i;
      }
      return;
    }
    if (LIST_HEADING.test(line)) used.add(i);
  });

  const nonBlankBefore = (end: number): number => {
    for (let i = end - 1; i >= 0; i--) if (header[i]!.trim() !== '') return i;
    return -1;
  };
  let name: string | null = null;
  let primary: string | null = null;
  if (firstMetric !== -1) {
    let i = nonBlankBefore(firstMetric);
    if (i >= 0 && CATEGORY_LINE.test(header[i]!)) {
      primary = header[i]!;
      used.add(i);
      i = nonBlankBefore(i);
    }
    if (i >= 0) {
      name = header[i]!.trim();
      used.add(i);
    }
  }

  header.forEach((line, i) => {
    if (!used.has(i) && line.trim() !== '') {
      skipped.push({ line: i + 1, text: line, reason: name ? 'not part of the scholarfeed profile header' : 'before the first paper' });
    }
  });
  if (!name) return null;
  return {
    name,
    affiliation: null,
    interests: [],
    homepage: null,
    ids: {},
    metrics,
    extra: primary ? { primary_category: primary } : {},
  };
}

/** The scholarfeed author page in the list of formats (formats.ts). */
export const scholarfeedFormat: PasteFormat = {
  id: 'scholarfeed',
  source: 'scholarfeed',
  label: 'scholarfeed author page',
  site: 'scholarfeed',
  isProfile: true,
  signatures: scholarfeedSignatures,
  parse: parseScholarfeedLines,
  noPapersHint: "the paste has no paper lines such as 'CLAug 15, 2024Code'. Copy the whole author page, down to the last paper.",
};
