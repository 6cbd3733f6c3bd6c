/**
 * The table's rows, fetched a page at a time (papers.list offset/limit) as they come into view: the
 * library can hold 100,000 papers and the window never asks for all of them. Pages live in the
 * window's query cache (api/use-paged-channel.ts), per list (filters + sort); a write refetches the
 * pages on screen when it changed a table the list reads; answers for a list no longer current never
 * reach the screen.
 *
 * A new list is shown once its first page arrives; until then (and when that request fails) the table
 * keeps the previous list, and `dataInput` says which list is on screen, so the status bar describes
 * the rows the user sees.
 */
import { useCallback, useMemo } from 'react';
import type { ChannelInput, HighlightTerm, PaperRow } from '../../../shared/contract';
import { usePagedChannel } from '../../api/use-paged-channel';
import { paperFilters, useUi } from '../../stores/ui-store';
import { SERVER_SORT_COLUMN } from './paper-columns';

export const PAGE_SIZE = 100;

const NO_TERMS: HighlightTerm[] = [];

export type ListInput = ChannelInput<'papers.list'>;

export interface PapersResult {
  /** Matching papers in the list on screen (null before the first answer). */
  total: number | null;
  /** The filters and sort of the list on screen. */
  dataInput: ListInput | null;
  /** The UI store's listVersion when the list on screen was read (selectionListKey). */
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

/** See the module comment; `enabled` false (window prefs not read yet) fetches nothing. */
export function usePaperPages(input: ListInput, enabled = true): PapersResult {
  const list = usePagedChannel('papers.list', input, PAGE_SIZE, enabled);
  const { find } = list;
  const indexOf = useCallback((id: number) => find((r) => r.id === id), [find]);
  return {
    total: list.first ? list.first.total : null,
    dataInput: list.shownInput,
    version: list.version,
    terms: list.first ? list.first.terms : NO_TERMS,
    ranked: list.first ? list.first.ranked : false,
    current: list.current,
    error: list.error,
    loading: list.loading,
    revision: list.revision,
    row: list.row,
    ensure: list.ensure,
    indexOf,
  };
}
