/**
 * Parser for a pasted arXiv listing (FORMATS.md). Not written yet: detection never picks it.
 */
import { emptyOutcome, type PasteFormat } from './paste-format';

export const arxivListingFormat: PasteFormat = {
  id: 'arxiv_listing',
  source: 'arxiv_listing',
  label: 'arXiv listing',
  site: 'arXiv',
  isProfile: false,
  signatures: () => 0,
  parse: () => emptyOutcome('arxiv_listing'),
  noPapersHint: 'copy the whole listing, with its numbered entries.',
};
