/**
 * "One SQLite file" must be one file: a backup taken while the library's newest writes are still only
 * in its -wal (not checkpointed) holds them all, in a single file that needs no -wal beside it.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openLibrary } from '../../db/open';
import { call } from '../../electron/handlers/dispatch';
import { createHandlers } from '../../electron/handlers/handlers';
import { fillLibrary } from '../unit/helpers/libraries';
import { REPO, tempLibraryFile } from '../unit/helpers/fixtures';

/** Papers in a copy of `file` alone (as a user copying just the .sqlite file would have it). */
function papersInFileAlone(file: string): number {
  const lone = join(mkdtempSync(join(tmpdir(), 'lectern-lone-')), 'copy.sqlite');
  copyFileSync(file, lone);
  const db = new Database(lone, { readonly: true });
  try {
    return db.prepare('SELECT COUNT(*) FROM papers').pluck().get() as number;
  } catch {
    return 0;
  } finally {
    db.close();
  }
}

describe('a backup of a library whose newest writes are only in its WAL', () => {
  it('is complete and self-contained: from the upkeep thread, and from another process (lectern backup --out)', async () => {
    const file = tempLibraryFile();
    const lib = openLibrary(file);
    // Never checkpoint on this connection while the test runs: every write stays in library.sqlite-wal.
    lib.db.$client.pragma('wal_autocheckpoint = 0');
    const h = createHandlers(lib);
    await fillLibrary(h);
    expect(existsSync(`${file}-wal`)).toBe(true);
    expect(papersInFileAlone(file)).toBe(0);

    const made = await call(h, 'backups.create', {});
    expect(existsSync(`${made.path}-wal`)).toBe(false);
    expect(papersInFileAlone(made.path)).toBe(18);

    const out = join(mkdtempSync(join(tmpdir(), 'lectern-export-')), 'export.sqlite');
    const cli = spawnSync(process.execPath, [join(REPO, 'bin', 'lectern.js'), 'backup', '--out', out, '--library', file], { encoding: 'utf8' });
    expect(cli.stderr).toBe('');
    expect(cli.stdout).toMatch(new RegExp(`^Copied the library \\(18 papers, \\d+ kB\\) to ${out}: one self-contained file, checked\\.\\n$`));
    expect(existsSync(`${out}-wal`)).toBe(false);
    expect(papersInFileAlone(out)).toBe(18);
    const copy = new Database(out, { readonly: true });
    expect(copy.prepare('SELECT COUNT(*) FROM notes').pluck().get()).toBe(1);
    expect(copy.prepare(`SELECT COUNT(*) FROM papers_fts WHERE papers_fts MATCH 'prover'`).pluck().get()).toBe(3);
    copy.close();
    lib.close();
  });
});
