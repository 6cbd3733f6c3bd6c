/** InteropRecords and files built by hand, for the library side of reference import and export. */
import type { CslItemJson, InteropRecord, InteropReadResult } from '../../../shared/interop/interop-record';
import type { ReferenceFile } from '../../../db/library/reference-import';

/** A record: `item` fields over a small article by Jane Smith (2020). */
export function rec(item: Partial<CslItemJson>, more: Partial<InteropRecord> = {}): InteropRecord {
  return {
    item: { id: 'x', type: 'article-journal', title: 'A Study of Things', author: [{ family: 'Smith', given: 'Jane' }], issued: { 'date-parts': [[2020]] }, ...item },
    citationKey: null,
    tags: [],
    note: null,
    files: [],
    arxivId: null,
    extra: {},
    at: { line: 1, column: 1 },
    ...more,
  };
}

/** A read BibTeX file holding these records (and these problems). */
export function file(records: InteropRecord[], problems: InteropReadResult['problems'] = [], text = `@article{${records.length}}`): ReferenceFile {
  return { fileName: 'refs.bib', text, encoding: 'utf-8', read: { format: 'bibtex', records, problems, entriesSeen: records.length + problems.filter((p) => p.severity === 'error').length } };
}
