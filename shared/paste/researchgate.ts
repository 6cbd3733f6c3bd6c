/**
 * Parser for a pasted ResearchGate profile (FORMATS.md). Not written yet: detection never picks it.
 */
import { emptyOutcome, type PasteFormat } from './paste-format';

export const researchgateFormat: PasteFormat = {
  id: 'researchgate',
  source: 'researchgate',
  label: 'ResearchGate profile',
  site: 'ResearchGate',
  isProfile: true,
  signatures: () => 0,
  parse: () => emptyOutcome('researchgate'),
  noPapersHint: 'open the Research tab and copy the whole page, with the list of publications.',
};
