/**
 * The actions menu for the selected papers (right-click on a row, or the toolbar's Organise button):
 * tags, collections, reading status, rating, star, trash, each with its key beside it. Up/Down move
 * between items, Enter or a click runs one, Escape or a click outside closes it.
 */
import { useEffect, useRef, type ReactNode } from 'react';
import { create } from 'zustand';
import { useChannel } from '../../api/use-channel';
import { useUi } from '../../stores/ui-store';
import { plural } from '../../ui/format';
import { addToCollection, restorePapers, setRating, setStarred, setStatus, trashPapers } from './curation-actions';
import { STATUS_KEYS, STATUS_LABELS } from './mark-controls';
import { newCollection } from './collection-dialogs';
import { collectionTree, flattenCollections } from './trees';
import { useTagPicker } from './tag-picker';
import { useFocusReturn } from '../../ui/focus-return';
import { openCite } from '../references/reference-actions';
import { useReferences } from '../references/references-store';

export interface MenuAnchor {
  x: number;
  y: number;
  paperIds: number[];
  returnFocus?: HTMLElement | null;
}

export const usePaperMenu = create<{ anchor: MenuAnchor | null; open(anchor: MenuAnchor): void; close(): void }>()((set) => ({
  anchor: null,
  open: (anchor) => set({ anchor: anchor.paperIds.length > 0 ? anchor : null }),
  close: () => set({ anchor: null }),
}));

function Item({ label, keys, onRun, danger = false }: { label: ReactNode; keys?: string; onRun: () => void; danger?: boolean }) {
  return (
    <li role="none">
      <button type="button" role="menuitem" tabIndex={-1} className={`menu-item${danger ? ' menu-item-danger' : ''}`} onClick={onRun}>
        <span className="menu-label">{label}</span>
        {keys ? <kbd className="menu-keys">{keys}</kbd> : null}
      </button>
    </li>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <li role="none" className="menu-section">
      <span className="menu-heading" aria-hidden="true">
        {title}
      </span>
      <ul role="group" aria-label={title} className="menu-group">
        {children}
      </ul>
    </li>
  );
}

function Menu({ anchor, onClose }: { anchor: MenuAnchor; onClose: () => void }) {
  const ref = useRef<HTMLUListElement>(null);
  const inTrash = useUi((s) => s.facets.trash);
  const collections = useChannel('collections.list', {});
  const ids = anchor.paperIds;
  const flat = collections.data ? flattenCollections(collectionTree(collections.data)) : [];

  // Focus goes back to the row (or button) the menu was opened from.
  const giveFocusBack = useFocusReturn(true, undefined, () => anchor.returnFocus);

  useEffect(() => {
    ref.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    const onDown = (e: PointerEvent) => {
      if (ref.current && !ref.current.contains(e.target as Node)) onClose();
    };
    document.addEventListener('pointerdown', onDown, true);
    return () => document.removeEventListener('pointerdown', onDown, true);
  }, [onClose]);

  /** Focus back on the row first (what the action opens returns there), then close and act. */
  const run = (action: () => void) => () => {
    giveFocusBack();
    onClose();
    action();
  };

  const left = Math.max(4, Math.min(anchor.x, window.innerWidth - 250));
  const top = Math.max(4, Math.min(anchor.y, window.innerHeight - 480));

  return (
    <ul
      ref={ref}
      role="menu"
      aria-label={`Actions for ${plural(ids.length, 'paper')}`}
      className="popover paper-menu"
      style={{ left, top }}
      onKeyDown={(e) => {
        const items = [...(ref.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
        const at = items.indexOf(document.activeElement as HTMLElement);
        if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
          e.preventDefault();
          const step = e.key === 'ArrowDown' ? 1 : -1;
          items[(at + step + items.length) % items.length]?.focus();
        } else if (e.key === 'Home' || e.key === 'End') {
          e.preventDefault();
          (e.key === 'Home' ? items[0] : items[items.length - 1])?.focus();
        } else if (e.key === 'Escape') {
          e.preventDefault();
          e.stopPropagation();
          onClose();
        }
      }}
    >
      {inTrash ? (
        <Item label={`Restore ${plural(ids.length, 'paper')}`} onRun={run(() => void restorePapers(ids))} />
      ) : (
        <>
          <Item label="Tags…" keys="T" onRun={run(() => useTagPicker.getState().open(ids))} />
          <Item label="Star" keys="S" onRun={run(() => void setStarred(ids, true))} />
          <Item label="Unstar" onRun={run(() => void setStarred(ids, false))} />
          <Section title="Reading status">
            {(['unread', 'reading', 'read'] as const).map((s) => (
              <Item key={s} label={STATUS_LABELS[s]} keys={STATUS_KEYS[s]} onRun={run(() => void setStatus(ids, s))} />
            ))}
          </Section>
          <Section title="Rating">
            {[1, 2, 3, 4, 5].map((n) => (
              <Item key={n} label={<span className="menu-stars" aria-label={`${n} of 5`}>{'★'.repeat(n)}</span>} keys={String(n)} onRun={run(() => void setRating(ids, n))} />
            ))}
            <Item label="Clear rating" keys="0" onRun={run(() => void setRating(ids, null))} />
          </Section>
          <Section title="Add to collection">
            {flat.map((n) => (
              <Item
                key={n.collection.id}
                label={<span style={{ paddingLeft: n.depth * 12 }}>{n.collection.name}</span>}
                onRun={run(() => void addToCollection(n.collection.id, n.collection.name, ids))}
              />
            ))}
            <Item label="New collection…" onRun={run(() => newCollection(null, ids))} />
          </Section>
          <Item label="Copy citation…" keys="Ctrl+Shift+C" onRun={run(() => openCite(ids))} />
          <Item label="Export…" keys="Ctrl+Shift+E" onRun={run(() => useReferences.getState().openExport())} />
          <Item label={`Move ${plural(ids.length, 'paper')} to the trash`} keys="Del" danger onRun={run(() => void trashPapers(ids))} />
        </>
      )}
    </ul>
  );
}

/** Mount once; shows while usePaperMenu has an anchor. */
export function PaperMenu() {
  const anchor = usePaperMenu((s) => s.anchor);
  const close = usePaperMenu((s) => s.close);
  return anchor ? <Menu anchor={anchor} onClose={close} /> : null;
}
