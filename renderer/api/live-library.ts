/**
 * The window follows the library live: the one place library change events (library-events.ts) are
 * applied. `startLiveLibrary()` subscribes once; `applyLibraryChange(event)` is the single entry point
 * for each event.
 *
 * An event from elsewhere (another window or tab, the command line, a restore) refetches the cached
 * answers that read a table it changed (invalidate.ts; 'everything' when only data_version told), which
 * keeps the selection, the scroll position and the open paper (lists refetch in place). The window's own writes ('here') refreshed when they were made. A
 * change of settings alone (another window saving its layout) refreshes nothing but the theme.
 *
 * If the paper open in the detail pane was deleted (or moved to the trash) elsewhere, the pane says so
 * (`useGoneElsewhere`), calmly, instead of an error.
 */
import { useRef } from 'react';
import { create } from 'zustand';
import type { LibraryChange } from '../../shared/library-change';
import { loadTheme } from '../stores/theme-store';
import { subscribeLibraryChanges } from './library-events';
import { invalidateTables } from './invalidate';

interface LiveState {
  /** Events from elsewhere applied so far: views compare it to tell a change made elsewhere from their own. */
  elsewhere: number;
}

export const useLive = create<LiveState>()(() => ({ elsewhere: 0 }));

/** Whether a change can alter more than settings (which no view but the theme shows). */
function beyondSettings(tables: LibraryChange['tables']): boolean {
  return tables === 'everything' || tables.some((t) => t !== 'settings');
}

/**
 * Apply one library change event to the window.
 * @param event as the host sent it (shared/library-change.ts)
 */
export function applyLibraryChange(event: LibraryChange): void {
  if (event.origin === 'here') return;
  if (event.tables === 'everything' || event.tables.includes('settings')) void loadTheme();
  if (!beyondSettings(event.tables)) return;
  useLive.setState((s) => ({ elsewhere: s.elsewhere + 1 }));
  void invalidateTables(event.tables);
}

let stop: (() => void) | null = null;

/** Start following the library (once; later calls do nothing). @returns a function that stops it */
export function startLiveLibrary(): () => void {
  stop ??= subscribeLibraryChanges(applyLibraryChange);
  return () => {
    stop?.();
    stop = null;
  };
}

/**
 * Whether the paper open in the detail pane was deleted elsewhere: it was shown live (not in the
 * trash), and after a change from elsewhere it came back in the trash or not at all.
 * @param paperId the open paper
 * @param paper the latest answer for it (null while none)
 * @param error the latest failure reading it (a paper deleted for good is NOT_FOUND)
 * @returns 'trashed' (it is in the trash), 'deleted' (gone for good), or null
 */
export function useGoneElsewhere(paperId: number | null, paper: { id: number; deletedAt: string | null } | null, error: (Error & { code?: string }) | null): 'trashed' | 'deleted' | null {
  const elsewhere = useLive((s) => s.elsewhere);
  // The open paper as last seen live: the answer, and the count of changes from elsewhere when it came.
  const live = useRef<{ id: number; at: number; answer: object } | null>(null);
  if (paperId === null) {
    live.current = null;
    return null;
  }
  if (live.current?.id !== paperId) live.current = null;
  const current = paper?.id === paperId ? paper : null;
  // Only a paper this window saw alive, gone after a change from elsewhere, was deleted elsewhere.
  const goneSince = live.current !== null && elsewhere > live.current.at;
  // Deleted for good: the read fails with NOT_FOUND (and the last answer is still shown beside the error).
  if (error?.code === 'NOT_FOUND') return goneSince ? 'deleted' : null;
  if (current && current.deletedAt === null) {
    // Counted when the answer arrives, not on each render: while a refetch runs the old answer is shown.
    if (live.current?.answer !== current) live.current = { id: paperId, at: elsewhere, answer: current };
    return null;
  }
  return goneSince && current ? 'trashed' : null;
}
