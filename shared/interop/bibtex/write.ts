/**
 * Writing records as BibTeX or BibLaTeX.
 *
 * Own code rather than citation-js's `Cite#format('bibtex')`: citation-js turns every item into its
 * internal Cite object and back (normalising CSL, then mapping through its generic translator tables)
 * before it writes a line, which measured 1,000 records in ~N ms here (see the report of h-bibwrite),
 * i.e. far beyond the 1,000 ms for 50,000 entries; it also writes braced corporate names as
 * family names and knows nothing of a record's tags, note, files or the reader's markers.
 */
import type { InteropRecord } from '../interop-record';
import { uniqueCitationKey } from '../citation-key';
import { entryType } from './bibtex-types';
import { bibtexFields } from './csl-to-bibtex';

export interface BibtexWriteOptions {
  dialect: 'bibtex' | 'biblatex';
  /** Write non-ASCII as LaTeX commands (`{\"u}`) instead of UTF-8. */
  ascii?: boolean;
}

/** Characters a BibTeX key may not hold: they end the key or the entry, or start a comment or a string. */
const NOT_IN_KEY = /[\s,{}()=#%"'\\~]/g;

/** @returns the key as BibTeX can read it (forbidden characters removed), or `ref` + the entry's number */
function safeKey(record: InteropRecord, index: number): string {
  const key = (record.citationKey ?? record.item.id ?? '').replace(NOT_IN_KEY, '');
  return key === '' ? `ref${index + 1}` : key;
}

/**
 * @param records the records, written in this order
 * @param options `dialect`: BibTeX (year + month macro, `journal`, `@techreport`...) or BibLaTeX (`date`,
 *   `journaltitle`, `@online`...); `ascii`: non-ASCII as LaTeX commands where LaTeX has one
 * @returns valid LaTeX: one entry per record keyed by its citation key (else its item id; a key met twice
 *   gets `a`, `b`... so LaTeX can tell the entries apart), special characters escaped, protected capitals
 *   braced, names as `Family, Given` (particles, `Jr.`), corporate names in braces; two-space indent,
 *   a blank line between entries, a newline at the end ('' for no records)
 */
export function writeBibtex(records: readonly InteropRecord[], options: BibtexWriteOptions): string {
  const ascii = options.ascii === true;
  const keys = new Set<string>();
  const entries: string[] = [];
  for (let i = 0; i < records.length; i++) {
    const record = records[i]!;
    const key = uniqueCitationKey(safeKey(record, i), (k) => keys.has(k));
    keys.add(key);
    const type = entryType(record, options.dialect);
    const fields = bibtexFields(record, type, options.dialect, ascii);
    let entry = `@${type}{${key}`;
    for (const field of fields) entry += field.bare === true ? `,\n  ${field.name} = ${field.value}` : `,\n  ${field.name} = {${field.value}}`;
    entries.push(`${entry}\n}\n`);
  }
  return entries.join('\n');
}
