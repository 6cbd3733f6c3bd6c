/**
 * The authors grid's data: `authors.grid` fetched one page at a time, only for the pages in view, and
 * kept in the window's query cache (api/use-paged-channel.ts) until a write changes what it reads. A
 * new query (sort, direction, filter) keeps the old cards on screen until its first page arrives, so
 * sorting and filtering never flash empty.
 */
import { useCallback, useMemo } from 'react';
import type { AuthorGridCard } from '../../../shared/contract';
import { usePagedChannel } from '../../api/use-paged-channel';

/** Cards per request: a screenful or two, so a jump far down the list answers quickly. */
export const AUTHOR_PAGE_SIZE = 24;

export type AuthorSortKey = 'papers' | 'hIndex' | 'citations' | 'name';

/** The grid's sorts as the Sort by menu names them, each with its natural first direction. */
export const AUTHOR_SORTS: { key: AuthorSortKey; label: string; desc: boolean }[] = [
  { key: 'papers', label: 'Papers in library', desc: true },
  { key: 'hIndex', label: 'h-index', desc: true },
  { key: 'citations', label: 'Citations', desc: true },
  { key: 'name', label: 'Name', desc: false },
];

/** The direction in words, as the grid's direction button says it: `("name", false)` -> `"A to Z"`, `("hIndex", true)` -> `"Highest first"`. */
export function directionWords(sort: AuthorSortKey, desc: boolean): string {
  if (sort === 'name') return desc ? 'Z to A' : 'A to Z';
  return desc ? 'Highest first' : 'Lowest first';
}

export interface AuthorQuery {
  sort: AuthorSortKey;
  desc: boolean;
  filter: string;
}

export interface AuthorPages {
  /** null until the first page of the first query arrives. */
  total: number | null;
  /** The card at an index in the sorted list, or undefined while its page loads. */
  card(index: number): AuthorGridCard | undefined;
  /** Ask for the pages holding cards `first`..`last` (inclusive). */
  ensure(first: number, last: number): void;
  /** The query whose answer is shown (it lags the requested one while that loads). */
  shownQuery: AuthorQuery | null;
  loading: boolean;
  error: Error | null;
}

/** See the module comment. */
export function useAuthorPages(query: AuthorQuery): AuthorPages {
  const input = useMemo(() => ({ sort: query.sort, desc: query.desc, filter: query.filter }), [query.sort, query.desc, query.filter]);
  const list = usePagedChannel('authors.grid', input, AUTHOR_PAGE_SIZE);
  const shown = list.shownInput;
  const shownQuery = useMemo(() => (shown ? { sort: shown.sort ?? 'papers', desc: shown.desc ?? true, filter: shown.filter ?? '' } : null), [shown]);
  const { row, ensure } = list;
  const card = useCallback((index: number) => row(index), [row]);
  const ensureCards = useCallback((first: number, last: number) => (last < first ? undefined : ensure(first, last)), [ensure]);
  return { total: list.first?.total ?? null, card, ensure: ensureCards, shownQuery, loading: list.loading, error: list.error };
}
