import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openLibrary, type Library } from '../../db/open';
import { assignCitationKeys, citationKeyPattern, setCitationKey, setCitationKeyPattern } from '../../db/library/citation-keys';
import { applyChange } from '../../db/library/changes';
import { importReferences } from '../../db/library/reference-import';
import { file, rec } from './helpers/interop-records';
import { tempLibraryFile } from './helpers/fixtures';

let lib: Library;
beforeEach(() => {
  lib = openLibrary(tempLibraryFile());
});
afterEach(() => lib.close());

const keys = () => lib.db.$client.prepare('SELECT id, citation_key AS key, citation_key_pinned AS pinned FROM papers ORDER BY id').all();

async function threePapers(): Promise<void> {
  await importReferences(lib.db, file([
    rec({ title: 'Deep Learning of Things', DOI: '10.1/1' }),
    rec({ title: 'Deep Learning of Things, again', DOI: '10.1/2' }),
    rec({ title: 'Graph Networks', author: [{ family: 'Lee', given: 'Ann' }], issued: { 'date-parts': [[2019]] } }, { citationKey: 'lee:pinned' }),
  ]));
}

describe('citation keys', () => {
  it('are given from the pattern, unique with a/b suffixes, and kept', async () => {
    await threePapers();
    expect(assignCitationKeys(lib.db, [1, 2, 3])).toBe(2);
    expect(keys()).toEqual([
      { id: 1, key: 'smith2020deeplearningthings', pinned: 0 },
      { id: 2, key: 'smith2020deeplearningthingsa', pinned: 0 },
      { id: 3, key: 'lee:pinned', pinned: 1 },
    ]);
    // A new pattern leaves given keys alone.
    expect(setCitationKeyPattern(lib.db, '[auth][year]')).toEqual({ example: 'Smith2020' });
    expect(citationKeyPattern(lib.db)).toEqual({ pattern: '[auth][year]', isDefault: false });
    expect(assignCitationKeys(lib.db, [1, 2, 3])).toBe(0);
    expect(keys()[0]).toEqual({ id: 1, key: 'smith2020deeplearningthings', pinned: 0 });
  });

  it('refuses a pattern with an unknown field, naming its column', async () => {
    expect(citationKeyPattern(lib.db)).toEqual({ pattern: '[auth:lower][year][shorttitle:lower]', isDefault: true });
    expect(() => setCitationKeyPattern(lib.db, '[auth][yaer]')).toThrow(expect.objectContaining({ code: 'INVALID_INPUT', message: "Citation key pattern: unknown field 'yaer' at column 8 of the citation key pattern." }));
    expect(citationKeyPattern(lib.db).isDefault).toBe(true);
    // An empty library shows the pattern on a sample.
    expect(setCitationKeyPattern(lib.db, '[auth:lower]_[year]')).toEqual({ example: 'smith_2020' });
  });

  it('set by hand: checked, unique, pinned; undo and redo; null unpins and regenerates', async () => {
    await threePapers();
    assignCitationKeys(lib.db, [1, 2]);
    expect(() => setCitationKey(lib.db, { paperId: 1, key: 'has space' })).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
    expect(() => setCitationKey(lib.db, { paperId: 1, key: 'lee:pinned' })).toThrow("lee:pinned is already the key of 'Graph Networks'.");
    const set = setCitationKey(lib.db, { paperId: 1, key: 'mine2020' });
    expect(set.value).toEqual({ key: 'mine2020' });
    expect(keys()[0]).toEqual({ id: 1, key: 'mine2020', pinned: 1 });
    const redo = applyChange(lib.db, set.undo!);
    expect(keys()[0]).toEqual({ id: 1, key: 'smith2020deeplearningthings', pinned: 0 });
    applyChange(lib.db, redo);
    expect(keys()[0]).toEqual({ id: 1, key: 'mine2020', pinned: 1 });
    const cleared = setCitationKey(lib.db, { paperId: 1, key: null });
    expect(cleared.value).toEqual({ key: 'smith2020deeplearningthings' });
    expect(keys()[0]).toEqual({ id: 1, key: 'smith2020deeplearningthings', pinned: 0 });
    expect(() => setCitationKey(lib.db, { paperId: 99, key: 'x' })).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
  });

  it('gives 50,000 keys in one pass', async () => {
    // Papers and authors written straight in SQL: the import is not what this measures.
    lib.db.$client.exec(`WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 49999)
      INSERT INTO papers (title, title_key, year) SELECT 'Paper ' || (i % 1000) || ' on topic', 'paper ' || (i % 1000) || ' on topic', 2000 + i % 20 FROM n;
      INSERT INTO authors (name, name_key) VALUES ('A Author', 'a author');
      INSERT INTO paper_authors (paper_id, position, printed_name, family, given, author_id) SELECT id, 0, 'A Author' || (id % 700), 'Author' || (id % 700), 'A', 1 FROM papers;`);
    const ids = Array.from({ length: 50_000 }, (_, i) => i + 1);
    const start = performance.now();
    const given = lib.db.$client.transaction(() => assignCitationKeys(lib.db, ids))();
    const ms = performance.now() - start;
    expect(given).toBe(50_000);
    const distinct = lib.db.$client.prepare('SELECT COUNT(DISTINCT citation_key) AS n FROM papers').get() as { n: number };
    expect(distinct.n).toBe(50_000);
    // A loose bound (2 shared cores, many processes): one query per paper would take minutes.
    expect(ms).toBeLessThan(15_000);
  }, 120_000);
});
