/** Long work in the background (an import, a slow read): what it is and how far it got, for the dialog and the status bar. */
import { create } from 'zustand';
import type { JobProgress } from '../api/job-progress';

export interface ActiveJob {
  jobId: string;
  label: string;
  /** null until the library reports progress; total 0 (with a phase) while the amount of work is unknown. */
  progress: JobProgress | null;
  /** True once the work has run longer than a glance (~300 ms): only then is progress shown. */
  visible: boolean;
  cancelling: boolean;
}

/** A slow read (facet counts, metrics) the status bar shows once it passes ~300 ms, with a Cancel button. */
export interface ReadJob {
  jobId: string;
  label: string;
  cancelling: boolean;
}

interface JobState {
  active: ActiveJob | null;
  set(job: ActiveJob | null): void;
  patch(jobId: string, patch: Partial<ActiveJob>): void;
  /** Slow reads in view, oldest first. */
  reads: ReadJob[];
  showRead(job: ReadJob): void;
  patchRead(jobId: string, patch: Partial<ReadJob>): void;
  hideRead(jobId: string): void;
}

export const useJobs = create<JobState>()((set) => ({
  active: null,
  set: (job) => set({ active: job }),
  patch: (jobId, patch) => set((s) => (s.active?.jobId === jobId ? { active: { ...s.active, ...patch } } : {})),
  reads: [],
  showRead: (job) => set((s) => ({ reads: [...s.reads.filter((r) => r.jobId !== job.jobId), job] })),
  patchRead: (jobId, patch) => set((s) => ({ reads: s.reads.map((r) => (r.jobId === jobId ? { ...r, ...patch } : r)) })),
  hideRead: (jobId) => set((s) => (s.reads.some((r) => r.jobId === jobId) ? { reads: s.reads.filter((r) => r.jobId !== jobId) } : {})),
}));
