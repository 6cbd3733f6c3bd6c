/**
 * The filter bar's chips as drawn (happy-dom, the library's answers stubbed): names come from the
 * library only while a constraint needs them, and each chip's button removes its constraint alone.
 */
import { act } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { FacetBar } from '../../renderer/features/papers/facet-bar';
import { NO_FACETS, useUi } from '../../renderer/stores/ui-store';
import { mount } from './mount';

const asked: string[] = [];

vi.mock('../../renderer/api/client', () => ({
  request: vi.fn(async (channel: string) => {
    asked.push(channel);
    if (channel === 'tags.list') return [{ id: 3, name: 'method/rl', colour: null, paperCount: 3 }];
    if (channel === 'collections.list') return [{ id: 5, name: 'Thesis', parentId: null, paperCount: 2 }];
    if (channel === 'imports.list') return [{ id: 9, format: 'scholarfeed', createdAt: '2026-12-07T10:00:00.000Z', author: { id: 7, name: 'Chong Ruan' }, added: 18, updated: 0, unchanged: 0 }];
    throw new Error(`no stub for ${channel}`);
  }),
}));

async function settle(): Promise<void> {
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
}

const initial = useUi.getState();
beforeEach(() => {
  useUi.setState(initial, true);
  asked.length = 0;
});

const chipTexts = (el: HTMLElement) => [...el.querySelectorAll('.filter-chip')].map((c) => c.textContent);

describe('the chips in the filter bar', () => {
  it('asks the library for no names while no constraint needs one', async () => {
    act(() => useUi.getState().setFacets({ yearFrom: 2024, yearTo: 2024, hasCode: true }));
    const { container } = mount(<FacetBar />);
    await settle();
    expect(chipTexts(container)).toEqual(['Year: 2024', 'With code']);
    expect(asked).toEqual([]);
  });

  it('names the tag, the collection and the import, and a chip’s button removes only its own constraint', async () => {
    act(() => useUi.getState().setFacets({ tagIds: [3], collectionId: 5, importId: 9, categories: ['CL'] }));
    const { container } = mount(<FacetBar />);
    await settle();
    expect(chipTexts(container)).toEqual(['Collection: Thesis', 'Import: Chong Ruan · 2026-12-07', 'Tag: method/rl', 'Category: CL']);
    expect(asked.sort()).toEqual(['collections.list', 'imports.list', 'tags.list']);
    const remove = container.querySelector<HTMLButtonElement>('[data-chip="tag:3"] button');
    expect(remove?.getAttribute('aria-label')).toBe('Remove the tag filter (method/rl)');
    act(() => remove?.click());
    expect(useUi.getState().facets).toEqual({ ...NO_FACETS, collectionId: 5, importId: 9, categories: ['CL'] });
    expect(chipTexts(container)).toEqual(['Collection: Thesis', expect.stringMatching(/^Import: Chong Ruan · /), 'Category: CL']);
    expect(document.activeElement?.getAttribute('data-testid')).toBe('facet-year');
  });
});
