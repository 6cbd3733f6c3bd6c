/**
 * The author filter in the facet bar (a chip naming the author, with a remove button; Clear filters
 * drops it too) and the status bar's words for the Authors view, rendered in happy-dom with the
 * library's answers stubbed.
 */
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { authorGridStatusText, publishAuthorGrid } from '../../renderer/features/author-grid/author-grid-status';
import { FacetBar } from '../../renderer/features/papers/facet-bar';
import type { PapersResult } from '../../renderer/features/papers/use-paper-pages';
import { StatusBar } from '../../renderer/shell/status-bar';
import { NO_FACETS, useUi } from '../../renderer/stores/ui-store';
import { mount } from './mount';

const NAMES: Record<number, string> = { 7: 'Chong Ruan', 9: 'François Lefèvre' };

vi.mock('../../renderer/api/client', () => ({
  request: vi.fn(async (channel: string, input: { id?: number }) => {
    if (channel === 'authors.card') return { id: input.id, name: NAMES[input.id ?? 0] };
    if (channel === 'library.info') return { file: '/home/me/library.sqlite', papers: 42, authors: 70, imports: 2 };
    if (channel === 'imports.list') return [{ id: 3, format: 'scholarfeed', createdAt: '2026-12-07T10:00:00.000Z', author: { id: 7, name: 'Chong Ruan' }, added: 18, updated: 0, unchanged: 0, papersInLibrary: 17, linesSkipped: 0 }];
    throw new Error(`no stub for ${channel}`);
  }),
}));

/** Let the stubbed requests answer and React draw what they return. */
async function settle(): Promise<void> {
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
}

const initial = useUi.getState();
beforeEach(() => useUi.setState(initial, true));
afterEach(() => publishAuthorGrid(null, false));

describe('authorGridStatusText', () => {
  it('says how many authors, the name filter and the sort, with thousands separators', () => {
    expect(authorGridStatusText({ total: 1234, filter: 'smi', sort: 'hIndex', desc: true })).toBe('1,234 authors · matching “smi” · sorted by h-index (highest first)');
    expect(authorGridStatusText({ total: 64, filter: '', sort: 'papers', desc: true })).toBe('64 authors · sorted by Papers in library (highest first)');
    expect(authorGridStatusText({ total: 1, filter: ' lef ', sort: 'name', desc: false })).toBe('1 author · matching “lef” · sorted by Name (A to Z)');
    expect(authorGridStatusText({ total: 0, filter: 'zz', sort: 'citations', desc: false })).toBe('0 authors · matching “zz” · sorted by Citations (lowest first)');
    expect(authorGridStatusText({ total: 30000, filter: '', sort: 'name', desc: true }, true)).toBe('30,000 authors · sorted by Name (Z to A) · not updated: the last change could not be shown');
  });

  it('clips a long filter and says nothing before the grid has answered', () => {
    expect(authorGridStatusText({ total: 0, filter: 'x'.repeat(80), sort: 'name', desc: false })).toBe(`0 authors · matching “${'x'.repeat(59)}…” · sorted by Name (A to Z)`);
    expect(authorGridStatusText(null)).toBe('');
  });
});

describe("the status bar's words for an import's papers", () => {
  it('names the import as the sidebar and its chip do, not by its row id', async () => {
    const fromImport = { total: 17, dataInput: { filter: '', categories: [], authorIds: [], affiliations: [], sort: [], importId: 3 }, current: true, error: null, loading: false } as unknown as PapersResult;
    const { container } = mount(<StatusBar papers={fromImport} sorting={[]} />);
    await settle();
    expect(container.querySelector('[data-testid="status-text"]')?.textContent).toBe('17 of 42 papers · from the import Chong Ruan · 2026-12-07');
  });
});

describe('the status bar in the Authors view', () => {
  const papers = { total: 42, dataInput: { filter: '', categories: [], authorIds: [], affiliations: [], sort: [] }, current: true, error: null, loading: false } as unknown as PapersResult;

  it('describes the grid the Authors view shows, and the papers again in the Papers view', async () => {
    const { container } = mount(<StatusBar papers={papers} sorting={[]} />);
    await settle();
    const text = () => container.querySelector('[data-testid="status-text"]')?.textContent;
    expect(text()).toBe('42 papers');
    act(() => {
      useUi.getState().setView('authors');
      publishAuthorGrid({ total: 1234, filter: 'smi', sort: 'hIndex', desc: true }, false);
    });
    expect(text()).toBe('1,234 authors · matching “smi” · sorted by h-index (highest first)');
    act(() => useUi.getState().setView('papers'));
    expect(text()).toBe('42 papers');
  });
});

describe('the author chip in the facet bar', () => {
  const chip = (el: HTMLElement) => el.querySelector<HTMLElement>('[data-testid="author-chip"]');
  const button = (el: HTMLElement, name: string) => [...el.querySelectorAll('button')].find((b) => b.textContent === name || b.getAttribute('aria-label') === name);

  it('shows nothing and offers no Clear filters without an author or filter', async () => {
    const { container } = mount(<FacetBar />);
    await settle();
    expect(chip(container)).toBeNull();
    expect(button(container, 'Clear filters')).toBeUndefined();
  });

  it('names the selected author; its button removes the author and moves focus to the first filter', async () => {
    act(() => useUi.getState().selectAuthor(9));
    const { container } = mount(<FacetBar />);
    await settle();
    expect(chip(container)?.textContent).toBe('Author: François Lefèvre');
    expect(button(container, 'Clear filters')).toBeDefined();
    act(() => button(container, 'Remove the author filter (François Lefèvre)')?.click());
    expect(useUi.getState().selectedAuthorId).toBeNull();
    expect(chip(container)).toBeNull();
    expect(document.activeElement?.getAttribute('data-testid')).toBe('facet-year');
  });

  it('Clear filters drops the author with the facets and the quick filter', async () => {
    act(() => {
      useUi.getState().selectAuthor(7);
      useUi.getState().setFacets({ hasCode: true, yearFrom: 2024 });
      useUi.getState().setFilter('prover');
    });
    const { container } = mount(<FacetBar />);
    await settle();
    expect(chip(container)?.textContent).toBe('Author: Chong Ruan');
    act(() => button(container, 'Clear filters')?.click());
    const s = useUi.getState();
    expect([s.selectedAuthorId, s.facets, s.filter]).toEqual([null, NO_FACETS, '']);
    expect(chip(container)).toBeNull();
    expect(button(container, 'Clear filters')).toBeUndefined();
  });
});
