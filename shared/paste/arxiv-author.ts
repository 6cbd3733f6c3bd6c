/**
 * Parser for a pasted arXiv author page (FORMATS.md). Not written yet: detection never picks it.
 */
import { emptyOutcome, type PasteFormat } from './paste-format';

export const arxivAuthorFormat: PasteFormat = {
  id: 'arxiv_author',
  source: 'arxiv_author',
  label: 'arXiv author page',
  site: 'arXiv',
  isProfile: true,
  signatures: () => 0,
  parse: () => emptyOutcome('arxiv_author'),
  noPapersHint: 'copy the whole page, with its numbered list of articles.',
};
