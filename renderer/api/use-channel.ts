/**
 * Read a channel from a component, through the window's query cache (api/query-client.ts) keyed by
 * `[channel, input]`: refetches when the input changes or a write changes a table the channel reads
 * (api/invalidate.ts), keeps showing the previous answer while the next one loads (no flicker on sort
 * or filter), and never shows an answer to an input that was replaced meanwhile.
 *
 * Because a failed request keeps the previous answer, `dataInput` says which input `data` answers:
 * views that describe the data in words (the status bar) describe that input, not the one that failed.
 *
 * Slow reads (contract kind 'slowRead') go through trackedRead: the status bar shows them after 300 ms
 * with a Cancel button, and one that a newer input replaced (or whose view went away) is cancelled. A
 * cancelled read leaves `error` with code CANCELLED and the previous data; `reload()` asks again.
 */
import { useQuery } from '@tanstack/react-query';
import { useCallback, useRef } from 'react';
import { contract, type Channel, type ChannelInput, type ChannelOutput } from '../../shared/contract';
import { request } from './client';
import { channelKey, queryClient } from './query-client';
import { isLongRead } from '../../shared/long-reads';
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

/**
 * One call of a read channel, for the cache: a slow read is tracked, and abandoned (jobs.cancel) when
 * the cache aborts it (its input was replaced, its view went away, or a write made it stale mid-way).
 * @throws LecternError as request() does; CANCELLED when the user cancelled it
 */
export function readChannel<C extends Channel>(channel: C, input: ChannelInput<C>, signal?: AbortSignal): Promise<ChannelOutput<C>> {
  if (!isLongRead(channel)) return request(channel, input);
  const read = trackedRead(channel, input as ChannelInput<typeof channel>);
  signal?.addEventListener('abort', () => read.abandon(), { once: true });
  return read.result as Promise<ChannelOutput<C>>;
}

/** `input` null means "nothing to fetch yet" (e.g. no author selected): data null, not loading. */
export function useChannel<C extends Channel>(channel: C, input: ChannelInput<C> | null): ChannelState<ChannelOutput<C>, ChannelInput<C>> {
  const enabled = input !== null;
  const query = useQuery(
    {
      queryKey: channelKey(channel, input),
      queryFn: ({ signal }) => readChannel(channel, input as ChannelInput<C>, signal),
      enabled,
      // The host's own state (backups, jobs, the integrity check) changes without a write the window
      // sees: ask again whenever a view showing it mounts, as before the cache.
      ...(contract[channel].kind === 'session' ? { staleTime: 0 } : {}),
    },
    queryClient,
  );
  // The last answer shown and its input, kept while a new input loads or fails.
  const shown = useRef<{ data: ChannelOutput<C>; input: ChannelInput<C>; key: string } | null>(null);
  if (!enabled) shown.current = null;
  else if (query.data !== undefined && shown.current?.data !== query.data) {
    const key = JSON.stringify(input);
    // Same input as before: keep the object callers already hold (effects may depend on it).
    shown.current = { data: query.data, input: shown.current?.key === key ? shown.current.input : input, key };
  }
  const { refetch } = query;
  const reload = useCallback(() => void refetch(), [refetch]);
  return {
    data: shown.current?.data ?? null,
    dataInput: shown.current?.input ?? null,
    error: enabled ? query.error : null,
    loading: enabled && query.isFetching,
    reload,
  };
}
