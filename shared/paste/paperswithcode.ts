/**
 * Parser for a pasted Papers with Code author search (FORMATS.md). Not written yet: detection never picks it.
 */
import { emptyOutcome, type PasteFormat } from './paste-format';

export const papersWithCodeFormat: PasteFormat = {
  id: 'paperswithcode',
  source: 'paperswithcode',
  label: 'Papers with Code author search',
  site: 'Papers with Code',
  isProfile: true,
  signatures: () => 0,
  parse: () => emptyOutcome('paperswithcode'),
  noPapersHint: 'copy the whole results page.',
};
