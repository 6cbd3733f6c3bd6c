/** InteropRecords and files built by hand, for the library side of reference import and export. */
import type { CslItemJson, InteropRecord, InteropReadResult } from '../../../shared/interop/interop-record';
import { importReferences, type ReferenceFile } from '../../../db/library/reference-import';
import type { Library } from '../../../db/open';

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

/** Three papers imported from a file: a book with name parts, tags, a note, a file and a key; an article with a DOI and an arXiv id; one by Ann Lee (2019). */
export async function seedReferences(lib: Library): Promise<void> {
  await importReferences(lib.db, file([
    rec(
      { title: 'Symphonies', type: 'book', publisher: 'Schott', issued: { 'date-parts': [[1824, 5]] }, author: [{ family: 'Beethoven', given: 'Ludwig', 'non-dropping-particle': 'van' }, { literal: 'Barnes and Noble' }], editor: [{ family: 'Doe', given: 'John' }] },
      { citationKey: 'beethoven1824', tags: ['music'], note: 'First note.', files: ['a.pdf'], extra: { bibtex_type: 'book' } },
    ),
    rec({ title: 'Graph Networks', DOI: '10.1/g', 'container-title': 'J. Graphs', volume: '2', page: '3-4' }, { tags: ['ml'], arxivId: '2401.00001v3' }),
    rec({ title: 'Other Paper', author: [{ family: 'Lee', given: 'Ann' }], issued: { 'date-parts': [[2019]] } }),
  ]));
}
