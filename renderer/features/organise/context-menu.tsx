/**
 * A small context menu for sidebar entries (a tag, a collection, a saved search): right-click, the
 * Menu key or Shift+F10 opens it at the entry. Up/Down move, Enter runs, Escape closes and gives focus back.
 */
import { useEffect, useRef } from 'react';
import { create } from 'zustand';
import { useFocusReturn } from '../../ui/focus-return';

export interface MenuEntry {
  label: string;
  run(): void;
  danger?: boolean;
}

interface Open {
  x: number;
  y: number;
  label: string;
  entries: MenuEntry[];
  returnFocus: HTMLElement | null;
}

export const useContextMenu = create<{ open: Open | null; show(open: Open): void; close(): void }>()((set) => ({
  open: null,
  show: (open) => set({ open }),
  close: () => set({ open: null }),
}));

/** Props for an entry that opens `entries` on right-click or the keyboard's menu keys. */
export function contextMenuProps(label: string, entries: () => MenuEntry[]) {
  const show = (x: number, y: number, el: HTMLElement) => useContextMenu.getState().show({ x, y, label, entries: entries(), returnFocus: el });
  return {
    onContextMenu: (e: React.MouseEvent<HTMLElement>) => {
      e.preventDefault();
      show(e.clientX, e.clientY, e.currentTarget);
    },
    onKeyDown: (e: React.KeyboardEvent<HTMLElement>) => {
      if (e.key === 'ContextMenu' || (e.key === 'F10' && e.shiftKey)) {
        e.preventDefault();
        const box = e.currentTarget.getBoundingClientRect();
        show(box.left + 16, box.bottom, e.currentTarget);
      }
    },
  };
}

/** Mount once in the window. */
export function ContextMenu() {
  const open = useContextMenu((s) => s.open);
  const close = useContextMenu((s) => s.close);
  const ref = useRef<HTMLUListElement>(null);
  // Focus goes back to the entry the menu was opened on (or, after an entry ran, where that sends it).
  const giveFocusBack = useFocusReturn(open !== null, undefined, () => open?.returnFocus);
  useEffect(() => {
    if (!open) return;
    ref.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    const onDown = (e: PointerEvent) => {
      if (ref.current && !ref.current.contains(e.target as Node)) close();
    };
    document.addEventListener('pointerdown', onDown, true);
    return () => document.removeEventListener('pointerdown', onDown, true);
  }, [open, close]);
  if (!open) return null;
  const done = (entry?: MenuEntry) => {
    giveFocusBack();
    close();
    entry?.run();
  };
  return (
    <ul
      ref={ref}
      role="menu"
      aria-label={open.label}
      className="popover paper-menu"
      style={{ left: Math.min(open.x, window.innerWidth - 230), top: Math.min(open.y, window.innerHeight - 40 * open.entries.length - 20) }}
      onKeyDown={(e) => {
        const items = [...(ref.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
        const at = items.indexOf(document.activeElement as HTMLElement);
        if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
          e.preventDefault();
          items[(at + (e.key === 'ArrowDown' ? 1 : -1) + items.length) % items.length]?.focus();
        } else if (e.key === 'Escape') {
          e.preventDefault();
          e.stopPropagation();
          done();
        }
      }}
    >
      {open.entries.map((entry) => (
        <li role="none" key={entry.label}>
          <button type="button" role="menuitem" tabIndex={-1} className={`menu-item${entry.danger ? ' menu-item-danger' : ''}`} onClick={() => done(entry)}>
            <span className="menu-label">{entry.label}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
