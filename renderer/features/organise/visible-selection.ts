/**
 * The selection holds only papers the table shows. A filter, a search, or a change to the library (a
 * paper marked read under "unread only") can hide selected papers; keys, menus and drags must then not
 * act on them (issue 8: Delete trashed a paper the user could no longer see).
 *
 * The renderer never lists every row to find out: it asks the library which of the selected ids match
 * the current filters (`papers.ids` with `paperIds`, one SQL query however many papers match) and drops
 * the others. The check runs whenever the list changes while something is selected; an action that
 * comes before its answer waits for it (`visibleSelection`). A selection of 100,000 papers (Ctrl+A) is
 * sent once; it only shrinks afterwards, so later checks are as small as what stays selected.
 */
import { request } from '../../api/client';
import { describeError, useNotices } from '../../stores/notice-store';
import { currentListKey, paperFilters, useUi } from '../../stores/ui-store';
import { selectedPaperIds } from './selection';

interface Check {
  key: string;
  ids: ReadonlySet<number>;
  done: Promise<void>;
}

let running: Check | null = null;

/** Ask the library which selected papers the current list shows and drop the rest. */
function check(): Promise<void> {
  const s = useUi.getState();
  const key = currentListKey(s);
  if (running && running.key === key && running.ids === s.selectedIds) return running.done;
  const sent = s.selectedIds;
  const input = { ...paperFilters(s), paperIds: [...sent], sort: [] };
  const done = request('papers.ids', input).then(({ ids }) => {
    const now = useUi.getState();
    // A newer list is on its way: its own check decides.
    if (currentListKey(now) !== key) return;
    const shown = new Set(ids);
    const hidden = new Set([...sent].filter((id) => !shown.has(id)));
    // Papers selected since the question was sent were picked from this list, unless the list was not yet verified.
    const unchecked = now.selectionSeenIn !== key && [...now.selectedIds].some((id) => !sent.has(id));
    now.dropHidden(hidden, unchecked ? now.selectionSeenIn : key);
  });
  const entry: Check = { key, ids: sent, done };
  running = entry;
  const clear = () => {
    if (running === entry) running = null;
  };
  done.then(clear, clear);
  return done;
}

/** The library could not say which selected papers are shown: nothing was acted on; say so. */
export function selectionUnknown(err: unknown): void {
  useNotices.getState().push({ kind: 'error', title: 'Nothing was changed: Lectern could not check which selected papers the table shows.', detail: describeError(err), source: 'curation' });
}

/** True when every selected paper is known to be in the current list (or nothing is selected). */
export function selectionVerified(): boolean {
  const s = useUi.getState();
  return s.selectedIds.size === 0 || s.selectionSeenIn === currentListKey(s);
}

/**
 * The selected papers the table shows, the lead first (see selectedPaperIds); waits for the library
 * when the list changed since they were picked.
 * @throws the library's error when it cannot say (nothing should then be changed)
 */
export async function visibleSelection(): Promise<number[]> {
  // A few rounds: the list may change again while the library answers.
  for (let round = 0; round < 4; round++) {
    if (selectionVerified()) return selectedPaperIds();
    await check();
  }
  return selectionVerified() ? selectedPaperIds() : [];
}

/**
 * Keep the selection to what the table shows: check whenever the list or the selection changes and
 * the selection is not known to be shown. Call once (shell/app.tsx); returns the unsubscribe.
 */
export function keepSelectionVisible(): () => void {
  const run = () => {
    if (!selectionVerified()) void check().catch(() => undefined);
  };
  run();
  return useUi.subscribe((s, prev) => {
    if (s.selectedIds === prev.selectedIds && s.filter === prev.filter && s.facets === prev.facets && s.selectedAuthorId === prev.selectedAuthorId && s.listVersion === prev.listVersion && s.selectionSeenIn === prev.selectionSeenIn) return;
    run();
  });
}
