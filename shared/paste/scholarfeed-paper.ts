/**
 * Parser for a pasted scholarfeed paper page (FORMATS.md). Not written yet: detection never picks it.
 */
import { emptyOutcome, type PasteFormat } from './paste-format';

export const scholarfeedPaperFormat: PasteFormat = {
  id: 'scholarfeed_paper',
  source: 'scholarfeed',
  label: 'scholarfeed paper page',
  site: 'scholarfeed',
  isProfile: false,
  signatures: () => 0,
  parse: () => emptyOutcome('scholarfeed'),
  noPapersHint: 'copy the whole paper page, from its title to its abstract.',
};
