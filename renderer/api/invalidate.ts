/**
 * After a write, refetch only what it can have changed: every cached answer whose channel reads
 * (contract `reads`, for its input) a table the write changed (contract `changes`). Answers on screen
 * refetch at once and stay shown meanwhile; others refetch when next shown. A note edit thus reloads
 * the notes and the table's rows but not the year counts of an unsearched library.
 *
 * client.ts calls `invalidateAfterWrite` after every successful write; the live library event calls
 * `invalidateTables` with what changed elsewhere.
 */
import { isChannel, overlaps, tablesChanged, tablesRead, type Channel, type LibraryTable } from '../../shared/contract';
import { paperFilters, useUi } from '../stores/ui-store';
import { queryClient } from './query-client';

/** What a change touched: some tables, or `everything` (a restore, undo, or an unknown outside change). */
export type ChangedTables = readonly LibraryTable[] | 'everything';

/**
 * Mark stale every cached answer that reads a table in `changed`; those on screen refetch now.
 * Also bumps the UI store's `listVersion` when the papers the table lists may differ, so the
 * selection is checked against the library again (features/organise/visible-selection.ts).
 * Returns when the refetches on screen have settled (their failures are the views' to show).
 */
export async function invalidateTables(changed: ChangedTables): Promise<void> {
  if (changed !== 'everything' && changed.length === 0) return;
  const ui = useUi.getState();
  if (overlaps(tablesRead('papers.ids', paperFilters(ui)), changed)) ui.bumpListVersion();
  await queryClient.invalidateQueries({
    predicate: (query) => {
      const [channel, input] = query.queryKey as readonly [unknown, unknown];
      // 'everything' (a restore, a recovery, undo) also reaches answers from the host's own state
      // (backups, the integrity check) that read no table: such a change can touch them too.
      return typeof channel === 'string' && isChannel(channel) && (changed === 'everything' || overlaps(tablesRead(channel, input), changed));
    },
  });
}

/** Invalidate what a successful call of `channel` changed (nothing for reads; see tablesChanged). */
export function invalidateAfterWrite(channel: Channel): Promise<void> {
  return invalidateTables(tablesChanged(channel));
}
