/**
 * What `lectern check` and the damage banner say about a damaged file: SQLite's report is counted as it
 * is listed (one of its rows can hold several problems, one per line, under a "*** in database main ***"
 * heading), each problem is one line, and the full check reports at least what the quick check does
 * (integrity_check can stop at damage that quick_check reads past).
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkIntegrity, describeCheckFailure } from '../../db/upkeep/integrity';
import { generateLibrary } from '../bench/generate-library';
import { REPO, tempLibraryFile } from './helpers/fixtures';
import { PAGE } from './helpers/libraries';

let pristine: string;
beforeAll(() => {
  pristine = tempLibraryFile();
  generateLibrary(pristine, { papers: 600, seed: 11, notes: 100, tags: 6 });
});

/** Flip one to four bytes near the start of random pages (a page header: SQLite notices at once). */
function poke(seed: number): string {
  const file = tempLibraryFile();
  copyFileSync(pristine, file);
  const data = readFileSync(file);
  const pages = data.length / PAGE;
  let a = seed * 7919;
  const rnd = () => (a = (a * 1103515245 + 12345) % 2147483648) / 2147483648;
  const n = 1 + Math.floor(rnd() * 4);
  for (let i = 0; i < n; i++) {
    const at = (2 + Math.floor(rnd() * (pages - 2))) * PAGE + Math.floor(rnd() * 16);
    data[at] = data[at]! ^ 0xff;
  }
  writeFileSync(file, data);
  return file;
}

/** SQLite's own rows, or the message it stopped with. */
function raw(file: string, pragma: string): string[] | string {
  const db = new Database(file, { readonly: true });
  try {
    return (db.pragma(pragma) as Array<Record<string, string>>).map((r) => String(Object.values(r)[0]));
  } catch (err) {
    return (err as Error).message;
  } finally {
    db.close();
  }
}

/** The first damaged copy (seeds 1, 2, ...) where `wanted` holds. */
function findDamage(wanted: (file: string) => boolean): string {
  for (let seed = 1; seed < 400; seed++) {
    const file = poke(seed);
    if (wanted(file)) return file;
  }
  throw new Error('no such damage found');
}

const check = (file: string, full: boolean) => {
  const db = new Database(file, { readonly: true });
  try {
    return checkIntegrity(db, full);
  } finally {
    db.close();
  }
};

function lectern(args: string[]) {
  const r = spawnSync(process.execPath, [join(REPO, 'bin', 'lectern.js'), ...args], { encoding: 'utf8', env: { ...process.env, LECTERN_DEBUG: '' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The problems `lectern check` lists (the indented lines), and the count its first sentence gives. */
function listed(stdout: string): { count: number; lines: string[] } {
  const count = Number(/found (?:at least )?(\d+) problems?/.exec(stdout)?.[1]);
  return { count, lines: stdout.split('\n').filter((l) => l.startsWith(' ')) };
}

describe('lectern check counts what it lists', () => {
  it('a report whose rows hold several problems: one line and one count per problem, under a plain sentence', () => {
    const file = findDamage((f) => {
      const rows = raw(f, 'quick_check(20)');
      return Array.isArray(rows) && rows.some((r) => r.includes('\n')) && rows.length > 1;
    });
    const rows = raw(file, 'quick_check(20)') as string[];
    const problems = rows.flatMap((r) => r.split('\n')).filter((l) => !/^\*\*\* in database/.test(l));
    const result = check(file, false);
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual(problems);
    expect(describeCheckFailure(result)).toMatch(new RegExp(`^The library file is damaged: Lectern's check found (at least )?${problems.length} problems `));

    const out = lectern(['check', '--library', file]);
    expect(out.code).toBe(1);
    const { count, lines } = listed(out.stdout);
    expect(lines).toEqual(problems.map((p) => `  ${p}`));
    expect(count).toBe(lines.length);
    // A researcher's sentence first: no SQLite words in it.
    const sentence = out.stdout.split('\n')[0]!;
    expect(sentence).not.toMatch(/btree|Tree \d|wrong #|SQLite/);
  });

  it('--full reports at least what the quick check does, also when integrity_check stops at damage', () => {
    const file = findDamage((f) => Array.isArray(raw(f, 'quick_check(20)')) && typeof raw(f, 'integrity_check(20)') === 'string');
    const quick = check(file, false);
    const full = check(file, true);
    expect(quick.problems.length).toBeGreaterThan(1);
    expect(full.problems).toEqual(expect.arrayContaining(quick.problems));
    expect(full.problems.length).toBeGreaterThan(quick.problems.length);

    const out = lectern(['check', '--full', '--library', file]);
    const { count, lines } = listed(out.stdout);
    expect(count).toBe(lines.length);
    expect(lines).toEqual(full.problems.map((p) => `  ${p}`));
    expect(lines.length).toBeGreaterThanOrEqual(listed(lectern(['check', '--library', file]).stdout).lines.length);
  });
});
