/**
 * Parser for a pasted OpenReview profile (FORMATS.md). Not written yet: detection never picks it.
 */
import { emptyOutcome, type PasteFormat } from './paste-format';

export const openreviewFormat: PasteFormat = {
  id: 'openreview',
  source: 'openreview',
  label: 'OpenReview profile',
  site: 'OpenReview',
  isProfile: true,
  signatures: () => 0,
  parse: () => emptyOutcome('openreview'),
  noPapersHint: 'copy the whole profile, down to the end of its Publications section.',
};
