/**
 * Parser for pasted arXiv search results, `arxiv.org/search/?searchtype=author&query=…` (FORMATS.md
 * section 4.5 (c)):
 *
 *   Showing 1–16 of 16 results for author: <Surname>, <Initial>
 *   arXiv:<id> [pdf, other]                       category tags may share this line
 *   cs.CL cs.LG
 *   <Title>
 *   Authors: <A>, <B>, …
 *   Abstract: <first ~240 chars>… ▽ More         -> abstract_truncated
 *   Submitted 2 September, 2025; v1 submitted 4 July, 2025; originally announced July 2025.
 *   [Comments: …] [Journal ref: …]
 *
 * Not a profile, even for an author query: a search by surname and initial matches several people, so
 * no author card is made (author null). The date is the
 * first version's submission date (`v1 submitted`, else `Submitted`).
 */
import { ENTRY_NUMBER, matchSearchIdLine } from './arxiv-common';
import { groupEntries, readEntries } from './arxiv-entry';
import type { ParseOutcome, SkippedLine } from './parsed';
import type { PasteFormat } from './paste-format';

/** `Showing 1–16 of 16 results for author: Ruan, C` (en dash; a hyphen from some converters). */
const RESULTS_LINE = /^Showing \d{1,6}[–-]\d{1,6} of [\d,]{1,9} results for (.{1,300})$/;
const SUBMITTED = /^Submitted \d{1,2} [A-Z][a-z]{2,8},? \d{4}(?:;|\.|$)/;
const FORMAT_LIST = /^arXiv:\S{1,40} *\[(?:pdf|ps|html|other)/;
const MORE = '▽ More';

/**
 * Search signatures (FORMATS.md section 2): the results line, `arXiv:<id> [pdf…` lines (no `[k]`
 * number), `Abstract: … ▽ More` and `Submitted <date>;` lines.
 */
export function arxivSearchSignatures(lines: readonly string[]): number {
  let score = 0;
  let previous = '';
  for (const raw of lines) {
    const line = raw.trim();
    if (line === '') continue;
    // An identifier under a lone `[k]` belongs to a listing or an author page.
    if (RESULTS_LINE.test(line) || (FORMAT_LIST.test(line) && !ENTRY_NUMBER.test(previous)) || SUBMITTED.test(line)) score++;
    else if (line.startsWith('Abstract: ') && line.endsWith(MORE)) score++;
    previous = line;
  }
  return score;
}

/**
 * Parse arXiv search results from their normalised lines.
 * @param lines normaliseLines of the paste (line i is line i+1)
 * @returns papers in page order with `author: null`; the report lists page lines that are not results,
 *   results left out (no title or no category) and a last result cut off by the end of the paste.
 *   Never throws; linear.
 */
export function parseArxivSearchLines(lines: readonly string[]): ParseOutcome {
  const skipped: SkippedLine[] = [];
  const warnings: string[] = [];
  const { entries, outside } = groupEntries(lines, matchSearchIdLine, (l) => RESULTS_LINE.test(l));
  for (const i of outside) {
    const m = RESULTS_LINE.exec(lines[i]!.trim());
    if (!m) skipped.push({ line: i + 1, text: lines[i]!, reason: 'page text outside the results' });
  }
  const { papers, incompleteTail } = readEntries(entries, 'search', lines, skipped, warnings);
  return {
    profile: { source: 'arxiv_search', source_url_hint: 'https://arxiv.org/search/?searchtype=author&query=<name>', author: null, papers },
    report: { skipped, incompleteTail, warnings },
  };
}

/** The arXiv search results page in the list of formats (formats.ts). */
export const arxivSearchFormat: PasteFormat = {
  id: 'arxiv_search',
  source: 'arxiv_search',
  label: 'arXiv search results page',
  site: 'arXiv',
  isProfile: false,
  signatures: arxivSearchSignatures,
  parse: parseArxivSearchLines,
  noPapersHint: "the paste has no results such as 'arXiv:2503.04417 [pdf, other]' followed by a title and an Authors line. Copy the whole results page, with its entries.",
};
