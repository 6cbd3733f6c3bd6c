/**
 * The record list of a profile page whose every record starts at a document-type line (ACM DL's
 * `research-article`, Scopus's `Article`) and runs to the next one: which records become papers, which
 * are skipped, and which last one is named as cut off by the end of the paste. What a record holds is
 * read by each site's own parser; this only decides what happens to the record.
 */
import type { ParsedPaper, ParseReport, SkippedLine } from './parsed';

/** One record as a site's parser read it. */
export interface TypeLedRecord {
  /** Null when no title follows the type line. */
  paper: ParsedPaper | null;
  /** The record's closing line (ACM's venue line, Scopus's source line) was found. */
  complete: boolean;
}

/** The site's words for the report. */
export interface TypeLedWords {
  /** What the last record lacks when it has a title but no closing line (`venue, date and citations`). */
  missingAfterTitle: string;
  /** Why a type line with no title after it, before the last record, is skipped. */
  noTitleReason: string;
  /** The warning for a record before the last one that has no closing line. */
  incompleteWarning: (line: number, title: string) => string;
}

/**
 * Read the records that start at `starts` (0-based line indices, ascending; each runs to the next).
 * A record with no title is skipped (reported in `skipped`), or, when last, named as the cut tail
 * (missing `title`); a last record with a title but no closing line is the cut tail too; any other
 * record with no closing line is kept with a warning.
 * @param read reads lines [start, end) into a record; it may push lines it does not use onto `skipped`
 * @returns the papers in page order and the cut tail (null when the last record is whole); pushes onto
 *   `skipped` and `warnings`. Never throws.
 */
export function readTypeLedRecords(
  lines: readonly string[],
  starts: readonly number[],
  read: (start: number, end: number) => TypeLedRecord,
  words: TypeLedWords,
  skipped: SkippedLine[],
  warnings: string[],
): { papers: ParsedPaper[]; incompleteTail: ParseReport['incompleteTail'] } {
  const papers: ParsedPaper[] = [];
  let incompleteTail: ParseReport['incompleteTail'] = null;
  starts.forEach((start, n) => {
    const end = n + 1 < starts.length ? starts[n + 1]! : lines.length;
    const isLast = n === starts.length - 1;
    const { paper, complete } = read(start, end);
    if (!paper || (isLast && !complete)) {
      if (isLast) incompleteTail = { line: start + 1, text: paper?.title ?? lines[start]!, missing: paper ? words.missingAfterTitle : 'title' };
      else skipped.push({ line: start + 1, text: lines[start]!, reason: words.noTitleReason });
      return;
    }
    if (!complete) warnings.push(words.incompleteWarning(start + 1, paper.title));
    papers.push(paper);
  });
  return { papers, incompleteTail };
}
