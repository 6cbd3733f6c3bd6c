/**
 * Parser for a pasted ORCID record (FORMATS.md). Not written yet: detection never picks it.
 */
import { emptyOutcome, type PasteFormat } from './paste-format';

export const orcidFormat: PasteFormat = {
  id: 'orcid',
  source: 'orcid',
  label: 'ORCID record',
  site: 'ORCID',
  isProfile: true,
  signatures: () => 0,
  parse: () => emptyOutcome('orcid'),
  noPapersHint: 'open the Works section and copy the whole record.',
};
