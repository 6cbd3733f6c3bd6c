/**
 * Parser for a pasted dblp person page (FORMATS.md). Not written yet: detection never picks it.
 */
import { emptyOutcome, type PasteFormat } from './paste-format';

export const dblpFormat: PasteFormat = {
  id: 'dblp',
  source: 'dblp',
  label: 'dblp person page',
  site: 'dblp',
  isProfile: true,
  signatures: () => 0,
  parse: () => emptyOutcome('dblp'),
  noPapersHint: 'copy the whole page, with the list of publications.',
};
