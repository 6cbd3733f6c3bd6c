/**
 * Parser for a pasted Hugging Face papers page (FORMATS.md). Not written yet: detection never picks it.
 */
import { emptyOutcome, type PasteFormat } from './paste-format';

export const huggingfacePapersFormat: PasteFormat = {
  id: 'huggingface_papers',
  source: 'huggingface_papers',
  label: 'Hugging Face papers page',
  site: 'Hugging Face',
  isProfile: false,
  signatures: () => 0,
  parse: () => emptyOutcome('huggingface_papers'),
  noPapersHint: 'copy the whole page, with its list of papers.',
};
