/**
 * Read a channel from a component: refetches when the input or the library changes, keeps showing the
 * previous answer while the next one loads (no flicker on sort or filter), and drops answers that
 * arrive after a newer request was made.
 *
 * Because a failed request keeps the previous answer, `dataInput` says which input `data` answers:
 * views that describe the data in words (the status bar) describe that input, not the one that failed.
 */
import { useEffect, useRef, useState } from 'react';
import type { Channel, ChannelInput, ChannelOutput } from '../../shared/contract';
import { useUi } from '../stores/ui-store';
import { request } from './client';

export interface ChannelState<T, I = unknown> {
  data: T | null;
  /** The input `data` was fetched with (null with no data). */
  dataInput: I | null;
  /** The latest request's failure; `data` is then the last answer that arrived, for `dataInput`. */
  error: Error | null;
  loading: boolean;
}

/** `input` null means "nothing to fetch yet" (e.g. no author selected). */
export function useChannel<C extends Channel>(channel: C, input: ChannelInput<C> | null): ChannelState<ChannelOutput<C>, ChannelInput<C>> {
  const libraryVersion = useUi((s) => s.libraryVersion);
  const key = input === null ? null : JSON.stringify(input);
  const [state, setState] = useState<ChannelState<ChannelOutput<C>, ChannelInput<C>>>({ data: null, dataInput: null, error: null, loading: key !== null });
  const latest = useRef(0);

  useEffect(() => {
    if (key === null) {
      setState({ data: null, dataInput: null, error: null, loading: false });
      return;
    }
    const ticket = ++latest.current;
    const sent = JSON.parse(key) as ChannelInput<C>;
    setState((s) => ({ ...s, loading: true }));
    request(channel, sent).then(
      (data) => {
        if (ticket === latest.current) setState({ data, dataInput: sent, error: null, loading: false });
      },
      (error: unknown) => {
        if (ticket === latest.current) setState((s) => ({ ...s, error: error instanceof Error ? error : new Error(String(error)), loading: false }));
      },
    );
  }, [channel, key, libraryVersion]);

  return state;
}
