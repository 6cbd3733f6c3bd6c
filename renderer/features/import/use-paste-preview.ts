/**
 * Ask the library what a paste would import, a moment after the text stops changing. A long paste's
 * preview takes seconds (a dry run of the whole import): past PROGRESS_AFTER_MS it reports how far it
 * got, `stop()` cancels it and `retry()` reads it again. A preview that newer text replaced is cancelled quietly.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { PastePreview } from '../../../shared/contract';
import { LecternError } from '../../../shared/errors';
import { request } from '../../api/client';
import { followJob, newJobId } from '../../api/job-progress';

const DEBOUNCE_MS = 250;

export type PreviewState =
  | { status: 'empty' }
  | { status: 'loading'; previous: PreviewReady | null; progress: { done: number; total: number } | null }
  | { status: 'ready'; preview: PastePreview }
  | { status: 'stopped' }
  | { status: 'error'; message: string };

type PreviewReady = PastePreview;

export function usePastePreview(text: string): { state: PreviewState; stop(): void; retry(): void } {
  const [state, setState] = useState<PreviewState>({ status: 'empty' });
  const [attempt, setAttempt] = useState(0);
  const ticket = useRef(0);
  const running = useRef<string | null>(null);

  useEffect(() => {
    const mine = ++ticket.current;
    if (!text.trim()) {
      setState({ status: 'empty' });
      return;
    }
    setState((s) => ({ status: 'loading', previous: s.status === 'ready' ? s.preview : s.status === 'loading' ? s.previous : null, progress: null }));
    const jobId = newJobId('preview');
    let done = false;
    let stopFollowing = () => {};
    const timer = setTimeout(() => {
      running.current = jobId;
      stopFollowing = followJob(jobId, {
        onProgress: (progress) => {
          if (mine === ticket.current) setState((s) => (s.status === 'loading' ? { ...s, progress } : s));
        },
      });
      request('paste.preview', { text, jobId })
        .then(
          (preview) => {
            if (mine === ticket.current) setState({ status: 'ready', preview });
          },
          (err: unknown) => {
            if (mine !== ticket.current) return;
            if (err instanceof LecternError && err.code === 'CANCELLED') setState({ status: 'stopped' });
            else setState({ status: 'error', message: err instanceof Error ? err.message : String(err) });
          },
        )
        .finally(() => {
          done = true;
          stopFollowing();
          if (running.current === jobId) running.current = null;
        });
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      // Newer text (or the dialog closing) makes this preview moot: stop it if it is still running.
      if (!done && running.current === jobId) void request('jobs.cancel', { jobId }).catch(() => undefined);
    };
  }, [text, attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  const stop = useCallback(() => {
    const jobId = running.current;
    if (jobId) void request('jobs.cancel', { jobId }).catch(() => undefined);
  }, []);

  return { state, stop, retry };
}
