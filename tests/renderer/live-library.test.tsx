/**
 * The live library in the window (renderer/api/live-library.ts): which events refresh the window, and
 * when the open paper counts as "deleted elsewhere".
 */
import { act } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { applyLibraryChange, useGoneElsewhere, useLive } from '../../renderer/api/live-library';
import { mount } from './mount';

const requests: string[] = [];
vi.mock('../../renderer/api/client', () => ({
  request: vi.fn(async (channel: string) => {
    requests.push(channel);
    return { value: null };
  }),
  browserToken: () => '',
  CLIENT_ID: 'test',
  onServerAnswer: () => () => undefined,
}));

const invalidated: unknown[] = [];
vi.mock('../../renderer/api/invalidate', () => ({
  invalidateTables: vi.fn(async (tables: unknown) => {
    invalidated.push(tables);
  }),
}));

type Paper = { id: number; deletedAt: string | null };
type Err = (Error & { code?: string }) | null;

let seen: ReturnType<typeof useGoneElsewhere> = null;
function Probe({ id, paper, error }: { id: number | null; paper: Paper | null; error: Err }) {
  seen = useGoneElsewhere(id, paper, error);
  return null;
}

const elsewhere = (tables: 'everything' | ['papers'] = ['papers']) => act(() => applyLibraryChange({ version: 1, tables, origin: 'elsewhere' }));

beforeEach(() => {
  requests.length = 0;
  invalidated.length = 0;
  useLive.setState({ elsewhere: 0 });
});

describe('applying library changes', () => {
  it("refreshes on changes from elsewhere, not on the window's own, and only the theme for settings alone", () => {
    applyLibraryChange({ version: 1, tables: ['tags'], origin: 'here' });
    expect(invalidated).toEqual([]);
    applyLibraryChange({ version: 2, tables: ['settings'], origin: 'elsewhere' });
    expect(invalidated).toEqual([]);
    expect(requests).toEqual(['settings.get']);
    // Only what read the changed tables is refetched (invalidate.ts), not every view.
    applyLibraryChange({ version: 3, tables: ['tags', 'paper_tags'], origin: 'elsewhere' });
    expect(invalidated).toEqual([['tags', 'paper_tags']]);
    applyLibraryChange({ version: 4, tables: 'everything', origin: 'elsewhere' });
    expect(invalidated).toEqual([['tags', 'paper_tags'], 'everything']);
    expect(useLive.getState().elsewhere).toBe(2);
  });
});

describe('the open paper deleted elsewhere', () => {
  it('says trashed when it came back in the trash after a change from elsewhere, deleted when it is gone for good', () => {
    const alive = { id: 5, deletedAt: null };
    const { render } = mount(<Probe id={5} paper={alive} error={null} />);
    expect(seen).toBeNull();
    elsewhere();
    // While the refetch runs, the old answer is still shown: nothing to say yet.
    render(<Probe id={5} paper={alive} error={null} />);
    expect(seen).toBeNull();
    render(<Probe id={5} paper={{ id: 5, deletedAt: '2026-12-07T12:00:00Z' }} error={null} />);
    expect(seen).toBe('trashed');
    // Emptied from the trash elsewhere: the read fails, the old answer stays beside the error.
    const notFound = Object.assign(new Error('There is no paper with id 5 in the library.'), { code: 'NOT_FOUND' });
    render(<Probe id={5} paper={alive} error={notFound} />);
    expect(seen).toBe('deleted');
  });

  it("says nothing when the window's own action trashed it, or when it was already in the trash", () => {
    const { render } = mount(<Probe id={5} paper={{ id: 5, deletedAt: null }} error={null} />);
    // Trashed here: no change from elsewhere came in between.
    render(<Probe id={5} paper={{ id: 5, deletedAt: '2026-12-07T12:00:00Z' }} error={null} />);
    expect(seen).toBeNull();
    // A paper opened from the Trash view: never seen alive.
    render(<Probe id={6} paper={{ id: 6, deletedAt: '2026-12-01T12:00:00Z' }} error={null} />);
    elsewhere('everything');
    render(<Probe id={6} paper={{ id: 6, deletedAt: '2026-12-01T12:00:00Z' }} error={null} />);
    expect(seen).toBeNull();
  });
});
