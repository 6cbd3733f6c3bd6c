/**
 * The papers table. TanStack Table owns the sort state machine (click, click again, third click
 * clears, Shift+click adds a level); the library sorts, filters and pages in SQL. Dragging a header
 * moves its column (header-drag.ts), dragging its edge resizes it. The body is
 * virtualised (TanStack Virtual): the scrollbar spans every matching paper, only the rows in view
 * (plus a few) exist, and their pages are fetched as they come into view. Rows are memoised, so
 * scrolling re-renders only rows that enter the view.
 */
import { memo, useCallback, useEffect, useMemo, useRef, useState, type CSSProperties, type DragEvent, type FocusEvent, type KeyboardEvent, type MouseEvent } from 'react';
import { useTable, type SortingState, type Updater } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { PaperRow } from '../../../shared/contract';
import { request } from '../../api/client';
import { hasFacets, selectionListKey, useUi } from '../../stores/ui-store';
import { claimFocus, focusArrivedByTab } from '../../ui/focus-return';
import { clip } from '../../ui/format';
import { ColumnChooser, useChooser } from './column-chooser';
import { PapersHeader } from './papers-header';
import { useTitleMinWidth } from './title-min-width';
import { usePaperMenu } from '../organise/paper-menu';
import { PAPERS_DRAG_TYPE, selectedPaperIds } from '../organise/selection';
import { selectionUnknown, selectionVerified, visibleSelection } from '../organise/visible-selection';
import { COLUMN_BY_ID, paperTableFeatures, tableColumnsFor, type PaperColumn } from './paper-columns';
import type { PapersResult } from './use-paper-pages';
import { HighlightTermsContext } from '../search/search-terms';

const ROW_HEIGHT = 28;
const OVERSCAN = 12;
const NO_ROWS: PaperRow[] = [];

function usePapersTable(visibleIds: string[]) {
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
    columns: tableColumnsFor(visibleIds),
    data: NO_ROWS,
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

interface RowProps {
  paper: PaperRow | undefined;
  index: number;
  columns: PaperColumn[];
  selected: boolean;
  tabbable: boolean;
}

const PaperRowView = memo(function PaperRowView({ paper, index, columns, selected, tabbable }: RowProps) {
  if (!paper) {
    return (
      <tr className="is-loading" data-index={index} aria-rowindex={index + 2} aria-busy="true">
        {columns.map((c) => (
          <td key={c.id} className={`col-${c.id}`}>
            {c.id === 'title' ? <span className="cell-placeholder" /> : null}
          </td>
        ))}
      </tr>
    );
  }
  return (
    <tr
      data-paper-id={paper.id}
      data-index={index}
      aria-rowindex={index + 2}
      aria-selected={selected}
      aria-label={paper.year === null ? paper.title : `${paper.title}, ${paper.year}`}
      className={selected ? 'is-selected' : undefined}
      tabIndex={tabbable ? 0 : -1}
      draggable
    >
      {columns.map((c) => (
        <td key={c.id} className={`col-${c.id}${c.numeric ? ' col-numeric' : ''}${c.muted ? ' col-muted' : ''}`}>
          {c.cell(paper)}
        </td>
      ))}
    </tr>
  );
});

/** Ids of rows [from, to] in table order: from the cached pages, or the library when some are not loaded. */
async function idsBetween(papers: PapersResult, from: number, to: number): Promise<number[]> {
  const [a, b] = from <= to ? [from, to] : [to, from];
  const out: number[] = [];
  for (let i = a; i <= b; i++) {
    const row = papers.row(i);
    if (!row) {
      const input = papers.dataInput;
      if (!input) return out;
      const { ids } = await request('papers.ids', input);
      return ids.slice(a, b + 1);
    }
    out.push(row.id);
  }
  return out;
}

/** The row index of the table row holding `target` (-1: not in a row). */
function rowIndex(target: EventTarget | null): number {
  const tr = target instanceof Element ? target.closest('tr') : null;
  const index = tr?.getAttribute('data-index');
  return index == null ? -1 : Number(index);
}

function PapersBody({ papers, columns, scroller }: { papers: PapersResult; columns: PaperColumn[]; scroller: HTMLDivElement }) {
  const scrollRef = useRef(scroller);
  scrollRef.current = scroller;
  const selectedIds = useUi((s) => s.selectedIds);
  const selectedPaperId = useUi((s) => s.selectedPaperId);
  const leadIndexState = useUi((s) => s.leadIndex);
  const total = papers.total ?? 0;
  const bodyRef = useRef<HTMLTableSectionElement>(null);
  const focusIndex = useRef<number | null>(null);
  // While the row the keys moved to is being drawn, focus is spoken for (ui/focus-return.ts's guard waits).
  const releaseFocus = useRef<() => void>(() => undefined);

  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: OVERSCAN,
    // The sticky header sits above the first row inside the scroller.
    scrollPaddingStart: ROW_HEIGHT,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? -1;

  useEffect(() => {
    if (last >= 0) papers.ensure(first, last);
  }, [first, last, papers]);

  // A new list starts at its top.
  const listKey = papers.dataInput ? JSON.stringify(papers.dataInput) : '';
  useEffect(() => {
    if (scrollRef.current) scrollRef.current.scrollTop = 0;
  }, [listKey, scrollRef]);

  // Where the lead is in this list (the store's index when it still holds that paper, else a search of the loaded pages).
  const leadIndex = leadIndexState !== null && papers.row(leadIndexState)?.id === selectedPaperId ? leadIndexState : selectedPaperId === null ? -1 : papers.indexOf(selectedPaperId);

  // Keyboard moves focus with the lead once its row is drawn.
  useEffect(() => {
    const index = focusIndex.current;
    if (index === null) return;
    const el = bodyRef.current?.querySelector<HTMLTableRowElement>(`tr[data-index="${index}"][data-paper-id]`);
    if (el) {
      el.focus({ preventScroll: true });
      focusIndex.current = null;
      releaseFocus.current();
    }
  });

  /** The list key of the rows on screen: a selection made from them was seen there. */
  const rowsKey = papers.dataInput ? selectionListKey(papers.dataInput, papers.version) : null;

  const select = async (index: number, mode: 'only' | 'toggle' | 'range') => {
    const paper = papers.row(index);
    if (!paper) return;
    const ui = useUi.getState();
    if (mode === 'only') {
      ui.setSelection(new Set([paper.id]), { id: paper.id, index }, index, rowsKey);
    } else if (mode === 'toggle') {
      const ids = new Set(ui.selectedIds);
      if (ids.has(paper.id)) ids.delete(paper.id);
      else ids.add(paper.id);
      // Added to a selection still being checked against this list: it stays to be checked.
      ui.setSelection(ids, { id: paper.id, index }, index, ui.selectedIds.size === 0 || ui.selectionSeenIn === rowsKey ? rowsKey : ui.selectionSeenIn);
    } else {
      const anchor = ui.anchorIndex ?? (leadIndex >= 0 ? leadIndex : index);
      const ids = await idsBetween(papers, anchor, index);
      useUi.getState().setSelection(new Set(ids), { id: paper.id, index }, anchor, rowsKey);
    }
  };

  const moveTo = (index: number, extend: boolean) => {
    const target = Math.max(0, Math.min(total - 1, index));
    virtualizer.scrollToIndex(target, { align: 'auto' });
    focusIndex.current = target;
    releaseFocus.current();
    releaseFocus.current = claimFocus();
    void select(target, extend ? 'range' : 'only');
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTableSectionElement>) => {
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 600) / ROW_HEIGHT) - 2);
    const current = leadIndex;
    // With no lead in this list, arrows move on from the row that has focus.
    const from = current >= 0 ? current : rowIndex(event.target);
    const key = event.key;
    const mod = event.ctrlKey || event.metaKey;
    if (key === 'ArrowDown' || key === 'ArrowUp' || key === 'PageDown' || key === 'PageUp' || key === 'Home' || key === 'End') {
      event.preventDefault();
      const step = key === 'ArrowDown' ? 1 : key === 'ArrowUp' ? -1 : key === 'PageDown' ? page : key === 'PageUp' ? -page : 0;
      const target = key === 'Home' ? 0 : key === 'End' ? total - 1 : from < 0 ? 0 : from + step;
      moveTo(target, event.shiftKey);
    } else if (key === 'Enter' && current >= 0) {
      event.preventDefault();
      // In a narrow window the pane may be a closed drawer: open it; the paper takes focus once drawn.
      useUi.getState().openPaperDetail();
    } else if (mod && key.toLowerCase() === 'a') {
      event.preventDefault();
      void selectAll(papers);
    } else if (key === 'Escape' && current >= 0 && useUi.getState().selectedIds.size > 1) {
      // Esc drops a multiple selection back to the row the keyboard is on.
      event.preventDefault();
      void select(current, 'only');
    } else if ((key === 'ContextMenu' || (key === 'F10' && event.shiftKey)) && current >= 0) {
      // The actions menu from the keyboard, under the lead row.
      event.preventDefault();
      const tr = (event.target as HTMLElement).closest('tr');
      const box = tr?.getBoundingClientRect();
      openMenu((box?.left ?? 0) + 40, box?.bottom ?? 0, tr);
    }
  };

  /** The actions menu for the selection the table shows (asked of the library when the list just changed). */
  const openMenu = (x: number, y: number, tr: HTMLElement | null) => {
    visibleSelection().then(
      (ids) => usePaperMenu.getState().open({ x, y, paperIds: ids, returnFocus: tr }),
      (err: unknown) => selectionUnknown(err),
    );
  };

  const onClick = (event: MouseEvent<HTMLTableSectionElement>) => {
    const tr = (event.target as HTMLElement).closest('tr');
    const index = tr?.dataset.index === undefined ? NaN : Number(tr.dataset.index);
    if (Number.isNaN(index)) return;
    if (event.shiftKey) {
      event.preventDefault();
      void select(index, 'range');
    } else if (event.ctrlKey || event.metaKey) void select(index, 'toggle');
    else void select(index, 'only');
  };

  /** The row under a pointer event, selected alone when it is not selected yet (right-click and drag then act on it). */
  const rowUnder = (event: { target: EventTarget }): { paper: PaperRow; tr: HTMLElement; alone: boolean } | null => {
    const index = rowIndex(event.target);
    const paper = index < 0 ? undefined : papers.row(index);
    const tr = (event.target as HTMLElement).closest('tr');
    if (!paper || !tr) return null;
    if (useUi.getState().selectedIds.has(paper.id)) return { paper, tr, alone: false };
    useUi.getState().setSelection(new Set([paper.id]), { id: paper.id, index }, index, rowsKey);
    return { paper, tr, alone: true };
  };

  const onContextMenu = (event: MouseEvent<HTMLTableSectionElement>) => {
    const hit = rowUnder(event);
    if (!hit) return;
    event.preventDefault();
    if (hit.alone) usePaperMenu.getState().open({ x: event.clientX, y: event.clientY, paperIds: [hit.paper.id], returnFocus: hit.tr });
    else openMenu(event.clientX, event.clientY, hit.tr);
  };

  const onDragStart = (event: DragEvent<HTMLTableSectionElement>) => {
    const hit = rowUnder(event);
    if (!hit) return;
    // A drag cannot wait for the library: while the selection is being checked against a new list, only the row under the pointer goes.
    const ids = hit.alone || !selectionVerified() ? [hit.paper.id] : selectedPaperIds();
    event.dataTransfer.setData(PAPERS_DRAG_TYPE, JSON.stringify(ids));
    event.dataTransfer.setData('text/plain', ids.length === 1 ? hit.paper.title : `${ids.length} papers`);
    event.dataTransfer.effectAllowed = 'copy';
  };

  /** Focus arriving by Tab on a row while nothing shown is selected selects that row, so the keys act on what has focus. */
  const onFocus = (event: FocusEvent<HTMLTableSectionElement>) => {
    const tr = event.target;
    if (!(tr instanceof HTMLTableRowElement) || !tr.dataset.paperId || !focusArrivedByTab()) return;
    if (event.relatedTarget instanceof Node && event.currentTarget.contains(event.relatedTarget)) return;
    const index = rowIndex(tr);
    visibleSelection().then(
      (ids) => {
        if (ids.length === 0 && document.activeElement === tr) void select(index, 'only');
      },
      () => undefined,
    );
  };

  // Only one row is in the tab order: the lead, or the first row in view.
  const tabbableIndex = leadIndex >= first && leadIndex <= last ? leadIndex : first;
  const padTop = items[0]?.start ?? 0;
  const padBottom = Math.max(0, virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0));

  return (
    <tbody
      ref={bodyRef}
      onKeyDown={onKeyDown}
      onClick={onClick}
      onContextMenu={onContextMenu}
      onDragStart={onDragStart}
      onFocus={onFocus}
      onMouseDown={(e) => {
        if (e.shiftKey) e.preventDefault(); // no text selection on Shift+click
      }}
      style={{ '--pad-top': `${padTop}px`, '--pad-bottom': `${padBottom}px` } as CSSProperties}
    >
      {items.map((item) => {
        const paper = papers.row(item.index);
        return (
          <PaperRowView
            key={item.index}
            paper={paper}
            index={item.index}
            columns={columns}
            selected={paper !== undefined && selectedIds.has(paper.id)}
            tabbable={item.index === tabbableIndex}
          />
        );
      })}
    </tbody>
  );
}

/** Ctrl/Cmd+A: every paper of the list, in table order. */
export async function selectAll(papers: PapersResult): Promise<void> {
  const input = papers.dataInput;
  if (!input) return;
  const { ids } = await request('papers.ids', input);
  const ui = useUi.getState();
  const lead = ui.selectedPaperId !== null && ids.includes(ui.selectedPaperId) ? ui.selectedPaperId : ids[0];
  if (lead === undefined) return;
  ui.setSelection(new Set(ids), { id: lead, index: ids.indexOf(lead) }, ui.anchorIndex, selectionListKey(input, papers.version));
}

export function PapersTable({ papers }: { papers: PapersResult }) {
  const prefs = useUi((s) => s.columns);
  const visible = useMemo(() => prefs.filter((c) => c.visible && COLUMN_BY_ID[c.id]), [prefs]);
  const visibleIds = useMemo(() => visible.map((c) => c.id), [visible]);
  const columns = useMemo(() => visibleIds.map((id) => COLUMN_BY_ID[id]).filter((c): c is PaperColumn => c !== undefined), [visibleIds]);
  const table = usePapersTable(visibleIds);
  const clearFilters = useUi((s) => s.clearFilters);
  const facets = useUi((s) => s.facets);
  const authorId = useUi((s) => s.selectedAuthorId);
  // State, not a ref: the body's virtualizer needs the scroller at its first layout.
  const [scroller, setScroller] = useState<HTMLDivElement | null>(null);
  const chooser = useChooser((s) => s.anchor);
  const setChooser = useChooser((s) => s.open);
  const noMatches = papers.total === 0;
  // The filter of the rows on screen (a failed request leaves the previous rows, and their filter).
  const filter = (papers.dataInput?.query || papers.dataInput?.filter)?.trim() ?? '';
  const filtered = filter !== '' || hasFacets(facets) || authorId !== null;
  const tableRef = useRef<HTMLTableElement>(null);
  useTitleMinWidth(tableRef, scroller, JSON.stringify(visible));

  return (
    <div className="papers-table-scroll" ref={setScroller}>
      <table ref={tableRef} className="papers-table" aria-label="Papers" aria-rowcount={papers.total === null ? undefined : papers.total + 1} aria-busy={papers.loading} aria-multiselectable="true">
        <colgroup>
          {visible.map((c) => (
            <col key={c.id} className={`col-${c.id}`} style={c.width !== null && c.id !== 'title' ? { width: c.width } : COLUMN_BY_ID[c.id]?.width ? { width: COLUMN_BY_ID[c.id]?.width } : undefined} />
          ))}
        </colgroup>
        <PapersHeader table={table} columns={visible} onChooser={setChooser} />
        <HighlightTermsContext value={papers.terms}>{scroller ? <PapersBody papers={papers} columns={columns} scroller={scroller} /> : <tbody />}</HighlightTermsContext>
      </table>
      {noMatches ? (
        <div className="table-empty">
          {filtered ? (
            <>
              <p>{filter ? `No papers match “${clip(filter, 80)}”.` : 'No papers match these filters.'}</p>
              <button type="button" className="button" onClick={() => clearFilters()}>
                {/* Clearing drops the author too (see clearFilters): "filter" alone only when the quick filter is all there is. */}
                {hasFacets(facets) || authorId !== null ? 'Clear filters' : 'Clear filter'}
              </button>
            </>
          ) : (
            <p>No papers here yet.</p>
          )}
        </div>
      ) : null}
      {chooser ? <ColumnChooser anchor={chooser} onClose={() => setChooser(null)} /> : null}
    </div>
  );
}
