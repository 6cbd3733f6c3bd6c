/**
 * UI state only (what is selected, how the table is sorted, filtered and laid out, which view and
 * dialog are open). Library data is never copied in here: views read it through api/ (TanStack Query),
 * which refetches what a write changed (api/invalidate.ts). The layout part (panes, columns, sort, view) is saved in the library
 * file by stores/prefs.ts.
 */
import { create } from 'zustand';
import type { ChannelInput, ReadingStatus } from '../../shared/contract';

export interface SortLevel {
  /** Column id of the papers table. */
  id: string;
  desc: boolean;
}

export type DetailTab = 'author' | 'paper';
export type MainView = 'papers' | 'authors' | 'metrics';

/** The facet filters (sidebar and filter bar); every one narrows the table. */
export interface FacetFilters {
  yearFrom: number | null;
  yearTo: number | null;
  categories: string[];
  hasCode: boolean | null;
  /** Authors picked in the Author facet, with their names for the status bar. */
  authors: { id: number; name: string }[];
  affiliations: string[];
  /** Papers added or touched by one import (sidebar's Imports section). */
  importId: number | null;
  /** Tags picked in the sidebar (a tag takes in the tags below it) and how several combine. */
  tagIds: number[];
  tagMode: 'and' | 'or';
  /** Papers directly in this collection (as its sidebar count says; sub-collections are their own entries). */
  collectionId: number | null;
  status: ReadingStatus | null;
  /** Rated at least this (1-5). */
  ratingMin: number | null;
  starred: boolean | null;
  /** The trash view: only papers in the trash. */
  trash: boolean;
  /** A saved search run from the sidebar (its query narrows the list). */
  savedSearch: { id: number; name: string; query: string } | null;
}

export const NO_FACETS: FacetFilters = {
  yearFrom: null,
  yearTo: null,
  categories: [],
  hasCode: null,
  authors: [],
  affiliations: [],
  importId: null,
  tagIds: [],
  tagMode: 'or',
  collectionId: null,
  status: null,
  ratingMin: null,
  starred: null,
  trash: false,
  savedSearch: null,
};

/** What the table shows: the author it is narrowed to, the facets, and the search box's text. */
export type UiScope = Pick<UiState, 'selectedAuthorId' | 'facets' | 'filter'>;

/** A change to what the table shows: the parts given replace theirs (facets field by field). */
export interface ScopePatch {
  selectedAuthorId?: number | null;
  facets?: Partial<FacetFilters>;
  filter?: string;
}

export interface ColumnPref {
  id: string;
  visible: boolean;
  /** Width in px set by the user; null: the default from styles/table.css. */
  width: number | null;
}

export interface PaneLayout {
  /** px set by the user; null: the token in tokens.css (which follows the window's width). */
  sidebarWidth: number | null;
  detailWidth: number | null;
  sidebarCollapsed: boolean;
}

export const DEFAULT_COLUMNS: ColumnPref[] = [
  { id: 'title', visible: true, width: null },
  { id: 'authors', visible: true, width: null },
  { id: 'firstAuthor', visible: false, width: null },
  { id: 'year', visible: false, width: null },
  { id: 'date', visible: true, width: null },
  { id: 'categories', visible: true, width: null },
  { id: 'venue', visible: false, width: null },
  { id: 'code', visible: true, width: null },
  { id: 'affiliations', visible: true, width: null },
  { id: 'citations', visible: false, width: null },
  { id: 'added', visible: false, width: null },
  // Curation columns start hidden (the column chooser shows them) so the first table stays uncluttered.
  { id: 'starred', visible: false, width: null },
  { id: 'tags', visible: false, width: null },
  { id: 'status', visible: false, width: null },
  { id: 'rating', visible: false, width: null },
];

export const DEFAULT_PANES: PaneLayout = { sidebarWidth: null, detailWidth: null, sidebarCollapsed: false };

interface UiState {
  /** Author whose papers the table shows and whose card the detail pane shows; null: the whole library. */
  selectedAuthorId: number | null;
  /** The paper in the detail pane: the selection's lead row. */
  selectedPaperId: number | null;
  /** Every selected paper (the lead included). */
  selectedIds: ReadonlySet<number>;
  /**
   * The list (filters and library version, see `selectionListKey`) in which every selected paper was
   * last seen; when the current list differs, the selection may hold papers the table no longer shows
   * until features/organise/visible-selection.ts has asked the library and dropped them.
   */
  selectionSeenIn: string | null;
  /** Row indexes of the lead and of the anchor Shift extends from (null: none). */
  leadIndex: number | null;
  anchorIndex: number | null;
  detailTab: DetailTab;
  sorting: SortLevel[];
  filter: string;
  facets: FacetFilters;
  view: MainView;
  columns: ColumnPref[];
  panes: PaneLayout;
  /** Window prefs were read from the library (or could not be): the table may fetch. */
  prefsLoaded: boolean;
  /**
   * Bumped by api/invalidate.ts when a change may alter which papers the table's filters match: the
   * selection, seen in an older version of the list, is then checked again (selectionListKey).
   */
  listVersion: number;
  importOpen: boolean;
  /** Text the import dialog opens with (a paste caught outside a text field). */
  importSeed: string;
  /**
   * Whether the detail pane is shown, remembered separately for wide windows (a pane beside the
   * table, shown unless hidden) and narrow ones (a drawer over the table, closed unless opened).
   */
  detailOpen: { wide: boolean; narrow: boolean };
  /** Enter on a row asked for the paper's detail to take focus once it is drawn. */
  detailFocusPending: boolean;

  selectAuthor(id: number | null): void;
  selectPaper(id: number | null, openDetail?: boolean): void;
  /**
   * Select rows: `ids` all, `lead` the one shown in the detail pane; `seenIn` the list key
   * (`selectionListKey`) of the rows they were picked from (null: not known to be shown).
   */
  setSelection(ids: ReadonlySet<number>, lead: { id: number; index: number } | null, anchorIndex: number | null, seenIn?: string | null): void;
  /** Drop papers the current list does not show from the selection (the paper in the detail pane stays there). */
  dropHidden(hidden: ReadonlySet<number>, seenIn: string | null): void;
  setDetailTab(tab: DetailTab): void;
  setSorting(sorting: SortLevel[]): void;
  setFilter(filter: string): void;
  setFacets(patch: Partial<FacetFilters>): void;
  /** Drop every filter of the table: the facets, the quick filter and the selected author (the whole library shows). */
  clearFilters(): void;
  /**
   * Change what the table shows (a chip's remove button). The selection and the paper in the detail
   * pane stay; selected papers the new list hides are dropped by features/organise/visible-selection.ts.
   */
  setScope(patch: ScopePatch): void;
  /**
   * Show exactly one sidebar entry's papers: every other filter and the search box are cleared, so
   * the entry is what the sidebar highlights. Like setScope, the open paper stays open. An author
   * entry also brings the detail pane to the author's card (the paper stays on its tab).
   */
  showOnly(scope: { authorId?: number; facets?: Partial<FacetFilters> }): void;
  setView(view: MainView): void;
  setColumns(columns: ColumnPref[]): void;
  setPanes(patch: Partial<PaneLayout>): void;
  bumpListVersion(): void;
  openImport(seed?: string): void;
  closeImport(): void;
  setDetailOpen(mode: 'wide' | 'narrow', open: boolean): void;
  /** Show the detail pane whatever the window's width (after an import, on Enter). */
  revealDetail(): void;
  /** Open the pane on the selected paper and focus it as soon as it shows (Enter on a row). */
  openPaperDetail(): void;
  detailFocused(): void;
}

/**
 * A new list (filter, search, sort) keeps the selection and the paper in the detail pane; row indexes
 * belong to the old list. Selected papers the new list hides are dropped as soon as the library says
 * which (features/organise/visible-selection.ts); until then every action asks first.
 */
const NEW_LIST: Pick<UiState, 'leadIndex' | 'anchorIndex'> = { leadIndex: null, anchorIndex: null };

export const useUi = create<UiState>()((set) => ({
  selectedAuthorId: null,
  selectedPaperId: null,
  selectedIds: new Set(),
  selectionSeenIn: null,
  leadIndex: null,
  anchorIndex: null,
  detailTab: 'author',
  sorting: [],
  filter: '',
  facets: NO_FACETS,
  view: 'papers',
  columns: DEFAULT_COLUMNS,
  panes: DEFAULT_PANES,
  prefsLoaded: false,
  listVersion: 0,
  importOpen: false,
  importSeed: '',
  detailOpen: { wide: true, narrow: false },
  detailFocusPending: false,

  selectAuthor: (id) => set({ selectedAuthorId: id, selectedPaperId: null, selectedIds: new Set(), selectionSeenIn: null, leadIndex: null, anchorIndex: null, detailTab: 'author' }),
  selectPaper: (id, openDetail = true) =>
    set({
      selectedPaperId: id,
      selectedIds: id === null ? new Set() : new Set([id]),
      selectionSeenIn: null,
      ...(openDetail && id !== null ? { detailTab: 'paper' as const } : {}),
    }),
  setSelection: (ids, lead, anchorIndex, seenIn = null) =>
    set({ selectedIds: ids, selectionSeenIn: ids.size === 0 ? null : seenIn, selectedPaperId: lead?.id ?? null, leadIndex: lead?.index ?? null, anchorIndex, ...(lead ? { detailTab: 'paper' as const } : {}) }),
  dropHidden: (hidden, seenIn) =>
    set((s) => {
      const kept = new Set([...s.selectedIds].filter((id) => !hidden.has(id)));
      const leadGone = s.selectedPaperId !== null && hidden.has(s.selectedPaperId);
      return { selectedIds: kept, selectionSeenIn: kept.size === 0 ? null : seenIn, ...(leadGone ? NEW_LIST : {}) };
    }),
  setDetailTab: (tab) => set({ detailTab: tab }),
  setSorting: (sorting) => set({ sorting, ...NEW_LIST }),
  setFilter: (filter) => set((s) => (s.filter === filter ? {} : { filter, ...NEW_LIST })),
  setFacets: (patch) => set((s) => ({ facets: { ...s.facets, ...patch }, ...NEW_LIST })),
  clearFilters: () => set({ facets: NO_FACETS, filter: '', selectedAuthorId: null, ...NEW_LIST }),
  setScope: (patch) =>
    set((s) => ({
      ...(patch.selectedAuthorId !== undefined ? { selectedAuthorId: patch.selectedAuthorId } : {}),
      ...(patch.facets ? { facets: { ...s.facets, ...patch.facets } } : {}),
      ...(patch.filter !== undefined ? { filter: patch.filter } : {}),
      ...NEW_LIST,
    })),
  showOnly: ({ authorId, facets }) =>
    set({
      selectedAuthorId: authorId ?? null,
      facets: { ...NO_FACETS, ...facets },
      filter: '',
      ...(authorId !== undefined ? { detailTab: 'author' as const } : {}),
      ...NEW_LIST,
    }),
  setView: (view) => set({ view }),
  setColumns: (columns) => set({ columns }),
  setPanes: (patch) => set((s) => ({ panes: { ...s.panes, ...patch } })),
  bumpListVersion: () => set((s) => ({ listVersion: s.listVersion + 1 })),
  openImport: (seed = '') => set({ importOpen: true, importSeed: seed }),
  closeImport: () => set({ importOpen: false, importSeed: '' }),
  setDetailOpen: (mode, open) => set((s) => ({ detailOpen: { ...s.detailOpen, [mode]: open } })),
  revealDetail: () => set({ detailOpen: { wide: true, narrow: true } }),
  openPaperDetail: () => set({ detailOpen: { wide: true, narrow: true }, detailTab: 'paper', detailFocusPending: true }),
  detailFocused: () => set({ detailFocusPending: false }),
}));

type FilterInput = Omit<ChannelInput<'papers.facets'>, 'paperIds'>;

/**
 * The filters of the table as the library takes them (author, quick filter, facets). The quick filter
 * box takes the full query syntax, so its text goes as `query` (which searches notes, annotations,
 * tags ... too, and ranks), not as `filter` (title, authors and abstract only).
 */
export function paperFilters(s: Pick<UiState, 'filter' | 'selectedAuthorId' | 'facets'>): FilterInput {
  const f = s.facets;
  const out: FilterInput = { query: s.filter.trim() };
  if (s.selectedAuthorId !== null) out.authorId = s.selectedAuthorId;
  if (f.yearFrom !== null) out.yearFrom = f.yearFrom;
  if (f.yearTo !== null) out.yearTo = f.yearTo;
  if (f.categories.length > 0) out.categories = f.categories;
  if (f.hasCode !== null) out.hasCode = f.hasCode;
  if (f.authors.length > 0) out.authorIds = f.authors.map((a) => a.id);
  if (f.affiliations.length > 0) out.affiliations = f.affiliations;
  if (f.importId !== null) out.importId = f.importId;
  if (f.tagIds.length > 0) {
    out.tagIds = f.tagIds;
    out.tagMode = f.tagMode;
  }
  if (f.collectionId !== null) {
    out.collectionId = f.collectionId;
  }
  if (f.status !== null) out.status = f.status;
  if (f.ratingMin !== null) out.ratingMin = f.ratingMin;
  if (f.starred !== null) out.starred = f.starred;
  if (f.trash) out.trash = 'only';
  if (f.savedSearch !== null) out.query = withSavedSearch(f.savedSearch.query, out.query ?? '');
  return out;
}

/**
 * Names a list of papers for the selection's bookkeeping: its filters (not its sort, which shows the
 * same papers) and the list version (`listVersion`) it was read at.
 */
export function selectionListKey(filters: FilterInput | (FilterInput & { sort?: unknown }), listVersion: number): string {
  const { sort: _sort, ...rest } = filters as FilterInput & { sort?: unknown };
  return `${JSON.stringify(rest)}#${listVersion}`;
}

/** The list key of what the table should show now (see `selectionListKey`). */
export function currentListKey(s: Pick<UiState, 'filter' | 'selectedAuthorId' | 'facets' | 'listVersion'>): string {
  return selectionListKey(paperFilters(s), s.listVersion);
}

/** A saved search's query narrowed by what the search box holds ("(saved) typed"), or the saved query alone. */
function withSavedSearch(saved: string, typed: string): string {
  return typed ? `(${saved}) ${typed}` : saved;
}

/** Whether a request's query is that saved search's (alone or narrowed by the search box). */
export function runsSavedSearch(query: string | undefined, savedSearch: FacetFilters['savedSearch']): boolean {
  const q = (query ?? '').trim();
  return savedSearch !== null && (q === savedSearch.query || q.startsWith(`(${savedSearch.query}) `));
}

/** The search box's part of a request's query (what the status bar quotes), without the saved search's. */
export function typedQuery(query: string | undefined, savedSearch: FacetFilters['savedSearch']): string {
  const q = (query ?? '').trim();
  if (!savedSearch) return q;
  if (q === savedSearch.query) return '';
  const prefix = `(${savedSearch.query}) `;
  return q.startsWith(prefix) ? q.slice(prefix.length) : q;
}

export function hasFacets(f: FacetFilters): boolean {
  return (
    f.yearFrom !== null ||
    f.yearTo !== null ||
    f.categories.length > 0 ||
    f.hasCode !== null ||
    f.authors.length > 0 ||
    f.affiliations.length > 0 ||
    f.importId !== null ||
    f.tagIds.length > 0 ||
    f.collectionId !== null ||
    f.status !== null ||
    f.ratingMin !== null ||
    f.starred !== null ||
    f.trash ||
    f.savedSearch !== null
  );
}
