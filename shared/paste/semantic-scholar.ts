/**
 * Parser for a pasted Semantic Scholar author page (FORMATS.md). Not written yet: detection never picks it.
 */
import { emptyOutcome, type PasteFormat } from './paste-format';

export const semanticScholarFormat: PasteFormat = {
  id: 'semantic_scholar',
  source: 'semantic_scholar',
  label: 'Semantic Scholar author page',
  site: 'Semantic Scholar',
  isProfile: true,
  signatures: () => 0,
  parse: () => emptyOutcome('semantic_scholar'),
  noPapersHint: 'copy the page with its list of publications showing.',
};
