/** Telling a pasted or dropped reference file's format from its text (not its name). */
import type { InteropFormat } from './interop-record';
import { risTagLine } from './ris/read';

/** Only the start of a file is looked at: formats show themselves in their first entries. */
const PREFIX_CHARS = 64 * 1024;
/** An entry's first line: `@article{key,` or `@book(key,` (whitespace allowed before the brace and the key). */
const BIBTEX_ENTRY = /^[ \t]{0,40}@[A-Za-z]{2,30}[ \t]{0,10}[{(][ \t]{0,10}[^\s,{}()"=#%]{1,200}[ \t]{0,10},/;
/** `@string{`, `@preamble{`, `@comment{` and entries without a key on their first line. */
const BIBTEX_BLOCK = /^[ \t]{0,40}@[A-Za-z]{2,30}[ \t]{0,10}[{(]/;

/**
 * @param text the file or paste (BOM already removed; one is skipped if present)
 * @returns `bibtex` (BibTeX and BibLaTeX look alike: readers take both), `ris`, `csl-json`, or null
 *   when the text is none of them (a profile page, prose). Reads at most the first 64 KB.
 */
export function detectReferenceFormat(text: string): InteropFormat | null {
  const prefix = (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).slice(0, PREFIX_CHARS);
  const start = prefix.trimStart();
  if (start.startsWith('[') || start.startsWith('{')) return looksLikeCslJson(start) ? 'csl-json' : null;
  const lines = prefix.split(/\r\n|\n|\r/);
  // The last line of a cut prefix may be half a line: it is not looked at.
  if (prefix.length < text.length) lines.pop();
  return looksLikeRis(lines) ? 'ris' : looksLikeBibtex(lines) ? 'bibtex' : null;
}

/** A JSON array of objects or one object, with a `"type"` key and a `"title"` or `"id"` key. */
function looksLikeCslJson(start: string): boolean {
  const body = start.startsWith('[') ? start.slice(1).trimStart() : start;
  if (!body.startsWith('{')) return false;
  return body.includes('"type"') && (body.includes('"title"') || body.includes('"id"'));
}

/**
 * RIS: the first line that is not blank is `TY  - ...`, or the text has `TY` lines and mostly tag lines
 * (an export pasted after a line of prose).
 */
function looksLikeRis(lines: readonly string[]): boolean {
  let firstSeen = false;
  let typeLines = 0;
  let tagLines = 0;
  let otherLines = 0;
  for (const line of lines) {
    if (line.trim() === '') continue;
    const tagged = risTagLine(line);
    if (!firstSeen) {
      firstSeen = true;
      if (tagged?.tag === 'TY' && tagged.value !== '') return true;
    }
    if (tagged) {
      tagLines++;
      if (tagged.tag === 'TY' && tagged.value !== '') typeLines++;
    } else {
      otherLines++;
    }
  }
  return typeLines > 0 && tagLines >= 3 && tagLines > otherLines;
}

/**
 * BibTeX: the first line that is neither blank nor a `%` comment starts an entry or an `@string`/
 * `@preamble`/`@comment` block, or two or more lines start entries `@type{key,`.
 */
function looksLikeBibtex(lines: readonly string[]): boolean {
  let firstSeen = false;
  let entries = 0;
  for (const line of lines) {
    const trimmed = line.trimStart();
    if (trimmed === '' || trimmed.startsWith('%')) continue;
    if (!firstSeen) {
      firstSeen = true;
      if (BIBTEX_BLOCK.test(line)) return true;
    }
    if (BIBTEX_ENTRY.test(line) && ++entries >= 2) return true;
  }
  return false;
}
