/**
 * Ask the library what a paste would import, a moment after the text stops changing. A long paste's
 * preview takes seconds (a dry run of the whole import): past PROGRESS_AFTER_MS it reports how far it
 * got, `stop()` cancels it and `retry()` reads it again. A preview that newer text replaced is cancelled quietly.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { PastePreview } from '../../../shared/contract';
import { LecternError } from '../../../shared/errors';
import { request } from '../../api/client';
import { PROGRESS_AFTER_MS } from '../../api/tracked-read';

const DEBOUNCE_MS = 250;
const POLL_MS = 150;

export type PreviewState =
  | { status: 'empty' }
  | { status: 'loading'; previous: PreviewReady | null; progress: { done: number; total: number } | null }
  | { status: 'ready'; preview: PastePreview }
  | { status: 'stopped' }
  | { status: 'error'; message: string };

type PreviewReady = PastePreview;

let counter = 0;

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
    const jobId = `preview-${Date.now().toString(36)}-${++counter}`;
    let done = false;
    let poll: ReturnType<typeof setTimeout> | null = null;
    const follow = async () => {
      if (done) return;
      try {
        const { progress } = await request('jobs.progress', { jobId });
        if (!done && progress && mine === ticket.current) setState((s) => (s.status === 'loading' ? { ...s, progress } : s));
      } catch {
        // Progress is a courtesy: the preview reports its own failure.
      }
      if (!done) poll = setTimeout(() => void follow(), POLL_MS);
    };
    const timer = setTimeout(() => {
      running.current = jobId;
      poll = setTimeout(() => void follow(), PROGRESS_AFTER_MS);
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
          if (poll) clearTimeout(poll);
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
