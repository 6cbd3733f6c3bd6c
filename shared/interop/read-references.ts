/** One entry point for reading a reference file of any supported format. */
import { LecternError } from '../errors';
import { readBibtex } from './bibtex/read';
import { readCslJson } from './csl-json/read';
import { detectReferenceFormat } from './detect-format';
import type { InteropFormat, InteropReadResult, ReadOptions } from './interop-record';
import { asReaderError } from './reader-error';
import { readRis } from './ris/read';

/**
 * @param text the decoded file (see encoding.ts)
 * @param format the format, or null to detect it from the text
 * @returns the reader's result (`format` says which reader ran)
 * @throws LecternError `INVALID_INPUT` when the format is not given and the text is none of BibTeX, RIS
 *   or CSL-JSON, or when the reader met something it could not handle (out of memory, a stack overflow:
 *   wrapped, never passed on raw); `CANCELLED` when options.signal aborts
 */
export async function readReferences(text: string, format: InteropFormat | null, options: ReadOptions = {}): Promise<InteropReadResult> {
  try {
    return await readAny(text, format, options);
  } catch (err) {
    throw asReaderError(err);
  }
}

async function readAny(text: string, format: InteropFormat | null, options: ReadOptions): Promise<InteropReadResult> {
  const chosen = format ?? detectReferenceFormat(text);
  if (chosen === null) {
    throw new LecternError('INVALID_INPUT', 'This is not a BibTeX, BibLaTeX, RIS or CSL-JSON file: no entry like @article{...}, TY  - or a JSON list of items was found.');
  }
  if (chosen === 'bibtex' || chosen === 'biblatex') {
    const result = await readBibtex(text, options);
    return { ...result, format: chosen };
  }
  if (chosen === 'ris') return readRis(text, options);
  return readCslJson(text, options);
}
