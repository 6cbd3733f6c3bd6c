/**
 * The status bar's words for the Authors view: how many authors the grid shows, the name filter and
 * the sort, e.g. "1,234 authors · matching “smi” · sorted by h-index (highest first)". The grid
 * publishes what it shows (the query its cards answer, which lags a newer one while that loads); the
 * status bar reads it here instead of describing the papers list behind the grid.
 */
import { create } from 'zustand';
import { clip, plural } from '../../ui/format';
import { AUTHOR_SORTS, directionWords, type AuthorQuery } from './use-author-pages';

/** What the grid shows: the query its cards answer and how many authors match it. */
export interface AuthorGridShown extends AuthorQuery {
  total: number;
}

interface AuthorGridStatusState {
  /** null while the Authors view is closed or has no answer yet. */
  shown: AuthorGridShown | null;
  /** The latest request failed: the grid still shows `shown`. */
  failed: boolean;
}

export const useAuthorGridStatus = create<AuthorGridStatusState>()(() => ({ shown: null, failed: false }));

/**
 * Called by the grid whenever what it shows changes (and with null when it closes).
 * @param shown the query of the cards on screen and its total, or null (no grid, or nothing loaded yet)
 * @param failed whether the latest request failed (the cards on screen are then from `shown`)
 */
export function publishAuthorGrid(shown: AuthorGridShown | null, failed: boolean): void {
  const current = useAuthorGridStatus.getState();
  if (current.failed === failed && JSON.stringify(current.shown) === JSON.stringify(shown)) return;
  useAuthorGridStatus.setState({ shown, failed });
}

/**
 * The grid in words, parts joined by " · ".
 * @param shown what the grid shows; null gives '' (nothing loaded yet, or no grid)
 * @param failed adds "not updated: the last change could not be shown", as the papers status does
 * @returns e.g. `"1,234 authors · matching “smi” · sorted by h-index (highest first)"`; the filter is
 *   clipped to 60 characters; with no filter: `"64 authors · sorted by Papers in library (highest first)"`
 */
export function authorGridStatusText(shown: AuthorGridShown | null, failed = false): string {
  if (!shown) return '';
  const parts = [plural(shown.total, 'author')];
  const filter = shown.filter.trim();
  if (filter) parts.push(`matching “${clip(filter, 60)}”`);
  const label = AUTHOR_SORTS.find((s) => s.key === shown.sort)?.label ?? shown.sort;
  const direction = directionWords(shown.sort, shown.desc);
  parts.push(`sorted by ${label} (${shown.sort === 'name' ? direction : direction.toLowerCase()})`);
  if (failed) parts.push('not updated: the last change could not be shown');
  return parts.join(' · ');
}

/** The status bar's text in the Authors view (inside the status bar's live region). */
export function AuthorGridStatus() {
  const shown = useAuthorGridStatus((s) => s.shown);
  const failed = useAuthorGridStatus((s) => s.failed);
  return <>{authorGridStatusText(shown, failed)}</>;
}
