/**
 * The library's change events (shared/library-change.ts), over whichever transport this window has:
 * the preload's `onLibraryChange` on the desktop, or in browser mode a poll of `GET /api/events` every
 * POLL_MS while the tab is shown (HIDDEN_POLL_MS while hidden), read with fetch so the token goes in its
 * header, as for every call, never in a URL. A poll answers at once: unlike a stream held open, it
 * does not take one of the browser's six connections to the server for good (six tabs starved every
 * call; electron/server/event-log.ts).
 *
 * When a poll fails (the server stopped or restarted) the next one waits until the server is seen to
 * be back (a call the window made after the failure is answered), the window is shown again, or
 * RETRY_MS: not sooner, since every knock on a closed port is an error line in the browser's console.
 * The server's answer after a restart (another epoch) is 'everything' from elsewhere: anything may
 * have changed meanwhile.
 */
import { LibraryChange, LIBRARY_EVENTS_PATH, type LibraryEventsAnswer } from '../../shared/library-change';
import { browserToken, CLIENT_ID, onServerAnswer } from './client';

type Listener = (change: LibraryChange) => void;

/** How often a shown tab asks (ms): the live update's latency, at a cost of a millisecond of the server's time. */
export const POLL_MS = 400;
/** How often a hidden tab asks (ms); it asks at once when shown again. */
const HIDDEN_POLL_MS = 5_000;
/** How long a failed poll waits before trying again by itself (ms). */
const RETRY_MS = 15_000;

/** Resolves after `ms`, or at once when the tab is shown, the server answers a newer call (`sinceAnswer`), or `signal` aborts. */
function wait(ms: number, signal: AbortSignal, sinceAnswer: number | null): Promise<void> {
  return new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(timer);
      stopAnswer?.();
      document.removeEventListener('visibilitychange', visible);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const visible = () => {
      if (document.visibilityState === 'visible') done();
    };
    const timer = setTimeout(done, ms);
    // Only a call sent after the failure: a stopping server still answers the calls it had.
    const stopAnswer = sinceAnswer === null ? null : onServerAnswer((sentAt) => {
      if (sentAt > sinceAnswer) done();
    });
    document.addEventListener('visibilitychange', visible);
    signal.addEventListener('abort', done);
  });
}

/** Browser mode: poll the server's event log until stopped. */
function pollEvents(listener: Listener): () => void {
  const stop = new AbortController();
  const token = browserToken();
  const run = async () => {
    let seen: { epoch: string; seq: number } | null = null;
    while (!stop.signal.aborted) {
      let failedAt: number | null = null;
      try {
        const query = new URLSearchParams({ client: CLIENT_ID, ...(seen ? { after: String(seen.seq), epoch: seen.epoch } : {}) });
        const res = await fetch(`${LIBRARY_EVENTS_PATH}?${query}`, { headers: { 'x-lectern-token': token }, signal: stop.signal, cache: 'no-store' });
        if (res.ok) {
          const answer = (await res.json()) as LibraryEventsAnswer;
          seen = { epoch: answer.epoch, seq: answer.seq };
          const change = LibraryChange.safeParse(answer.change);
          if (answer.change !== null && change.success) listener(change.data);
        }
      } catch {
        // The server is gone (stopped, restarting) or the page is leaving: wait for a sign it is back.
        failedAt = performance.now();
      }
      if (stop.signal.aborted) return;
      const hidden = document.visibilityState === 'hidden';
      await wait(failedAt !== null ? RETRY_MS : hidden ? HIDDEN_POLL_MS : POLL_MS, stop.signal, failedAt);
    }
  };
  void run();
  return () => stop.abort();
}

/**
 * Call `listener` with every change of the library this window is told of.
 * @returns a function that stops listening (in browser mode, polling)
 */
export function subscribeLibraryChanges(listener: Listener): () => void {
  if (window.lectern) return window.lectern.onLibraryChange(listener);
  return pollEvents(listener);
}
