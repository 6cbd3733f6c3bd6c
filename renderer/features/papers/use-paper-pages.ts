/**
 * The table's rows, fetched a page at a time (papers.list offset/limit) as they come into view: the
 * library can hold 100,000 papers and the window never asks for all of them. Pages are cached per
 * list (filters + sort + library version); answers for a list that is no longer current are dropped.
 *
 * A new list is shown once its first page arrives; until then (and when that request fails) the table
 * keeps the previous list, and `dataInput` says which list is on screen, so the status bar describes
 * the rows the user sees.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ChannelInput, HighlightTerm, PaperRow } from '../../../shared/contract';
import { request } from '../../api/client';
import { paperFilters, useUi } from '../../stores/ui-store';
import { SERVER_SORT_COLUMN } from './paper-columns';

export const PAGE_SIZE = 100;

const NO_TERMS: HighlightTerm[] = [];

export type ListInput = ChannelInput<'papers.list'>;

interface PageSet {
  key: string;
  input: ListInput;
  /** The library version the rows were read at. */
  version: number;
  total: number;
  /** The query's words to highlight, and whether the rows are in relevance order (from the first page). */
  terms: HighlightTerm[];
  ranked: boolean;
  pages: Map<number, PaperRow[]>;
  pending: Set<number>;
}

export interface PapersResult {
  /** Matching papers in the list on screen (null before the first answer). */
  total: number | null;
  /** The filters and sort of the list on screen. */
  dataInput: ListInput | null;
  /** The library version the list on screen was read at. */
  version: number;
  /** The list on screen answers the latest request (false while a new one loads or after it failed). */
  current: boolean;
  error: Error | null;
  loading: boolean;
  /** Words of the list's query to highlight in its rows (empty without a text query). */
  terms: HighlightTerm[];
  /** The rows are in relevance order (a text query and no column sort). */
  ranked: boolean;
  /** Bumps when rows arrive. */
  revision: number;
  row(index: number): PaperRow | undefined;
  /** Fetch the pages covering rows [start, end] that are not cached yet. */
  ensure(start: number, end: number): void;
  /** Where in the current list a paper is (or -1 when its page is not loaded). */
  indexOf(id: number): number;
}

/** The list request the UI state describes (without offset/limit). */
export function useListInput(): ListInput {
  const sorting = useUi((s) => s.sorting);
  const filter = useUi((s) => s.filter);
  const authorId = useUi((s) => s.selectedAuthorId);
  const facets = useUi((s) => s.facets);
  return useMemo(
    () => ({
      ...paperFilters({ filter, selectedAuthorId: authorId, facets }),
      sort: sorting.flatMap((s) => {
        const column = SERVER_SORT_COLUMN[s.id];
        return column ? [{ column, desc: s.desc }] : [];
      }),
    }),
    [sorting, filter, authorId, facets],
  );
}

export function usePaperPages(input: ListInput, enabled = true): PapersResult {
  const libraryVersion = useUi((s) => s.libraryVersion);
  const key = `${JSON.stringify(input)}#${libraryVersion}`;
  const [shown, setShown] = useState<PageSet | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [loading, setLoading] = useState(false);
  const [revision, setRevision] = useState(0);
  const latest = useRef<PageSet | null>(null);
  const shownRef = useRef<PageSet | null>(null);
  shownRef.current = shown;

  const fetchPage = useCallback((set: PageSet, page: number) => {
    set.pending.add(page);
    return request('papers.list', { ...set.input, offset: page * PAGE_SIZE, limit: PAGE_SIZE }).then(
      (res) => {
        set.pending.delete(page);
        set.total = res.total;
        set.terms = res.terms;
        set.ranked = res.ranked;
        set.pages.set(page, res.rows);
      },
      (err: unknown) => {
        set.pending.delete(page);
        throw err instanceof Error ? err : new Error(String(err));
      },
    );
  }, []);

  useEffect(() => {
    if (!enabled) return;
    const set: PageSet = { key, input: JSON.parse(key.slice(0, key.lastIndexOf('#'))) as ListInput, version: Number(key.slice(key.lastIndexOf('#') + 1)), total: 0, terms: [], ranked: false, pages: new Map(), pending: new Set() };
    latest.current = set;
    setLoading(true);
    fetchPage(set, 0).then(
      () => {
        if (latest.current !== set) return;
        setShown(set);
        setError(null);
        setLoading(false);
      },
      (err: Error) => {
        if (latest.current !== set) return;
        setError(err);
        setLoading(false);
      },
    );
  }, [key, enabled, fetchPage]);

  const ensure = useCallback(
    (start: number, end: number) => {
      const set = shownRef.current;
      if (!set || set !== latest.current) return;
      const last = Math.min(end, set.total - 1);
      for (let page = Math.floor(Math.max(0, start) / PAGE_SIZE); page * PAGE_SIZE <= last; page++) {
        if (set.pages.has(page) || set.pending.has(page)) continue;
        fetchPage(set, page).then(
          () => {
            if (shownRef.current === set) setRevision((r) => r + 1);
          },
          (err: Error) => {
            if (shownRef.current === set) setError(err);
          },
        );
      }
    },
    [fetchPage],
  );

  const row = useCallback(
    (index: number) => shown?.pages.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE],
    // revision: new rows in the same set
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [shown, revision],
  );

  const indexOf = useCallback(
    (id: number) => {
      if (!shown) return -1;
      for (const [page, rows] of shown.pages) {
        const i = rows.findIndex((r) => r.id === id);
        if (i >= 0) return page * PAGE_SIZE + i;
      }
      return -1;
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [shown, revision],
  );

  return {
    total: shown ? shown.total : null,
    dataInput: shown ? shown.input : null,
    version: shown ? shown.version : -1,
    terms: shown ? shown.terms : NO_TERMS,
    ranked: shown ? shown.ranked : false,
    current: shown !== null && shown === latest.current,
    error,
    loading,
    revision,
    row,
    ensure,
    indexOf,
  };
}
