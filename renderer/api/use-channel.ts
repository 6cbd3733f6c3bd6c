/**
 * Read a channel from a component: refetches when the input or the library changes, keeps showing the
 * previous answer while the next one loads (no flicker on sort or filter), and drops answers that
 * arrive after a newer request was made.
 *
 * Because a failed request keeps the previous answer, `dataInput` says which input `data` answers:
 * views that describe the data in words (the status bar) describe that input, not the one that failed.
 *
 * Slow reads (shared/long-reads.ts) go through trackedRead: the status bar shows them after 300 ms with
 * a Cancel button, and one that a newer input replaced is cancelled. A cancelled read leaves `error`
 * with code CANCELLED and the previous data; `reload()` asks again.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Channel, ChannelInput, ChannelOutput } from '../../shared/contract';
import { useUi } from '../stores/ui-store';
import { isLongRead } from '../../shared/long-reads';
import { request } from './client';
import { trackedRead } from './tracked-read';

export interface ChannelState<T, I = unknown> {
  data: T | null;
  /** The input `data` was fetched with (null with no data). */
  dataInput: I | null;
  /** The latest request's failure; `data` is then the last answer that arrived, for `dataInput`. */
  error: Error | null;
  loading: boolean;
  /** Ask again with the same input (after a failure or a cancel). */
  reload(): void;
}

/** `input` null means "nothing to fetch yet" (e.g. no author selected). */
export function useChannel<C extends Channel>(channel: C, input: ChannelInput<C> | null): ChannelState<ChannelOutput<C>, ChannelInput<C>> {
  const libraryVersion = useUi((s) => s.libraryVersion);
  const key = input === null ? null : JSON.stringify(input);
  const [state, setState] = useState<Omit<ChannelState<ChannelOutput<C>, ChannelInput<C>>, 'reload'>>({ data: null, dataInput: null, error: null, loading: key !== null });
  const latest = useRef(0);
  const [attempt, setAttempt] = useState(0);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);

  useEffect(() => {
    if (key === null) {
      setState({ data: null, dataInput: null, error: null, loading: false });
      return;
    }
    const ticket = ++latest.current;
    const sent = JSON.parse(key) as ChannelInput<C>;
    setState((s) => ({ ...s, loading: true }));
    const read = isLongRead(channel) ? trackedRead(channel, sent as ChannelInput<typeof channel>) : null;
    const answer = (read ? read.result : request(channel, sent)) as Promise<ChannelOutput<C>>;
    answer.then(
      (data) => {
        if (ticket === latest.current) setState({ data, dataInput: sent, error: null, loading: false });
      },
      (error: unknown) => {
        if (ticket === latest.current) setState((s) => ({ ...s, error: error instanceof Error ? error : new Error(String(error)), loading: false }));
      },
    );
    // Replaced by a newer input, or the view went away: the reader thread should not finish it.
    return () => read?.abandon();
  }, [channel, key, libraryVersion, attempt]);

  return { ...state, reload };
}
