/**
 * Parser for a pasted Hugging Face papers page, daily list or `papers?q=` search (FORMATS.md 4.12):
 *
 *   menu / new / Get trending papers in your email inbox! / Subscribe / Daily Papers /
 *   byAK and the research community / <today: Mon D>
 *   per paper: <Title> / <abstract> / N authors / · / <Mon D, YYYY>      (some converters: `• N authors`)
 *
 * The page names no authors: `N authors` gives author_count, with authors [] and authors_truncated.
 * Records are anchored on the `N authors` line; the two lines before it are the title and the
 * abstract. The `Mon D` line under the heading is today's date, not a paper's. Not a profile.
 */
import { parsePageDate } from './dates';
import type { ParsedPaper, ParseOutcome, SkippedLine } from './parsed';
import { emptyPaper } from './paper-shape';
import type { PasteFormat } from './paste-format';

const AUTHOR_COUNT = /^(?:[•·] )?(\d{1,5}) authors?(?: [·•] (.{1,20}))?$/;
/** `Jun 10, 2025`, after a separator or `Published on` in some copies. */
const PAPER_DATE = /^(?:[·•] )?(?:Published on )?([A-Z][a-z]{2} \d{1,2}, \d{4})$/;
const TODAY = /^[A-Z][a-z]{2} \d{1,2}$/;
const SEPARATORS = new Set(['·', '•']);
/** Page chrome of the heading (each line, exactly). */
const CHROME = new Set([
  'Daily Papers', 'byAK and the research community', 'Get trending papers in your email inbox!', 'Subscribe', 'new', 'Upvote',
  'Submitted by', 'Papers', 'Search', 'Models', 'Datasets', 'Spaces', 'Docs', 'Pricing', 'Log In', 'Sign Up', 'Collections', 'Community',
  'System theme', 'Company', 'TOS', 'Privacy', 'About', 'Jobs', 'Website', 'Blog', 'Learn', 'Discord', 'Forum', 'GitHub', 'Status', 'Previous', 'Next',
]);
const STRONG_CHROME = ['Daily Papers', 'byAK and the research community', 'Get trending papers in your email inbox!'];
/** Upvote counts and other bare numbers between cards. */
const BARE_NUMBER = /^[\d,.]{1,9}[kK]?$/;

/** The `N authors` line's count and, when on the same line, the date text. */
function matchAuthorCount(line: string): { count: number; dateText: string | null } | null {
  const m = AUTHOR_COUNT.exec(line);
  return m ? { count: Number(m[1]), dateText: m[2] ?? null } : null;
}

/**
 * A lone line before the count that is the tail of an abstract (a card cut at the start of the paste),
 * not a title: it starts in lower case, or is sentence-long and ends with a period. Titles do neither.
 */
function looksLikeAbstract(line: string): boolean {
  const first = line[0]!;
  return first !== first.toUpperCase() || line.length > 300 || (line.length > 80 && line.endsWith('.'));
}

function isChrome(line: string): boolean {
  return CHROME.has(line) || SEPARATORS.has(line) || TODAY.test(line) || BARE_NUMBER.test(line) || line.startsWith('Submitted by ');
}

/**
 * Hugging Face signatures (FORMATS.md section 2): the heading lines, and each `N authors` line that a
 * `·` line or a `Mon D, YYYY` date follows.
 */
export function huggingfacePapersSignatures(lines: readonly string[]): number {
  let score = 0;
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (STRONG_CHROME.includes(line)) score++;
    else if (matchAuthorCount(line)) {
      let j = i + 1;
      while (j < lines.length && lines[j]!.trim() === '') j++;
      const next = (lines[j] ?? '').trim();
      if (SEPARATORS.has(next) || PAPER_DATE.test(next) || matchAuthorCount(line)!.dateText !== null) score++;
    }
  });
  return score;
}

/**
 * Parse a Hugging Face papers page from its normalised lines.
 * @param lines normaliseLines of the paste (line i is line i+1)
 * @returns papers in page order (`author: null`); the report lists page lines that are not papers and
 *   the title and abstract of a card cut off by the end of the paste. Never throws; linear.
 */
export function parseHuggingfacePapersLines(lines: readonly string[]): ParseOutcome {
  const skipped: SkippedLine[] = [];
  const warnings: string[] = [];
  const papers: ParsedPaper[] = [];
  /** Indexes of non-chrome lines since the end of the last card. */
  let pending: number[] = [];
  const skipPending = (keep: number, reason: string) => {
    for (const i of pending.slice(0, Math.max(0, pending.length - keep))) skipped.push({ line: i + 1, text: lines[i]!, reason });
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === '') continue;
    const count = matchAuthorCount(line);
    if (!count) {
      if (isChrome(line)) skipped.push({ line: i + 1, text: lines[i]!, reason: 'page text, not a paper' });
      else pending.push(i);
      continue;
    }
    // The date: on the same line, or after a `·` line.
    let dateText = count.dateText;
    let end = i;
    for (let j = i + 1; dateText === null && j < lines.length && j <= i + 4; j++) {
      const next = lines[j]!.trim();
      if (next === '') continue;
      if (SEPARATORS.has(next)) {
        end = j;
        continue;
      }
      const d = PAPER_DATE.exec(next);
      if (d) {
        dateText = d[1]!;
        end = j;
      }
      break;
    }
    const card = pending.slice(-2);
    const lone = card.length === 1 ? lines[card[0]!]!.trim() : null;
    if (card.length === 0 || (lone !== null && looksLikeAbstract(lone))) {
      // A card cut at the start of the paste: only its abstract (or nothing) before the count.
      skipPending(0, 'paper cut off at the start of the paste');
      for (let j = i; j <= end; j++) if (lines[j]!.trim() !== '') skipped.push({ line: j + 1, text: lines[j]!, reason: 'paper cut off at the start of the paste' });
      warnings.push(`The paper ending on line ${i + 1} has no title in the paste; it was left out.`);
      pending = [];
      i = end;
      continue;
    } else {
      skipPending(2, 'page text, not a paper');
      const paper = emptyPaper(lines[card[0]!]!.trim());
      if (card.length === 2) paper.abstract = lines[card[1]!]!.trim();
      paper.authors_truncated = count.count > 0;
      paper.author_count = count.count;
      const when = dateText === null ? null : parsePageDate(dateText);
      if (when) {
        paper.date = when.date;
        paper.year = when.year;
      } else warnings.push(`Paper on line ${card[0]! + 1} ("${paper.title}") has no date.`);
      papers.push(paper);
    }
    for (let j = i + 1; j <= end; j++) if (lines[j]!.trim() !== '' && !PAPER_DATE.test(lines[j]!.trim())) skipped.push({ line: j + 1, text: lines[j]!, reason: 'separator' });
    pending = [];
    i = end;
  }

  let incompleteTail: ParseOutcome['report']['incompleteTail'] = null;
  // Text after the last card is a card cut before its author count when it holds a title-length line;
  // short lines there are page footer.
  if (pending.slice(-2).some((i) => lines[i]!.trim().length >= 40)) {
    // Text after the last card: a card cut before its author count, or page footer.
    const first = pending.length >= 2 ? pending[pending.length - 2]! : pending[0]!;
    skipPending(2, 'page text, not a paper');
    incompleteTail = { line: first + 1, text: lines[first]!, missing: 'its author count and date' };
  } else skipPending(0, 'page text, not a paper');
  skipped.sort((a, b) => a.line - b.line);
  return {
    profile: { source: 'huggingface_papers', source_url_hint: 'https://huggingface.co/papers?q=<query>', author: null, papers },
    report: { skipped, incompleteTail, warnings },
  };
}

/** The Hugging Face papers page in the list of formats (formats.ts). */
export const huggingfacePapersFormat: PasteFormat = {
  id: 'huggingface_papers',
  source: 'huggingface_papers',
  label: 'Hugging Face papers page',
  site: 'Hugging Face',
  isProfile: false,
  signatures: huggingfacePapersSignatures,
  parse: parseHuggingfacePapersLines,
  noPapersHint: "the paste has no papers with an 'N authors' line and a date under them. Copy the whole page, with its list of papers.",
};
