import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openLibrary, type Library } from '../../db/open';
import { exportReferences } from '../../db/library/reference-export';
import { paperRecordsOut } from '../../db/library/paper-records-out';
import { importReferences } from '../../db/library/reference-import';
import { readReferences } from '../../shared/interop/read-references';
import { call } from '../../electron/handlers/dispatch';
import { createHandlers } from '../../electron/handlers/handlers';
import { file, rec } from './helpers/interop-records';
import { REPO, tempLibraryFile } from './helpers/fixtures';

let lib: Library;
beforeEach(() => {
  lib = openLibrary(tempLibraryFile());
});
afterEach(() => lib.close());

async function seed(): Promise<void> {
  await importReferences(lib.db, file([
    rec(
      { title: 'Symphonies', type: 'book', publisher: 'Schott', issued: { 'date-parts': [[1824, 5]] }, author: [{ family: 'Beethoven', given: 'Ludwig', 'non-dropping-particle': 'van' }, { literal: 'Barnes and Noble' }], editor: [{ family: 'Doe', given: 'John' }] },
      { citationKey: 'beethoven1824', tags: ['music'], note: 'First note.', files: ['a.pdf'], extra: { bibtex_type: 'book' } },
    ),
    rec({ title: 'Graph Networks', DOI: '10.1/g', 'container-title': 'J. Graphs', volume: '2', page: '3-4' }, { tags: ['ml'], arxivId: '2401.00001v3' }),
    rec({ title: 'Other Paper', author: [{ family: 'Lee', given: 'Ann' }], issued: { 'date-parts': [[2019]] } }),
  ]));
}

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

describe('exportReferences', () => {
  it('writes the selection, giving missing keys, with a file name', async () => {
    await seed();
    const out = exportReferences(lib.db, { filters: { paperIds: [2, 3] }, format: 'bibtex' });
    expect(out).toMatchObject({ count: 2, keysAssigned: 2, fileName: 'lectern-library.bib' });
    expect(out.text).toContain('@article{smith2020graphnetworks,');
    expect(out.text).toContain('@article{lee2019otherpaper,');
    expect(out.text).not.toContain('beethoven1824');
    // Keys are kept: a second export gives none.
    expect(exportReferences(lib.db, { filters: { paperIds: [2, 3] }, format: 'ris' })).toMatchObject({ keysAssigned: 0, fileName: 'lectern-library.ris' });
  });

  it('by tag, by collection, by query; the name of the tag or collection names the file', async () => {
    await seed();
    const tagId = (lib.db.$client.prepare(`SELECT id FROM tags WHERE name = 'ml'`).get() as { id: number }).id;
    const byTag = exportReferences(lib.db, { filters: { tagIds: [tagId] }, format: 'csl-json' });
    expect(byTag).toMatchObject({ count: 1, fileName: 'ml.json' });
    expect(JSON.parse(byTag.text)).toEqual([expect.objectContaining({ title: 'Graph Networks', DOI: '10.1/g' })]);
    const collection = lib.db.$client.prepare(`INSERT INTO collections (name) VALUES ('Thesis: ch/1') RETURNING id`).get() as { id: number };
    lib.db.$client.prepare('INSERT INTO collection_papers (collection_id, paper_id) VALUES (?, 1), (?, 3)').run(collection.id, collection.id);
    const byCollection = exportReferences(lib.db, { filters: { collectionId: collection.id }, format: 'biblatex' });
    expect(byCollection).toMatchObject({ count: 2, fileName: 'Thesis- ch-1.bib' });
    const byQuery = exportReferences(lib.db, { filters: { query: 'symphonies' }, format: 'ris' });
    expect(byQuery.count).toBe(1);
    expect(byQuery.text).toMatch(/^TY {2}- BOOK/m);
    expect(byQuery.text).toContain('AU  - van Beethoven, Ludwig');
  });

  it('round-trips: library -> .bib -> library -> .bib is stable', async () => {
    await seed();
    const first = exportReferences(lib.db, { filters: {}, format: 'bibtex' }).text;
    const other = openLibrary(tempLibraryFile());
    try {
      const read = await readReferences(first, 'bibtex');
      expect(read.problems).toEqual([]);
      await importReferences(other.db, { fileName: 'x.bib', text: first, encoding: 'utf-8', read });
      const second = exportReferences(other.db, { filters: {}, format: 'bibtex' }).text;
      expect(second.split('\n').sort()).toEqual(first.split('\n').sort());
    } finally {
      other.close();
    }
  });

  it('markdown and text reference lists in a style', async () => {
    await seed();
    const md = exportReferences(lib.db, { filters: { paperIds: [3] }, format: 'markdown', styleId: 'apa' });
    expect(md.fileName).toBe('lectern-library.md');
    expect(md.text).toContain('Lee, A. (2019). *Other Paper*');
    const text = exportReferences(lib.db, { filters: { paperIds: [3] }, format: 'text', styleId: 'apa' });
    expect(text.text).toContain('Lee, A. (2019). Other Paper');
  });
});

describe('styles and cite.format through the handlers', () => {
  const ieee = readFileSync(join(REPO, 'tests', 'fixtures', 'interop', 'styles', 'ieee-like.csl'), 'utf8');

  it('lists bundled styles, adds, replaces and removes a style, refuses a broken one', async () => {
    const h = createHandlers(lib);
    const bundled = await call(h, 'styles.list', {});
    expect(bundled.map((s) => s.styleId)).toEqual(['apa', 'vancouver', 'harvard1']);
    const added = await call(h, 'styles.add', { fileName: 'ieee.csl', xml: ieee });
    expect(added.replaced).toBe(false);
    expect(await call(h, 'styles.add', { fileName: 'ieee.csl', xml: ieee })).toEqual({ ...added, replaced: true });
    const listed = await call(h, 'styles.list', {});
    expect(listed.slice(3)).toEqual([{ styleId: added.styleId, title: added.title, builtIn: false, addedAt: expect.any(String) }]);
    await expect(call(h, 'styles.add', { fileName: 'broken.csl', xml: '<style' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(call(h, 'styles.remove', { styleId: 'apa' })).rejects.toMatchObject({ code: 'INVALID_INPUT', message: 'apa is built in and cannot be removed.' });
    await call(h, 'styles.remove', { styleId: added.styleId });
    expect((await call(h, 'styles.list', {})).length).toBe(3);
    await expect(call(h, 'styles.remove', { styleId: added.styleId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('refuses a style that takes a bundled id', async () => {
    const h = createHandlers(lib);
    const apaLike = ieee.replace(/<id>[^<]*<\/id>/, '<id>http://www.zotero.org/styles/apa</id>');
    await expect(call(h, 'styles.add', { fileName: 'apa.csl', xml: apaLike })).rejects.toMatchObject({ code: 'INVALID_INPUT', message: expect.stringMatching(/^apa is built in: apa\.csl cannot replace it/) });
  });

  it('formats a bibliography and a citation in APA, and in an added style', async () => {
    await seed();
    const h = createHandlers(lib);
    const bib = await call(h, 'cite.format', { paperIds: [3], styleId: 'apa' });
    expect(bib.entries).toEqual(['Lee, A. (2019). Other Paper.']);
    const cite = await call(h, 'cite.format', { paperIds: [3, 2], styleId: 'apa', mode: 'citation' });
    expect(cite.text).toBe('(Lee, 2019; Smith, 2020)');
    const added = await call(h, 'styles.add', { fileName: 'ieee.csl', xml: ieee });
    const numbered = await call(h, 'cite.format', { paperIds: [3], styleId: added.styleId });
    expect(numbered.entries).toHaveLength(1);
    await expect(call(h, 'cite.format', { paperIds: [3], styleId: 'nope' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(call(h, 'cite.format', { paperIds: [99], styleId: 'apa' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('references.export, citation keys and the pattern through the handlers', async () => {
    await seed();
    const h = createHandlers(lib);
    expect(await call(h, 'citationKeys.pattern', {})).toEqual({ pattern: '[auth:lower][year][shorttitle:lower]', isDefault: true });
    expect(await call(h, 'citationKeys.setPattern', { pattern: '[auth:lower][year]' })).toEqual({ example: 'beethoven1824' });
    const out = await call(h, 'references.export', { filters: { paperIds: [3] }, format: 'bibtex' });
    expect(out).toMatchObject({ count: 1, keysAssigned: 1 });
    expect(out.text).toContain('@article{lee2019,');
    expect(await call(h, 'papers.setCitationKey', { paperId: 3, key: 'ann:2019' })).toEqual({ key: 'ann:2019' });
    expect((await call(h, 'undo.undo', {})).label).toBe('Set citation key');
    expect(lib.db.$client.prepare('SELECT citation_key FROM papers WHERE id = 3').pluck().get()).toBe('lee2019');
  });
});
