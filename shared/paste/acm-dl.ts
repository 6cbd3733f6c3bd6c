/**
 * Parser for a pasted ACM Digital Library profile (FORMATS.md). Not written yet: detection never picks it.
 */
import { emptyOutcome, type PasteFormat } from './paste-format';

export const acmDlFormat: PasteFormat = {
  id: 'acm_dl',
  source: 'acm_dl',
  label: 'ACM Digital Library profile',
  site: 'ACM Digital Library',
  isProfile: true,
  signatures: () => 0,
  parse: () => emptyOutcome('acm_dl'),
  noPapersHint: 'open Published Works and copy the whole page.',
};
