/**
 * Job ids come from the caller (any tab, any script with the token), so two running jobs may share
 * one: two tabs that start a job in the same millisecond, or a hostile caller reusing another's id.
 * Whatever the ids, shutting down must stop every running job (a job left running would go on writing
 * while the library closes), and the end of one job must not make another unfollowable or uncancellable.
 */
import { describe, expect, it } from 'vitest';
import { Jobs } from '../../electron/handlers/jobs';

/** A job that runs until it is cancelled (rejecting) or released (resolving). */
function holdJob(jobs: Jobs, id: string) {
  let release!: () => void;
  let aborted = false;
  const done = jobs.run(id, 10, (signal) =>
    new Promise<string>((resolve, reject) => {
      release = () => resolve('finished');
      signal.addEventListener('abort', () => {
        aborted = true;
        reject(new Error('cancelled'));
      });
    }),
  );
  done.catch(() => undefined);
  return { done, release: () => release(), aborted: () => aborted };
}

describe('two running jobs under one id', () => {
  it('shutting down (cancelAll) stops both, not only the one that took the id last', async () => {
    const jobs = new Jobs();
    const first = holdJob(jobs, 'import-same-1');
    const second = holdJob(jobs, 'import-same-1');
    jobs.cancelAll();
    // Abort listeners run at once: no waiting needed (and a job not stopped would never settle).
    expect(first.aborted()).toBe(true);
    expect(second.aborted()).toBe(true);
    first.release();
    second.release();
    await Promise.allSettled([first.done, second.done]);
  });

  it('the first one ending leaves the second followable and cancellable', async () => {
    const jobs = new Jobs();
    const first = holdJob(jobs, 'import-same-2');
    const second = holdJob(jobs, 'import-same-2');
    first.release();
    expect(await first.done).toBe('finished');
    expect(jobs.progress('import-same-2')).toEqual({ done: 0, total: 10 });
    expect(jobs.cancel('import-same-2')).toBe(true);
    await expect(second.done).rejects.toThrow('cancelled');
    expect(jobs.progress('import-same-2')).toBeNull();
  });
});
