/**
 * Browser mode's library events, read by polling: `GET /api/events?after=SEQ&epoch=E&client=ID` answers
 * at once with `{ epoch, seq, change }`, where `change` (shared/library-change.ts) joins every batch the
 * handler table's watch reported after `seq` (electron/handlers/library-watch.ts), addressed to that tab
 * (its own writes 'here'), or null when nothing changed.
 *
 * Why polling, not a stream that stays open: a browser opens at most 6 HTTP/1.1 connections to one
 * host and port across all its tabs, so six tabs each holding a stream starved every other call (a
 * seventh tab did not load at all). A poll holds a connection for a millisecond. The log is bounded:
 * a tab that fell further behind than LOG_SIZE batches, or asks with another server's `epoch` (the
 * server restarted), gets 'everything' from elsewhere, as it may have missed anything.
 */
import { randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import type { Handlers } from '../handlers/handlers';
import { libraryWatchOf } from '../handlers/handlers';
import { changeFor, type LibraryChangeBatch } from '../handlers/library-watch';
import { isClientId, type LibraryChange, type LibraryEventsAnswer } from '../../shared/library-change';
import type { LibraryTable } from '../../shared/contract';

/** Batches kept for tabs that poll late (a hidden tab polls every few seconds; the watch sends at most 10 a second). */
export const LOG_SIZE = 512;

export interface EventLog {
  /**
   * Answer an events request (already checked: token, Host, Origin, GET) with JSON at once.
   * @param query `after` (the last seq the tab saw), `epoch` (the server it saw it from), `client` (the tab's id)
   */
  answer(res: ServerResponse, query: URLSearchParams): void;
  /** Batches kept (for tests: bounded by LOG_SIZE). */
  readonly size: number;
  /** Stop listening to the watch. */
  close(): void;
}

/** Join a tab's events since its last poll into one: tables merged, 'here' only if every one was. */
function join(changes: LibraryChange[], seq: number): LibraryChange | null {
  if (changes.length === 0) return null;
  let tables: Set<LibraryTable> | 'everything' = new Set();
  for (const c of changes) {
    if (c.tables === 'everything' || tables === 'everything') tables = 'everything';
    else for (const t of c.tables) tables.add(t);
  }
  return { version: seq, tables: tables === 'everything' ? 'everything' : [...tables], origin: changes.every((c) => c.origin === 'here') ? 'here' : 'elsewhere' };
}

/** The event log over a handler table's watch (a table without one answers "nothing changed" forever). */
export function eventLog(handlers: Handlers): EventLog {
  const epoch = randomBytes(8).toString('hex');
  const log: { seq: number; batch: LibraryChangeBatch }[] = [];
  let seq = 0;
  const unsubscribe = libraryWatchOf(handlers)?.subscribe((batch) => {
    log.push({ seq: ++seq, batch });
    if (log.length > LOG_SIZE) log.shift();
  });
  const send = (res: ServerResponse, body: LibraryEventsAnswer) => {
    const json = JSON.stringify(body);
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(json), 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
    res.end(json);
  };
  return {
    answer(res, query) {
      const client = query.get('client');
      const recipient = isClientId(client) ? client : undefined;
      const afterText = query.get('after');
      const after = afterText !== null && /^\d{1,15}$/.test(afterText) ? Number(afterText) : null;
      // First poll of a tab (it has just loaded what it shows): nothing to tell, only where the log is.
      if (after === null) return send(res, { epoch, seq, change: null });
      const oldest = log[0]?.seq ?? seq + 1;
      const lost = query.get('epoch') !== epoch || after > seq || (after < seq && oldest > after + 1);
      if (lost) return send(res, { epoch, seq, change: { version: seq, tables: 'everything', origin: 'elsewhere' } });
      const changes = log.filter((e) => e.seq > after).map((e) => changeFor(e.batch, recipient));
      return send(res, { epoch, seq, change: join(changes, seq) });
    },
    get size() {
      return log.length;
    },
    close() {
      unsubscribe?.();
      log.length = 0;
    },
  };
}
