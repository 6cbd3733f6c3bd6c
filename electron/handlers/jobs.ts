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

  /** Register a job; the returned signal aborts when it is cancelled. Call `finish` when it ends. */
  start(jobId: string, total: number): AbortSignal {
    const controller = new AbortController();
    this.running.set(jobId, { controller, progress: { done: 0, total } });
    return controller.signal;
  }

  report(jobId: string, done: number, total: number): void {
    const job = this.running.get(jobId);
    if (job) job.progress = { done, total };
  }

  finish(jobId: string): void {
    this.running.delete(jobId);
  }

  /** @returns the job's progress, or null when no such job is running (finished or never started) */
  progress(jobId: string): JobProgress | null {
    return this.running.get(jobId)?.progress ?? null;
  }

  /** @returns true when a running job was asked to stop */
  cancel(jobId: string): boolean {
    const job = this.running.get(jobId);
    job?.controller.abort();
    return job !== undefined;
  }
}

/** Runs write operations one at a time (a long import holds the connection's transaction between steps). */
export class WriteQueue {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(work: () => T | Promise<T>): Promise<T> {
    const next = this.tail.then(work, work);
    this.tail = next.catch(() => undefined);
    return next;
  }
}
