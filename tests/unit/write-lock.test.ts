import { existsSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { activityFile, clearActivity, describeHolder, readActivity, writeActivity } from '../../db/activity';
import { openLibrary, type Library } from '../../db/open';
import { withWriteLock } from '../../db/write-lock';
import { WriteQueue } from '../../electron/handlers/write-queue';
import { LecternError } from '../../shared/errors';
import { tempLibraryFile } from './helpers/fixtures';

let file: string;
let lib: Library;
let other: Database.Database;
beforeEach(() => {
  file = tempLibraryFile();
  lib = openLibrary(file);
  other = new Database(file);
});
afterEach(() => {
  other.close();
  lib.close();
});

const settings = () => lib.db.$client.prepare('SELECT key FROM settings ORDER BY key').pluck().all();
const put = (key: string) => lib.db.run(sql`INSERT INTO settings (key, value, updated_at) VALUES (${key}, '1', 'now')`);
const later = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('withWriteLock', () => {
  it('runs synchronously when the lock is free, and commits', () => {
    void withWriteLock(lib.db, () => put('a'));
    expect(settings()).toEqual(['a']);
    expect(lib.db.$client.inTransaction).toBe(false);
  });

  it('turns the library functions’ own transactions into savepoints (better-sqlite3 and Drizzle)', async () => {
    await expect(
      withWriteLock(lib.db, () => {
        put('outer');
        expect(() =>
          lib.db.$client
            .transaction(() => {
              put('inner-bs3');
              throw new Error('inner fails');
            })
            .immediate(),
        ).toThrow('inner fails');
        lib.db.transaction(() => put('inner-drizzle'), { behavior: 'immediate' });
        expect(() =>
          lib.db.transaction(
            () => {
              put('inner-drizzle-fails');
              throw new Error('drizzle inner fails');
            },
            { behavior: 'immediate' },
          ),
        ).toThrow('drizzle inner fails');
      }),
    ).resolves.toBeUndefined();
    expect(settings()).toEqual(['inner-drizzle', 'outer']);
    // A failure of the whole write rolls back everything, savepoints included.
    await expect(
      withWriteLock(lib.db, () => {
        put('x');
        lib.db.$client.transaction(() => put('y')).immediate();
        throw new LecternError('INVALID_INPUT', 'no');
      }),
    ).rejects.toThrow('no');
    expect(settings()).toEqual(['inner-drizzle', 'outer']);
  });

  it('nests as a savepoint when the caller holds the lock, also for asynchronous work', async () => {
    await withWriteLock(lib.db, async () => {
      put('a');
      await expect(
        withWriteLock(lib.db, async () => {
          put('b');
          await later(5);
          throw new Error('rolled back to the savepoint');
        }),
      ).rejects.toThrow('rolled back');
      await withWriteLock(lib.db, async () => {
        await later(5);
        put('c');
      });
    });
    expect(settings()).toEqual(['a', 'c']);
  });

  it('waits for another connection without blocking the event loop, then writes', async () => {
    other.exec('BEGIN IMMEDIATE');
    setTimeout(() => other.exec('COMMIT'), 300); // runs only if the wait does not block
    const t0 = performance.now();
    await withWriteLock(lib.db, () => put('after'), { deadline: performance.now() + 5000 });
    expect(performance.now() - t0).toBeGreaterThan(250);
    expect(settings()).toEqual(['after']);
  });

  it('fails with BUSY at the deadline, naming the holder from a live activity note, having written nothing', async () => {
    other.exec('BEGIN IMMEDIATE');
    writeFileSync(`${file}.activity`, JSON.stringify({ pid: process.pid, host: 'desktop app', action: 'emptying the trash', since: Date.now() }));
    const t0 = performance.now();
    const err = await withWriteLock(lib.db, () => put('never'), { deadline: performance.now() + 200 }).catch((e: unknown) => e);
    expect(performance.now() - t0).toBeGreaterThan(150);
    expect(err).toBeInstanceOf(LecternError);
    expect((err as LecternError).toShape()).toEqual({
      code: 'BUSY',
      message: 'The library is busy: the desktop app is emptying the trash. Try again in a moment.',
      details: { waitedMs: expect.any(Number), holder: { host: 'desktop app', action: 'emptying the trash' } },
    });
    other.exec('ROLLBACK');
    expect(settings()).toEqual([]);
  });

  it('stops waiting when its signal aborts', async () => {
    other.exec('BEGIN IMMEDIATE');
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const err = await withWriteLock(lib.db, () => put('never'), {
      signal: controller.signal,
      cancelled: () => new LecternError('CANCELLED', 'Import cancelled after 0 of 9 papers; the library is as it was before.'),
    }).catch((e: unknown) => e);
    expect((err as LecternError).toShape()).toEqual({ code: 'CANCELLED', message: 'Import cancelled after 0 of 9 papers; the library is as it was before.' });
    other.exec('ROLLBACK');
  });

  it('announces a long write in the activity note while it holds the lock, and removes it before releasing', async () => {
    let during: unknown = null;
    await withWriteLock(
      lib.db,
      async () => {
        await later(1);
        during = readActivity(file);
      },
      { activity: { host: 'command line', action: 'importing' } },
    );
    expect(during).toMatchObject({ pid: process.pid, host: 'command line', action: 'importing' });
    expect(existsSync(`${file}.activity`)).toBe(false);
  });
});

describe('the activity note', () => {
  it('is ignored when it names no live process, is too large, malformed, or holds unknown values', () => {
    const cases = [
      { pid: 2 ** 31 + 5, host: 'command line', action: 'importing', since: Date.now() },
      { pid: process.pid, host: 'command line', action: 'rm -rf', since: Date.now() },
      { pid: process.pid, host: 'command line', action: 'importing', since: 'now' },
      { pid: -1, host: 'command line', action: 'importing', since: Date.now() },
      [process.pid, 'command line', 'importing'],
      { pid: process.pid, host: 'command line', action: 'importing', since: Date.now(), pad: 'x'.repeat(600) },
    ];
    for (const note of cases) {
      writeFileSync(`${file}.activity`, JSON.stringify(note));
      expect(readActivity(file), JSON.stringify(note).slice(0, 80)).toBeNull();
    }
    writeFileSync(`${file}.activity`, '\u0000\u001b[2J');
    expect(readActivity(file)).toBeNull();
    expect(describeHolder(null)).toBe('another Lectern process is writing');
    expect(activityFile(':memory:')).toBeNull();
  });

  it('replaces a planted symlink instead of writing through it, and leaves another process’s note alone', () => {
    const target = `${file}.precious`;
    writeFileSync(target, 'keep me');
    symlinkSync(target, `${file}.activity`);
    writeActivity(file, { host: 'browser mode', action: 'importing' });
    expect(readFileSync(target, 'utf8')).toBe('keep me');
    expect(describeHolder(readActivity(file))).toBe('Lectern in browser mode is importing');
    clearActivity(file);
    expect(existsSync(`${file}.activity`)).toBe(false);
    writeFileSync(`${file}.activity`, JSON.stringify({ pid: 1, host: 'command line', action: 'importing', since: Date.now() }));
    clearActivity(file);
    expect(existsSync(`${file}.activity`)).toBe(true);
  });
});

describe('WriteQueue', () => {
  it('runs writes one at a time, keeps each result after its commit, and refuses through its guard', async () => {
    let refuse = false;
    const queue = new WriteQueue(lib.db, {
      host: 'desktop app',
      beforeWrite: () => {
        if (refuse) throw new LecternError('DAMAGED', 'refused');
      },
    });
    const order: string[] = [];
    const slow = queue.run(async () => {
      put('slow');
      await later(30);
      order.push('slow');
    });
    const quick = queue.run(() => put('quick'), { committed: () => order.push('quick committed') });
    expect(queue.busy).toBe(true);
    await Promise.all([slow, quick]);
    expect(order).toEqual(['slow', 'quick committed']);
    expect(settings()).toEqual(['quick', 'slow']);
    refuse = true;
    await expect(queue.run(() => put('never'))).rejects.toThrow('refused');
    expect(settings()).toEqual(['quick', 'slow']);
    await queue.idle();
    expect(queue.busy).toBe(false);
  });

  it('gives BUSY to a write still waiting behind this process’s own long import when its wait runs out', async () => {
    const queue = new WriteQueue(lib.db, { host: 'desktop app', waitMs: 200 });
    const importing = queue.run(() => later(600), { activity: 'importing', waitMs: 5000 });
    const err = await queue.run(() => put('never')).catch((e: unknown) => e);
    expect((err as LecternError).toShape()).toMatchObject({ code: 'BUSY', message: 'The library is busy: the desktop app is importing. Try again in a moment.' });
    await importing;
    expect(settings()).toEqual([]);
  });
});
