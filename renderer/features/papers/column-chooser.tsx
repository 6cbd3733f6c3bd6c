/**
 * The column chooser: show or hide each column, and put them in order (drag a row, or focus it and
 * use Alt+Up/Down or the arrow buttons). Opens from a right-click on the header or the Columns button;
 * Escape or a click outside closes it. Choices are saved with the window prefs.
 */
import { useEffect, useRef, useState } from 'react';
import { create } from 'zustand';
import { DEFAULT_COLUMNS, useUi, type ColumnPref } from '../../stores/ui-store';
import { COLUMN_LABELS } from './paper-columns';
import { useFocusReturn } from '../../ui/focus-return';

export interface ChooserAnchor {
  x: number;
  y: number;
  /** Element to give focus back to on close. */
  returnFocus?: HTMLElement | null;
}

/** Where the chooser is open (null: closed); the header's context menu and the toolbar button open it. */
export const useChooser = create<{ anchor: ChooserAnchor | null; open(anchor: ChooserAnchor | null): void }>()((set) => ({ anchor: null, open: (anchor) => set({ anchor }) }));

function move(columns: ColumnPref[], from: number, to: number): ColumnPref[] {
  if (to < 0 || to >= columns.length || from === to) return columns;
  const next = [...columns];
  const [item] = next.splice(from, 1);
  if (item) next.splice(to, 0, item);
  return next;
}

export function ColumnChooser({ anchor, onClose }: { anchor: ChooserAnchor; onClose: () => void }) {
  const columns = useUi((s) => s.columns);
  const setColumns = useUi((s) => s.setColumns);
  const ref = useRef<HTMLDivElement>(null);
  const [dragging, setDragging] = useState<number | null>(null);
  const [focusId, setFocusId] = useState<string | null>(null);
  // Focus goes back to the Columns button or the header that opened it.
  useFocusReturn(true, undefined, () => anchor.returnFocus);

  useEffect(() => {
    ref.current?.querySelector<HTMLInputElement>('input')?.focus();
    const onDown = (e: PointerEvent) => {
      if (ref.current && !ref.current.contains(e.target as Node)) onClose();
    };
    document.addEventListener('pointerdown', onDown, true);
    return () => document.removeEventListener('pointerdown', onDown, true);
  }, [onClose]);

  useEffect(() => {
    if (focusId === null) return;
    ref.current?.querySelector<HTMLInputElement>(`input[data-column="${focusId}"]`)?.focus();
    setFocusId(null);
  }, [focusId, columns]);

  const close = onClose;
  const visibleCount = columns.filter((c) => c.visible).length;
  const left = Math.min(anchor.x, window.innerWidth - 260);
  const top = Math.min(anchor.y, window.innerHeight - 420);

  return (
    <div
      ref={ref}
      className="popover column-chooser"
      role="dialog"
      aria-label="Columns"
      style={{ left: Math.max(8, left), top: Math.max(8, top) }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          e.stopPropagation();
          close();
        }
      }}
      onContextMenu={(e) => e.preventDefault()}
    >
      <p className="popover-title">Columns</p>
      <p className="popover-hint">Drag to reorder, or Alt+↑/↓.</p>
      <ul className="chooser-list">
        {columns.map((c, i) => {
          const label = COLUMN_LABELS[c.id] ?? c.id;
          const locked = c.id === 'title';
          return (
            <li
              key={c.id}
              className={`chooser-item${dragging === i ? ' is-dragging' : ''}`}
              draggable
              data-testid={`chooser-${c.id}`}
              onDragStart={(e) => {
                setDragging(i);
                e.dataTransfer.effectAllowed = 'move';
                e.dataTransfer.setData('text/plain', c.id);
              }}
              onDragOver={(e) => {
                e.preventDefault();
                if (dragging !== null && dragging !== i) {
                  setColumns(move(columns, dragging, i));
                  setDragging(i);
                }
              }}
              onDragEnd={() => setDragging(null)}
            >
              <span className="drag-grip" aria-hidden="true">
                ⋮⋮
              </span>
              <label className="chooser-label">
                <input
                  type="checkbox"
                  data-column={c.id}
                  checked={c.visible}
                  disabled={locked || (c.visible && visibleCount <= 2)}
                  onChange={(e) => setColumns(columns.map((x) => (x.id === c.id ? { ...x, visible: e.target.checked } : x)))}
                  onKeyDown={(e) => {
                    if (e.altKey && (e.key === 'ArrowUp' || e.key === 'ArrowDown')) {
                      e.preventDefault();
                      setColumns(move(columns, i, i + (e.key === 'ArrowUp' ? -1 : 1)));
                      setFocusId(c.id);
                    }
                  }}
                />
                {label}
              </label>
              <button type="button" className="icon-button icon-button-sm" aria-label={`Move ${label} up`} disabled={i === 0} onClick={() => setColumns(move(columns, i, i - 1))}>
                ↑
              </button>
              <button type="button" className="icon-button icon-button-sm" aria-label={`Move ${label} down`} disabled={i === columns.length - 1} onClick={() => setColumns(move(columns, i, i + 1))}>
                ↓
              </button>
            </li>
          );
        })}
      </ul>
      <div className="popover-foot">
        <button type="button" className="button button-quiet" onClick={() => setColumns(DEFAULT_COLUMNS)}>
          Reset columns
        </button>
        <button type="button" className="button" onClick={close}>
          Done
        </button>
      </div>
    </div>
  );
}
