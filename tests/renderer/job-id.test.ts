/**
 * Job ids name work on the server for every tab at once (jobs.progress, jobs.cancel): two tabs must
 * never make the same one. With live library events every tab refetches its slow counts in the same
 * millisecond, and tabs that have done the same things have the same counter, so an id of time and
 * counter alone collided: one tab's "cancel the superseded count" then stopped the other tab's.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';

afterEach(() => {
  vi.restoreAllMocks();
  vi.resetModules();
});

/** newJobId as a freshly loaded tab has it. */
async function freshTab(): Promise<(prefix: string) => string> {
  vi.resetModules();
  return (await import('../../renderer/api/job-progress')).newJobId;
}

describe('job ids', () => {
  it('differ between two tabs making their first job in the same millisecond', async () => {
    vi.spyOn(Date, 'now').mockReturnValue(1_800_000_000_000);
    const tabA = await freshTab();
    const tabB = await freshTab();
    const a = tabA('metrics.selection');
    const b = tabB('metrics.selection');
    expect(a).not.toBe(b);
    // Still what the contract accepts (shared/contract/inputs.ts JOB_ID), for the longest prefix in use.
    for (const id of [a, b, tabA('authors.metrics')]) expect(id).toMatch(/^[\w-]{1,64}$/);
  });
});
