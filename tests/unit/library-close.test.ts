/**
 * Library.close() checkpoints the WAL: after a clean close, a copy of library.sqlite alone (without
 * -wal and -shm, as a backup tool or a file copy takes it) holds every change, even while another
 * process (the command line, a second window) still has the file open.
 */
import { copyFileSync, existsSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openLibrary } from '../../db/open';
import { call } from '../../electron/handlers/dispatch';
import { closeHandlers, createHandlers } from '../../electron/handlers/handlers';
import { fixtureText, tempLibraryFile } from './helpers/fixtures';

/** Papers in a copy of the main file alone; null when the copy has no papers table at all. */
function papersInCopyOf(file: string): number | null {
  const copy = join(mkdtempSync(join(tmpdir(), 'lectern-copy-')), 'library.sqlite');
  copyFileSync(file, copy);
  const db = new Database(copy, { readonly: true });
  try {
    const table = db.prepare(`SELECT 1 FROM sqlite_master WHERE name = 'papers'`).get();
    return table ? (db.prepare('SELECT COUNT(*) AS n FROM papers').get() as { n: number }).n : null;
  } finally {
    db.close();
  }
}

describe('Library.close()', () => {
  it('leaves every change in the .sqlite file alone, though another connection still has it open', async () => {
    const file = tempLibraryFile();
    const lib = openLibrary(file);
    const handlers = createHandlers(lib);
    await call(handlers, 'paste.import', { text: fixtureText('seed-profile') });
    expect(await call(handlers, 'papers.facets', {})).toMatchObject({ total: 18 });
    const other = new Database(file); // another process's connection, idle after a read
    other.prepare('SELECT COUNT(*) FROM papers').get();
    try {
      await closeHandlers(handlers);
      lib.close();
      expect(statSync(`${file}-wal`).size).toBe(0); // still there (other has it open), but empty
      expect(papersInCopyOf(file)).toBe(18);
      lib.close(); // twice: harmless
    } finally {
      other.close();
    }
  });

  it('still closes, quickly and without throwing, when another process holds a read open', async () => {
    const file = tempLibraryFile();
    const lib = openLibrary(file);
    await call(createHandlers(lib, { readsInProcess: true }), 'paste.import', { text: fixtureText('seed-profile') });
    const other = new Database(file);
    other.exec('BEGIN');
    other.prepare('SELECT COUNT(*) FROM papers').get(); // a read snapshot the checkpoint must wait for
    try {
      const started = performance.now();
      expect(() => lib.close()).not.toThrow();
      expect(performance.now() - started).toBeLessThan(5000);
      expect(lib.db.$client.open).toBe(false);
    } finally {
      other.exec('COMMIT');
      other.close();
    }
    // The changes were kept (in the WAL, which the last close above folded in).
    expect(existsSync(`${file}-wal`)).toBe(false);
    expect(papersInCopyOf(file)).toBe(18);
  });
});
