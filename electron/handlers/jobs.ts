/**
 * Long-running work the window can watch and cancel: the caller names a job (`jobId`) when it starts
 * the work, then polls `jobs.progress` and may call `jobs.cancel` while the first call is pending.
 */
export interface JobProgress {
  done: number;
  total: number;
}

export class Jobs {
  private readonly running = new Map<string, { controller: AbortController; progress: JobProgress }>();

  /**
   * Run `work` as job `jobId` of `total` steps: it gets a signal that aborts when the job is cancelled
   * and a progress callback; the job is forgotten however the work ends.
   */
  async run<T>(jobId: string, total: number, work: (signal: AbortSignal, onProgress: (done: number, total: number) => void) => Promise<T>): Promise<T> {
    const job = { controller: new AbortController(), progress: { done: 0, total } };
    this.running.set(jobId, job);
    try {
      return await work(job.controller.signal, (done, of) => {
        job.progress = { done, total: of };
      });
    } finally {
      this.running.delete(jobId);
    }
  }

  /** @returns the job's progress, or null when no such job is running (finished or never started) */
  progress(jobId: string): JobProgress | null {
    return this.running.get(jobId)?.progress ?? null;
  }

  /** Ask every running job to stop (shutting down); each then fails with CANCELLED and changes nothing. */
  cancelAll(): void {
    for (const job of this.running.values()) job.controller.abort();
  }

  /** @returns true when a running job was asked to stop */
  cancel(jobId: string): boolean {
    const job = this.running.get(jobId);
    job?.controller.abort();
    return job !== undefined;
  }
}
