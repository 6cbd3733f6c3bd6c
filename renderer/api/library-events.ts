/**
 * The library's change events (shared/library-change.ts), over whichever transport this window has:
 * the preload's `onLibraryChange` on the desktop, or in browser mode a long-lived
 * `GET /api/events` read with fetch (so the token goes in its header, as for every call, never in a
 * URL). When the stream ends (the server stopped or restarted) it is opened again as soon as the
 * server is seen to be back (a call the window made after the stream broke is answered), when the
 * window is shown again, or every RETRY_MS: not sooner, since every knock on a closed port is an error line in the browser's
 * console. The first event after it reopens is 'everything' from elsewhere: anything may have changed
 * meanwhile.
 */
import { LibraryChange, LIBRARY_EVENTS_PATH } from '../../shared/library-change';
import { browserToken, CLIENT_ID, onServerAnswer } from './client';

type Listener = (change: LibraryChange) => void;

/** How long a broken stream waits before trying again by itself (ms). */
const RETRY_MS = 15_000;

/** Split server-sent event text into events; returns the data of each `library-change` event and the unparsed rest. */
export function readEvents(buffer: string): { events: string[]; rest: string } {
  const events: string[] = [];
  let start = 0;
  for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n', start)) {
    const block = buffer.slice(start, end);
    start = end + 2;
    let name = 'message';
    const data: string[] = [];
    for (const line of block.split('\n')) {
      if (line.startsWith('event:')) name = line.slice(6).trim();
      else if (line.startsWith('data:')) data.push(line.slice(5).trimStart());
    }
    if (name === 'library-change' && data.length) events.push(data.join('\n'));
  }
  return { events, rest: buffer.slice(start) };
}

/** Browser mode: read the event stream until stopped, reopening it whenever it ends. */
function streamEvents(listener: Listener): () => void {
  const stop = new AbortController();
  const token = browserToken();
  let version = 0;
  const deliver = (change: LibraryChange) => {
    version = Math.max(version, change.version);
    listener(change);
  };
  /** Resolves when it is worth trying to open the stream again. */
  const chance = () =>
    new Promise<void>((resolve) => {
      const broke = performance.now();
      const done = () => {
        clearTimeout(timer);
        stopAnswer();
        document.removeEventListener('visibilitychange', visible);
        stop.signal.removeEventListener('abort', done);
        resolve();
      };
      const visible = () => {
        if (document.visibilityState === 'visible') done();
      };
      const timer = setTimeout(done, RETRY_MS);
      // Only a call sent after the stream broke: a stopping server still answers the calls it had.
      const stopAnswer = onServerAnswer((sentAt) => {
        if (sentAt > broke) done();
      });
      document.addEventListener('visibilitychange', visible);
      stop.signal.addEventListener('abort', done);
    });
  const run = async () => {
    let opened = false;
    while (!stop.signal.aborted) {
      try {
        const res = await fetch(`${LIBRARY_EVENTS_PATH}?client=${CLIENT_ID}`, { headers: { 'x-lectern-token': token }, signal: stop.signal, cache: 'no-store' });
        if (res.ok && res.body) {
          // A stream opened again after a gap: whatever happened meanwhile was not heard of.
          if (opened) deliver({ version, tables: 'everything', origin: 'elsewhere' });
          opened = true;
          const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
          let buffer = '';
          for (;;) {
            const { value, done } = await reader.read();
            if (done) break;
            const { events, rest } = readEvents(buffer + value);
            buffer = rest;
            for (const data of events) {
              const parsed = LibraryChange.safeParse(JSON.parse(data));
              if (parsed.success) deliver(parsed.data);
            }
          }
        }
      } catch {
        // The server is gone (stopped, restarting) or the page is leaving: try again below, unless stopped.
      }
      if (stop.signal.aborted) return;
      await chance();
    }
  };
  void run();
  return () => stop.abort();
}

/**
 * Call `listener` with every change of the library this window is told of.
 * @returns a function that stops listening (and, in browser mode, closes the stream)
 */
export function subscribeLibraryChanges(listener: Listener): () => void {
  if (window.lectern) return window.lectern.onLibraryChange(listener);
  return streamEvents(listener);
}
