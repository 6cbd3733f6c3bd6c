/**
 * The authors grid's data: `authors.grid` fetched one page at a time, only for the pages in view, and
 * kept while the query (sort, direction, filter) and the library stay the same. A new query keeps the
 * old cards on screen until its first page arrives, so sorting and filtering never flash empty.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AuthorGridCard } from '../../../shared/contract';
import { request } from '../../api/client';
import { useUi } from '../../stores/ui-store';

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

interface Loaded {
  /** Which query (and library version) these pages answer. */
  key: string;
  query: AuthorQuery;
  total: number;
  pages: Map<number, AuthorGridCard[]>;
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

export function useAuthorPages(query: AuthorQuery): AuthorPages {
  const libraryVersion = useUi((s) => s.libraryVersion);
  const key = JSON.stringify([query.sort, query.desc, query.filter, libraryVersion]);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<Error | null>(null);
  const inflight = useRef(new Set<string>());
  const currentKey = useRef(key);
  currentKey.current = key;

  const fetchPage = useCallback((pageKey: string, pageQuery: AuthorQuery, page: number) => {
    const ticket = `${pageKey}#${page}`;
    if (inflight.current.has(ticket)) return;
    inflight.current.add(ticket);
    request('authors.grid', { ...pageQuery, offset: page * AUTHOR_PAGE_SIZE, limit: AUTHOR_PAGE_SIZE }).then(
      (answer) => {
        inflight.current.delete(ticket);
        if (pageKey !== currentKey.current) return; // a newer query took over
        setError(null);
        setLoading(false);
        setLoaded((prev) => {
          const pages = prev && prev.key === pageKey ? new Map(prev.pages) : new Map<number, AuthorGridCard[]>();
          pages.set(page, answer.rows);
          return { key: pageKey, query: pageQuery, total: answer.total, pages };
        });
      },
      (err: unknown) => {
        inflight.current.delete(ticket);
        if (pageKey !== currentKey.current) return;
        setLoading(false);
        setError(err instanceof Error ? err : new Error(String(err)));
      },
    );
  }, []);

  // A new query (or a changed library): its first page, which also says how many authors match.
  useEffect(() => {
    setLoading(true);
    fetchPage(key, { sort: query.sort, desc: query.desc, filter: query.filter }, 0);
  }, [key, query.sort, query.desc, query.filter, fetchPage]);

  const ensure = useCallback(
    (first: number, last: number) => {
      if (!loaded || loaded.key !== currentKey.current || last < first) return;
      const lastIndex = Math.min(last, loaded.total - 1);
      for (let page = Math.floor(Math.max(0, first) / AUTHOR_PAGE_SIZE); page * AUTHOR_PAGE_SIZE <= lastIndex; page++) {
        if (!loaded.pages.has(page)) fetchPage(loaded.key, loaded.query, page);
      }
    },
    [loaded, fetchPage],
  );

  const card = useCallback(
    (index: number) => loaded?.pages.get(Math.floor(index / AUTHOR_PAGE_SIZE))?.[index % AUTHOR_PAGE_SIZE],
    [loaded],
  );

  return { total: loaded?.total ?? null, card, ensure, shownQuery: loaded?.query ?? null, loading, error };
}
