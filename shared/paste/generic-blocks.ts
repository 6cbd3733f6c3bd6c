/**
 * Parser for a pasted page Lectern does not know (FORMATS.md). Not written yet: detection never picks it.
 */
import { emptyOutcome, type PasteFormat } from './paste-format';

export const genericFormat: PasteFormat = {
  id: 'generic',
  source: 'generic',
  label: 'page Lectern does not know',
  site: 'the pasted page',
  isProfile: false,
  signatures: () => 0,
  parse: () => emptyOutcome('generic'),
  noPapersHint: 'no line of it looks like a paper (a title with a year, a DOI or an arXiv id near it).',
};
