/**
 * The window's query layer (renderer/api): answers cached by [channel, input] in TanStack Query, writes
 * refetching only the answers whose tables they changed (from the contract's `reads` and `changes`),
 * stale answers dropped, the previous answer kept while the next loads, slow reads cancelled when
 * replaced. The library is a stub behind `window.lectern`, so request() runs as in the app.
 */
import { act } from 'react';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ChannelInput } from '../../shared/contract';
import { LecternError } from '../../shared/errors';

type Handler = (input: Record<string, unknown>) => unknown;
/** Calls per channel, with their inputs. */
const calls: { channel: string; input: Record<string, unknown> }[] = [];
/** The stub library's answers; a test replaces some. */
let handlers: Record<string, Handler> = {};

function baseHandlers(): Record<string, Handler> {
  return {
    'notes.list': () => [{ id: 1, paperId: 1, body: 'first', createdAt: '', updatedAt: '' }],
    'notes.update': (i) => ({ id: i.id, paperId: 1, body: i.body, createdAt: '', updatedAt: '' }),
    'papers.facets': () => ({ years: [{ value: 2024, count: 3 }] }),
    'papers.list': (i) => ({ rows: [{ id: Number(i.offset ?? 0) + 1, title: 'A paper' }], total: 250, terms: [], ranked: false }),
    'tags.list': () => [{ id: 1, name: 'rl' }],
    'tags.create': (i) => ({ id: 2, name: i.name }),
    'papers.setStatus': () => ({ changed: 1 }),
    'jobs.cancel': () => ({ cancelled: true }),
    'backups.list': () => [],
    'library.recover': () => ({ papers: 1 }),
  };
}

// The preload's API object, as the desktop app exposes it; installed before client.ts reads it.
window.lectern = new Proxy({} as NonNullable<Window['lectern']>, {
  get: (_t, channel: string) => async (input: Record<string, unknown>) => {
    calls.push({ channel, input });
    try {
      return { ok: true, value: await handlers[channel]!(input) };
    } catch (err) {
      const e = err as LecternError;
      return { ok: false, error: { code: e.code ?? 'INTERNAL', message: e.message } };
    }
  },
});

const { request } = await import('../../renderer/api/client');
const { useChannel } = await import('../../renderer/api/use-channel');
const { usePaperPages } = await import('../../renderer/features/papers/use-paper-pages');
const { useUi } = await import('../../renderer/stores/ui-store');
const { useJobs } = await import('../../renderer/stores/job-store');
const { mount } = await import('./mount');

const count = (channel: string) => calls.filter((c) => c.channel === channel).length;

/** Let answers arrive and React draw them. */
async function settle(): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
  }
}

/** A promise the test resolves or rejects by hand. */
function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Renders useChannel(channel, input) and exposes its latest state. */
function probe<C extends Parameters<typeof useChannel>[0]>(channel: C, input: ChannelInput<C> | null) {
  const seen: { current: ReturnType<typeof useChannel<C>> | null } = { current: null };
  function Probe({ input: i }: { input: ChannelInput<C> | null }) {
    seen.current = useChannel(channel, i);
    return null;
  }
  const { render } = mount(<Probe input={input} />);
  return { seen, rerender: (next: ChannelInput<C> | null) => render(<Probe input={next} />) };
}

const LIST = { query: '', sort: [] } as ChannelInput<'papers.list'>;

function pagesProbe(input: ChannelInput<'papers.list'>) {
  const seen: { current: ReturnType<typeof usePaperPages> | null } = { current: null };
  function Probe({ input: i }: { input: ChannelInput<'papers.list'> }) {
    seen.current = usePaperPages(i);
    return null;
  }
  const { render } = mount(<Probe input={input} />);
  return { seen, rerender: (next: ChannelInput<'papers.list'>) => render(<Probe input={next} />) };
}

const initial = useUi.getState();
beforeEach(() => {
  calls.length = 0;
  handlers = baseHandlers();
  useUi.setState(initial, true);
});

describe('a write refetches only what it changed', () => {
  it('a note edit refetches notes.list and papers.list, not the year counts of an unsearched library', async () => {
    const notes = probe('notes.list', { paperId: 1 });
    const facets = probe('papers.facets', { query: '' });
    const table = pagesProbe(LIST);
    await settle();
    expect([count('notes.list'), count('papers.facets'), count('papers.list')]).toEqual([1, 1, 1]);

    handlers['notes.list'] = () => [{ id: 1, paperId: 1, body: 'edited', createdAt: '', updatedAt: '' }];
    await act(async () => {
      await request('notes.update', { id: 1, body: 'edited' });
    });
    await settle();
    expect(count('notes.list')).toBe(2);
    expect(count('papers.list')).toBe(2);
    expect(count('papers.facets')).toBe(1);
    expect(notes.seen.current?.data?.[0]?.body).toBe('edited');
    expect(facets.seen.current?.data).toEqual({ years: [{ value: 2024, count: 3 }] });
    expect(table.seen.current?.total).toBe(250);
  });

  it('under a text search the counts read notes too, so a note edit recounts them', async () => {
    probe('papers.facets', { query: 'reward' });
    await settle();
    expect(count('papers.facets')).toBe(1);
    await act(async () => {
      await request('notes.update', { id: 1, body: 'edited' });
    });
    await settle();
    expect(count('papers.facets')).toBe(2);
  });

  it('a tag write refetches tags.list and shows the new tag; the notes are not asked again', async () => {
    const tags = probe('tags.list', {});
    probe('notes.list', { paperId: 1 });
    await settle();
    handlers['tags.list'] = () => [
      { id: 1, name: 'rl' },
      { id: 2, name: 'method/rl' },
    ];
    await act(async () => {
      await request('tags.create', { name: 'method/rl' });
    });
    await settle();
    expect(count('tags.list')).toBe(2);
    expect(tags.seen.current?.data?.map((t) => t.name)).toEqual(['rl', 'method/rl']);
    expect(count('notes.list')).toBe(1);
  });

  it('a failed write refetches nothing', async () => {
    probe('tags.list', {});
    await settle();
    handlers['tags.create'] = () => {
      throw new LecternError('INVALID_INPUT', 'That name is taken.');
    };
    await act(async () => {
      await expect(request('tags.create', { name: 'rl' })).rejects.toThrow('That name is taken.');
    });
    await settle();
    expect(count('tags.list')).toBe(1);
  });

  it('moves the selection’s list version only when the write can change which papers the filters match', async () => {
    const before = useUi.getState().listVersion;
    await act(async () => {
      await request('notes.update', { id: 1, body: 'x' });
    });
    expect(useUi.getState().listVersion).toBe(before);
    await act(async () => {
      await request('papers.setStatus', { paperIds: [1], status: 'read' });
    });
    expect(useUi.getState().listVersion).toBe(before + 1);
  });
});

describe('answers from the host’s own state (session channels, reading no table)', () => {
  it('a recovery (which changes everything) refetches the backups list', async () => {
    probe('backups.list', {});
    await settle();
    await act(async () => {
      await request('library.recover', {});
    });
    await settle();
    expect(count('backups.list')).toBe(2);
  });

  it('are asked again whenever a view showing them mounts', async () => {
    const { seen, rerender } = probe('backups.list', {});
    await settle();
    rerender(null);
    rerender({});
    await settle();
    expect(count('backups.list')).toBe(2);
    expect(seen.current?.data).toEqual([]);
  });
});

describe('answers on screen', () => {
  it('drops an answer that arrives after a newer input was asked for', async () => {
    const answers = new Map<number, ReturnType<typeof deferred<unknown>>>();
    handlers['notes.list'] = (i) => {
      const d = deferred<unknown>();
      answers.set(Number(i.paperId), d);
      return d.promise;
    };
    const notes = probe('notes.list', { paperId: 1 });
    await settle();
    notes.rerender({ paperId: 2 });
    await settle();
    answers.get(2)!.resolve([{ id: 20, paperId: 2, body: 'two', createdAt: '', updatedAt: '' }]);
    await settle();
    answers.get(1)!.resolve([{ id: 10, paperId: 1, body: 'one', createdAt: '', updatedAt: '' }]);
    await settle();
    expect(notes.seen.current?.data?.[0]?.body).toBe('two');
    expect(notes.seen.current?.dataInput).toEqual({ paperId: 2 });
  });

  it('keeps the previous answer (and says which input it answers) while the next one loads, then shows the next', async () => {
    const notes = probe('notes.list', { paperId: 1 });
    await settle();
    const next = deferred<unknown>();
    handlers['notes.list'] = () => next.promise;
    notes.rerender({ paperId: 2 });
    await settle();
    expect(notes.seen.current?.loading).toBe(true);
    expect(notes.seen.current?.data?.[0]?.body).toBe('first');
    expect(notes.seen.current?.dataInput).toEqual({ paperId: 1 });
    next.resolve([{ id: 20, paperId: 2, body: 'two', createdAt: '', updatedAt: '' }]);
    await settle();
    expect(notes.seen.current?.loading).toBe(false);
    expect(notes.seen.current?.data?.[0]?.body).toBe('two');
    expect(notes.seen.current?.dataInput).toEqual({ paperId: 2 });
  });

  it('keeps the previous answer when the next fails, with the error', async () => {
    const notes = probe('notes.list', { paperId: 1 });
    await settle();
    handlers['notes.list'] = () => {
      throw new LecternError('NOT_FOUND', 'That paper is gone.');
    };
    notes.rerender({ paperId: 2 });
    await settle();
    expect(notes.seen.current?.error?.message).toBe('That paper is gone.');
    expect(notes.seen.current?.data?.[0]?.body).toBe('first');
    expect(notes.seen.current?.dataInput).toEqual({ paperId: 1 });
  });

  it('the table keeps the previous list while a new sort loads, and drops the old list’s late answer', async () => {
    const table = pagesProbe(LIST);
    await settle();
    expect(table.seen.current?.row(0)?.title).toBe('A paper');
    const byYear = deferred<unknown>();
    const byTitle = deferred<unknown>();
    handlers['papers.list'] = (i) => ((i.sort as { column: string }[])[0]?.column === 'year' ? byYear.promise : byTitle.promise);
    table.rerender({ ...LIST, sort: [{ column: 'year', desc: true }] });
    await settle();
    table.rerender({ ...LIST, sort: [{ column: 'title', desc: false }] });
    await settle();
    expect(table.seen.current?.dataInput?.sort).toEqual([]);
    expect(table.seen.current?.current).toBe(false);
    expect(table.seen.current?.total).toBe(250);
    byTitle.resolve({ rows: [{ id: 7, title: 'By title' }], total: 1, terms: [], ranked: false });
    await settle();
    byYear.resolve({ rows: [{ id: 8, title: 'By year' }], total: 1, terms: [], ranked: false });
    await settle();
    expect(table.seen.current?.row(0)?.title).toBe('By title');
    expect(table.seen.current?.dataInput?.sort).toEqual([{ column: 'title', desc: false }]);
    expect(table.seen.current?.current).toBe(true);
  });

  it('a refetch that returns the same rows keeps the rows shown (nothing to redraw), now read at the newer list version', async () => {
    const table = pagesProbe(LIST);
    await settle();
    const before = table.seen.current!.row(0);
    const version = table.seen.current!.version;
    await act(async () => {
      await request('papers.setStatus', { paperIds: [1], status: 'read' });
    });
    await settle();
    expect(count('papers.list')).toBe(2);
    expect(table.seen.current!.row(0)).toBe(before);
    expect(table.seen.current!.version).toBe(version + 1);
    expect(table.seen.current!.version).toBe(useUi.getState().listVersion);
  });

  it('after a write the table refetches the pages in view, showing their old rows meanwhile', async () => {
    const table = pagesProbe(LIST);
    await settle();
    act(() => table.seen.current!.ensure(150, 160));
    await settle();
    expect(table.seen.current?.row(100)?.id).toBe(101);
    const pageOne = deferred<unknown>();
    handlers['papers.list'] = (i) => (i.offset === 100 ? pageOne.promise : { rows: [{ id: 1, title: 'Starred now' }], total: 250, terms: [], ranked: false });
    await act(async () => {
      await request('papers.setStatus', { paperIds: [1], status: 'read' });
    });
    await settle();
    expect(table.seen.current?.row(0)?.title).toBe('Starred now');
    act(() => table.seen.current!.ensure(150, 160));
    await settle();
    expect(calls.filter((c) => c.channel === 'papers.list' && c.input.offset === 100)).toHaveLength(2);
    expect(table.seen.current?.row(100)?.id).toBe(101);
    pageOne.resolve({ rows: [{ id: 555, title: 'Fresh' }], total: 250, terms: [], ranked: false });
    await settle();
    expect(table.seen.current?.row(100)?.id).toBe(555);
  });
});

describe('slow reads', () => {
  it('cancels a slow read that a newer input replaced, and shows only the newer answer', async () => {
    const answers: ReturnType<typeof deferred<unknown>>[] = [];
    handlers['papers.facets'] = () => {
      const d = deferred<unknown>();
      answers.push(d);
      return d.promise;
    };
    const facets = probe('papers.facets', { query: 'a' });
    await settle();
    facets.rerender({ query: 'ab' });
    await settle();
    const first = calls.find((c) => c.channel === 'papers.facets')!;
    expect(calls.filter((c) => c.channel === 'jobs.cancel').map((c) => c.input.jobId)).toEqual([first.input.jobId]);
    answers[1]!.resolve({ years: [{ value: 2020, count: 1 }] });
    answers[0]!.reject(new LecternError('CANCELLED', 'Stopped.'));
    await settle();
    expect(facets.seen.current?.data).toEqual({ years: [{ value: 2020, count: 1 }] });
    expect(facets.seen.current?.error).toBeNull();
  });

  it('a cancelled read keeps the previous counts with a CANCELLED error; reload asks again', async () => {
    const facets = probe('papers.facets', { query: '' });
    await settle();
    handlers['papers.facets'] = () => {
      throw new LecternError('CANCELLED', 'Stopped.');
    };
    facets.rerender({ query: 'x' });
    await settle();
    expect((facets.seen.current?.error as LecternError | null)?.code).toBe('CANCELLED');
    expect(facets.seen.current?.data).toEqual({ years: [{ value: 2024, count: 3 }] });
    expect(useJobs.getState().reads ?? []).toHaveLength(0);
    handlers['papers.facets'] = () => ({ years: [{ value: 1999, count: 9 }] });
    act(() => facets.seen.current!.reload());
    await settle();
    expect(facets.seen.current?.error).toBeNull();
    expect(facets.seen.current?.data).toEqual({ years: [{ value: 1999, count: 9 }] });
    expect(facets.seen.current?.dataInput).toEqual({ query: 'x' });
  });
});
