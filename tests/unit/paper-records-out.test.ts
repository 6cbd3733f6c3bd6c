import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openLibrary, type Library } from '../../db/open';
import { paperRecordsOut } from '../../db/library/paper-records-out';
import { seedReferences } from './helpers/interop-records';
import { tempLibraryFile } from './helpers/fixtures';

let lib: Library;
beforeEach(() => {
  lib = openLibrary(tempLibraryFile());
});
afterEach(() => lib.close());

const seed = () => seedReferences(lib);

describe('papers as records', () => {
  it('give back the CSL item, name parts, tags, notes joined, files, arXiv id and the reader\'s extra fields', async () => {
    await seed();
    lib.db.$client.prepare(`INSERT INTO notes (paper_id, body, created_at) VALUES (1, 'Second note.', '2999-01-01')`).run();
    const [book, graph] = paperRecordsOut(lib.db, [1, 2, 99]);
    expect(book).toEqual({
      item: {
        id: 'beethoven1824', 'citation-key': 'beethoven1824', type: 'book', title: 'Symphonies', publisher: 'Schott',
        issued: { 'date-parts': [[1824, 5]] },
        author: [{ family: 'Beethoven', given: 'Ludwig', 'non-dropping-particle': 'van' }, { literal: 'Barnes and Noble' }],
        editor: [{ family: 'Doe', given: 'John' }],
      },
      citationKey: 'beethoven1824', tags: ['music'], note: 'First note.\n\nSecond note.', files: ['a.pdf'], arxivId: null, extra: { bibtex_type: 'book' }, at: { line: 1, column: 1 },
    });
    expect(graph!.item).toMatchObject({ id: '2', DOI: '10.1/g', 'container-title': 'J. Graphs', volume: '2', page: '3-4', issued: { 'date-parts': [[2020]] } });
    expect(graph!.arxivId).toBe('2401.00001v3');
    expect(paperRecordsOut(lib.db, [99])).toEqual([]);
  });
});

