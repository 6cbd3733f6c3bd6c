/**
 * Parser for a pasted Google Scholar profile (FORMATS.md). Not written yet: detection never picks it.
 */
import { emptyOutcome, type PasteFormat } from './paste-format';

export const googleScholarFormat: PasteFormat = {
  id: 'google_scholar',
  source: 'google_scholar',
  label: 'Google Scholar profile',
  site: 'Google Scholar',
  isProfile: true,
  signatures: () => 0,
  parse: () => emptyOutcome('google_scholar'),
  noPapersHint: 'the paste ends after the header. Scroll to the end of the list and click Show more before copying.',
};
