/**
 * The window's one cache of library answers (TanStack Query), keyed by channel and input:
 * `[channel, input]`. Answers stay fresh until a write or a live library event says a table they read
 * changed (api/invalidate.ts), so there is no time-based refetching, no retry (a failure is shown, and
 * the view offers to try again) and no pause when the machine is offline: the library is local.
 */
import { notifyManager, QueryClient } from '@tanstack/react-query';
import type { Channel } from '../../shared/contract';

// Views hear of an answer in the task it arrived in (a microtask), not a timer tick later (TanStack's
// default): the answer and whatever the caller does after its await show in the same frame.
notifyManager.setScheduler(queueMicrotask);

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: Infinity,
      retry: false,
      refetchOnWindowFocus: false,
      refetchOnReconnect: false,
      networkMode: 'always',
    },
    mutations: { networkMode: 'always', retry: false },
  },
});

/** A channel query's key: `[channel, input]` (api/invalidate.ts reads both back to find its tables). */
export type ChannelKey = readonly [Channel, unknown];

/** The key of `channel` called with `input` (null: nothing to fetch yet). */
export function channelKey(channel: Channel, input: unknown): ChannelKey {
  return [channel, input ?? null] as const;
}
