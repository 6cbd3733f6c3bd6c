/** Which references dialog is open (import a file, export, cite, settings) and what it works on. UI state only. */
import { create } from 'zustand';
import type { ChannelInput, ReferenceImportReport } from '../../../shared/contract';

/** A file (or paste) to import: its name and content as references.preview takes them. */
export type ImportSource = Pick<ChannelInput<'references.preview'>, 'fileName' | 'content'>;

interface ReferencesUi {
  /** The file the import dialog previews and imports; null: no file. */
  source: ImportSource | null;
  /** A finished import's report, shown by the import dialog (after a file import or a paste-box import). */
  report: ReferenceImportReport | null;
  exportOpen: boolean;
  /** Papers the Cite dialog formats; null: closed. */
  citeIds: number[] | null;
  settingsOpen: boolean;
  openImport(source: ImportSource): void;
  showReport(report: ReferenceImportReport): void;
  closeImport(): void;
  openExport(): void;
  closeExport(): void;
  openCite(paperIds: number[]): void;
  closeCite(): void;
  openSettings(): void;
  closeSettings(): void;
}

export const useReferences = create<ReferencesUi>()((set) => ({
  source: null,
  report: null,
  exportOpen: false,
  citeIds: null,
  settingsOpen: false,
  openImport: (source) => set({ source, report: null }),
  showReport: (report) => set({ report }),
  closeImport: () => set({ source: null, report: null }),
  openExport: () => set({ exportOpen: true }),
  closeExport: () => set({ exportOpen: false }),
  openCite: (paperIds) => set({ citeIds: paperIds.length > 0 ? paperIds : null }),
  closeCite: () => set({ citeIds: null }),
  openSettings: () => set({ settingsOpen: true }),
  closeSettings: () => set({ settingsOpen: false }),
}));
