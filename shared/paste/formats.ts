/**
 * Every format Lectern can read, in the order detection breaks ties (more specific pages first).
 * Adding a source is one file under shared/paste/ and one line here: it gets normalisation, the paste
 * thread with its time budget, the source picker and the reliability tests without more work.
 */
import { FILE_SOURCE_LABELS, isFileImportSource, type ImportSource } from '../import-source';
import { acmDlFormat } from './acm-dl';
import { arxivAuthorFormat } from './arxiv-author';
import { arxivListingFormat } from './arxiv-listing';
import { arxivSearchFormat } from './arxiv-search';
import { dblpFormat } from './dblp';
import { genericFormat } from './generic-blocks';
import { googleScholarFormat } from './google-scholar';
import { huggingfacePapersFormat } from './huggingface-papers';
import { openreviewFormat } from './openreview';
import { orcidFormat } from './orcid';
import type { PasteSource } from './parsed';
import type { FormatId, PasteFormat } from './paste-format';
import { papersWithCodeFormat } from './paperswithcode';
import { researchgateFormat } from './researchgate';
import { scholarfeedFormat } from './scholarfeed';
import { scholarfeedPaperFormat } from './scholarfeed-paper';
import { scopusFormat } from './scopus';
import { semanticScholarFormat } from './semantic-scholar';

export const FORMATS: readonly PasteFormat[] = [
  scholarfeedPaperFormat,
  scholarfeedFormat,
  googleScholarFormat,
  semanticScholarFormat,
  dblpFormat,
  arxivAuthorFormat,
  arxivListingFormat,
  arxivSearchFormat,
  openreviewFormat,
  orcidFormat,
  researchgateFormat,
  acmDlFormat,
  scopusFormat,
  papersWithCodeFormat,
  huggingfacePapersFormat,
  genericFormat,
];

/**
 * The format with this id.
 * @throws Error when the id is not one of FORMAT_IDS (a programming error: ids come from the contract's enum)
 */
export function formatById(id: FormatId): PasteFormat {
  const f = FORMATS.find((x) => x.id === id);
  if (!f) throw new Error(`no paste format ${id}`);
  return f;
}

/**
 * What a page of this source is, in words, for messages: `Google Scholar profile`, `dblp person page`.
 * @param source a PasteSource (the scholarfeed author page for `scholarfeed`)
 */
export function pageLabel(source: ImportSource): string {
  if (isFileImportSource(source)) return FILE_SOURCE_LABELS[source];
  return (FORMATS.find((f) => f.id === source) ?? FORMATS.find((f) => f.source === source))?.label ?? source;
}
