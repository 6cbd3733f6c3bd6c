/**
 * The host's wiring follows each channel's declared kind (shared/contract): the routing of every channel
 * of every kind against a recording session, then the real handlers (reader thread, write lock, undo).
 */
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS, channelsOfKind, contract, type Channel } from '../../shared/contract';
import { LONG_READS, isLongRead } from '../../shared/long-reads';
import { route } from '../../electron/handlers/route';
import { handlerTable } from '../../electron/handlers/handler-table';
import type { Entry } from '../../electron/handlers/channel-entry';
import type { Session } from '../../electron/handlers/session';
import { call } from '../../electron/handlers/dispatch';
import { createHandlers, closeHandlers, type Handlers } from '../../electron/handlers/handlers';
import { openLibrary, type Library } from '../../db/open';
import { LecternError } from '../../shared/errors';
import { tempLibraryFile } from './helpers/fixtures';

const WRITER = { connection: 'writer' };
const READER = { connection: 'reader' };

/** A session that records which of its parts a handler used, and runs the work it is given. */
function recordingSession() {
  const used: string[] = [];
  const session = {
    db: WRITER,
    reader: {
      db: READER,
      run: (query: (db: unknown) => unknown) => (used.push('reader connection'), query(READER)),
      whenCommitted: (read: () => unknown) => (used.push('committed'), read()),
    },
    reads: { run: (channel: string, input: unknown, jobId?: string) => (used.push(`reader thread ${channel} ${jobId}`), Promise.resolve({ thread: input })) },
    writes: {
      run: async (work: () => unknown, options: { committed?: (v: unknown) => unknown } = {}) => {
        used.push('write queue');
        const value = await work();
        return options.committed ? options.committed(value) : value;
      },
    },
    history: { record: (outcome: { value: unknown }) => (used.push('undo stack'), outcome.value) },
  } as unknown as Session;
  return { session, used };
}

/** A query that says what it was given. */
function echo(seen: unknown[]) {
  return (first: unknown, input: unknown) => {
    seen.push(first);
    return { value: { input }, undo: null };
  };
}

describe('routing by kind', () => {
  it('gives every channel of the contract an entry, and nothing else', () => {
    expect(Object.keys(handlerTable).sort()).toEqual([...CHANNELS].sort());
    expect(new Set(CHANNELS.map((c) => contract[c].kind))).toEqual(new Set(['read', 'slowRead', 'write', 'undoableWrite', 'session']));
  });

  it('runs a read on the reader connection and nothing else (no write queue, so no write lock)', async () => {
    for (const channel of channelsOfKind('read')) {
      const { session, used } = recordingSession();
      const seen: unknown[] = [];
      const answer = await route(channel, echo(seen) as unknown as Entry<Channel>, session)({ x: 1 });
      expect([channel, used, seen, answer]).toEqual([channel, ['reader connection'], [READER], { value: { input: { x: 1 } }, undo: null }]);
    }
  });

  it('sends a slow read to the reader thread with its jobId, once committed data is readable', async () => {
    expect(channelsOfKind('slowRead').sort()).toEqual(['authors.metrics', 'metrics.selection', 'papers.facets']);
    for (const channel of channelsOfKind('slowRead')) {
      const { session, used } = recordingSession();
      const seen: unknown[] = [];
      const answer = await route(channel, echo(seen) as unknown as Entry<Channel>, session)({ x: 1, jobId: 'job-7' });
      // The thread runs the table's query itself (read-channels.ts); the job id names the job, not the query's input.
      expect([channel, used, seen, answer]).toEqual([channel, ['committed', `reader thread ${channel} job-7`], [], { thread: { x: 1 } }]);
    }
  });

  it('runs a write on the write queue with the writing connection, and keeps no undo', async () => {
    const plain = channelsOfKind('write').filter((c) => typeof handlerTable[c] === 'function');
    expect(plain).toContain('settings.set');
    for (const channel of channelsOfKind('write')) {
      const { session, used } = recordingSession();
      const seen: unknown[] = [];
      await route(channel, echo(seen) as unknown as Entry<Channel>, session)({ x: 1 });
      expect([channel, used, seen]).toEqual([channel, ['write queue'], [WRITER]]);
    }
  });

  it('runs an undoable write on the write queue and puts its undo on the stack', async () => {
    expect(channelsOfKind('undoableWrite').length).toBeGreaterThan(20);
    for (const channel of channelsOfKind('undoableWrite')) {
      const { session, used } = recordingSession();
      const seen: unknown[] = [];
      const answer = await route(channel, echo(seen) as unknown as Entry<Channel>, session)({ x: 1 });
      expect([channel, used, seen, answer]).toEqual([channel, ['write queue', 'undo stack'], [WRITER], { input: { x: 1 } }]);
    }
  });

  it('calls a session channel directly with the session', async () => {
    for (const channel of channelsOfKind('session')) {
      const { session, used } = recordingSession();
      const seen: unknown[] = [];
      await route(channel, echo(seen) as unknown as Entry<Channel>, session)({ x: 1 });
      expect([channel, used, seen]).toEqual([channel, [], [session]]);
    }
  });

  it('runs a custom entry as written, whatever the kind', async () => {
    const { session, used } = recordingSession();
    const entry = { custom: (s: Session, input: unknown) => ({ same: s === session, input }) };
    expect(await route('tags.create', entry as unknown as Entry<'tags.create'>, session)({ x: 1 })).toEqual({ same: true, input: { x: 1 } });
    expect(used).toEqual([]);
  });

  it('labels the slow reads from the contract (shared/long-reads.ts)', () => {
    expect(LONG_READS).toEqual({
      'papers.facets': 'Counting filter values',
      'metrics.selection': 'Computing metrics',
      'authors.metrics': "Computing the author's metrics",
    });
    expect([isLongRead('papers.facets'), isLongRead('papers.list'), isLongRead('toString'), isLongRead('nope')]).toEqual([true, false, false, false]);
  });
});

describe('the real handlers, by kind', () => {
  let lib: Library;
  let h: Handlers;
  let other: Database.Database;
  beforeAll(() => {
    const file = tempLibraryFile();
    lib = openLibrary(file);
    h = createHandlers(lib, { lockWaitMs: 200 });
    other = new Database(file);
  });
  afterAll(async () => {
    other.close();
    await closeHandlers(h);
    lib.close();
  });

  it('answers every read while another process holds the write lock; a write then fails with BUSY', async () => {
    other.exec('BEGIN IMMEDIATE');
    try {
      expect((await call(h, 'papers.list', {})).total).toBe(0);
      expect(await call(h, 'tags.list', {})).toEqual([]);
      expect((await call(h, 'papers.facets', { jobId: 'facets-under-lock' })).total).toBe(0);
      const busy = await call(h, 'tags.create', { name: 'method' }).catch((e: unknown) => e);
      expect(busy).toBeInstanceOf(LecternError);
      expect((busy as LecternError).code).toBe('BUSY');
    } finally {
      other.exec('ROLLBACK');
    }
  });

  it('puts an undoable write on the undo stack, and not a plain write', async () => {
    await call(h, 'settings.set', { key: 'theme', value: 'dark' });
    expect(await call(h, 'undo.state', {})).toEqual({ undo: null, redo: null });
    const tag = await call(h, 'tags.create', { name: 'method/rl' });
    expect(await call(h, 'undo.state', {})).toEqual({ undo: expect.stringContaining('method/rl'), redo: null });
    await call(h, 'undo.undo', {});
    expect((await call(h, 'tags.list', {})).map((t) => t.id)).not.toContain(tag.id);
  });
});
