/**
 * Messages shown in the window: errors and warnings stay until dismissed (the user must see what
 * happened), confirmations fade after a few seconds. An error about a view that failed to load carries
 * that view as its `source` and is withdrawn when the view loads again (it no longer describes the window).
 */
import { create } from 'zustand';

export interface Notice {
  id: number;
  kind: 'error' | 'warning' | 'success';
  title: string;
  detail?: string;
  /** Points listed under the detail (e.g. each part of a paste that was not imported). */
  items?: string[];
  /** What the notice is about (e.g. 'papers'); see `withdraw`. */
  source?: string;
  /** One button beside the text (e.g. Undo after moving papers to the trash). */
  action?: { label: string; run(): void };
}

interface NoticeState {
  notices: Notice[];
  push(notice: Omit<Notice, 'id'>): void;
  dismiss(id: number): void;
  /** Remove every notice from `source` (its problem is over). */
  withdraw(source: string): void;
}

let nextId = 1;
const SUCCESS_MS = 6000;

export const useNotices = create<NoticeState>()((set, get) => ({
  notices: [],
  push: (notice) => {
    const id = nextId++;
    // The same error repeated (e.g. every refetch failing) would stack up; keep one copy. A newer
    // import result replaces the older one (only the latest result is news), and a newer problem from
    // the same source replaces the older one.
    const isImportResult = (n: Pick<Notice, 'kind'>) => n.kind !== 'error';
    const others = get().notices.filter((n) => {
      if (isImportResult(notice)) return !isImportResult(n);
      if (notice.source !== undefined && n.source === notice.source) return false;
      return !(n.kind === notice.kind && n.title === notice.title && n.detail === notice.detail);
    });
    set({ notices: [...others, { ...notice, id }] });
    if (notice.kind === 'success') setTimeout(() => get().dismiss(id), SUCCESS_MS);
  },
  dismiss: (id) => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),
  withdraw: (source) => {
    if (get().notices.some((n) => n.source === source)) set((s) => ({ notices: s.notices.filter((n) => n.source !== source) }));
  },
}));

/** A sentence for the user from anything thrown (LecternError messages are already sentences). */
export function describeError(err: unknown): string {
  if (err instanceof Error && err.message) return err.message;
  return 'Something went wrong, and Lectern has no further detail.';
}
