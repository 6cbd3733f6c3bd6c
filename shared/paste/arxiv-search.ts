/**
 * Parser for a pasted arXiv search results page (FORMATS.md). Not written yet: detection never picks it.
 */
import { emptyOutcome, type PasteFormat } from './paste-format';

export const arxivSearchFormat: PasteFormat = {
  id: 'arxiv_search',
  source: 'arxiv_search',
  label: 'arXiv search results page',
  site: 'arXiv',
  isProfile: false,
  signatures: () => 0,
  parse: () => emptyOutcome('arxiv_search'),
  noPapersHint: 'copy the whole results page, with its entries.',
};
