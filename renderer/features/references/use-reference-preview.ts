/**
 * Ask the library what importing a reference file (or a BibTeX/RIS/CSL-JSON paste) would do, with
 * references.preview under a job id: progress past a glance, Stop at any time, a newer input cancels
 * the older preview.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ChannelOutput } from '../../../shared/contract';
import { LecternError } from '../../../shared/errors';
import { request } from '../../api/client';
import { followJob, newJobId, type JobProgress } from '../../api/job-progress';
import { describeError } from '../../stores/notice-store';
import type { ImportSource } from './references-store';

export type ReferencePreviewData = ChannelOutput<'references.preview'>;

export type ReferencePreviewState =
  | { status: 'idle' }
  | { status: 'loading'; progress: JobProgress | null }
  | { status: 'ready'; preview: ReferencePreviewData }
  | { status: 'stopped' }
  | { status: 'error'; message: string };

/**
 * @param source the file or paste; null shows nothing
 * @param debounceMs wait this long after the source last changed (a paste being typed into)
 */
export function useReferencePreview(source: ImportSource | null, debounceMs = 0): { state: ReferencePreviewState; stop(): void; retry(): void } {
  const [state, setState] = useState<ReferencePreviewState>({ status: 'idle' });
  const [round, setRound] = useState(0);
  const current = useRef<{ jobId: string; cancel(): void } | null>(null);

  useEffect(() => {
    if (!source) {
      setState({ status: 'idle' });
      return;
    }
    setState({ status: 'loading', progress: null });
    const jobId = newJobId('refpreview');
    let live = true;
    let pending = false;
    let stopFollowing = () => {};
    const timer = setTimeout(() => {
      pending = true;
      stopFollowing = followJob(jobId, { onProgress: (progress) => live && setState((s) => (s.status === 'loading' ? { ...s, progress } : s)) });
      request('references.preview', { ...source, format: null, jobId })
        .then(
          (preview) => live && setState({ status: 'ready', preview }),
          (err: unknown) => {
            if (!live) return;
            if (err instanceof LecternError && err.code === 'CANCELLED') setState({ status: 'stopped' });
            else setState({ status: 'error', message: describeError(err) });
          },
        )
        .finally(() => {
          pending = false;
          stopFollowing();
        });
    }, debounceMs);
    const cancel = () => {
      live = false;
      clearTimeout(timer);
      stopFollowing();
      // A preview still being read is told to stop; its answer is ignored either way.
      if (pending) void request('jobs.cancel', { jobId }).catch(() => undefined);
    };
    current.current = { jobId, cancel };
    return () => {
      cancel();
      if (current.current?.jobId === jobId) current.current = null;
    };
  }, [source, round, debounceMs]);

  const stop = useCallback(() => {
    current.current?.cancel();
    current.current = null;
    setState({ status: 'stopped' });
  }, []);
  const retry = useCallback(() => setRound((n) => n + 1), []);
  return { state, stop, retry };
}
