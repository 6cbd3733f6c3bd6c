/**
 * Messages shown in the window: errors stay until dismissed (the user must see what happened),
 * confirmations fade after a few seconds.
 */
import { create } from 'zustand';

export interface Notice {
  id: number;
  kind: 'error' | 'success';
  title: string;
  detail?: string;
}

interface NoticeState {
  notices: Notice[];
  push(notice: Omit<Notice, 'id'>): void;
  dismiss(id: number): void;
}

let nextId = 1;
const SUCCESS_MS = 6000;

export const useNotices = create<NoticeState>()((set, get) => ({
  notices: [],
  push: (notice) => {
    const id = nextId++;
    // The same error repeated (e.g. every refetch failing) would stack up; keep one copy. A newer
    // confirmation replaces the older one: only the latest result is news.
    const others = get().notices.filter((n) => (notice.kind === 'success' ? n.kind !== 'success' : !(n.kind === notice.kind && n.title === notice.title && n.detail === notice.detail)));
    set({ notices: [...others, { ...notice, id }] });
    if (notice.kind === 'success') setTimeout(() => get().dismiss(id), SUCCESS_MS);
  },
  dismiss: (id) => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),
}));

/** A sentence for the user from anything thrown (LecternError messages are already sentences). */
export function describeError(err: unknown): string {
  if (err instanceof Error && err.message) return err.message;
  return 'Something went wrong, and Lectern has no further detail.';
}
