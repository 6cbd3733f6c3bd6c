/**
 * Writing records as BibTeX or BibLaTeX.
 *
 * Own code rather than citation-js's `new Cite(items).format('bibtex')`: citation-js first turns every item
 * into its Cite data (normalising the CSL, then mapping it through its generic translator tables) before it
 * writes a line. Measured on the generated records of tests/bench/interop/bibtex-export.ts, warm, on the
 * (loaded, 2-core) build machine: 1,000 records took citation-js 83-103 ms CPU (400-470 ms wall), this
 * writer 19-28 ms CPU; that is 4-5 s CPU for the 50,000 of `bibtex_export_50k`, whose target is 1,000 ms.
 * citation-js also writes braced corporate names as family names and knows nothing of a record's tags,
 * note, files or the reader's markers (original entry type, protected title).
 */
import type { InteropRecord } from '../interop-record';
import { CitationKeyAllocator, DEFAULT_CITATION_KEY_PATTERN, formatCitationKey, isWritableCitationKey } from '../citation-key';
import { entryType } from './bibtex-types';
import { FieldSink, writeFields } from './csl-to-bibtex';

export interface BibtexWriteOptions {
  dialect: 'bibtex' | 'biblatex';
  /** Write non-ASCII as LaTeX commands (`{\"u}`) instead of UTF-8. */
  ascii?: boolean;
}

/** Entries per joined piece of the output. */
const CHUNK = 256;

/** @returns the record's key when BibTeX can hold it, else the default pattern's key, else `ref` + the entry's number */
function safeKey(record: InteropRecord, index: number): string {
  const given = record.citationKey ?? record.item.id ?? '';
  if (isWritableCitationKey(given)) return given;
  // An illegal key (control or invisible characters, a line break, a brace) is never written: the
  // default pattern's key stands in for it.
  let key = '';
  try {
    key = formatCitationKey(record.item, DEFAULT_CITATION_KEY_PATTERN);
  } catch {
    // The default pattern is valid; nothing to say here.
  }
  return isWritableCitationKey(key) ? key : `ref${index + 1}`;
}

/**
 * @returns the records in their order, except that an entry another one names in `crossref` comes after
 *   all the entries that do not (classic BibTeX resolves a crossref only to an entry further down)
 */
function parentsLast(records: readonly InteropRecord[]): readonly InteropRecord[] {
  const parents = new Set<string>();
  for (const r of records) {
    const parent = r.extra.crossref;
    if (parent !== undefined && parent.trim() !== '') parents.add(parent.trim().toLowerCase());
  }
  if (parents.size === 0) return records;
  const isParent = (r: InteropRecord) => parents.has((r.citationKey ?? r.item.id ?? '').toLowerCase());
  return [...records.filter((r) => !isParent(r)), ...records.filter(isParent)];
}

/**
 * @param given the records, written in this order (but crossref parents after their children)
 * @param options `dialect`: BibTeX (year + month macro, `journal`, `@techreport`...) or BibLaTeX (`date`,
 *   `journaltitle`, `@online`...); `ascii`: non-ASCII as LaTeX commands where LaTeX has one
 * @returns valid LaTeX: one entry per record keyed by its citation key (else its item id; a key met twice
 *   gets `a`, `b`... so LaTeX can tell the entries apart; keys differing only in case are the same key to BibTeX), special characters escaped, protected capitals
 *   braced, names as `Family, Given` (particles, `Jr.`), corporate names in braces; two-space indent,
 *   a blank line between entries, a newline at the end ('' for no records)
 */
export function writeBibtex(given: readonly InteropRecord[], options: BibtexWriteOptions): string {
  const records = parentsLast(given);
  const sink = new FieldSink(options.ascii === true);
  sink.keysInFile = new Set(records.map((r) => (r.citationKey ?? r.item.id ?? '').toLowerCase()));
  const keys = new Set<string>();
  const chunks: string[] = [];
  // BibTeX and biber compare keys without case (`Smith2020` and `smith2020` clash).
  const allocator = new CitationKeyAllocator((k) => keys.has(k.toLowerCase()), (k) => k.toLowerCase());
  for (let i = 0; i < records.length; i++) {
    const record = records[i]!;
    const key = allocator.unique(safeKey(record, i));
    keys.add(key.toLowerCase());
    const type = entryType(record, options.dialect);
    sink.parts.push(i === 0 ? '@' : '\n@', type, '{', key);
    writeFields(sink, record, type, options.dialect);
    sink.parts.push('\n}\n');
    // Joined every CHUNK entries: one array of millions of pieces grew and was copied, and kept every
    // piece alive until the end.
    if (i % CHUNK === CHUNK - 1) {
      chunks.push(sink.parts.join(''));
      sink.parts = [];
    }
  }
  chunks.push(sink.parts.join(''));
  return chunks.length === 1 ? chunks[0]! : chunks.join('');
}
