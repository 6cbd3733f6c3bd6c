/**
 * Entry of the paste thread (worker_threads): detection and parsing of a paste (detectAndParse, so every
 * source registered in shared/paste/detect.ts), away from the thread that answers the window. The host
 * side (paste-worker-client.ts) stops it past its time budget or on cancel by terminating the thread,
 * which V8 honours even in the middle of a regular expression.
 *
 * Messages in: `{ id, text, format? }` (format: the source the user chose, else detected). Out: `{ id, ok: true, value }` (a ParseOutcome), `{ id, ok: false, error }`
 * (a LecternErrorShape: PASTE_EMPTY, PASTE_UNRECOGNISED), or `{ id, ok: false, bug: { message, stack } }`
 * for anything else a parser threw: the host turns that into its usual sentence (dispatch.ts), so this
 * thread loads only the parsers and starts quickly.
 */
import { parentPort } from 'node:worker_threads';
import { LecternError } from '../../shared/errors';
import { detectAndParse } from '../../shared/paste/detect';
import type { FormatId } from '../../shared/paste/paste-format';

const port = parentPort;
if (!port) throw new Error('paste-worker.ts runs as a worker thread');
// End-to-end tests of progress and Stop set this to make every paste as slow as a pathological one
// (blocking, like a runaway pattern); unset in normal use.
const testDelayMs = Number(process.env.LECTERN_TEST_PARSE_DELAY_MS ?? 0);

port.on('message', (message: { id: number; text: string; format?: FormatId }) => {
  try {
    if (testDelayMs > 0) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, testDelayMs);
    port.postMessage({ id: message.id, ok: true, value: detectAndParse(message.text, { format: message.format }) });
  } catch (err) {
    if (err instanceof LecternError) port.postMessage({ id: message.id, ok: false, error: err.toShape() });
    else port.postMessage({ id: message.id, ok: false, bug: { message: (err as Error)?.message ?? String(err), stack: (err as Error)?.stack } });
  }
});
