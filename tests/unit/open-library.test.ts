import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DEFAULT_MIGRATIONS_FOLDER, openLibrary } from '../../db/open';
import { WRITER_BUSY_TIMEOUT_MS } from '../../db/write-lock';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { appDataFolder, resolveLibraryFile } from '../../db/location';
import { tempLibraryFile } from './helpers/fixtures';

const TABLES = [
  'affiliations', 'annotations', 'author_metric_snapshots', 'authors', 'collection_papers', 'collections', 'csl_styles', 'import_papers', 'imports', 'kept_exports', 'notes',
  'paper_affiliations', 'paper_authors', 'paper_categories', 'paper_citation_counts', 'paper_tags', 'papers',
  'papers_fts', 'papers_fts_config', 'papers_fts_data', 'papers_fts_docsize', 'papers_fts_idx', 'saved_searches', 'settings', 'tags',
];

function tables(file: string): string[] {
  const db = new Database(file, { readonly: true });
  const names = (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__drizzle%' ORDER BY name`).all() as Array<{ name: string }>).map((r) => r.name);
  db.close();
  return names;
}

describe('openLibrary', () => {
  it('creates the folder and file and applies every migration to an empty library', () => {
    const file = join(dirname(tempLibraryFile()), 'nested', 'deeper', 'library.sqlite');
    const lib = openLibrary(file);
    expect(lib.backup).toBeNull();
    lib.close();
    expect(existsSync(file)).toBe(true);
    expect(tables(file)).toEqual(TABLES);
  });

  it('sets WAL, foreign keys and a short busy timeout (writes wait for the lock in db/write-lock.ts, not blocking)', () => {
    const lib = openLibrary(tempLibraryFile());
    const c = lib.db.$client;
    expect(c.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(c.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(c.pragma('busy_timeout', { simple: true })).toBe(WRITER_BUSY_TIMEOUT_MS);
    expect(WRITER_BUSY_TIMEOUT_MS).toBeLessThanOrEqual(10);
    lib.close();
  });

  it('reopens an up-to-date library without a backup and keeps its rows', () => {
    const file = tempLibraryFile();
    const first = openLibrary(file);
    first.db.$client.prepare(`INSERT INTO authors (name, name_key) VALUES ('Ada Lovelace', 'ada lovelace')`).run();
    first.close();
    const again = openLibrary(file);
    expect(again.backup).toBeNull();
    expect(again.db.$client.prepare('SELECT name FROM authors').all()).toEqual([{ name: 'Ada Lovelace' }]);
    again.close();
  });

  it('backs the file up before migrating an existing library', () => {
    const file = tempLibraryFile();
    const old = new Database(file);
    old.exec(`CREATE TABLE notes_from_an_older_lectern (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes_from_an_older_lectern (body) VALUES ('keep me');`);
    old.close();
    const lib = openLibrary(file);
    expect(lib.backup).toBe(join(dirname(file), 'backups', basename(lib.backup!)));
    expect(basename(lib.backup!)).toMatch(/^library-\d{8}-\d{6}-before-update\.sqlite$/);
    lib.close();
    expect(readdirSync(join(dirname(file), 'backups'))).toEqual([basename(lib.backup!)]);
    const backup = new Database(lib.backup!, { readonly: true });
    expect(backup.prepare('SELECT body FROM notes_from_an_older_lectern').all()).toEqual([{ body: 'keep me' }]);
    backup.close();
  });

  it('upgrades a library made by the first schema: backup first, new column filled from existing rows', () => {
    // The first release's migrations: 0000 only.
    const firstRelease = mkdtempSync(join(tmpdir(), 'lectern-migrations-'));
    cpSync(DEFAULT_MIGRATIONS_FOLDER, firstRelease, { recursive: true });
    for (const f of readdirSync(firstRelease).filter((f) => f.endsWith('.sql') && !f.startsWith('0000_'))) rmSync(join(firstRelease, f));
    const journalFile = join(firstRelease, 'meta', '_journal.json');
    const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: Array<{ idx: number }> };
    journal.entries = journal.entries.filter((e) => e.idx === 0);
    writeFileSync(journalFile, JSON.stringify(journal));

    const file = tempLibraryFile();
    const old = new Database(file);
    migrate(drizzle(old), { migrationsFolder: firstRelease });
    // Rows as the first release wrote them (no first_author_key column yet).
    old.exec(`INSERT INTO papers (title, title_key, year) VALUES ('Old paper', 'old paper', 2020);
      INSERT INTO authors (name, name_key) VALUES ('Z. Z. Ren', 'z z ren');
      INSERT INTO paper_authors (paper_id, position, printed_name, author_id) VALUES (1, 0, 'Z. Z. Ren', 1);
      INSERT INTO affiliations (name) VALUES ('Université-Côte d’Azur');
      INSERT INTO paper_affiliations (paper_id, position, affiliation_id) VALUES (1, 0, 1);`);
    old.close();

    const upgraded = openLibrary(file);
    expect(upgraded.backup).not.toBeNull();
    expect(upgraded.db.$client.prepare('SELECT title, first_author_key, authors_text FROM papers').all()).toEqual([
      { title: 'Old paper', first_author_key: 'ren z z ren', authors_text: 'Z. Z. Ren' },
    ]);
    expect(upgraded.db.$client.prepare('SELECT name, paper_count FROM authors').all()).toEqual([{ name: 'Z. Z. Ren', paper_count: 1 }]);
    // The Affiliation facet's search key (column added by 0006, filled from the name in TypeScript).
    expect(upgraded.db.$client.prepare('SELECT name, name_key FROM affiliations').all()).toEqual([{ name: 'Université-Côte d’Azur', name_key: 'universite cote d azur' }]);
    expect(upgraded.db.$client.prepare(`SELECT rowid FROM papers_fts WHERE papers_fts MATCH 'old'`).all()).toEqual([{ rowid: 1 }]);
    upgraded.close();
    const backup = new Database(upgraded.backup!, { readonly: true });
    expect(backup.prepare('SELECT title FROM papers').all()).toEqual([{ title: 'Old paper' }]);
    backup.close();
  });

  it('says clearly when the file is not a library (or its first page is damaged), and writes nothing to it', () => {
    const file = tempLibraryFile();
    const text = 'this is a shopping list, not a database '.repeat(200);
    writeFileSync(file, text);
    expect(() => openLibrary(file)).toThrow(expect.objectContaining({ code: 'DAMAGED', message: expect.stringContaining(file) }));
    expect(readFileSync(file, 'utf8')).toBe(text);
  });
});

describe('library location', () => {
  it('prefers --library, then LECTERN_LIBRARY, then the app data folder', () => {
    expect(resolveLibraryFile('/x/given.sqlite', { LECTERN_LIBRARY: '/y/env.sqlite' })).toBe('/x/given.sqlite');
    expect(resolveLibraryFile(undefined, { LECTERN_LIBRARY: '/y/env.sqlite' })).toBe('/y/env.sqlite');
    expect(resolveLibraryFile(undefined, { XDG_CONFIG_HOME: '/home/u/.config' })).toBe(
      process.platform === 'linux' ? '/home/u/.config/Lectern/library.sqlite' : join(appDataFolder({ XDG_CONFIG_HOME: '/home/u/.config' }), 'Lectern', 'library.sqlite'),
    );
  });

  it('matches Electron userData folders per platform', () => {
    expect(appDataFolder({ APPDATA: 'C:\\Users\\u\\AppData\\Roaming' }, 'win32')).toBe('C:\\Users\\u\\AppData\\Roaming');
    expect(appDataFolder({}, 'darwin')).toMatch(/Library\/Application Support$/);
    expect(appDataFolder({ XDG_CONFIG_HOME: '/cfg' }, 'linux')).toBe('/cfg');
    expect(appDataFolder({ XDG_CONFIG_HOME: '' }, 'linux')).toMatch(/\/\.config$/);
  });
});
