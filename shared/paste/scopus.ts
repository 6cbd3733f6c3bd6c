/**
 * Parser for a pasted Scopus author page (FORMATS.md). Not written yet: detection never picks it.
 */
import { emptyOutcome, type PasteFormat } from './paste-format';

export const scopusFormat: PasteFormat = {
  id: 'scopus',
  source: 'scopus',
  label: 'Scopus author page',
  site: 'Scopus',
  isProfile: true,
  signatures: () => 0,
  parse: () => emptyOutcome('scopus'),
  noPapersHint: 'copy the whole page, with the Documents list showing.',
};
