/**
 * Long-running work the window can watch and cancel: the caller names a job (`jobId`) when it starts
 * the work, then polls `jobs.progress` and may call `jobs.cancel` while the first call is pending.
 */
export interface JobProgress {
  done: number;
  total: number;
}

interface Job {
  controller: AbortController;
  progress: JobProgress;
}

export class Jobs {
  /** The job each id names: the latest started under it (ids come from callers and may repeat). */
  private readonly running = new Map<string, Job>();
  /** Every running job, also one whose id a later job took over: shutting down must stop them all. */
  private readonly all = new Set<Job>();

  /**
   * Run `work` as job `jobId` of `total` steps: it gets a signal that aborts when the job is cancelled
   * and a progress callback; the job is forgotten however the work ends.
   */
  async run<T>(jobId: string, total: number, work: (signal: AbortSignal, onProgress: (done: number, total: number) => void) => Promise<T>): Promise<T> {
    const job: Job = { controller: new AbortController(), progress: { done: 0, total } };
    this.running.set(jobId, job);
    this.all.add(job);
    try {
      return await work(job.controller.signal, (done, of) => {
        job.progress = { done, total: of };
      });
    } finally {
      // Only its own entry: a later job under the same id must stay followable and cancellable.
      if (this.running.get(jobId) === job) this.running.delete(jobId);
      this.all.delete(job);
    }
  }

  /** @returns the job's progress, or null when no such job is running (finished or never started) */
  progress(jobId: string): JobProgress | null {
    return this.running.get(jobId)?.progress ?? null;
  }

  /** Ask every running job to stop (shutting down); each then fails with CANCELLED and changes nothing. */
  cancelAll(): void {
    for (const job of this.all) job.controller.abort();
  }

  /** @returns true when a running job was asked to stop */
  cancel(jobId: string): boolean {
    const job = this.running.get(jobId);
    job?.controller.abort();
    return job !== undefined;
  }
}
