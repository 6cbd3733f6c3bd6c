/**
 * A tab's event stream that is opened and never read (a hung or hostile client holding the token):
 * the server must not buffer events for it without bound. Every write to a stream whose socket does
 * not drain piles up in the response's buffer; past a cap the stream is dropped (the tab, if it is
 * alive, reopens it and refreshes everything), so memory stays bounded however long writes go on.
 */
import { EventEmitter } from 'node:events';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLibrary, type Library } from '../../db/open';
import { closeHandlers, createHandlers, libraryWatchOf, type Handlers } from '../../electron/handlers/handlers';
import { eventStreams, MAX_STREAM_BUFFER_BYTES } from '../../electron/server/event-stream';
import { tempLibraryFile } from '../unit/helpers/fixtures';

/** A response whose client never reads: every write stays in its buffer. */
class StuckResponse extends EventEmitter {
  writableLength = 0;
  destroyed = false;
  ended = false;
  writeHead(): this {
    return this;
  }
  write(chunk: string): boolean {
    this.writableLength += Buffer.byteLength(chunk);
    return false;
  }
  end(): this {
    this.ended = true;
    this.emit('close');
    return this;
  }
  destroy(): this {
    this.destroyed = true;
    this.emit('close');
    return this;
  }
}

let lib: Library;
let handlers: Handlers;
beforeAll(() => {
  lib = openLibrary(tempLibraryFile());
  handlers = createHandlers(lib, { watch: { pollMs: 10_000, coalesceMs: 0 }, readsInProcess: true });
});
afterAll(async () => {
  await closeHandlers(handlers);
  lib.close();
});

describe('an event stream nobody reads', () => {
  it('is dropped once its unsent events pass the cap, instead of growing without bound', async () => {
    const streams = eventStreams(handlers);
    const stuck = new StuckResponse();
    streams.open({} as IncomingMessage, stuck as unknown as ServerResponse, 'tab-stuck-01');
    expect(streams.size).toBe(1);
    const watch = libraryWatchOf(handlers)!;
    // Each batch is one event of ~80 bytes; enough batches to pass the cap several times over.
    const batches = Math.ceil((2 * MAX_STREAM_BUFFER_BYTES) / 60);
    for (let i = 0; i < batches; i++) {
      watch.wrote(['tags'], 'tab-other-01');
      await new Promise((r) => setTimeout(r, 1));
    }
    expect(stuck.writableLength).toBeLessThan(MAX_STREAM_BUFFER_BYTES + 1024);
    expect(stuck.destroyed).toBe(true);
    expect(streams.size).toBe(0);
    streams.close();
  }, 30_000);
});
