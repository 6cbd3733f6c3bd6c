/**
 * Entry of the reader thread (worker_threads): its own read-only connection to the library file,
 * answering one slow read at a time for ReadWorker (read-worker-client.ts) with the handler table's own
 * query for the channel (read-channels.ts), so the thread runs exactly what the table declares. WAL lets it read
 * while the main connection writes; each query sees the last committed state.
 *
 * Messages in: `{ id, channel, input }`. Out: `{ id, ok: true, value }` or `{ id, ok: false, failure }`
 * (thread-errors.ts: logged by the host, not here), and `{ ready: true }` once the connection is open.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openReader } from '../../db/open';
import { failureForThread } from './thread-errors';
import { runRead, type ReadChannel } from './read-channels';

interface ReaderData {
  file: string;
  nativeBinding?: string;
}

const port = parentPort;
if (!port) throw new Error('read-worker.ts runs as a worker thread');
const { file, nativeBinding } = workerData as ReaderData;
const reader = openReader(file, { nativeBinding });
// End-to-end tests of progress and Cancel set this to make every read as slow as a huge library's
// (blocking, like a long statement); unset in normal use.
const testDelayMs = Number(process.env.LECTERN_TEST_READ_DELAY_MS ?? 0);

port.on('message', (message: { id: number; channel: ReadChannel; input: never }) => {
  try {
    if (testDelayMs > 0) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, testDelayMs);
    const value = runRead(reader.db, message.channel, message.input);
    port.postMessage({ id: message.id, ok: true, value });
  } catch (err) {
    port.postMessage({ id: message.id, ok: false, failure: failureForThread(err) });
  }
});
