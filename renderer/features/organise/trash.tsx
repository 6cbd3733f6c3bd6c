/**
 * The trash: a sidebar entry with its count, and above the table in the trash view a bar with Restore
 * (the selection) and Empty trash (after a confirmation: emptying is the one change Undo cannot revert;
 * a backup made just before it can).
 */
import { request } from '../../api/client';
import { useChannel } from '../../api/use-channel';
import { useNotices } from '../../stores/notice-store';
import { useUi } from '../../stores/ui-store';
import { formatCount, plural } from '../../ui/format';
import { actedOnSentence, firstTrashedTitle } from './acted-on';
import { restorePapers, trashPapers } from './curation-actions';
import { usePaperDrop } from './drop-target';
import { usePrompt } from './prompt-dialog';
import { selectionUnknown, visibleSelection } from './visible-selection';
import { showInLibrary } from './show-in-library';
import { useSidebarCurrent } from './sidebar-scope';

export function TrashEntry() {
  const info = useChannel('trash.info', {});
  const current = useSidebarCurrent((e) => e.kind === 'trash');
  const drop = usePaperDrop((ids) => void trashPapers(ids));
  return (
    <ul className="nav-list trash-entry">
      <li className={drop.over ? 'is-drop' : undefined} {...drop.props}>
        <button type="button" className="nav-item" aria-current={current ? 'page' : undefined} title="Papers moved to the trash (kept for 30 days)" onClick={() => (current ? showInLibrary({}) : showInLibrary({ trash: true }))}>
          <svg className="nav-icon" aria-hidden="true" viewBox="0 0 16 16" width="14" height="14">
            <path d="M2.5 4.5h11M6 4.5V3h4v1.5M4 4.5l.7 9h6.6l.7-9" fill="none" stroke="currentColor" strokeWidth="1.3" strokeLinejoin="round" />
          </svg>
          <span className="nav-label">Trash</span>
          <span className="nav-count">{info.data ? formatCount(info.data.count) : ''}</span>
        </button>
      </li>
    </ul>
  );
}

/**
 * What "Empty trash" asks: what goes, and what is kept. Emptying cannot be undone in the window, but
 * Lectern writes a checked backup first (kind before-empty-trash, library-upkeep.ts backupBefore), and
 * the trash is not emptied when that backup fails.
 */
export function emptyTrashMessage(count: number): string {
  return `${plural(count, 'paper')} will be deleted for good, with ${count === 1 ? 'its' : 'their'} tags, notes and annotations. This cannot be undone here, but Lectern first keeps a backup of the library as it is now: Backups… (at the bottom of the sidebar) can restore it.`;
}

function emptyTrash(count: number): void {
  usePrompt.getState().open({
    title: 'Empty the trash?',
    message: emptyTrashMessage(count),
    submitLabel: 'Empty trash',
    danger: true,
    // The bar's buttons go disabled with nothing left to restore or empty: focus goes to the Trash entry.
    focusAfterSubmit: '.trash-entry .nav-item',
    submit: async () => {
      // Named before it goes: afterwards there is nothing left to read the title from.
      const title = await firstTrashedTitle();
      const out = await request('trash.empty', {});
      useUi.getState().setSelection(new Set(), null, null);
      useNotices.getState().push({ kind: 'success', title: actedOnSentence('Deleted', 'for good', { count: out.deleted, firstTitle: title }) });
    },
  });
}

/** Above the table in the trash view. */
export function TrashBar() {
  const info = useChannel('trash.info', {});
  const selected = useUi((s) => s.selectedIds.size);
  const count = info.data?.count ?? 0;
  return (
    <div className="trash-bar" role="region" aria-label="Trash">
      <p className="trash-bar-text">
        {count === 0 ? 'The trash is empty.' : `${plural(count, 'paper')} in the trash. They are hidden everywhere else and deleted for good after 30 days.`}
      </p>
      <button type="button" className="button button-sm" disabled={selected === 0} onClick={() => void visibleSelection().then(restorePapers, selectionUnknown)}>
        {selected > 1 ? `Restore ${formatCount(selected)} papers` : 'Restore'}
      </button>
      <button type="button" className="button button-sm button-danger" disabled={count === 0} onClick={() => emptyTrash(count)}>
        Empty trash…
      </button>
    </div>
  );
}
