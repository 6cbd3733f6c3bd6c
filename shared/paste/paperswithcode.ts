/**
 * Parser for a pasted Papers with Code author search (FORMATS.md section 4.11):
 *
 *   Search Results for author: <Name> / Found <N> papers, <M> papers with code / Date Published
 *   per item: <Title>
 *             <no code implementations | k code implementation(s)> • <CONF YYYY | D Mon YYYY> • <A>, <B>
 *             <full abstract> / <task badge>* [+N] / [★ 1,125]
 *
 * Items are anchored on the implementations line; the title is the line just above it, so a task
 * badge of the previous item is never taken for a title. Linear in the length of the paste.
 */
import { splitAuthorList } from './author-lists';
import { parsePageDate } from './dates';
import { parseCount } from './normalise';
import { emptyAuthor, emptyPaper } from './paper-shape';
import type { ParsedAuthor, ParsedPaper, ParseOutcome, SkippedLine } from './parsed';
import type { PasteFormat } from './paste-format';
import { endsLikeAbstract } from './scholarfeed';

const SEARCH_HEADING = /^Search Results for author: (\S.{0,200})$/;
const FOUND = /^Found ([\d,]{1,9}) papers?, ([\d,]{1,9}) papers? with code$/;
/** `3 code implementations • NeurIPS 2021 • A, B` (the `•` may be drawn by CSS and missing). */
const IMPLEMENTATIONS = /^(no code implementations|(\d{1,6}) code implementations?)(?: ?• ?| {2})/;
const STARS = /^★ ?([\d,.]{1,12}[kKM]?)$/;
const MORE_TASKS = /^\+ ?(\d{1,4})$/;
/** `NeurIPS 2021`, `ICLR 2023 Workshop`: a venue with its year. */
const VENUE_YEAR = /^(.*\S) (\d{4})$/;
const YEAR_INSIDE = / ((?:19|20)\d{2}) /;
/** Page furniture before the first item and after the last. */
const FURNITURE = new Set([
  'Date Published', 'Most Relevant', 'Browse State-of-the-Art', 'Datasets', 'Methods', 'More', 'Newsletter', 'RC2022', 'About',
  'Trends', 'Portals', 'Libraries', 'Sign In', 'Subscribe to the PwC Newsletter', 'Edit social preview', 'Previous', 'Next',
  'Terms', 'Data policy', 'Cookies policy', 'from',
]);
const FOOTER_PREFIXES = ['Contact us on:', 'Papers With Code is a free resource', 'Stay informed on the latest trending ML papers'];

/** How many Papers with Code signature line shapes the lines show (FORMATS.md section 2). */
export function papersWithCodeSignatures(lines: readonly string[]): number {
  let score = 0;
  for (const raw of lines) {
    const line = raw.trim();
    if (SEARCH_HEADING.test(line) || FOUND.test(line) || IMPLEMENTATIONS.test(line) || STARS.test(line)) score++;
  }
  return score;
}

function isFooter(line: string): boolean {
  return FURNITURE.has(line) || FOOTER_PREFIXES.some((p) => line.startsWith(p)) || /^\d{1,4}$/.test(line);
}

/** Read the implementations line: count, date or venue, authors. */
function readMeta(line: string, paper: ParsedPaper): void {
  const m = IMPLEMENTATIONS.exec(line)!;
  const count = m[1] === 'no code implementations' ? 0 : Number(m[2]);
  paper.has_code = count > 0;
  paper.extra.code_implementations = count;
  const parts = line.slice(m[0].length).split('•').map((p) => p.trim());
  const when = parts[0] ?? '';
  const date = parsePageDate(when);
  let authorsText = parts.slice(1).join(', ');
  if (date) {
    paper.date = date.date;
    paper.year = date.year;
  } else {
    const v = VENUE_YEAR.exec(when);
    if (v) {
      paper.venue = v[1]!;
      paper.year = Number(v[2]);
    } else if (parts.length === 1) authorsText = when;
    else if (when !== '') {
      // `ICLR 2023 Workshop`: the venue as shown, with the year it names.
      paper.venue = when;
      const y = YEAR_INSIDE.exec(when);
      if (y) paper.year = Number(y[1]);
    }
  }
  const list = splitAuthorList(authorsText);
  paper.authors = list.authors;
  paper.authors_truncated = list.truncated;
  paper.author_count = list.authorCount;
  paper.equal_contribution = list.equalContribution;
}

/**
 * Parse a Papers with Code author search from its normalised lines.
 * @param lines normaliseLines of the paste
 * @returns the profile in the fixture shape (author from the search heading, null when not pasted)
 *   and a report (skipped lines, an item cut off at the end). Never throws for odd content.
 */
export function parsePapersWithCodeLines(lines: readonly string[]): ParseOutcome {
  const skipped: SkippedLine[] = [];
  const warnings: string[] = [];
  let author: ParsedAuthor | null = null;
  const metas: number[] = [];
  lines.forEach((l, i) => {
    if (IMPLEMENTATIONS.test(l.trim())) metas.push(i);
  });
  const used = new Set<number>();
  const firstItem = metas.length > 0 ? metas[0]! - 1 : lines.length;
  for (let i = 0; i < firstItem; i++) {
    const t = lines[i]!.trim();
    const heading = SEARCH_HEADING.exec(t);
    const found = FOUND.exec(t);
    if (heading && author === null) {
      author = emptyAuthor(heading[1]!.trim());
      used.add(i);
    } else if (found) {
      if (author) {
        author.metrics.paper_count = parseCount(found[1]!) ?? 0;
        author.extra.papers_with_code = parseCount(found[2]!) ?? 0;
      }
      used.add(i);
    } else if (t !== '') skipped.push({ line: i + 1, text: lines[i]!, reason: 'page menu or heading, not a paper' });
  }

  const papers: ParsedPaper[] = [];
  let incompleteTail: ParseOutcome['report']['incompleteTail'] = null;
  metas.forEach((at, n) => {
    const titleAt = previousNonBlank(lines, at);
    if (titleAt === -1 || (n > 0 && titleAt <= metas[n - 1]!)) {
      skipped.push({ line: at + 1, text: lines[at]!, reason: 'implementations line with no title above it' });
      return;
    }
    const paper = emptyPaper(lines[titleAt]!.trim());
    readMeta(lines[at]!.trim(), paper);
    const nextTitle = n + 1 < metas.length ? previousNonBlank(lines, metas[n + 1]!) : lines.length;
    const isLast = n === metas.length - 1;
    const body = readBody(lines, at + 1, nextTitle, isLast, paper, skipped);
    if (isLast && body.cut) {
      incompleteTail = { line: titleAt + 1, text: paper.title, missing: body.cut };
      return;
    }
    papers.push(paper);
    if (body.dangling !== null) {
      incompleteTail = { line: body.dangling + 1, text: lines[body.dangling]!.trim(), missing: 'its implementations line, date, authors and abstract' };
    }
  });
  if (author?.metrics.paper_count !== undefined && author.metrics.paper_count > papers.length) {
    warnings.push(`The search found ${author.metrics.paper_count} papers; the paste holds ${papers.length}. Papers with Code shows them a page at a time.`);
  }
  skipped.sort((a, b) => a.line - b.line);
  return {
    profile: { source: 'paperswithcode', source_url_hint: 'https://paperswithcode.com/search?q=author%3A<Name>', author, papers },
    report: { skipped, incompleteTail, warnings },
  };
}

/** Abstract text rather than a task badge: long, or a sentence (badges are short names with no closing period). */
function looksLikeProse(text: string): boolean {
  return text.length > 60 || text.includes('. ') || SENTENCE_END.test(text);
}
const SENTENCE_END = /[.!?。！？]$/;

function previousNonBlank(lines: readonly string[], at: number): number {
  for (let i = at - 1; i >= 0; i--) if (lines[i]!.trim() !== '') return i;
  return -1;
}

/**
 * The lines between an item's implementations line and the next item's title: abstract, task badges,
 * `+N`, stars. The last item runs to the page footer; text after its stars is a cut next item.
 */
function readBody(lines: readonly string[], from: number, to: number, isLast: boolean, paper: ParsedPaper, skipped: SkippedLine[]): { cut: string | null; dangling: number | null } {
  const abstract: string[] = [];
  const tasks: string[] = [];
  let starsSeen = false;
  let footer = false;
  let afterStars: number | null = null;
  for (let i = from; i < to; i++) {
    const t = lines[i]!.trim();
    if (t === '') continue;
    if (footer || isFooter(t)) {
      footer = true;
      skipped.push({ line: i + 1, text: lines[i]!, reason: 'page footer, not a paper' });
      continue;
    }
    const stars = STARS.exec(t);
    const more = MORE_TASKS.exec(t);
    if (stars) {
      paper.extra.stars = parseCount(stars[1]!) ?? 0;
      starsSeen = true;
    } else if (starsSeen) {
      if (afterStars === null && isLast) afterStars = i;
      else skipped.push({ line: i + 1, text: lines[i]!, reason: 'after the stars of a paper' });
    } else if (more) paper.extra.tasks_more = Number(more[1]);
    else if (tasks.length === 0 && (abstract.length === 0 || t.length > 80)) abstract.push(t);
    else tasks.push(t);
  }
  // A short first line that is not a sentence is a task badge, not an abstract (items with no abstract).
  if (abstract.length === 1 && !looksLikeProse(abstract[0]!)) tasks.unshift(abstract.pop()!);
  if (abstract.length > 0) paper.abstract = abstract.join('\n');
  if (tasks.length > 0) paper.extra.tasks_shown = tasks;
  if (!isLast) return { cut: null, dangling: null };
  // After the last item's stars, a line before any footer is the title of an item cut before its implementations line.
  if (afterStars !== null && !footer) return { cut: null, dangling: afterStars };
  if (afterStars !== null) skipped.push({ line: afterStars + 1, text: lines[afterStars]!, reason: 'after the stars of a paper' });
  if (abstract.length === 0 && tasks.length === 0 && !starsSeen) return { cut: 'its abstract', dangling: null };
  if (!starsSeen && tasks.length === 0 && !footer && !endsLikeAbstract(abstract.join(' '))) return { cut: 'the end of its abstract', dangling: null };
  return { cut: null, dangling: null };
}

/** The Papers with Code author search in the list of formats (formats.ts). */
export const papersWithCodeFormat: PasteFormat = {
  id: 'paperswithcode',
  source: 'paperswithcode',
  label: 'Papers with Code author search',
  site: 'Papers with Code',
  isProfile: true,
  signatures: papersWithCodeSignatures,
  parse: parsePapersWithCodeLines,
  noPapersHint: "no result line such as '3 code implementations • NeurIPS 2021 • …' was found. Copy the whole results page.",
};
