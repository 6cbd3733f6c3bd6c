/**
 * The selection holds only papers the table shows (features/organise/visible-selection.ts): a filter
 * or a change of the library that hides selected papers drops them, by asking the library which of the
 * selected ids match (papers.ids with paperIds), never by listing rows in the window.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const request = vi.fn();
vi.mock('../../renderer/api/client', () => ({ request: (...args: unknown[]) => request(...args) }));

const { currentListKey, useUi } = await import('../../renderer/stores/ui-store');
const { invalidateTables } = await import('../../renderer/api/invalidate');
const { keepSelectionVisible, selectionVerified, visibleSelection } = await import('../../renderer/features/organise/visible-selection');

const initial = useUi.getState();
let stop: () => void = () => undefined;

/** Answer papers.ids as a library holding `shown` under the current filters would. */
function libraryShows(shown: (input: { paperIds: number[]; query?: string }) => number[]) {
  request.mockImplementation(async (channel: string, input: { paperIds: number[] }) => {
    if (channel !== 'papers.ids') throw new Error(`unexpected ${channel}`);
    return { ids: input.paperIds.filter((id) => shown(input).includes(id)) };
  });
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

beforeEach(() => {
  useUi.setState(initial, true);
  request.mockReset();
  stop = keepSelectionVisible();
});

afterEach(() => stop());

/** Select `ids` as the table does, from the list on screen now (so they are known to be shown). */
function select(ids: number[], lead: number) {
  const s = useUi.getState();
  s.setSelection(new Set(ids), { id: lead, index: 0 }, 0, currentListKey(s));
}

describe('keeping the selection to what the table shows', () => {
  it('asks the library about the selected ids after a search, and drops the hidden ones (the detail pane keeps its paper)', async () => {
    libraryShows((input) => (input.query === 'incentivizing' ? [2] : [1, 2, 3]));
    select([1, 2, 3], 1);
    expect(selectionVerified()).toBe(true);
    expect(request).not.toHaveBeenCalled();

    useUi.getState().setFilter('incentivizing');
    expect(selectionVerified()).toBe(false);
    await flush();
    expect(request).toHaveBeenCalledTimes(1);
    const [channel, input] = request.mock.calls[0] as [string, { paperIds: number[]; query: string; trash: unknown }];
    expect(channel).toBe('papers.ids');
    expect(input.paperIds).toEqual([1, 2, 3]);
    expect(input.query).toBe('incentivizing');
    expect([...useUi.getState().selectedIds]).toEqual([2]);
    expect(useUi.getState().selectedPaperId).toBe(1);
    expect(selectionVerified()).toBe(true);
  });

  it('makes an action that comes before the answer wait for it, and act only on shown papers', async () => {
    let answer: (ids: number[]) => void = () => undefined;
    request.mockImplementation(() => new Promise((resolve) => (answer = (ids) => resolve({ ids }))));
    select([5, 6], 5);
    useUi.getState().setFacets({ starred: true });
    const acting = visibleSelection();
    let settled = false;
    void acting.then(() => (settled = true));
    await flush();
    expect(settled).toBe(false);
    answer([6]);
    expect(await acting).toEqual([6]);
  });

  it('drops a paper a change of the library hides (marked read under "unread only")', async () => {
    let unread = [1, 2];
    libraryShows(() => unread);
    useUi.getState().setFacets({ status: 'unread' });
    select([1], 1);
    unread = [2];
    await invalidateTables(['papers']);
    await flush();
    expect(useUi.getState().selectedIds.size).toBe(0);
    expect(await visibleSelection()).toEqual([]);
  });

  it('keeps papers selected while the answer was on its way (they were picked from the list shown)', async () => {
    // The library shows only paper 9 under "x"; it answers when told to, oldest question first.
    const waiting: (() => void)[] = [];
    request.mockImplementation(
      (_channel: string, input: { paperIds: number[] }) => new Promise((resolve) => waiting.push(() => resolve({ ids: input.paperIds.filter((id) => id === 9) }))),
    );
    select([1, 2], 1);
    useUi.getState().setFilter('x');
    await flush();
    expect(waiting).toHaveLength(1);
    // The user picks paper 9 in the new list before the library answers about 1 and 2.
    const s = useUi.getState();
    s.setSelection(new Set([...s.selectedIds, 9]), { id: 9, index: 0 }, 0, s.selectionSeenIn);
    waiting.shift()?.();
    await flush();
    expect([...useUi.getState().selectedIds]).toEqual([9]);
    while (waiting.length > 0) {
      waiting.shift()?.();
      await flush();
    }
    expect([...useUi.getState().selectedIds]).toEqual([9]);
    expect(selectionVerified()).toBe(true);
  });

  it('sends a Ctrl+A selection of 100,000 papers once; later filters send only what is still selected', async () => {
    const all = Array.from({ length: 100_000 }, (_, i) => i + 1);
    libraryShows((input) => (input.query === 'prover' ? [10, 20, 30] : input.query === 'prover v2' ? [20] : all));
    select(all, 1);
    useUi.getState().setFilter('prover');
    await flush();
    expect((request.mock.calls[0]?.[1] as { paperIds: number[] }).paperIds).toHaveLength(100_000);
    expect([...useUi.getState().selectedIds].sort((a, b) => a - b)).toEqual([10, 20, 30]);
    useUi.getState().setFilter('prover v2');
    await flush();
    expect((request.mock.calls[1]?.[1] as { paperIds: number[] }).paperIds).toEqual([10, 20, 30]);
    expect([...useUi.getState().selectedIds]).toEqual([20]);
    // A sort shows the same papers: nothing to ask.
    useUi.getState().setSorting([{ id: 'year', desc: true }]);
    await flush();
    expect(request).toHaveBeenCalledTimes(2);
  });

  it('acts on nothing when the library cannot say which papers are shown', async () => {
    request.mockRejectedValue(new Error('The library is busy.'));
    select([1], 1);
    useUi.getState().setFilter('x');
    await expect(visibleSelection()).rejects.toThrow('The library is busy.');
  });
});
