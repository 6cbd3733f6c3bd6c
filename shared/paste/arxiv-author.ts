/**
 * Parser for a pasted arXiv author page, `arxiv.org/a/<id>` (FORMATS.md section 4.5 (a)):
 *
 *   <Name>'s articles on arXiv
 *   [k] arXiv:<id> [pdf, ps, other]            id: 2503.04417 | cs/0612045 (old style)
 *   Title: <title>
 *   Authors: <A>, <B>*, <C>                    '*' / '†' = equal contribution
 *   [Comments: …] [Journal-ref: …] [DOI: …]    (possibly glued in one line)
 *   Subjects: Computation and Language (cs.CL); Machine Learning (cs.LG)
 *
 * No abstracts. The date is the month the identifier encodes (YYYY-MM); the author card holds the name.
 */
import { ENTRY_NUMBER, entryShapeAt, matchEntryIdLine } from './arxiv-common';
import { groupEntries, readEntries } from './arxiv-entry';
import type { ParsedAuthor, ParseOutcome, SkippedLine } from './parsed';
import { emptyAuthor } from './paper-shape';
import type { PasteFormat } from './paste-format';

const HEADER_ENDINGS = ["'s articles on arXiv", '’s articles on arXiv'] as const;

/** The name of a `<Name>'s articles on arXiv` heading, or null. */
export function authorPageName(line: string): string | null {
  for (const end of HEADER_ENDINGS) {
    if (line.endsWith(end)) {
      const name = line.slice(0, -end.length).trim();
      return name === '' || name.length > 200 ? null : name;
    }
  }
  return null;
}

/**
 * Author-page signatures (FORMATS.md section 2): the `'s articles on arXiv` heading, and each
 * `[k] arXiv:` entry shaped like an author page's (entryShapeAt: `Authors:` labelled, no abstract).
 * The search template has `Authors:` too, but no `[k]` numbers and no `Title:` label.
 */
export function arxivAuthorSignatures(lines: readonly string[]): number {
  let score = 0;
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (authorPageName(line)) score++;
    else if (entryShapeAt(lines, i) === 'author') score++;
  });
  return score;
}

/**
 * Parse an arXiv author page from its normalised lines.
 * @param lines normaliseLines of the paste (line i is line i+1)
 * @returns the author card (name only: the page shows no affiliation or metrics; null when the heading
 *   was not pasted) and the papers in page order; the report lists page lines that are not entries,
 *   entries left out and a last entry cut off by the end of the paste. Never throws; linear.
 */
export function parseArxivAuthorLines(lines: readonly string[]): ParseOutcome {
  const skipped: SkippedLine[] = [];
  const warnings: string[] = [];
  const { entries, outside } = groupEntries(lines, matchEntryIdLine, (l) => ENTRY_NUMBER.test(l) || authorPageName(l) !== null);
  let author: ParsedAuthor | null = null;
  for (const i of outside) {
    const name = authorPageName(lines[i]!.trim());
    if (name && !author) author = emptyAuthor(name);
    else if (!ENTRY_NUMBER.test(lines[i]!.trim())) skipped.push({ line: i + 1, text: lines[i]!, reason: 'page text outside the articles' });
  }
  const { papers, incompleteTail } = readEntries(entries, 'author', lines, skipped, warnings);
  return {
    profile: { source: 'arxiv_author', source_url_hint: 'https://arxiv.org/a/<author id>', author, papers },
    report: { skipped, incompleteTail, warnings },
  };
}

/** The arXiv author page in the list of formats (formats.ts). */
export const arxivAuthorFormat: PasteFormat = {
  id: 'arxiv_author',
  source: 'arxiv_author',
  label: 'arXiv author page',
  site: 'arXiv',
  isProfile: true,
  signatures: arxivAuthorSignatures,
  parse: parseArxivAuthorLines,
  noPapersHint: "the paste has no articles such as '[1] arXiv:2503.04417 [pdf, ps, other]' with Title and Authors lines. Copy the whole page, with its numbered list of articles.",
};
