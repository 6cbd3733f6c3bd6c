/** Which paper the detail pane is editing, and whether the New paper form is open. */
import { create } from 'zustand';

interface EditState {
  /** The paper shown in Edit mode in the detail pane (null: none). */
  editingId: number | null;
  newPaperOpen: boolean;
  startEdit(id: number): void;
  stopEdit(): void;
  openNewPaper(): void;
  closeNewPaper(): void;
}

export const useEditing = create<EditState>()((set) => ({
  editingId: null,
  newPaperOpen: false,
  startEdit: (id) => set({ editingId: id }),
  stopEdit: () => set({ editingId: null }),
  openNewPaper: () => set({ newPaperOpen: true }),
  closeNewPaper: () => set({ newPaperOpen: false }),
}));
