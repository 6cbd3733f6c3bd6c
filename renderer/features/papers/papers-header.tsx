/**
 * The papers table's header row: a sort button per column (click, click again, third click clears;
 * Shift+click adds a level), a resize handle on each edge, and dragging a header to move its column.
 * Right-click opens the column chooser.
 */
import type { useTable } from '@tanstack/react-table';
import { useUi, type ColumnPref } from '../../stores/ui-store';
import type { ChooserAnchor } from './column-chooser';
import { useHeaderDrag } from './header-drag';
import { COLUMN_BY_ID, COLUMN_LABELS, SORT_HINTS, type paperTableFeatures } from './paper-columns';
import type { PaperRow } from '../../../shared/contract';

const MIN_COLUMN_WIDTH = 48;

/** The table model of papers-table.tsx (TanStack Table v9 with this table's features). */
export type PapersTableModel = ReturnType<typeof useTable<typeof paperTableFeatures, PaperRow>>;

function SortIndicator({ direction, level, levels }: { direction: false | 'asc' | 'desc'; level: number; levels: number }) {
  if (!direction) return <span className="sort-indicator" aria-hidden="true" />;
  return (
    <span className="sort-indicator is-active" aria-hidden="true">
      {direction === 'asc' ? '▲' : '▼'}
      {levels > 1 ? <sup>{level + 1}</sup> : null}
    </span>
  );
}

/** Drag (or arrow keys on) the header's right edge to set a column's width. */
function ResizeHandle({ column }: { column: ColumnPref }) {
  const setWidth = (width: number) => {
    const columns = useUi.getState().columns.map((c) => (c.id === column.id ? { ...c, width: Math.max(MIN_COLUMN_WIDTH, Math.round(width)) } : c));
    useUi.getState().setColumns(columns);
  };
  const label = COLUMN_LABELS[column.id] ?? column.id;
  return (
    <span
      role="separator"
      aria-orientation="vertical"
      aria-label={`Resize the ${label} column`}
      aria-valuenow={column.width ?? undefined}
      tabIndex={0}
      className="col-resizer"
      title={`Drag to resize ${label}; with the keyboard, Left and Right arrows`}
      onClick={(e) => e.stopPropagation()}
      onPointerDown={(e) => {
        e.preventDefault();
        e.stopPropagation();
        const th = e.currentTarget.parentElement;
        if (!th) return;
        const startX = e.clientX;
        const startWidth = th.getBoundingClientRect().width;
        const target = e.currentTarget;
        target.setPointerCapture(e.pointerId);
        const move = (ev: PointerEvent) => setWidth(startWidth + ev.clientX - startX);
        const up = () => {
          target.removeEventListener('pointermove', move);
          target.removeEventListener('pointerup', up);
        };
        target.addEventListener('pointermove', move);
        target.addEventListener('pointerup', up);
      }}
      onKeyDown={(e) => {
        if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
        e.preventDefault();
        const th = e.currentTarget.parentElement;
        const width = column.width ?? th?.getBoundingClientRect().width ?? 100;
        setWidth(width + (e.key === 'ArrowRight' ? 16 : -16));
      }}
    />
  );
}

export function PapersHeader({ table, columns, onChooser }: { table: PapersTableModel; columns: ColumnPref[]; onChooser: (anchor: ChooserAnchor) => void }) {
  const levels = table.state.sorting.length;
  const prefById = new Map(columns.map((c) => [c.id, c]));
  // Drag a header cell to move its column; the column chooser does it from the keyboard.
  const drag = useHeaderDrag();
  return (
    <thead
      className={drag.dragging ? 'is-moving-column' : undefined}
      onContextMenu={(e) => {
        e.preventDefault();
        onChooser({ x: e.clientX, y: e.clientY });
      }}
    >
      {table.getHeaderGroups().map((group) => (
        <tr key={group.id}>
          {group.headers.map((header) => {
            const id = header.column.id;
            const direction = header.column.getIsSorted();
            const label = COLUMN_LABELS[id] ?? id;
            const next = header.column.getNextSortingOrder();
            const hint = next === 'asc' ? 'sort ascending' : next === 'desc' ? 'sort descending' : 'clear sorting';
            const sortsBy = SORT_HINTS[id] ? ` (${SORT_HINTS[id]})` : '';
            const pref = prefById.get(id);
            const numeric = COLUMN_BY_ID[id]?.numeric;
            const dropSide = drag.drop?.id === id ? drag.drop.side : null;
            return (
              <th
                key={header.id}
                scope="col"
                className={`col-${id}${numeric ? ' col-numeric' : ''}${drag.dragging === id ? ' is-dragged' : ''}${dropSide ? ` drop-${dropSide}` : ''}`}
                aria-sort={direction === 'asc' ? 'ascending' : direction === 'desc' ? 'descending' : 'none'}
                {...drag.cellProps(id)}
              >
                <button
                  type="button"
                  className="th-button"
                  onClick={header.column.getCanSort() ? header.column.getToggleSortingHandler() : undefined}
                  title={
                    header.column.getCanSort()
                      ? `${label}: click to ${hint}${sortsBy}; Shift+click to add a sort level; drag to move the column; right-click to choose columns`
                      : `${label}: drag to move the column; right-click to choose columns`
                  }
                >
                  <span className="th-label">{label}</span>
                  <SortIndicator direction={direction} level={header.column.getSortIndex()} levels={levels} />
                </button>
                {pref && id !== 'title' ? <ResizeHandle column={pref} /> : null}
              </th>
            );
          })}
        </tr>
      ))}
    </thead>
  );
}

