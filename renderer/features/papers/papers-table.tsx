/**
 * The papers table: TanStack Table owns the sort state machine (click, click again, third click
 * clears, Shift+click adds a level); the server does the sorting. The body is its own component so a
 * virtualised body can replace it without touching the header or the sort wiring.
 */
import { useCallback, useRef, type KeyboardEvent } from 'react';
import { useTable, type SortingState, type Updater } from '@tanstack/react-table';
import type { PaperRow } from '../../../shared/contract';
import { useUi } from '../../stores/ui-store';
import { clip } from '../../ui/format';
import { COLUMN_LABELS, paperColumns, paperTableFeatures, SORT_HINTS } from './paper-columns';
import type { PapersResult } from './use-papers';

const NO_ROWS: PaperRow[] = [];

type PapersTable = ReturnType<typeof usePapersTable>;

function usePapersTable(rows: PaperRow[]) {
  const sorting = useUi((s) => s.sorting);
  const setSorting = useUi((s) => s.setSorting);
  const onSortingChange = useCallback(
    (updater: Updater<SortingState>) => {
      const current = useUi.getState().sorting;
      setSorting(typeof updater === 'function' ? updater(current) : updater);
    },
    [setSorting],
  );
  return useTable({
    features: paperTableFeatures,
    columns: paperColumns,
    data: rows,
    getRowId: (row) => String(row.id),
    state: { sorting },
    onSortingChange,
    manualSorting: true,
    enableMultiSort: true,
    enableSortingRemoval: true,
    // Every column starts ascending so the cycle is the same everywhere: up, down, off.
    sortDescFirst: false,
    maxMultiSortColCount: 4,
  });
}

function SortIndicator({ direction, level, levels }: { direction: false | 'asc' | 'desc'; level: number; levels: number }) {
  if (!direction) return <span className="sort-indicator" aria-hidden="true" />;
  return (
    <span className="sort-indicator is-active" aria-hidden="true">
      {direction === 'asc' ? '▲' : '▼'}
      {levels > 1 ? <sup>{level + 1}</sup> : null}
    </span>
  );
}

function PapersHeader({ table }: { table: PapersTable }) {
  const levels = table.state.sorting.length;
  return (
    <thead>
      {table.getHeaderGroups().map((group) => (
        <tr key={group.id}>
          {group.headers.map((header) => {
            const direction = header.column.getIsSorted();
            const label = COLUMN_LABELS[header.column.id] ?? header.column.id;
            const next = header.column.getNextSortingOrder();
            const hint = next === 'asc' ? 'sort ascending' : next === 'desc' ? 'sort descending' : 'clear sorting';
            const sortsBy = SORT_HINTS[header.column.id] ? ` (${SORT_HINTS[header.column.id]})` : '';
            return (
              <th
                key={header.id}
                scope="col"
                className={`col-${header.column.id}`}
                aria-sort={direction === 'asc' ? 'ascending' : direction === 'desc' ? 'descending' : 'none'}
              >
                <button
                  type="button"
                  className="th-button"
                  onClick={header.column.getToggleSortingHandler()}
                  title={`${label}: click to ${hint}${sortsBy}; Shift+click to add a sort level`}
                >
                  <span className="th-label">{label}</span>
                  <SortIndicator direction={direction} level={header.column.getSortIndex()} levels={levels} />
                </button>
              </th>
            );
          })}
        </tr>
      ))}
    </thead>
  );
}

function PapersBody({ table }: { table: PapersTable }) {
  const selectedPaperId = useUi((s) => s.selectedPaperId);
  const selectPaper = useUi((s) => s.selectPaper);
  const openPaperDetail = useUi((s) => s.openPaperDetail);
  const rows = table.getRowModel().rows;
  const bodyRef = useRef<HTMLTableSectionElement>(null);

  const focusRow = (index: number) => {
    const row = rows[index];
    if (!row) return;
    selectPaper(row.original.id);
    bodyRef.current?.querySelectorAll<HTMLTableRowElement>('tr')[index]?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTableSectionElement>) => {
    const current = rows.findIndex((r) => r.original.id === selectedPaperId);
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      focusRow(Math.min(rows.length - 1, current + 1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      focusRow(Math.max(0, current - 1));
    } else if (event.key === 'Home') {
      event.preventDefault();
      focusRow(0);
    } else if (event.key === 'End') {
      event.preventDefault();
      focusRow(rows.length - 1);
    } else if (event.key === 'Enter' && current >= 0) {
      event.preventDefault();
      // In a narrow window the pane may be a closed drawer: open it; the paper takes focus once drawn.
      openPaperDetail();
    }
  };

  // Only one row is in the tab order: the selected one, or the first when none is.
  const tabbable = rows.some((r) => r.original.id === selectedPaperId) ? selectedPaperId : rows[0]?.original.id;

  return (
    <tbody ref={bodyRef} onKeyDown={onKeyDown}>
      {rows.map((row) => {
        const paper = row.original;
        const selected = paper.id === selectedPaperId;
        return (
          <tr
            key={row.id}
            data-paper-id={paper.id}
            aria-selected={selected}
            aria-label={paper.year === null ? paper.title : `${paper.title}, ${paper.year}`}
            className={selected ? 'is-selected' : undefined}
            tabIndex={paper.id === tabbable ? 0 : -1}
            onClick={() => selectPaper(paper.id)}
          >
            {row.getAllCells().map((cell) => (
              <td key={cell.id} className={`col-${cell.column.id}`}>
                <table.FlexRender cell={cell} />
              </td>
            ))}
          </tr>
        );
      })}
    </tbody>
  );
}

export function PapersTable({ papers }: { papers: PapersResult }) {
  const table = usePapersTable(papers.data?.rows ?? NO_ROWS);
  const setFilter = useUi((s) => s.setFilter);
  const noMatches = papers.data !== null && papers.data.rows.length === 0;
  // The filter of the rows on screen (a failed request leaves the previous rows, and their filter).
  const filter = papers.dataInput?.filter?.trim() ?? '';

  return (
    <div className="papers-table-scroll">
      <table className="papers-table" aria-label="Papers" aria-rowcount={papers.data ? papers.data.total + 1 : undefined} aria-busy={papers.loading}>
        <colgroup>
          {table.getAllLeafColumns().map((column) => (
            <col key={column.id} className={`col-${column.id}`} />
          ))}
        </colgroup>
        <PapersHeader table={table} />
        <PapersBody table={table} />
      </table>
      {noMatches ? (
        <div className="table-empty">
          {filter ? (
            <>
              <p>No papers match “{clip(filter, 80)}”.</p>
              <button type="button" className="button" onClick={() => setFilter('')}>
                Clear filter
              </button>
            </>
          ) : (
            <p>No papers here yet.</p>
          )}
        </div>
      ) : null}
    </div>
  );
}
