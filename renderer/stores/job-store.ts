/** Long work in the background (an import): what it is and how far it got, for the dialog and the status bar. */
import { create } from 'zustand';

export interface ActiveJob {
  jobId: string;
  label: string;
  /** null until the library reports progress. */
  progress: { done: number; total: number } | null;
  /** True once the work has run longer than a glance (~300 ms): only then is progress shown. */
  visible: boolean;
  cancelling: boolean;
}

interface JobState {
  active: ActiveJob | null;
  set(job: ActiveJob | null): void;
  patch(jobId: string, patch: Partial<ActiveJob>): void;
}

export const useJobs = create<JobState>()((set) => ({
  active: null,
  set: (job) => set({ active: job }),
  patch: (jobId, patch) => set((s) => (s.active?.jobId === jobId ? { active: { ...s.active, ...patch } } : {})),
}));
