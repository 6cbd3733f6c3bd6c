import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openLibrary, type Library } from '../../db/open';
import { exportReferences } from '../../db/library/reference-export';
import { importReferences } from '../../db/library/reference-import';
import { readReferences } from '../../shared/interop/read-references';
import { seedReferences } from './helpers/interop-records';
import { tempLibraryFile } from './helpers/fixtures';

let lib: Library;
beforeEach(() => {
  lib = openLibrary(tempLibraryFile());
});
afterEach(() => lib.close());

const seed = () => seedReferences(lib);

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

  it('a Markdown reference list is a list: one `- ` item per entry (author-date), one line each in text', async () => {
    await seed();
    const md = exportReferences(lib.db, { filters: { paperIds: [2, 3] }, format: 'markdown', styleId: 'apa' }).text;
    expect(md.split('\n')).toEqual([expect.stringMatching(/^- Lee, A\. \(2019\)\. \*Other Paper\*/), expect.stringMatching(/^- Smith, /), '']);
    const numbered = exportReferences(lib.db, { filters: { paperIds: [2, 3] }, format: 'markdown', styleId: 'vancouver' }).text;
    expect(numbered.split('\n').map((l) => l.slice(0, 3))).toEqual(['1. ', '2. ', '']);
    const text = exportReferences(lib.db, { filters: { paperIds: [2, 3] }, format: 'text', styleId: 'apa' }).text;
    expect(text.split('\n')).toEqual([expect.stringMatching(/^Lee, A\. \(2019\)/), expect.stringMatching(/^Smith, /), '']);
  });
});

