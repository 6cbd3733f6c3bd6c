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
    return { ...result, format: format === null && chosen === 'bibtex' && looksBiblatex(text) ? 'biblatex' : chosen };
  }
  if (chosen === 'ris') return readRis(text, options);
  return readCslJson(text, options);
}

/** A field only BibLaTeX has, at the start of a line (`  date = {2020-05-03},`). */
const BIBLATEX_FIELD = /^[ \t]*(?:date|journaltitle|location|langid|eprinttype|urldate)[ \t]*=/im;
/** An entry type only BibLaTeX has. */
const BIBLATEX_TYPE = /@(?:online|report|thesis|dataset|software|mvbook|collection|reference)[ \t]*[{(]/i;

/**
 * @param text a file read as BibTeX
 * @returns whether it is BibLaTeX (Better BibTeX's BibLaTeX export, biber files): a BibLaTeX-only field
 *   (date, journaltitle, location, langid, eprinttype, urldate) or entry type (online, report, thesis, ...)
 */
export function looksBiblatex(text: string): boolean {
  return BIBLATEX_FIELD.test(text) || BIBLATEX_TYPE.test(text);
}
