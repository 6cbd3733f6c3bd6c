/**
 * Browser mode's library events: `GET /api/events` answers a `text/event-stream` that stays open and
 * carries one `library-change` event (shared/library-change.ts, as JSON) for each batch the handler
 * table's watch reports (electron/handlers/library-watch.ts). Each open tab holds one stream; a stream
 * whose tab closed (its socket closed) is dropped at once, and `close()` ends every stream so the
 * server can stop without waiting for them.
 *
 * The route sits behind the same checks as every /api call (server.ts: Host, Origin, token header):
 * the window reads it with fetch, not EventSource, so the token travels in its header and never in a URL.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Handlers } from '../handlers/handlers';
import { libraryWatchOf } from '../handlers/handlers';
import { changeFor } from '../handlers/library-watch';
import { isClientId } from '../../shared/library-change';

/** A comment line this often keeps proxies and idle timers from closing a quiet stream (ms). */
const KEEPALIVE_MS = 20_000;

/**
 * The most a stream may hold unsent, beyond what the socket took (bytes). A tab reads its stream as
 * it comes, so only a hung client (or one that opens streams and never reads them) gets here; its
 * stream is dropped rather than buffered without bound. A live tab opens it again and refreshes
 * everything (library-events.ts), so nothing is lost.
 */
export const MAX_STREAM_BUFFER_BYTES = 64 * 1024;

export interface EventStreams {
  /**
   * Answer an events request (already checked) with a stream that stays open.
   * @param client the tab's id (`?client=`), so its own writes arrive as 'here'; anything else: none
   */
  open(req: IncomingMessage, res: ServerResponse, client: string | null): void;
  /** How many streams are open (for tests: a closed tab leaves none behind). */
  readonly size: number;
  /** End every stream and stop listening to the watch. */
  close(): void;
}

/** Event streams over a handler table's watch (a table without one gets streams that stay quiet). */
export function eventStreams(handlers: Handlers): EventStreams {
  const streams = new Map<ServerResponse, string | undefined>();
  /** Write to one stream, or drop it when its client has stopped reading (MAX_STREAM_BUFFER_BYTES). */
  const send = (res: ServerResponse, text: string) => {
    if (res.writableLength > MAX_STREAM_BUFFER_BYTES) {
      streams.delete(res);
      res.destroy();
      return;
    }
    res.write(text);
  };
  const unsubscribe = libraryWatchOf(handlers)?.subscribe((batch) => {
    for (const [res, client] of [...streams]) send(res, `event: library-change\ndata: ${JSON.stringify(changeFor(batch, client))}\n\n`);
  });
  const keepalive = setInterval(() => {
    for (const res of [...streams.keys()]) send(res, ': keepalive\n\n');
  }, KEEPALIVE_MS);
  keepalive.unref();
  let closed = false;
  return {
    open(_req, res, client) {
      if (closed) {
        res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8', connection: 'close' });
        res.end('Lectern is stopping.');
        return;
      }
      // connection: close: when the server ends the stream (it is stopping) the socket goes with it,
      // instead of idling as a keep-alive connection that the server's close() would wait for.
      res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', connection: 'close' });
      // The first bytes tell the window the stream is open (fetch resolves on headers; this flushes them).
      res.write(': open\n\n');
      streams.set(res, isClientId(client) ? client : undefined);
      // Not the request's 'close': a GET's body is read at once, which closes the request already.
      res.on('close', () => streams.delete(res));
    },
    get size() {
      return streams.size;
    },
    close() {
      closed = true;
      unsubscribe?.();
      clearInterval(keepalive);
      for (const res of streams.keys()) res.end();
      streams.clear();
    },
  };
}
