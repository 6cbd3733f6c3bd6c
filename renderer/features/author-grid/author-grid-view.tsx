/**
 * The Authors view: every author in the library as a card, in a virtualised grid (rows of cards, as
 * many columns as fit). Only the rows in view are drawn and only their pages are fetched, so 30,000
 * authors scroll like 30. Sort by papers in the library, h-index, citations or name; filter by name.
 *
 * Keyboard: the grid is one tab stop; arrow keys, Home/End and Page Up/Down move between cards,
 * Enter opens the focused author (their papers in the table, their card in the details pane).
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useUi } from '../../stores/ui-store';
import { claimFocus, returnFocusAfterRender } from '../../ui/focus-return';
import { formatCount, plural } from '../../ui/format';
import { FIND_SHORTCUT, SearchField } from '../../ui/search-field';
import { AuthorGridCard, AuthorGridPlaceholder } from './author-grid-card';
import { publishAuthorGrid } from './author-grid-status';
import { AUTHOR_SORTS as SORTS, directionWords, useAuthorPages, type AuthorSortKey } from './use-author-pages';
import '../../styles/author-grid.css';

const CARD_MIN_WIDTH = 272;
const CARD_HEIGHT = 208;
const GAP = 12;
const PADDING = 16;
const FILTER_DEBOUNCE_MS = 200;
const FETCH_SETTLE_MS = 60;
const FILTER_INPUT_ID = 'authors-filter';

/** The papers table's row in the tab order. */
const TABLE_ROW = '.papers-table tbody tr[tabindex="0"][data-paper-id]';

/** Open an author: their papers in the table and their card in the details pane. */
function useOpenAuthor(): (id: number) => void {
  const selectAuthor = useUi((s) => s.selectAuthor);
  const revealDetail = useUi((s) => s.revealDetail);
  const setView = useUi((s) => s.setView);
  return useCallback(
    (id: number) => {
      selectAuthor(id);
      setView('papers');
      revealDetail();
      // The grid (and the card that had focus) goes: focus moves to the author's papers in the table.
      returnFocusAfterRender({ prefer: TABLE_ROW });
    },
    [selectAuthor, setView, revealDetail],
  );
}

function useColumns(element: HTMLElement | null): number {
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    if (!element) return;
    setWidth(element.clientWidth);
    const observer = new ResizeObserver(() => setWidth(element.clientWidth));
    observer.observe(element);
    return () => observer.disconnect();
  }, [element]);
  const inner = width - 2 * PADDING;
  return Math.max(1, Math.floor((inner + GAP) / (CARD_MIN_WIDTH + GAP)));
}

export function AuthorGridView() {
  const [sort, setSort] = useState<AuthorSortKey>('papers');
  const [desc, setDesc] = useState(true);
  const [text, setText] = useState('');
  const [filter, setFilter] = useState('');
  const [active, setActiveState] = useState(0);
  // Keys pressed faster than the window redraws (Home then ArrowRight) each move from the card the
  // previous key chose, not from the one the last render saw.
  const activeRef = useRef(0);
  const setActive = useCallback((index: number) => {
    activeRef.current = index;
    setActiveState(index);
  }, []);
  const [scroller, setScroller] = useState<HTMLDivElement | null>(null);
  const focusPending = useRef(false);
  // While the card a key moved to is not drawn yet (its page loading), the card that had focus may
  // already be scrolled out and removed: the claim keeps the focus guard from moving focus to the
  // nearest card meanwhile, which would then become the active one.
  const releaseClaim = useRef<(() => void) | null>(null);
  const openAuthor = useOpenAuthor();

  useEffect(() => {
    const timer = setTimeout(() => setFilter(text.trim()), FILTER_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text]);

  // Ctrl/Cmd+F finds authors here, as it finds papers in the table.
  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.shiftKey && !e.altKey && e.key.toLowerCase() === 'f' && !e.defaultPrevented) {
        const input = document.getElementById(FILTER_INPUT_ID);
        if (input instanceof HTMLInputElement) {
          e.preventDefault();
          input.focus();
          input.select();
        }
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const pages = useAuthorPages({ sort, desc, filter });
  const total = pages.total ?? 0;
  // The status bar describes the grid on screen (the answer's query, which lags a new one while it loads).
  useEffect(() => publishAuthorGrid(pages.shownQuery && pages.total !== null ? { ...pages.shownQuery, total: pages.total } : null, pages.error !== null), [pages.shownQuery, pages.total, pages.error]);
  useEffect(() => () => publishAuthorGrid(null, false), []);
  const columns = useColumns(scroller);
  const rowCount = Math.ceil(total / columns);

  const virtualizer = useVirtualizer({
    count: rowCount,
    getScrollElement: () => scroller,
    estimateSize: () => CARD_HEIGHT + GAP,
    overscan: 3,
    paddingStart: PADDING,
    paddingEnd: PADDING - GAP,
  });
  const rows = virtualizer.getVirtualItems();
  const firstRow = rows[0]?.index ?? 0;
  const lastRow = rows[rows.length - 1]?.index ?? -1;

  const { ensure } = pages;
  // Fetch the pages in view once the scrolling settles for a moment, not every page flown past.
  useEffect(() => {
    const timer = setTimeout(() => ensure(firstRow * columns, (lastRow + 1) * columns - 1), FETCH_SETTLE_MS);
    return () => clearTimeout(timer);
  }, [ensure, firstRow, lastRow, columns]);

  // A new answer (sort, filter): back to the top, first card active.
  const shown = pages.shownQuery;
  useEffect(() => {
    setActive(0);
    virtualizer.scrollToOffset(0);
  }, [shown]);

  const activeIndex = Math.min(active, Math.max(0, total - 1));

  // Arrow keys moved the active card: focus it once it is drawn.
  useEffect(() => {
    if (!focusPending.current || !scroller) return;
    const el = scroller.querySelector<HTMLElement>(`[data-index="${activeIndex}"]`);
    if (el) {
      focusPending.current = false;
      el.focus({ preventScroll: true });
      releaseClaim.current?.();
      releaseClaim.current = null;
    }
  });

  const move = (e: KeyboardEvent<HTMLElement>) => {
    const perPage = Math.max(1, Math.floor((scroller?.clientHeight ?? 0) / (CARD_HEIGHT + GAP))) * columns;
    const steps: Record<string, number> = {
      ArrowRight: 1,
      ArrowLeft: -1,
      ArrowDown: columns,
      ArrowUp: -columns,
      PageDown: perPage,
      PageUp: -perPage,
      Home: -Infinity,
      End: Infinity,
    };
    if ((e.key === 'Enter' || e.key === ' ') && e.target === e.currentTarget && focusPending.current) {
      // Keys ran ahead of the redraw (Home, ArrowRight, Enter): open the card they chose.
      const card = pages.card(activeRef.current);
      if (card) {
        e.preventDefault();
        openAuthor(card.id);
      }
      return;
    }
    const step = steps[e.key];
    if (step === undefined || total === 0) return;
    e.preventDefault();
    const current = Math.min(activeRef.current, total - 1);
    const next = Math.max(0, Math.min(total - 1, current + step));
    setActive(next);
    focusPending.current = true;
    releaseClaim.current?.();
    releaseClaim.current = claimFocus();
    virtualizer.scrollToIndex(Math.floor(next / columns), { align: 'auto' });
  };

  const sortLabel = SORTS.find((s) => s.key === sort)?.label ?? '';
  const statusText =
    pages.total === null
      ? pages.error
        ? ''
        : 'Loading authors…'
      : filter
        ? `${plural(pages.total, 'author')} matching “${filter}”`
        : `${plural(pages.total, 'author')} in the library`;

  return (
    <section className="author-grid-view" aria-label="Authors">
      <div className="toolbar author-grid-toolbar">
        <div className="filter-box">
          <SearchField
            id={FILTER_INPUT_ID}
            label="Filter authors by name"
            placeholder={`Filter authors by name  (${FIND_SHORTCUT})`}
            value={text}
            maxLength={200}
            onChange={(e) => setText(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Escape' && text) {
                e.preventDefault();
                setText('');
              }
            }}
          />
        </div>
        <label className="grid-sort">
          <span className="grid-sort-label">Sort by</span>
          <select
            className="input grid-sort-select"
            value={sort}
            onChange={(e) => {
              const next = SORTS.find((s) => s.key === e.target.value);
              if (!next) return;
              setSort(next.key);
              setDesc(next.desc);
            }}
          >
            {SORTS.map((s) => (
              <option key={s.key} value={s.key}>
                {s.label}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="button grid-direction"
          onClick={() => setDesc((d) => !d)}
          aria-label={`Sort direction: ${directionWords(sort, desc)}. Reverse it.`}
          title="Reverse the order"
        >
          <svg aria-hidden="true" viewBox="0 0 16 16" width="12" height="12">
            <path d={desc ? 'M8 3v10M4 9l4 4 4-4' : 'M8 13V3M4 7l4-4 4 4'} fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" />
          </svg>
          {directionWords(sort, desc)}
        </button>
        <p className="toolbar-end grid-count muted" role="status" data-testid="author-grid-count">
          {statusText}
        </p>
      </div>

      {pages.error ? (
        <p className="pane-error">
          The authors could not be loaded: {pages.error.message} {pages.total !== null ? 'The grid still shows the last list that loaded.' : ''}
        </p>
      ) : null}

      <div
        ref={setScroller}
        className="author-grid-scroll"
        role="feed"
        aria-busy={pages.loading}
        aria-label={`Authors, sorted by ${sortLabel.toLowerCase()} (${directionWords(sort, desc).toLowerCase()})`}
        data-testid="author-grid"
      >
        {pages.total === 0 ? (
          <p className="pane-hint">
            {filter ? (
              <>
                No author’s name contains “{filter}”.{' '}
                <button type="button" className="link-button grid-clear" onClick={() => setText('')}>
                  Clear the filter
                </button>
              </>
            ) : (
              'No authors yet: import a profile page and every author on its papers shows here.'
            )}
          </p>
        ) : null}
        <div className="author-grid-body" style={{ height: virtualizer.getTotalSize() }}>
          {rows.map((row) => (
            <div
              key={row.key}
              className="author-grid-row"
              style={{ transform: `translateY(${row.start}px)`, gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))`, height: CARD_HEIGHT }}
            >
              {Array.from({ length: columns }, (_, c) => {
                const index = row.index * columns + c;
                if (index >= total) return null;
                const card = pages.card(index);
                return card ? (
                  <AuthorGridCard
                    key={card.id}
                    card={card}
                    position={index + 1}
                    setSize={total}
                    tabIndex={index === activeIndex ? 0 : -1}
                    onOpen={openAuthor}
                    onKeyDown={move}
                    onFocus={() => setActive(index)}
                  />
                ) : (
                  <AuthorGridPlaceholder key={`p${index}`} />
                );
              })}
            </div>
          ))}
        </div>
      </div>
      <p className="visually-hidden">{formatCount(total)} cards. Use the arrow keys to move between authors and Enter to open one.</p>
    </section>
  );
}
