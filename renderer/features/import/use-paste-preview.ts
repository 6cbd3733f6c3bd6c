/**
 * Ask the library what a paste would import, a moment after the text stops changing. The preview can
 * be stopped from the moment it starts (`stop()`), also while it waits for the text to settle and while
 * the library is still reading the paste; past PROGRESS_AFTER_MS it reports how far it got, and
 * `retry()` reads it again. Newer text replaces the preview: the older one is cancelled.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { PastePreview } from '../../../shared/contract';
import type { FormatId } from '../../../shared/paste/paste-format';
import { LecternError } from '../../../shared/errors';
import { request } from '../../api/client';
import { followJob, newJobId, type JobProgress } from '../../api/job-progress';

const DEBOUNCE_MS = 250;
/** How often, and how many times, a cancel is sent again while the library has not started the job yet. */
const CANCEL_RETRY_MS = 100;
const CANCEL_TRIES = 50;

/** How far the preview got: papers of the dry run, or total 0 with a phase while the paste is read. */
export type PreviewProgress = JobProgress;

export type PreviewState =
  | { status: 'empty' }
  | { status: 'loading'; previous: PreviewReady | null; progress: PreviewProgress | null }
  | { status: 'ready'; preview: PastePreview }
  | { status: 'stopped' }
  | { status: 'error'; message: string };

type PreviewReady = PastePreview;

/** The preview under way: its job id, and whether its request is still waiting for an answer. */
interface Attempt {
  jobId: string;
  timer: ReturnType<typeof setTimeout> | null;
  pending: boolean;
  abandoned: boolean;
  stopFollowing(): void;
}

/**
 * Ask the library to stop a job until it says it did or the request is answered: a cancel that
 * arrives before the library has started the job (the request is still on its way, or waits for
 * another write) is otherwise lost.
 */
async function cancelUntilStopped(attempt: Attempt): Promise<void> {
  for (let i = 0; i < CANCEL_TRIES && attempt.pending; i++) {
    const { cancelled } = await request('jobs.cancel', { jobId: attempt.jobId }).catch(() => ({ cancelled: false }));
    if (cancelled) return;
    await new Promise((resolve) => setTimeout(resolve, CANCEL_RETRY_MS));
  }
}

/** Drop an attempt: no request yet (waiting for the text to settle) or its request cancelled. */
function abandon(attempt: Attempt): void {
  if (attempt.abandoned) return;
  attempt.abandoned = true;
  if (attempt.timer) clearTimeout(attempt.timer);
  attempt.timer = null;
  attempt.stopFollowing();
  if (attempt.pending) void cancelUntilStopped(attempt);
}

/**
 * @param text the paste
 * @param format the source the user chose to read it as, or null to detect it; a new choice reads the
 *   paste again at once
 */
export function usePastePreview(text: string, format: FormatId | null = null): { state: PreviewState; stop(): void; retry(): void } {
  const [state, setState] = useState<PreviewState>({ status: 'empty' });
  const [round, setRound] = useState(0);
  const current = useRef<Attempt | null>(null);

  useEffect(() => {
    if (!text.trim()) {
      setState({ status: 'empty' });
      return;
    }
    setState((s) => ({ status: 'loading', previous: s.status === 'ready' ? s.preview : s.status === 'loading' ? s.previous : null, progress: null }));
    const attempt: Attempt = { jobId: newJobId('preview'), timer: null, pending: false, abandoned: false, stopFollowing: () => {} };
    current.current = attempt;
    const mine = () => current.current === attempt;
    attempt.timer = setTimeout(() => {
      attempt.timer = null;
      attempt.pending = true;
      attempt.stopFollowing = followJob(attempt.jobId, {
        onProgress: (progress) => {
          if (mine()) setState((s) => (s.status === 'loading' ? { ...s, progress } : s));
        },
      });
      request('paste.preview', format ? { text, jobId: attempt.jobId, format } : { text, jobId: attempt.jobId })
        .then(
          (preview) => {
            if (mine()) setState({ status: 'ready', preview });
          },
          (err: unknown) => {
            if (!mine()) return;
            if (err instanceof LecternError && err.code === 'CANCELLED') setState({ status: 'stopped' });
            else setState({ status: 'error', message: err instanceof Error ? err.message : String(err) });
          },
        )
        .finally(() => {
          attempt.pending = false;
          attempt.stopFollowing();
        });
    }, DEBOUNCE_MS);
    return () => {
      // Newer text (or the dialog closing) makes this preview moot.
      if (mine()) current.current = null;
      abandon(attempt);
    };
  }, [text, format, round]);

  const retry = useCallback(() => setRound((n) => n + 1), []);
  const stop = useCallback(() => {
    const attempt = current.current;
    if (!attempt) return;
    // Stopped for the user at once; the library is told, and whatever it still answers is ignored.
    current.current = null;
    abandon(attempt);
    setState({ status: 'stopped' });
  }, []);

  return { state, stop, retry };
}
