/**
 * Reordering the papers table's columns by dragging a header cell (HTML5 drag and drop): a line shows
 * where the column will land, and the new order goes through setColumns, so it is saved with the window
 * prefs like the column chooser's (which stays the way to reorder from the keyboard).
 */
import { useRef, useState, type DragEvent, type HTMLAttributes } from 'react';
import { useUi, type ColumnPref } from '../../stores/ui-store';

export type DropSide = 'before' | 'after';

/** The drag's payload type: only header drags are accepted (not files, text or chooser rows). */
const DRAG_TYPE = 'application/x-lectern-column';

/**
 * Move one column next to another in the full column list (hidden columns keep their places).
 * @param columns every column in the user's order, visible or not
 * @param id the column being moved
 * @param target the column it is dropped on
 * @param side whether it lands just before or just after `target`
 * @returns a new list, or `columns` itself when nothing moves (unknown ids, `id === target`, or the
 *   column is already there); by ids: `(title, authors, year)`, moving `year` before `title` ->
 *   `(year, title, authors)`
 */
export function moveColumnNextTo(columns: ColumnPref[], id: string, target: string, side: DropSide): ColumnPref[] {
  const moving = columns.find((c) => c.id === id);
  if (!moving || id === target || !columns.some((c) => c.id === target)) return columns;
  const rest = columns.filter((c) => c.id !== id);
  const at = rest.findIndex((c) => c.id === target) + (side === 'after' ? 1 : 0);
  const next = [...rest.slice(0, at), moving, ...rest.slice(at)];
  return next.every((c, i) => c === columns[i]) ? columns : next;
}

function sideOf(e: DragEvent<HTMLElement>): DropSide {
  const box = e.currentTarget.getBoundingClientRect();
  return e.clientX < box.left + box.width / 2 ? 'before' : 'after';
}

export interface HeaderDrag {
  /** The column being dragged (null: none). */
  dragging: string | null;
  /** Where it would land if dropped now (null: nowhere, or where it already is). */
  drop: { id: string; side: DropSide } | null;
  /** Drag and drop handlers for the header cell of column `id`. */
  cellProps(id: string): HTMLAttributes<HTMLTableCellElement> & { draggable: boolean };
}

/**
 * Drag state for the header row.
 * @returns the column being dragged, the drop position to draw, and the handlers each `<th>` spreads
 */
export function useHeaderDrag(): HeaderDrag {
  const [dragging, setDragging] = useState<string | null>(null);
  const [drop, setDrop] = useState<{ id: string; side: DropSide } | null>(null);
  // A press on the resize handle at a header's edge resizes; it must not start a move.
  const pressedOnResizer = useRef(false);

  const landing = (e: DragEvent<HTMLElement>, id: string): { id: string; side: DropSide } | null => {
    if (dragging === null) return null;
    const side = sideOf(e);
    const columns = useUi.getState().columns;
    return moveColumnNextTo(columns, dragging, id, side) === columns ? null : { id, side };
  };

  const end = () => {
    setDragging(null);
    setDrop(null);
  };

  return {
    dragging,
    drop,
    cellProps: (id) => ({
      draggable: true,
      onPointerDownCapture: (e) => {
        pressedOnResizer.current = (e.target as Element).closest('.col-resizer') !== null;
      },
      onDragStart: (e) => {
        if (pressedOnResizer.current) {
          e.preventDefault();
          return;
        }
        e.dataTransfer.effectAllowed = 'move';
        e.dataTransfer.setData(DRAG_TYPE, id);
        setDragging(id);
      },
      onDragOver: (e) => {
        if (dragging === null || !e.dataTransfer.types.includes(DRAG_TYPE)) return;
        e.preventDefault();
        const next = landing(e, id);
        e.dataTransfer.dropEffect = next ? 'move' : 'none';
        if (next?.id !== drop?.id || next?.side !== drop?.side) setDrop(next);
      },
      onDragLeave: (e) => {
        if (drop?.id === id && !e.currentTarget.contains(e.relatedTarget as Node | null)) setDrop(null);
      },
      onDrop: (e) => {
        if (dragging === null || !e.dataTransfer.types.includes(DRAG_TYPE)) return;
        e.preventDefault();
        const ui = useUi.getState();
        const next = moveColumnNextTo(ui.columns, dragging, id, sideOf(e));
        if (next !== ui.columns) ui.setColumns(next);
        end();
      },
      onDragEnd: end,
    }),
  };
}
