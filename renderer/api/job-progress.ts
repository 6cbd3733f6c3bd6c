/**
 * Following long work that the library runs under a job id (an import, a long paste's preview, a slow
 * read): ids, and polling jobs.progress once the work has outlasted a glance.
 */
import type { ChannelOutput } from '../../shared/contract';
import { request } from './client';

/** A job's progress as jobs.progress gives it: `total` 0 while the amount is unknown; `phase` names a preliminary step ("Reading the paste"). */
export type JobProgress = NonNullable<ChannelOutput<'jobs.progress'>['progress']>;

/** Progress shows only for work that takes longer than this (a short import just finishes). */
export const PROGRESS_AFTER_MS = 300;
const POLL_MS = 150;

let counter = 0;
/** This page load's own part of its job ids (8 hex digits). */
const TAB_PART = Array.from(crypto.getRandomValues(new Uint8Array(4)), (b) => b.toString(16).padStart(2, '0')).join('');

/**
 * A job id the contract accepts: `<prefix>-<tab>-<time>-<n>` (letters, digits, dashes). Ids name work
 * on the server for every tab, and tabs following the library refetch in the same millisecond with
 * the same counter: the tab's own random part keeps one tab's cancel off another's job.
 */
export function newJobId(prefix: string): string {
  counter += 1;
  return `${prefix.replace(/[^\w-]/g, '-')}-${TAB_PART}-${Date.now().toString(36)}-${counter}`;
}

/**
 * After PROGRESS_AFTER_MS, call `onShow` once, then poll the job's progress every 150 ms into
 * `onProgress` (null progress is skipped) until the returned stop function is called.
 */
export function followJob(jobId: string, handlers: { onShow?(): void; onProgress(progress: JobProgress): void }): () => void {
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const poll = async () => {
    if (stopped) return;
    try {
      const { progress } = await request('jobs.progress', { jobId });
      if (!stopped && progress) handlers.onProgress(progress);
    } catch {
      // Progress is a courtesy: the work itself reports its own failure.
    }
    if (!stopped) timer = setTimeout(() => void poll(), POLL_MS);
  };
  timer = setTimeout(() => {
    if (stopped) return;
    handlers.onShow?.();
    void poll();
  }, PROGRESS_AFTER_MS);
  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
  };
}
