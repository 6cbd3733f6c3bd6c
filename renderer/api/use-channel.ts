/**
 * Read a channel from a component: refetches when the input or the library changes, keeps showing the
 * previous answer while the next one loads (no flicker on sort or filter), and drops answers that
 * arrive after a newer request was made.
 */
import { useEffect, useRef, useState } from 'react';
import type { Channel, ChannelInput, ChannelOutput } from '../../shared/contract';
import { useUi } from '../stores/ui-store';
import { request } from './client';

export interface ChannelState<T> {
  data: T | null;
  error: Error | null;
  loading: boolean;
}

/** `input` null means "nothing to fetch yet" (e.g. no author selected). */
export function useChannel<C extends Channel>(channel: C, input: ChannelInput<C> | null): ChannelState<ChannelOutput<C>> {
  const libraryVersion = useUi((s) => s.libraryVersion);
  const key = input === null ? null : JSON.stringify(input);
  const [state, setState] = useState<ChannelState<ChannelOutput<C>>>({ data: null, error: null, loading: key !== null });
  const latest = useRef(0);

  useEffect(() => {
    if (key === null) {
      setState({ data: null, error: null, loading: false });
      return;
    }
    const ticket = ++latest.current;
    setState((s) => ({ ...s, loading: true }));
    request(channel, JSON.parse(key) as ChannelInput<C>).then(
      (data) => {
        if (ticket === latest.current) setState({ data, error: null, loading: false });
      },
      (error: unknown) => {
        if (ticket === latest.current) setState((s) => ({ data: s.data, error: error instanceof Error ? error : new Error(String(error)), loading: false }));
      },
    );
  }, [channel, key, libraryVersion]);

  return state;
}
