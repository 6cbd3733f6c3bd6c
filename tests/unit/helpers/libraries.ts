/**
 * Library files for the backup, restore and recovery tests: one with real content (the seed profile,
 * a tag, a note, an annotation), one made by an older Lectern (fewer migrations), and damage done on
 * purpose (random bytes over chosen pages, a cut, zeros).
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { DEFAULT_MIGRATIONS_FOLDER, openLibrary, type Library } from '../../../db/open';
import { call } from '../../../electron/handlers/dispatch';
import { createHandlers, type Handlers, type HandlerOptions } from '../../../electron/handlers/handlers';
import { fixtureText, tempLibraryFile } from './fixtures';

export const PAGE = 4096;

/** Import the seed profile and curate a little: tag 3 papers, a note and an annotation on paper 1. */
export async function fillLibrary(h: Handlers): Promise<void> {
  await call(h, 'paste.import', { text: fixtureText('seed-profile') });
  await call(h, 'tags.assign', { paperIds: [1, 2, 3], names: ['method/rl'] });
  await call(h, 'notes.create', { paperId: 1, body: 'A note about the prover.' });
  await call(h, 'annotations.create', { paperId: 1, start: 0, end: 10, comment: 'first words' });
}

/** A library file with content, open, with its handlers (own options, e.g. `readsInProcess`). */
export async function seededLibrary(options: HandlerOptions = {}, file = tempLibraryFile()): Promise<{ lib: Library; h: Handlers; file: string }> {
  const lib = openLibrary(file);
  const h = createHandlers(lib, options);
  await fillLibrary(h);
  return { lib, h, file };
}

/** A migrations folder holding only the first `count` migrations (an older Lectern's). */
export function olderMigrations(count: number): string {
  const folder = mkdtempSync(join(tmpdir(), 'lectern-migrations-'));
  cpSync(DEFAULT_MIGRATIONS_FOLDER, folder, { recursive: true });
  for (const f of readdirSync(folder).filter((f) => f.endsWith('.sql') && Number(f.slice(0, 4)) >= count)) rmSync(join(folder, f));
  const journalFile = join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: Array<{ idx: number }> };
  journal.entries = journal.entries.filter((e) => e.idx < count);
  writeFileSync(journalFile, JSON.stringify(journal));
  return folder;
}

/** A library as the first release (migration 0000 only) left it, with two papers. */
export function firstReleaseLibrary(file = tempLibraryFile()): string {
  const old = new Database(file);
  migrate(drizzle(old), { migrationsFolder: olderMigrations(1) });
  old.exec(`INSERT INTO papers (title, title_key, year) VALUES ('Quantum tomography of old libraries', 'quantum tomography of old libraries', 2019);
    INSERT INTO papers (title, title_key, year) VALUES ('A second old paper', 'a second old paper', 2020);`);
  old.close();
  return file;
}

/** Mulberry32: the same "random" bytes on every run. */
function bytes(n: number, seed: number): Buffer {
  let a = seed >>> 0;
  const out = Buffer.alloc(n);
  for (let i = 0; i < n; i++) {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    out[i] = ((t ^ (t >>> 14)) >>> 0) & 0xff;
  }
  return out;
}

/** Pages in a (checkpointed) library file. */
export function pageCount(file: string): number {
  return Math.floor(statSync(file).size / PAGE);
}

export type DamagePattern = 'header' | 'middle' | 'truncated' | 'zero-filled' | 'not-a-database';

/**
 * Damage a closed library file on purpose.
 * - header: random bytes over the first 100 bytes (SQLite's file header)
 * - middle: random bytes over three pages at 40%, 50% and 60% of the file
 * - truncated: cut to half its length
 * - zero-filled: every byte zero, same length
 * - not-a-database: replaced by a text file
 */
export function damage(file: string, pattern: DamagePattern, seed = 1): void {
  const size = statSync(file).size;
  const data = readFileSync(file);
  switch (pattern) {
    case 'header':
      bytes(100, seed).copy(data, 0);
      writeFileSync(file, data);
      return;
    case 'middle': {
      const pages = pageCount(file);
      for (const [i, at] of [0.4, 0.5, 0.6].entries()) bytes(PAGE, seed + i).copy(data, Math.floor(pages * at) * PAGE);
      writeFileSync(file, data);
      return;
    }
    case 'truncated':
      truncateSync(file, Math.floor(size / 2));
      return;
    case 'zero-filled':
      writeFileSync(file, Buffer.alloc(size));
      return;
    case 'not-a-database':
      writeFileSync(file, 'Dear diary, today I did not back up my papers. '.repeat(100));
  }
}

/** The leaf pages of a table (or index) in a closed library file, with the rows (cells) on each. */
export function leafPages(file: string, table: string): Array<{ pageno: number; ncell: number }> {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare(`SELECT pageno, ncell FROM dbstat WHERE name = ? AND pagetype = 'leaf' ORDER BY pageno`).all(table) as Array<{ pageno: number; ncell: number }>;
  } finally {
    db.close();
  }
}

/** Random bytes over whole pages (1-based page numbers, as dbstat gives them). */
export function damagePages(file: string, pagenos: number[], seed = 7): void {
  const data = readFileSync(file);
  pagenos.forEach((p, i) => bytes(PAGE, seed + i).copy(data, (p - 1) * PAGE));
  writeFileSync(file, data);
}
