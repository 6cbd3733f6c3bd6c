/**
 * Entry of the upkeep thread (worker_threads): runs one slow upkeep task at a time (integrity check,
 * backup, restore preparation and copy, recovery) with its own connections, so the window never waits
 * on them. See db/upkeep/tasks.ts for the tasks and upkeep-worker-client.ts for the host's side.
 *
 * Messages in: `{ id, task }`. Out: `{ id, progress: { done, total } }` while it runs, then
 * `{ id, ok: true, value }` or `{ id, ok: false, failure }` (thread-errors.ts: the host logs it, not the thread).
 */
import { parentPort } from 'node:worker_threads';
import { runUpkeepTask, type UpkeepTask } from '../../db/upkeep/tasks';
import { failureForThread } from './thread-errors';

const port = parentPort;
if (!port) throw new Error('upkeep-worker.ts runs as a worker thread');

port.on('message', (message: { id: number; task: UpkeepTask }) => {
  runUpkeepTask(message.task, (done, total) => port.postMessage({ id: message.id, progress: { done, total } })).then(
    (value) => port.postMessage({ id: message.id, ok: true, value }),
    (err: unknown) => port.postMessage({ id: message.id, ok: false, failure: failureForThread(err) }),
  );
});
