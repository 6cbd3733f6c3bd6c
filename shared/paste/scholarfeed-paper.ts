/**
 * Parser for a pasted scholarfeed.org paper page, `/paper/<arxiv-id>v<k>` (FORMATS.md section 4.1,
 * "scholarfeed paper page"):
 *
 *   <CATS><Mon D, YYYY>                               (no 'Code' here)
 *   <Title>
 *   arXiv:<id>v<k>[<N> citations]h-index: <H>[Has Code][<venue abbrev>]
 *   Originality <label>
 *   AI Analysis
 *   <one-sentence significance> / <one-sentence summary> / <abstract>
 *   page junk (Foundations …, Your Notes …)
 *
 * The version and the citation count are glued: `arXiv:2401.01234v221 citations` is v2 and 21
 * citations (the version is read as one digit when a count follows; with no count, `v12h-index: 3`,
 * every digit is the version). With 0 citations the page prints no count: citations 0. `h-index:` is
 * the author's, not the paper's (extra.author_h_index). Reports source `scholarfeed`; not a profile.
 */
import { parseCount } from './normalise';
import type { ParsedPaper, ParseOutcome, SkippedLine } from './parsed';
import { emptyPaper } from './paper-shape';
import type { PasteFormat } from './paste-format';
import { matchRecordLine, parseAuthorLine, splitCategories } from './scholarfeed';
import { isoDate, monthNumber } from './dates';

const ARXIV_LINE = /^arXiv:(\d{4}\.\d{4,5})v([\d,]{1,12})(?: ([\d,]{1,12}))?( ?citations?)?(?: ?h-index: ?(\d{1,4}))?/;
const ORIGINALITY = 'Originality ';
const AI_ANALYSIS = 'AI Analysis';
const HAS_CODE = 'Has Code';

/** The parts of the `arXiv:` line. */
export interface PaperIdLine {
  arxiv: string;
  version: number;
  citations: number;
  authorHIndex: number | null;
  hasCode: boolean;
  venue: string | null;
}

/**
 * Read `arXiv:<id>v<k>[<N> citations]h-index: <H>[Has Code][<venue>]`.
 * @returns the parts, or null when the line is not one (needs `h-index:` or `citations` after the version)
 */
export function matchPaperIdLine(line: string): PaperIdLine | null {
  const m = ARXIV_LINE.exec(line);
  if (!m || (m[4] === undefined && m[5] === undefined)) return null;
  const run = m[2]!;
  let version: number;
  let citations = 0;
  if (m[3] !== undefined) {
    // `v2 21 citations` (a converter kept the space): the count stands apart.
    const count = m[4] === undefined || run.includes(',') ? null : parseCount(m[3]);
    if (count === null) return null;
    version = Number(run);
    citations = count;
  } else if (m[4] !== undefined) {
    // `v221 citations`: one digit of version, the rest is the count.
    if (run.length < 2 || run[1] === ',') return null;
    version = Number(run[0]);
    const count = parseCount(run.slice(1));
    if (count === null) return null;
    citations = count;
  } else {
    if (run.includes(',')) return null;
    version = Number(run);
  }
  let rest = line.slice(m[0].length).trim();
  const hasCode = rest.startsWith(HAS_CODE);
  if (hasCode) rest = rest.slice(HAS_CODE.length).trim();
  return { arxiv: m[1]!, version, citations, authorHIndex: m[5] === undefined ? null : Number(m[5]), hasCode, venue: rest === '' ? null : rest };
}

/** The next non-blank line after index i. */
function nextNonBlank(lines: readonly string[], i: number): number {
  let j = i + 1;
  while (j < lines.length && lines[j]!.trim() === '') j++;
  return j;
}

/** Lines the grammar has none of, but a page may show between the title and the `arXiv:` line (an author line). */
const BETWEEN_MAX = 1;

/**
 * Where a paper starting at record line i has its title and `arXiv:` line: the title is the next
 * non-blank line, the `arXiv:` line follows it, at most BETWEEN_MAX lines (authors) further down.
 * A record line with `Code` is accepted too (the `arXiv:` line is what makes it a paper page).
 * @returns the indexes, or null when line i starts no paper
 */
function paperAt(lines: readonly string[], i: number): { titleAt: number; idAt: number } | null {
  if (!matchRecordLine(lines[i]!.trim())) return null;
  const titleAt = nextNonBlank(lines, i);
  if (titleAt >= lines.length || matchPaperIdLine(lines[titleAt]!.trim())) return null;
  let at = titleAt;
  for (let n = 0; n <= BETWEEN_MAX; n++) {
    at = nextNonBlank(lines, at);
    if (at >= lines.length) return null;
    if (matchPaperIdLine(lines[at]!.trim())) return { titleAt, idAt: at };
  }
  return null;
}

const isPaperStart = (lines: readonly string[], i: number) => paperAt(lines, i) !== null;

/** `Originality Incremental advance`: a short label, not a sentence that starts with the word. */
function isOriginalityLine(line: string): boolean {
  return line.startsWith(ORIGINALITY) && line.length <= 60 && !line.endsWith('.') && line.split(' ').length <= 6;
}

/**
 * Paper-page signatures (FORMATS.md section 2): the `arXiv:<id>v<k>…h-index:` line, `Originality …`,
 * `AI Analysis`, and a record line two lines above an `arXiv:` line. An author page has
 * none of these, so its record lines are not counted.
 */
export function scholarfeedPaperSignatures(lines: readonly string[]): number {
  let score = 0;
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (matchPaperIdLine(line) || line === AI_ANALYSIS || isOriginalityLine(line)) score++;
    else if (isPaperStart(lines, i)) score++;
  });
  return score;
}

/**
 * Parse a scholarfeed paper page from its normalised lines.
 * @param lines normaliseLines of the paste (line i is line i+1)
 * @returns the paper (several when the paste holds several pages), `author: null`; the report lists the
 *   page's other text, and warns of a page cut before its abstract (the paper is kept). Never throws; linear.
 */
export function parseScholarfeedPaperLines(lines: readonly string[]): ParseOutcome {
  const skipped: SkippedLine[] = [];
  const warnings: string[] = [];
  const papers: ParsedPaper[] = [];
  const skip = (i: number, reason: string) => skipped.push({ line: i + 1, text: lines[i]!, reason });

  let i = 0;
  while (i < lines.length) {
    if (!isPaperStart(lines, i)) {
      if (lines[i]!.trim() !== '') skip(i, 'page text, not the paper');
      i++;
      continue;
    }
    const rec = matchRecordLine(lines[i]!.trim())!;
    const { titleAt, idAt } = paperAt(lines, i)!;
    const id = matchPaperIdLine(lines[idAt]!.trim())!;
    const paper = emptyPaper(lines[titleAt]!.trim());
    const between = nextNonBlank(lines, titleAt);
    if (between < idAt) {
      // Not in the grammar; read as the author card line of the author pages (`A, B, C et al. · slug`).
      const byline = parseAuthorLine(lines[between]!.trim());
      paper.authors = byline.authors;
      paper.authors_truncated = byline.truncated;
      paper.affiliations = byline.affiliations;
    }
    paper.category = splitCategories(rec.cats);
    paper.date = isoDate(Number(rec.year), monthNumber(rec.month), Number(rec.day));
    paper.year = Number(rec.year);
    paper.ids.arxiv = id.arxiv;
    paper.extra.arxiv_version = id.version;
    paper.citations = id.citations;
    paper.has_code = id.hasCode || rec.code;
    paper.venue = id.venue;
    if (id.authorHIndex !== null) paper.extra.author_h_index = id.authorHIndex;

    // After the id line: Originality, AI Analysis, then significance, summary and abstract, up to the
    // next paper or the end; anything else is page text.
    let j = idAt + 1;
    const analysis: number[] = [];
    let afterAnalysis = false;
    for (; j < lines.length && !isPaperStart(lines, j); j++) {
      const line = lines[j]!.trim();
      if (line === '') continue;
      if (line.startsWith(ORIGINALITY) && paper.extra.originality === undefined) paper.extra.originality = line.slice(ORIGINALITY.length).trim();
      else if (line === AI_ANALYSIS && !afterAnalysis) afterAnalysis = true;
      else if (afterAnalysis && analysis.length < 3) analysis.push(j);
      else skip(j, 'page text, not the paper');
    }
    const [significance, summary, abstract] = analysis.map((k) => lines[k]!.trim());
    if (significance !== undefined) paper.extra.significance = significance;
    if (summary !== undefined) paper.tldr = summary;
    if (abstract !== undefined) paper.abstract = abstract;
    if (abstract === undefined) {
      // Kept: its title, identifier and counts are whole; only the analysis or abstract is missing.
      warnings.push(`The paper on line ${titleAt + 1} ("${paper.title}") has no abstract in the paste.`);
    }
    papers.push(paper);
    i = j;
  }
  skipped.sort((a, b) => a.line - b.line);
  return {
    profile: { source: 'scholarfeed', source_url_hint: 'https://www.scholarfeed.org/paper/<arXiv id>v<version>', author: null, papers },
    report: { skipped, incompleteTail: null, warnings },
  };
}

/** The scholarfeed paper page in the list of formats (formats.ts). */
export const scholarfeedPaperFormat: PasteFormat = {
  id: 'scholarfeed_paper',
  source: 'scholarfeed',
  label: 'scholarfeed paper page',
  site: 'scholarfeed',
  isProfile: false,
  signatures: scholarfeedPaperSignatures,
  parse: parseScholarfeedPaperLines,
  noPapersHint: "the paste has no line such as 'arXiv:2401.01234v2 21 citations' under a title. Copy the whole paper page, from its title to its abstract.",
};
