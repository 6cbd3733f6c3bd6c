/**
 * Issue 9: plain words reach every author linked to a paper, as `author:` does. The seed profile's owner
 * (Chong Ruan) is printed on one paper only; on the other 17 they hide behind "et al." and are linked
 * through the import. Migration 0010 indexes linked names; these tests failed before it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_MIGRATIONS_FOLDER, openLibrary, type Library } from '../../db/open';
import { call } from '../../electron/handlers/dispatch';
import { createHandlers, type Handlers } from '../../electron/handlers/handlers';
import { fixtureText, tempLibraryFile } from './helpers/fixtures';
import { olderMigrations } from './helpers/libraries';

const seed = fixtureText('seed-profile');
let lib: Library | null = null;
afterEach(() => {
  lib?.close();
  lib = null;
});

/** Sorted ids of every paper a query finds, and the words it highlights. */
async function found(h: Handlers, query: string): Promise<{ ids: number[]; terms: unknown }> {
  const page = await call(h, 'papers.list', { query, limit: 500 });
  expect(page.total).toBe(page.rows.length);
  return { ids: page.rows.map((r) => r.id).sort((a, b) => a - b), terms: page.terms };
}

const ALL_18 = Array.from({ length: 18 }, (_, i) => i + 1);

/** Applies migration 0011's statements to `db` (out of order); `drop()` takes its columns and table out again. */
function withMigration0011(db: Database.Database): { drop(): void } {
  // Today's import writes the columns of 0011 and 0012 too (citation keys): add both, drop both after.
  const statements = ['0011_full_bibliographic_record.sql', '0012_references_out.sql'].flatMap((name) =>
    readFileSync(join(DEFAULT_MIGRATIONS_FOLDER, name), 'utf8').split('--> statement-breakpoint'),
  );
  for (const statement of statements) db.exec(statement);
  return {
    drop() {
      for (const statement of statements) {
        const index = /CREATE (?:UNIQUE )?INDEX `(\w+)`/.exec(statement);
        if (index) db.exec(`DROP INDEX ${index[1]}`);
      }
      for (const statement of statements) {
        const column = /ALTER TABLE `(\w+)` ADD `(\w+)`/.exec(statement);
        if (column) db.exec(`ALTER TABLE ${column[1]} DROP COLUMN ${column[2]}`);
        const table = /CREATE TABLE `(\w+)`/.exec(statement);
        if (table) db.exec(`DROP TABLE ${table[1]}`);
      }
    },
  };
}

describe('plain words find the authors that author: finds', () => {
  it('on the seed profile: `ruan` finds the 18 papers of `author:ruan`, and highlights ruan', async () => {
    lib = openLibrary(tempLibraryFile());
    const h = createHandlers(lib);
    await call(h, 'paste.import', { text: seed });
    const byAuthor = await found(h, 'author:ruan');
    expect(byAuthor.ids).toEqual(ALL_18);
    const plain = await found(h, 'ruan');
    expect(plain.ids).toEqual(ALL_18);
    expect(plain.terms).toEqual([{ text: 'ruan', prefix: true, field: null }]);
    expect((await found(h, '"chong ruan"')).ids).toEqual(ALL_18);
    // The name is indexed as an author: the authors column finds it, and the printed text is unchanged.
    const match = lib.db.$client.prepare(`SELECT rowid FROM papers_fts WHERE papers_fts MATCH '{authors_text} : ruan'`).all();
    expect(match).toHaveLength(18);
    expect(lib.db.$client.prepare(`SELECT authors_text FROM papers WHERE id = 1`).get()).toEqual({ authors_text: 'Huajian Xin, Z. Z. Ren, Junxiao Song et al.' });
    // Another word still ranks: a paper with `prover` in its title and the owner hidden is found by both words.
    expect((await found(h, 'prover ruan')).ids).toEqual((await found(h, 'prover author:ruan')).ids);
  });

  it('after a re-import that rewrites the papers and their printed authors', async () => {
    lib = openLibrary(tempLibraryFile());
    const h = createHandlers(lib);
    await call(h, 'paste.import', { text: seed });
    const edited = seed.replaceAll(' et al.', ', Zhibin Gou et al.');
    const report = await call(h, 'paste.import', { text: edited });
    expect(report).toMatchObject({ added: 0, updated: 18, unchanged: 0 });
    expect((await found(h, 'author:ruan')).ids).toEqual(ALL_18);
    expect((await found(h, 'ruan')).ids).toEqual(ALL_18);
    expect((await found(h, 'gou')).ids).toEqual((await found(h, 'author:gou')).ids);
    lib.db.$client.prepare(`INSERT INTO papers_fts (papers_fts) VALUES ('integrity-check')`).run();
  });

  it('in a library made before migration 0010: opening it rebuilds the index', async () => {
    const file = tempLibraryFile();
    const old = new Database(file);
    migrate(drizzle(old), { migrationsFolder: olderMigrations(10) });
    old.close();
    // Import with the code of today but the schema of before (no linked names indexed yet). Today's
    // import also writes what migration 0011 added (record columns, citation counts): those are added
    // for the import and dropped again, so the file is as a library before 0010 with these papers.
    const before = new Database(file);
    const added = withMigration0011(before);
    const oldLib = { db: drizzle(before) } as unknown as Library;
    const { importProfile } = await import('../../db/library/import-profile');
    const { detectAndParse } = await import('../../shared/paste/detect');
    importProfile(oldLib.db, seed, detectAndParse(seed));
    added.drop();
    expect(before.prepare(`SELECT rowid FROM papers_fts WHERE papers_fts MATCH 'ruan'`).all()).toHaveLength(1);
    before.close();

    lib = openLibrary(file);
    const h = createHandlers(lib);
    expect((await found(h, 'ruan')).ids).toEqual(ALL_18);
  });
});

describe('the index follows every change of links', () => {
  const run = (q: string, ...params: unknown[]) => lib!.db.$client.prepare(q).run(...params);
  const match = (q: string) => (lib!.db.$client.prepare(`SELECT rowid AS id FROM papers_fts WHERE papers_fts MATCH ? ORDER BY rowid`).all(q) as Array<{ id: number }>).map((r) => r.id);

  it('paper_authors under another spelling, import owners, renames, unlinking', () => {
    lib = openLibrary(':memory:');
    run(`INSERT INTO papers (id, title, title_key, authors_text, authors_truncated) VALUES (1, 'One', 'one', 'C. Ruan, Wei Li et al.', 1), (2, 'Two', 'two', 'Ana Pérez', 0)`);
    run(`INSERT INTO authors (id, name, name_key) VALUES (1, 'Chong Ruan', 'chong ruan'), (2, 'Wei Li', 'wei li'), (3, 'Zoë Müller', 'zoe muller')`);
    // Printed "C. Ruan" linked to the author Chong Ruan: `chong` now finds the paper.
    expect(match('chong')).toEqual([]);
    run(`INSERT INTO paper_authors (paper_id, position, printed_name, author_id) VALUES (1, 0, 'C. Ruan', 1), (1, 1, 'Wei Li', 2)`);
    expect(match('authors_text : chong')).toEqual([1]);
    // The profile owner of an import, named after the papers are linked (as imports are written).
    run(`INSERT INTO imports (id, raw_text, format) VALUES (1, 'x', 'scholarfeed')`);
    run(`INSERT INTO import_papers (import_id, paper_id, action) VALUES (1, 1, 'added'), (1, 2, 'added')`);
    expect(match('muller')).toEqual([]);
    run(`UPDATE imports SET author_id = 3 WHERE id = 1`);
    expect(match('muller')).toEqual([1, 2]);
    // A rename reaches every linked paper.
    run(`UPDATE authors SET name = 'Zoe Mueller' WHERE id = 3`);
    expect(match('muller')).toEqual([]);
    expect(match('mueller')).toEqual([1, 2]);
    // Unlinking: the import's paper link, then the import itself (cascade), then a paper_authors row.
    run(`DELETE FROM import_papers WHERE paper_id = 2`);
    expect(match('mueller')).toEqual([1]);
    run(`DELETE FROM imports WHERE id = 1`);
    expect(match('mueller')).toEqual([]);
    run(`DELETE FROM paper_authors WHERE paper_id = 1 AND position = 0`);
    expect(match('chong')).toEqual([]);
    expect(match('ruan AND li')).toEqual([1]); // still printed
    run(`INSERT INTO papers_fts (papers_fts) VALUES ('integrity-check')`);
  });

  it('an owner deleted from the library leaves the index (author_id set null)', () => {
    lib = openLibrary(':memory:');
    run(`INSERT INTO papers (id, title, title_key, authors_text) VALUES (1, 'One', 'one', 'Ana Pérez et al.')`);
    run(`INSERT INTO authors (id, name, name_key) VALUES (1, 'Chong Ruan', 'chong ruan')`);
    run(`INSERT INTO imports (id, raw_text, format, author_id) VALUES (1, 'x', 'scholarfeed', 1)`);
    run(`INSERT INTO import_papers (import_id, paper_id, action) VALUES (1, 1, 'added')`);
    expect(match('ruan')).toEqual([1]);
    run(`DELETE FROM authors WHERE id = 1`);
    expect(match('ruan')).toEqual([]);
  });

  it('an owner linked through two imports stays until the last link goes', () => {
    lib = openLibrary(':memory:');
    run(`INSERT INTO papers (id, title, title_key, authors_text) VALUES (1, 'One', 'one', 'Ana Pérez et al.')`);
    run(`INSERT INTO authors (id, name, name_key) VALUES (1, 'Chong Ruan', 'chong ruan'), (2, 'Wei Li', 'wei li')`);
    run(`INSERT INTO imports (id, raw_text, format, author_id) VALUES (1, 'x', 'scholarfeed', 1), (2, 'y', 'scholarfeed', 1)`);
    run(`INSERT INTO import_papers (import_id, paper_id, action) VALUES (1, 1, 'added'), (2, 1, 'unchanged')`);
    expect(match('ruan')).toEqual([1]);
    run(`UPDATE imports SET author_id = 2 WHERE id = 2`);
    expect(match('ruan AND li')).toEqual([1]);
    run(`DELETE FROM imports WHERE id = 2`);
    expect(match('li')).toEqual([]);
    expect(match('ruan')).toEqual([1]);
    run(`UPDATE imports SET author_id = NULL WHERE id = 1`);
    expect(match('ruan')).toEqual([]);
    expect(match('perez')).toEqual([1]);
  });
});
