import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { PROFILES, REPO, tempLibraryFile } from './helpers/fixtures';

function lectern(args: string[], library: string) {
  const r = spawnSync(process.execPath, [join(REPO, 'bin', 'lectern.js'), ...args], { encoding: 'utf8', env: { ...process.env, LECTERN_LIBRARY: library } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const papersIn = (file: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare('SELECT COUNT(*) FROM papers').pluck().get() as number;
  } finally {
    db.close();
  }
};

describe('lectern backup, backups, restore, check, recover', () => {
  it('backs up, lists, exports one file, restores with a report of what it replaced, and checks', () => {
    const library = tempLibraryFile();
    const folder = join(dirname(library), 'backups');
    expect(lectern(['import', join(PROFILES, 'seed-profile.txt')], library).code).toBe(0);
    // The import was the first change of the day, but the library was empty: nothing to back up yet.
    expect(lectern(['backups'], library).stdout).toBe(`No backups yet. They will be kept in ${folder}.\nMake one now with: lectern --library ${library} backup\n`);

    const made = lectern(['backup'], library);
    expect(made.stdout).toMatch(new RegExp(`^Backed up the library \\(18 papers, \\d+ kB\\) to ${folder}/library-\\d{8}-\\d{6}-manual\\.sqlite\\.\\n$`));
    const path = /to (\S+)\.\n$/.exec(made.stdout)![1]!;
    const list = JSON.parse(lectern(['backups', '--json'], library).stdout) as { folder: string; backups: Array<{ path: string; kind: string; papers: number }> };
    expect(list).toMatchObject({ folder, backups: [{ path, kind: 'manual', papers: 18 }] });
    expect(lectern(['backups'], library).stdout).toMatch(/^Backups in .*:\nwhen +why +size +papers +file\n[- ]+\n\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} +Backed up on request +\d+ kB +18 papers +library-\d{8}-\d{6}-manual\.sqlite\n$/);

    const out = join(dirname(library), 'export.sqlite');
    expect(lectern(['backup', '--out', out], library).stdout).toMatch(/^Copied the library \(18 papers, \d+ kB\) to .*export\.sqlite: one self-contained file, checked\.\n$/);
    const again = lectern(['backup', '--out', out], library);
    expect([again.code, again.stderr]).toEqual([1, `lectern: ${out} exists already; give a new file name (nothing was written).\n`]);

    // Change the library (the trash emptied by a second import is not available: delete rows directly).
    const raw = new Database(library);
    raw.exec('DELETE FROM papers WHERE id <= 5');
    raw.close();
    expect(papersIn(library)).toBe(13);
    const restored = lectern(['restore', path], library);
    expect(restored.stderr).toBe('');
    expect(restored.stdout).toMatch(new RegExp(`^Restored ${path} \\(18 papers\\) into ${library}\\.\\nIt replaced the library as it was \\(13 papers\\), kept as ${folder}/library-\\d{8}-\\d{6}-before-restore\\.sqlite: restore that file to undo\\.\\n$`));
    expect(papersIn(library)).toBe(18);

    expect(lectern(['check'], library)).toMatchObject({ code: 0, stdout: expect.stringMatching(new RegExp(`^The library ${library} is sound \\(quick check, \\d+\\.\\d s\\)\\.\\n$`)) });
    const recovered = lectern(['recover', '--out', join(dirname(library), 'copy.sqlite')], library);
    expect(recovered.stdout).toBe(`Recovered every row: 18 papers.\nWritten to ${join(dirname(library), 'copy.sqlite')}; the library ${library} was left as it is.\n`);
    expect(papersIn(join(dirname(library), 'copy.sqlite'))).toBe(18);
  });

  it('asks for the file to restore, and refuses a file that is not a library', () => {
    const library = tempLibraryFile();
    expect(lectern(['import', join(PROFILES, 'seed-profile.txt')], library).code).toBe(0);
    const usage = lectern(['restore'], library);
    expect([usage.code, usage.stderr.split('\n')[0]]).toEqual([2, `lectern: restore needs the backup file to restore (lectern --library ${library} backups lists them)`]);
    const bad = lectern(['restore', join(PROFILES, 'seed-profile.txt')], library);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^lectern: .*seed-profile\.txt cannot be restored: the file is not a readable SQLite database any more/);
    expect(papersIn(library)).toBe(18);
    // Nothing was kept "before restore" for a restore that did not happen.
    const folder = join(dirname(library), 'backups');
    expect(existsSync(folder) ? readdirSync(folder) : []).toEqual([]);
  });
});

describe('lectern restore, backup and recover on a library without a backups folder (or without a file yet)', () => {
  /** A copy of a library of 18 papers, made by `lectern backup --out`, in a folder of its own. */
  function seededCopy(): string {
    const source = tempLibraryFile();
    expect(lectern(['import', join(PROFILES, 'seed-profile.txt')], source).code).toBe(0);
    const copy = join(dirname(source), 'copy.sqlite');
    expect(lectern(['backup', '--out', copy], source).code).toBe(0);
    return copy;
  }
  const leftovers = (folder: string) => (existsSync(folder) ? readdirSync(folder).sort() : []);

  it('restore into a new library file: creates it and its backups folder, and says nothing was replaced', () => {
    const copy = seededCopy();
    const fresh = join(dirname(tempLibraryFile()), 'new', 'fresh2.sqlite');
    const r = lectern(['restore', copy, '--library', fresh], '');
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toBe(`Restored ${copy} (18 papers) into ${fresh}.\nThere was no library file there before, so nothing was replaced.\n`);
    expect(papersIn(fresh)).toBe(18);
    expect(lectern(['check', '--library', fresh], '').code).toBe(0);
    expect(leftovers(`${fresh}-backups`)).toEqual([]);
  });

  it('restore into an existing library whose backups folder is missing: makes the folder, keeps the library as it was', () => {
    const copy = seededCopy();
    const library = join(dirname(tempLibraryFile()), 'fresh2.sqlite');
    expect(lectern(['import', join(PROFILES, 'seed-profile.txt'), '--library', library], '').code).toBe(0);
    const raw = new Database(library);
    raw.exec('DELETE FROM papers WHERE id <= 5');
    raw.close();
    expect(existsSync(`${library}-backups`)).toBe(false);
    const r = lectern(['restore', copy, '--library', library], '');
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(papersIn(library)).toBe(18);
    expect(leftovers(`${library}-backups`).map((f) => f.replace(/\d{8}-\d{6}/, 'T'))).toEqual(['fresh2-T-before-restore.sqlite']);
  });

  it('a failed command leaves no new library file behind; LECTERN_DEBUG=1 adds what the system said', () => {
    const copy = seededCopy();
    const folder = dirname(tempLibraryFile());
    // Not a library: refused before anything is written.
    const bad = lectern(['restore', join(PROFILES, 'seed-profile.txt'), '--library', join(folder, 'a.sqlite')], '');
    expect(bad.code).toBe(1);
    // A file where the backups folder should be: the copy cannot be made.
    writeFileSync(join(folder, 'b.sqlite-backups'), 'in the way');
    const blocked = lectern(['restore', copy, '--library', join(folder, 'b.sqlite')], '');
    expect([blocked.code, blocked.stderr]).toEqual([1, 'lectern: The backup could not be copied for restoring: the backups folder cannot be written to. Nothing was changed. Check that the disk is mounted and that you may write to the folder.\n']);
    // A backup or recovery of a library that does not exist.
    expect(lectern(['backup', '--library', join(folder, 'c.sqlite')], '')).toMatchObject({ code: 1, stderr: `lectern: There is no library file at ${join(folder, 'c.sqlite')}: nothing was backed up.\n` });
    expect(lectern(['recover', '--library', join(folder, 'd.sqlite')], '')).toMatchObject({ code: 1, stderr: `lectern: There is no library file at ${join(folder, 'd.sqlite')}: there is nothing to recover.\n` });
    // An import that fails into a new library.
    writeFileSync(join(folder, 'not-a-page.txt'), 'hello');
    expect(lectern(['import', join(folder, 'not-a-page.txt'), '--library', join(folder, 'e.sqlite')], '').code).toBe(1);
    expect(leftovers(folder)).toEqual(['b.sqlite-backups', 'not-a-page.txt']);

    const debug = spawnSync(process.execPath, [join(REPO, 'bin', 'lectern.js'), 'restore', copy, '--library', join(folder, 'b.sqlite')], { encoding: 'utf8', env: { ...process.env, LECTERN_DEBUG: '1' } });
    expect(debug.status).toBe(1);
    const lines = debug.stderr.trimEnd().split('\n');
    expect(lines.at(-1)).toBe('lectern: The backup could not be copied for restoring: the backups folder cannot be written to. Nothing was changed. Check that the disk is mounted and that you may write to the folder.');
    // The system's own words, for a bug report: the error code and the path it failed on.
    expect(lines.length).toBeGreaterThan(1);
    expect(debug.stderr).toMatch(/code: 'EEXIST'/);
    expect(leftovers(folder)).toEqual(['b.sqlite-backups', 'not-a-page.txt']);
  });
});
