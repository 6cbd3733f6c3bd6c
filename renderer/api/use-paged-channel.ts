/**
 * A long list read a page at a time (offset/limit) through the window's query cache: each page is its
 * own query, keyed `[channel, { ...list, offset, limit }]`, so a write invalidates the pages of every
 * list that reads what it changed (api/invalidate.ts), like any other answer.
 *
 * The first page is watched (it says how many rows match): it loads with the list and refetches when
 * made stale. The other pages load only when asked for (`ensure`, for the rows in view); a stale one
 * keeps showing its rows until `ensure` has fetched it again, so a 100,000-row list scrolled to row
 * 90,000 refetches a screenful after a write, not every page it ever loaded.
 *
 * A new list is shown once its first page arrives; until then (and when that request fails) the
 * previous list stays, and `shownInput` says which list is on screen. Pages of a list no longer shown
 * never change what is on screen.
 */
import { hashKey, replaceEqualDeep, useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ChannelInput, ChannelOutput } from '../../shared/contract';
import { useUi } from '../stores/ui-store';
import { request } from './client';
import { queryClient } from './query-client';

/** The paged list channels: their input takes offset and limit, their answer carries rows and total. */
export type PagedChannel = 'papers.list' | 'authors.grid';
type Paging = { offset?: number; limit?: number };
/** A list's input without its paging. */
export type ListOf<C extends PagedChannel> = Omit<ChannelInput<C>, 'offset' | 'limit'>;
type Row<C extends PagedChannel> = ChannelOutput<C>['rows'][number];

/** The UI store's listVersion when each answer was asked for (selection bookkeeping, see ui-store). */
const askedAt = new WeakMap<object, number>();

function pageKey<C extends PagedChannel>(channel: C, list: ListOf<C>, page: number, size: number) {
  return [channel, { ...list, offset: page * size, limit: size }] as const;
}

async function fetchPage<C extends PagedChannel>(channel: C, list: ListOf<C>, page: number, size: number): Promise<ChannelOutput<C>> {
  const version = useUi.getState().listVersion;
  const answer = await request(channel, { ...list, offset: page * size, limit: size } as ChannelInput<C>);
  askedAt.set(answer, version);
  return answer;
}

/**
 * A refetched page keeps the parts that did not change (a note edit that leaves the rows as they were
 * redraws no row), and what is kept is marked with the newer listVersion it was read at.
 */
function sharePage(old: unknown, next: unknown): unknown {
  const kept = replaceEqualDeep(old, next);
  const version = askedAt.get(next as object);
  if (version !== undefined && kept !== null && typeof kept === 'object') askedAt.set(kept, version);
  return kept;
}

export interface PagedList<C extends PagedChannel> {
  /** The first page of the list on screen (total and the like), null before any answer. */
  first: ChannelOutput<C> | null;
  /** The list on screen (it lags the requested one while that loads or after it failed). */
  shownInput: ListOf<C> | null;
  /** The UI store's listVersion when the list on screen was read (-1: none). */
  version: number;
  /** The list on screen answers the latest request. */
  current: boolean;
  error: Error | null;
  loading: boolean;
  /** Bumps when rows arrive for the list on screen. */
  revision: number;
  row(index: number): Row<C> | undefined;
  /** Fetch the pages covering rows [start, end] that are not loaded, or are stale. */
  ensure(start: number, end: number): void;
  /** Where in the list on screen a row is (by predicate), among the loaded pages; -1 when not found. */
  find(match: (row: Row<C>) => boolean): number;
}

/** See the module comment; `enabled` false fetches nothing (yet). */
export function usePagedChannel<C extends PagedChannel>(channel: C, input: ListOf<C>, size: number, enabled = true): PagedList<C> {
  const listHash = hashKey([input]);
  const query = useQuery(
    {
      queryKey: pageKey(channel, input, 0, size),
      queryFn: () => fetchPage(channel, input, 0, size),
      enabled,
      structuralSharing: sharePage,
    },
    queryClient,
  );
  const shown = useRef<{ list: ListOf<C>; hash: string; first: ChannelOutput<C> } | null>(null);
  if (enabled && query.data !== undefined && shown.current?.first !== query.data) {
    shown.current = { list: shown.current?.hash === listHash ? shown.current.list : input, hash: listHash, first: query.data };
  }
  const on = shown.current;
  const [revision, setRevision] = useState(0);
  const [pageError, setPageError] = useState<{ hash: string; error: Error } | null>(null);

  // A new list, or a fresh first page: earlier failures to load pages are not this list's.
  useEffect(() => setPageError(null), [listHash, on?.first]);

  const current = on !== null && on.hash === listHash && query.data !== undefined;
  const onRef = useRef(on);
  onRef.current = current ? on : null;

  const ensure = useCallback(
    (start: number, end: number) => {
      const list = onRef.current;
      if (!list) return;
      const last = Math.min(end, list.first.total - 1);
      for (let page = Math.max(1, Math.floor(Math.max(0, start) / size)); page * size <= last; page++) {
        const key = pageKey(channel, list.list, page, size);
        const state = queryClient.getQueryState(key);
        if (state && state.fetchStatus === 'fetching') continue;
        if (state?.data !== undefined && !state.isInvalidated) continue;
        queryClient.fetchQuery({ queryKey: key, queryFn: () => fetchPage(channel, list.list, page, size), structuralSharing: sharePage }).then(
          () => {
            if (onRef.current?.hash === list.hash) setRevision((r) => r + 1);
          },
          (error: unknown) => {
            if (onRef.current?.hash === list.hash) setPageError({ hash: list.hash, error: error instanceof Error ? error : new Error(String(error)) });
          },
        );
      }
    },
    [channel, size],
  );

  // Rows by page for this render: one cache lookup per page, not per row.
  const pages = useMemo(() => new Map<number, readonly Row<C>[] | undefined>(), [on?.first, on?.hash, revision]); // eslint-disable-line react-hooks/exhaustive-deps
  const rowsOf = useCallback(
    (page: number): readonly Row<C>[] | undefined => {
      if (!on) return undefined;
      if (page === 0) return on.first.rows as Row<C>[];
      if (!pages.has(page)) pages.set(page, queryClient.getQueryData<ChannelOutput<C>>(pageKey(channel, on.list, page, size))?.rows as Row<C>[] | undefined);
      return pages.get(page);
    },
    [on, pages, channel, size],
  );
  const row = useCallback((index: number) => rowsOf(Math.floor(index / size))?.[index % size], [rowsOf, size]);

  const find = useCallback(
    (match: (row: Row<C>) => boolean) => {
      if (!on) return -1;
      for (const q of queryClient.getQueryCache().findAll({ queryKey: [channel] })) {
        const { offset = 0, limit: _limit, ...list } = q.queryKey[1] as ListOf<C> & Paging;
        const rows = (q.state.data as ChannelOutput<C> | undefined)?.rows as Row<C>[] | undefined;
        if (!rows || hashKey([list]) !== on.hash) continue;
        const i = rows.findIndex(match);
        if (i >= 0) return offset + i;
      }
      return -1;
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [on, channel, revision],
  );

  return {
    first: on?.first ?? null,
    shownInput: on?.list ?? null,
    version: on ? (askedAt.get(on.first) ?? -1) : -1,
    current,
    error: (enabled ? query.error : null) ?? (pageError && pageError.hash === listHash ? pageError.error : null),
    loading: enabled && query.isFetching,
    revision,
    row,
    ensure,
    find,
  };
}
