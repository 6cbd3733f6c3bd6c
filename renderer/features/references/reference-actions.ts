/** The window's references actions, shared by the toolbar menu, the paper menu and the shortcuts. */
import { useNotices } from '../../stores/notice-store';
import { useUi } from '../../stores/ui-store';
import { useReferences } from './references-store';

/** The papers a citation is for: the selection, else the paper open in the detail pane. */
export function citePaperIds(): number[] {
  const ui = useUi.getState();
  if (ui.selectedIds.size > 0) return [...ui.selectedIds];
  return ui.selectedPaperId !== null ? [ui.selectedPaperId] : [];
}

/** Open the Cite dialog for `ids` (default: citePaperIds()); says so when there is nothing to cite. */
export function openCite(ids: number[] = citePaperIds()): void {
  if (ids.length === 0) {
    useNotices.getState().push({ kind: 'warning', title: 'Select the papers to cite first.', detail: 'Click a row (Shift or Ctrl/Cmd+click for several), then Copy citation.' });
    return;
  }
  useReferences.getState().openCite(ids);
}

export function openExport(): void {
  useReferences.getState().openExport();
}

export function openSettings(): void {
  useReferences.getState().openSettings();
}
