/**
 * A slow read the user can see and stop: the request carries a jobId; once it has run for
 * PROGRESS_AFTER_MS the status bar lists it with a Cancel button (jobs.cancel). A read that a newer one
 * replaced, or whose view went away, is cancelled quietly so the reader thread moves on to the new one.
 */
import type { ChannelInput, ChannelOutput } from '../../shared/contract';
import { LONG_READS, type LongRead } from '../../shared/long-reads';
import { useJobs } from '../stores/job-store';
import { request } from './client';
import { newJobId, PROGRESS_AFTER_MS } from './job-progress';

export interface TrackedRead<T> {
  result: Promise<T>;
  /** Stop it without telling the user (it was superseded); its promise then rejects with CANCELLED. */
  abandon(): void;
}

/** Start a slow read; see the module comment. */
export function trackedRead<C extends LongRead>(channel: C, input: ChannelInput<C>): TrackedRead<ChannelOutput<C>> {
  const jobId = newJobId(channel);
  let settled = false;
  const timer = setTimeout(() => {
    if (!settled) useJobs.getState().showRead({ jobId, label: LONG_READS[channel], cancelling: false });
  }, PROGRESS_AFTER_MS);
  const end = () => {
    settled = true;
    clearTimeout(timer);
    useJobs.getState().hideRead(jobId);
  };
  const result = request(channel, { ...input, jobId } as ChannelInput<C>).finally(end);
  return {
    result,
    abandon: () => {
      if (settled) return;
      end();
      void request('jobs.cancel', { jobId }).catch(() => undefined);
    },
  };
}

/** The status bar's Cancel: stop the read; its view then says it was stopped and offers to try again. */
export async function cancelRead(jobId: string): Promise<void> {
  useJobs.getState().patchRead(jobId, { cancelling: true });
  await request('jobs.cancel', { jobId }).catch(() => undefined);
}
