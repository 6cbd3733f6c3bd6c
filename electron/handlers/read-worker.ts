/**
 * Entry of the reader thread (worker_threads): its own read-only connection to the library file,
 * answering one read channel at a time for ReadWorker (read-worker-client.ts). WAL lets it read
 * while the main connection writes; each query sees the last committed state.
 *
 * Messages in: `{ id, channel, input }`. Out: `{ id, ok: true, value }` or `{ id, ok: false, error }`
 * (a LecternErrorShape), and `{ ready: true }` once the connection is open.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openReader } from '../../db/open';
import { LecternError } from '../../shared/errors';
import { runRead, type ReadChannel } from './read-channels';

interface ReaderData {
  file: string;
  nativeBinding?: string;
}

const port = parentPort;
if (!port) throw new Error('read-worker.ts runs as a worker thread');
const { file, nativeBinding } = workerData as ReaderData;
const reader = openReader(file, { nativeBinding });

port.on('message', (message: { id: number; channel: ReadChannel; input: never }) => {
  try {
    const value = runRead(reader.db, message.channel, message.input);
    port.postMessage({ id: message.id, ok: true, value });
  } catch (err) {
    const error = err instanceof LecternError ? err.toShape() : { code: 'INTERNAL', message: `Something went wrong inside Lectern: ${(err as Error)?.message ?? String(err)}. Nothing was changed.` };
    port.postMessage({ id: message.id, ok: false, error });
  }
});
