/**
 * UI state only (what is selected, how the table is sorted and filtered, which dialog is open). Library
 * data is never copied in here: views fetch it through api/ and refetch when `libraryVersion` moves.
 */
import { create } from 'zustand';

export interface SortLevel {
  /** Column id of the papers table. */
  id: string;
  desc: boolean;
}

export type DetailTab = 'author' | 'paper';

interface UiState {
  /** Author whose papers the table shows and whose card the detail pane shows; null: the whole library. */
  selectedAuthorId: number | null;
  selectedPaperId: number | null;
  detailTab: DetailTab;
  sorting: SortLevel[];
  filter: string;
  /** Bumped after every change to the library so every view refetches. */
  libraryVersion: number;
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
  setDetailTab(tab: DetailTab): void;
  setSorting(sorting: SortLevel[]): void;
  setFilter(filter: string): void;
  libraryChanged(): void;
  openImport(seed?: string): void;
  closeImport(): void;
  setDetailOpen(mode: 'wide' | 'narrow', open: boolean): void;
  /** Show the detail pane whatever the window's width (after an import, on Enter). */
  revealDetail(): void;
  /** Open the pane on the selected paper and focus it as soon as it shows (Enter on a row). */
  openPaperDetail(): void;
  detailFocused(): void;
}

export const useUi = create<UiState>()((set) => ({
  selectedAuthorId: null,
  selectedPaperId: null,
  detailTab: 'author',
  sorting: [],
  filter: '',
  libraryVersion: 0,
  importOpen: false,
  importSeed: '',
  detailOpen: { wide: true, narrow: false },
  detailFocusPending: false,

  selectAuthor: (id) => set({ selectedAuthorId: id, selectedPaperId: null, detailTab: 'author' }),
  selectPaper: (id, openDetail = true) => set(openDetail && id !== null ? { selectedPaperId: id, detailTab: 'paper' } : { selectedPaperId: id }),
  setDetailTab: (tab) => set({ detailTab: tab }),
  setSorting: (sorting) => set({ sorting }),
  setFilter: (filter) => set({ filter }),
  libraryChanged: () => set((s) => ({ libraryVersion: s.libraryVersion + 1 })),
  openImport: (seed = '') => set({ importOpen: true, importSeed: seed }),
  closeImport: () => set({ importOpen: false, importSeed: '' }),
  setDetailOpen: (mode, open) => set((s) => ({ detailOpen: { ...s.detailOpen, [mode]: open } })),
  revealDetail: () => set({ detailOpen: { wide: true, narrow: true } }),
  openPaperDetail: () => set({ detailOpen: { wide: true, narrow: true }, detailTab: 'paper', detailFocusPending: true }),
  detailFocused: () => set({ detailFocusPending: false }),
}));
