import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openLibrary, type Library } from '../../db/open';
import { importReferences } from '../../db/library/reference-import';
import { readImportReport } from '../../db/library/import-report';
import { updatePaper } from '../../db/library/paper-edits';
import { call, dispatch } from '../../electron/handlers/dispatch';
import { writeReferences } from '../../shared/interop/write-references';
import { createHandlers } from '../../electron/handlers/handlers';
import { file, rec } from './helpers/interop-records';
import { tempLibraryFile } from './helpers/fixtures';

let lib: Library;
beforeEach(() => {
  lib = openLibrary(tempLibraryFile());
});
afterEach(() => lib.close());

const all = (q: string, ...p: unknown[]) => lib.db.$client.prepare(q).all(...p);
const one = (q: string, ...p: unknown[]) => lib.db.$client.prepare(q).get(...p) as Record<string, unknown>;
const count = (table: string) => (one(`SELECT COUNT(*) AS n FROM ${table}`) as { n: number }).n;

describe('importing records read from a reference file', () => {
  it('adds each record with its CSL fields and structured names', async () => {
    const report = await importReferences(
      lib.db,
      file([
        rec(
          {
            title: 'Symphonies', type: 'book', publisher: 'Schott', 'publisher-place': 'Mainz', ISBN: '978-3-16-148410-0', issued: { 'date-parts': [[1824, 5, 7]] },
            author: [{ family: 'Beethoven', given: 'Ludwig', 'non-dropping-particle': 'van' }, { family: 'King', given: 'Martin Luther', suffix: 'Jr.' }, { literal: 'Barnes and Noble' }],
            editor: [{ family: 'Doe', given: 'John' }],
          },
          { extra: { bibtex_type: 'book', title_protected: '{Symphonies}' }, files: ['a.pdf', 'b.pdf'] },
        ),
        rec({ title: 'Second', DOI: 'https://doi.org/10.1000/XYZ', 'container-title': 'Journal of Tests', volume: '3', page: '1-10' }),
      ]),
      { now: '2026-12-07T10:00:00.000Z' },
    );
    expect(report).toMatchObject({ added: 2, updated: 0, unchanged: 0, format: 'bibtex', alreadyImported: false, file: { fileName: 'refs.bib', format: 'bibtex', recordsRead: 2 } });
    const book = one(`SELECT item_type, date, year, publisher, publisher_place, isbn, authors_text, extra FROM papers WHERE title = 'Symphonies'`);
    expect(book).toMatchObject({ item_type: 'book', date: '1824-05-07', year: 1824, publisher: 'Schott', publisher_place: 'Mainz', isbn: '978-3-16-148410-0' });
    expect(book.authors_text).toBe('Ludwig van Beethoven, Martin Luther King, Jr., Barnes and Noble');
    expect(JSON.parse(book.extra as string)).toEqual({
      interop: { bibtex_type: 'book', title_protected: '{Symphonies}' },
      csl: { editor: [{ family: 'Doe', given: 'John' }] },
      file: 'a.pdf;b.pdf',
    });
    expect(all(`SELECT family, given, non_dropping_particle, suffix, literal FROM paper_authors pa JOIN papers p ON p.id = pa.paper_id WHERE p.title = 'Symphonies' ORDER BY position`)).toEqual([
      { family: 'Beethoven', given: 'Ludwig', non_dropping_particle: 'van', suffix: null, literal: null },
      { family: 'King', given: 'Martin Luther', non_dropping_particle: null, suffix: 'Jr.', literal: null },
      { family: null, given: null, non_dropping_particle: null, suffix: null, literal: 'Barnes and Noble' },
    ]);
    expect(one(`SELECT doi, venue, volume, page FROM papers WHERE title = 'Second'`)).toEqual({ doi: '10.1000/XYZ', venue: 'Journal of Tests', volume: '3', page: '1-10' });
    expect(one('SELECT format, raw_text, papers_added FROM imports')).toEqual({ format: 'bibtex', raw_text: '@article{2}', papers_added: 2 });
    // Found by full-text search like any paper.
    expect(all(`SELECT rowid FROM papers_fts WHERE papers_fts MATCH 'beethoven'`)).toHaveLength(1);
  });

  it('updates instead of duplicating on re-import: by DOI, by arXiv id, by title + year + surname', async () => {
    await importReferences(lib.db, file([
      rec({ title: 'By DOI', DOI: '10.1/a' }),
      rec({ title: 'By arXiv' }, { arxivId: '2401.01234v1' }),
      rec({ title: 'By Title', issued: { 'date-parts': [[2019]] } }),
    ]));
    const report = await importReferences(lib.db, file([
      rec({ title: 'By DOI, retitled', DOI: '10.1/a' }),
      rec({ title: 'By arXiv, retitled', volume: '7' }, { arxivId: 'arXiv:2401.01234v2' }),
      rec({ title: 'By title', issued: { 'date-parts': [[2020]] }, volume: '9' }),
      rec({ title: 'By Title', author: [{ family: 'Other', given: 'Ann' }] }),
    ]));
    expect(report).toMatchObject({ added: 1, updated: 3, unchanged: 0 });
    expect(count('papers')).toBe(4);
    expect(all('SELECT title, volume, arxiv_version FROM papers ORDER BY id')).toEqual([
      { title: 'By DOI, retitled', volume: null, arxiv_version: null },
      { title: 'By arXiv, retitled', volume: '7', arxiv_version: 2 },
      // Found by title + year + surname and updated (volume 9); a title that differs only in letter case
      // keeps the one with more capitals (reference-merge.ts), so two files do not flip it back and forth.
      { title: 'By Title', volume: '9', arxiv_version: null },
      { title: 'By Title', volume: null, arxiv_version: null },
    ]);
    const kept = readImportReport(lib.db, report.importId);
    expect(kept.papers.updated.map((p) => p.title)).toEqual(['By DOI, retitled', 'By arXiv, retitled', 'By title']);
    expect(kept.papers.added.map((p) => p.title)).toEqual(['By Title']);
  });

  it('replaces the author list a re-import changes; search finds the new names, not the old', async () => {
    await importReferences(lib.db, file([rec({ title: 'Authors change', DOI: '10.1/ac', author: [{ family: 'Quagmire', given: 'Glenn' }] })]));
    const again = await importReferences(lib.db, file([rec({ title: 'Authors change', DOI: '10.1/ac', author: [{ family: 'Okapi', given: 'Olga' }, { family: 'Quagmire', given: 'Glenn' }] })]));
    expect(again.updated).toBe(1);
    expect(all('SELECT printed_name, family FROM paper_authors ORDER BY position')).toEqual([
      { printed_name: 'Olga Okapi', family: 'Okapi' },
      { printed_name: 'Glenn Quagmire', family: 'Quagmire' },
    ]);
    expect(all(`SELECT rowid FROM papers_fts WHERE papers_fts MATCH 'okapi'`)).toHaveLength(1);
    expect(all('SELECT name, paper_count FROM authors ORDER BY name')).toEqual([{ name: 'Glenn Quagmire', paper_count: 1 }, { name: 'Olga Okapi', paper_count: 1 }]);
  });

  it('says unchanged, stores nothing, for the same file twice', async () => {
    const f = file([rec({ title: 'Once' }, { tags: ['ml'], note: 'read it', citationKey: 'smith2020once' })]);
    await importReferences(lib.db, f);
    const again = await importReferences(lib.db, f);
    expect(again).toMatchObject({ importId: 1, alreadyImported: true, added: 0, updated: 0, unchanged: 1 });
    expect([count('imports'), count('papers'), count('notes'), count('paper_tags')]).toEqual([1, 1, 1, 1]);
  });

  it('keeps a field edited by hand', async () => {
    const first = await importReferences(lib.db, file([rec({ title: 'Edited', DOI: '10.1/e', volume: '1' })]));
    const id = (one('SELECT id FROM papers') as { id: number }).id;
    updatePaper(lib.db, { id, fields: { volume: '2' } });
    await importReferences(lib.db, file([rec({ title: 'Edited', DOI: '10.1/e', volume: '3' })]));
    expect(first.added).toBe(1);
    expect(one('SELECT volume, source_values FROM papers')).toEqual({ volume: '2', source_values: JSON.stringify({ _dismissed: { volume: ['1'] }, volume: '3' }) });
  });

  it('makes tags (matching existing ones ignoring case) and a note, each once', async () => {
    lib.db.$client.prepare(`INSERT INTO tags (name, name_key) VALUES ('ML', 'ml')`).run();
    await importReferences(lib.db, file([rec({ title: 'Tagged' }, { tags: ['ml', 'method/rl'], note: 'Good paper.' })]));
    await importReferences(lib.db, file([rec({ title: 'Tagged', volume: '1' }, { tags: ['ML', 'new'], note: 'Good paper.' })]));
    expect(all('SELECT t.name, t.type FROM paper_tags pt JOIN tags t ON t.id = pt.tag_id ORDER BY t.name')).toEqual([
      { name: 'ML', type: 'manual' },
      { name: 'method/rl', type: 'imported' },
      { name: 'new', type: 'imported' },
    ]);
    expect(all('SELECT body FROM notes')).toEqual([{ body: 'Good paper.' }]);
    expect(all(`SELECT rowid FROM papers_fts WHERE papers_fts MATCH 'tags:new'`)).toHaveLength(1);
  });

  it('pins the file\'s citation key; a key another paper has goes to the first, the new one gets a suffix and a warning', async () => {
    await importReferences(lib.db, file([rec({ title: 'First' }, { citationKey: 'smith2020' })]));
    const report = await importReferences(lib.db, file([rec({ title: 'Second paper', DOI: '10.1/2' }, { citationKey: 'smith2020', at: { line: 12, column: 1 } })]));
    expect(all('SELECT title, citation_key, citation_key_pinned FROM papers ORDER BY id')).toEqual([
      { title: 'First', citation_key: 'smith2020', citation_key_pinned: 1 },
      { title: 'Second paper', citation_key: 'smith2020a', citation_key_pinned: 1 },
    ]);
    expect(report.warnings).toEqual(["refs.bib:12:1: citation key 'smith2020' is already the key of 'First'; this entry was given 'smith2020a'"]);
  });

  it('gives a key used twice in one file to the first entry and a suffixed key to the second', async () => {
    const report = await importReferences(lib.db, file([
      rec({ title: 'One' }, { citationKey: 'dup' }),
      rec({ title: 'Two', DOI: '10.1/two' }, { citationKey: 'dup', at: { line: 9, column: 1 } }),
    ]));
    expect(report.added).toBe(2);
    expect(all('SELECT citation_key FROM papers ORDER BY id')).toEqual([{ citation_key: 'dup' }, { citation_key: 'dupa' }]);
    expect(report.warnings).toEqual(["refs.bib:9:1: citation key 'dup' is already the key of 'One'; this entry was given 'dupa'"]);
  });

  it('keeps the file\'s problems with the import, as FILE:LINE:COLUMN lines the report shows', async () => {
    const report = await importReferences(lib.db, file([rec({ title: 'Fine' })], [{ line: 214, column: 3, message: "entry 'smith2020' has no closing brace; read up to line 230", severity: 'error', key: 'smith2020' }]));
    expect(report.warnings).toEqual(["refs.bib:214:3: entry 'smith2020' has no closing brace; read up to line 230"]);
    expect(report.file.problems).toEqual([{ line: 214, column: 3, message: "entry 'smith2020' has no closing brace; read up to line 230", severity: 'error', key: 'smith2020' }]);
    const kept = readImportReport(lib.db, report.importId);
    expect(kept).toMatchObject({ format: 'bibtex', complete: true, warnings: ["refs.bib:214:3: entry 'smith2020' has no closing brace; read up to line 230"] });
    expect(kept.papers.added).toEqual([{ id: 1, title: 'Fine' }]);
  });

  it('stores nothing for a file with no record, and names the first problem', async () => {
    await expect(importReferences(lib.db, file([], [{ line: 3, column: 1, message: 'no entry here', severity: 'error' }]))).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: 'No reference could be read from refs.bib: refs.bib:3:1: no entry here',
    });
    expect(count('imports')).toBe(0);
  });

  it('is one transaction: a failure midway leaves the library unchanged', async () => {
    await importReferences(lib.db, file([rec({ title: 'Before' })]));
    const before = [count('papers'), count('imports'), count('paper_authors'), count('tags')];
    // The second record (an author list that is not a list) fails inside the loop, after the first was written.
    const broken = rec({ title: 'Broken' });
    (broken.item as { author: unknown }).author = 'not a list';
    await expect(importReferences(lib.db, file([rec({ title: 'Added first' }, { tags: ['t'] }), broken]))).rejects.toThrow();
    expect([count('papers'), count('imports'), count('paper_authors'), count('tags')]).toEqual(before);
  });

  it('a dry run counts and stores nothing', async () => {
    const dry = await importReferences(lib.db, file([rec({ title: 'Dry' })]), { dryRun: true });
    expect(dry).toMatchObject({ added: 1 });
    expect([count('papers'), count('imports')]).toEqual([0, 0]);
  });

  it('a large file defers full-text indexing to the end, with the same index', async () => {
    const records = Array.from({ length: 600 }, (_, i) => rec({ title: `Paper number ${i} about zebras${i}` }, { tags: [`tag${i % 3}`], note: `note ${i} quagga` }));
    await importReferences(lib.db, file(records));
    expect(all(`SELECT rowid FROM papers_fts WHERE papers_fts MATCH 'zebras599'`)).toEqual([{ rowid: 600 }]);
    expect(all(`SELECT rowid FROM papers_fts WHERE papers_fts MATCH 'tags:tag1'`)).toHaveLength(200);
    expect(all(`SELECT rowid FROM papers_fts WHERE papers_fts MATCH 'notes:quagga'`)).toHaveLength(600);
    // The triggers are back: a paper added later is indexed.
    expect((one(`SELECT COUNT(*) AS n FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'papers_fts_%'`) as { n: number }).n).toBeGreaterThan(10);
    lib.db.$client.prepare(`INSERT INTO papers (title, title_key) VALUES ('Okapi', 'okapi')`).run();
    expect(all(`SELECT rowid FROM papers_fts WHERE papers_fts MATCH 'okapi'`)).toHaveLength(1);
  });

  it('can be cancelled, leaving the library unchanged', async () => {
    const controller = new AbortController();
    const records = Array.from({ length: 3000 }, (_, i) => rec({ title: `Cancelled ${i}` }));
    let seen = 0;
    const pending = importReferences(lib.db, file(records), {
      signal: controller.signal,
      onProgress: (done) => {
        seen = done;
        if (done > 0) controller.abort();
      },
    });
    await expect(pending).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(seen).toBeGreaterThan(0);
    expect([count('papers'), count('imports')]).toEqual([0, 0]);
    expect((one(`SELECT COUNT(*) AS n FROM sqlite_master WHERE type = 'trigger' AND name = 'papers_fts_paper_insert'`) as { n: number }).n).toBe(1);
  });
});

describe('references.import and references.preview', () => {
  const bib = `@string{jml = {Journal of Machine Learning}}
@article{smith2020deep,
  title = {Deep {Learning}},
  author = {Smith, Jane and van Beethoven, Ludwig},
  journal = jml,
  year = 2020,
  keywords = {ml, deep},
}
@article{broken,
  title = {No closing brace
@book{lee2019,
  title = {A Book},
  author = {Lee, Ann},
  year = {2019},
  publisher = {Pub},
}
`;
  const input = { fileName: 'refs.bib', content: { kind: 'text' as const, text: bib } };

  it('import a .bib read end to end; the report names the broken entry by line, and imports.report shows it', async () => {
    const h = createHandlers(lib);
    const preview = await call(h, 'references.preview', input);
    expect(preview.wouldImport).toEqual({ added: 2, updated: 0, unchanged: 0 });
    expect(preview.firstRecords.map((r) => r.citationKey)).toEqual(['smith2020deep', 'lee2019']);
    expect(count('papers')).toBe(0);
    const report = await call(h, 'references.import', { ...input, jobId: 'bib-1' });
    expect(report).toMatchObject({ added: 2, format: 'bibtex', file: { format: 'bibtex', entriesSeen: 3, recordsRead: 2, encoding: 'utf-8' } });
    expect(report.warnings).toEqual(["refs.bib:10:11: entry 'broken' has no closing brace: the value of 'title' at line 10 is never closed; read up to line 10; not imported"]);
    expect(all('SELECT title, venue, citation_key, citation_key_pinned FROM papers ORDER BY id')).toEqual([
      { title: 'Deep Learning', venue: 'Journal of Machine Learning', citation_key: 'smith2020deep', citation_key_pinned: 1 },
      { title: 'A Book', venue: null, citation_key: 'lee2019', citation_key_pinned: 1 },
    ]);
    expect(all('SELECT name FROM tags ORDER BY name')).toEqual([{ name: 'deep' }, { name: 'ml' }]);
    const shown = await call(h, 'imports.report', { id: report.importId });
    expect(shown.warnings).toEqual(report.warnings);
    const listed = await call(h, 'imports.list', {});
    expect(listed[0]).toMatchObject({ format: 'bibtex', added: 2 });
  });

  it('a long file runs as a job: progress, then jobs.cancel stops it with nothing stored', async () => {
    const h = createHandlers(lib);
    const text = writeReferences(Array.from({ length: 4000 }, (_, i) => rec({ title: `Long file paper ${i}` }, { citationKey: `k${i}` })), 'csl-json');
    const pending = dispatch(h, 'references.import', { fileName: 'long.json', content: { kind: 'bytes', base64: Buffer.from(text).toString('base64') }, jobId: 'long-1' }, { trusted: true });
    let progress: { done: number; total: number } | null = null;
    for (let i = 0; i < 2000 && (progress === null || progress.done === 0); i++) {
      await new Promise((r) => setTimeout(r, 5));
      progress = (await call(h, 'jobs.progress', { jobId: 'long-1' })).progress;
    }
    expect(progress!.done).toBeGreaterThan(0);
    expect(await call(h, 'jobs.cancel', { jobId: 'long-1' })).toEqual({ cancelled: true });
    expect(await pending).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    expect([count('papers'), count('imports')]).toEqual([0, 0]);
  });

  it('refuses a file with no reference, storing nothing', async () => {
    const h = createHandlers(lib);
    await expect(call(h, 'references.import', { fileName: 'notes.txt', content: { kind: 'text', text: 'just some words' } })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    expect(count('imports')).toBe(0);
  });
});
