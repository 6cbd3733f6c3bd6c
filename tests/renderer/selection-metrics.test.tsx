/**
 * The selection metrics panel's content, rendered in happy-dom from a fixed `metrics.selection`
 * answer: exact figures with thousands separators, each citation figure's definition and source in
 * its tooltip (reachable by keyboard), and a plain sentence when no paper carries a citation count.
 */
import { act } from 'react';
import { describe, expect, it } from 'vitest';
import type { SelectionMetrics } from '../../shared/contract';
import { SelectionMetricsContent } from '../../renderer/features/metrics/selection-metrics-view';
import { mount } from './mount';

function render(metrics: SelectionMetrics, onOpenAuthor?: (id: number) => void): HTMLElement {
  return mount(<SelectionMetricsContent metrics={metrics} onOpenAuthor={onOpenAuthor} />).container;
}

const BASE: SelectionMetrics = {
  papers: 1250,
  papersPerYear: [
    { year: 2019, count: 400 },
    { year: 2024, count: 850 },
  ],
  papersPerCategory: [
    { category: 'CL', count: 900 },
    { category: 'AI', count: 350 },
  ],
  papersWithCode: 500,
  coAuthorsOf: null,
  topAuthors: [
    { id: 7, name: 'Chong Ruan', count: 1204 },
    { id: 9, name: 'Xiaokang Chen', count: 4 },
  ],
  affiliations: [{ name: 'tsinghua', count: 2048 }],
  citations: {
    papersCounted: 1200,
    totalCitations: 123456,
    meanCitations: 102.88,
    hIndex: 87,
    gIndex: 151,
    i10Index: 1034,
    citationsPerYear: 17636.571428,
  },
};

function figure(el: HTMLElement, testId: string): { label: string; value: string; tip: string; element: HTMLElement } {
  const element = el.querySelector<HTMLElement>(`[data-testid="${testId}"]`);
  if (!element) throw new Error(`no ${testId}`);
  const tipId = element.getAttribute('aria-describedby') ?? '';
  const tip = el.ownerDocument.getElementById(tipId);
  return {
    label: element.querySelector('dt')?.textContent ?? '',
    value: element.querySelector('dd')?.textContent ?? '',
    tip: tip?.textContent ?? '',
    element,
  };
}

describe('SelectionMetricsContent', () => {
  it('shows every citation figure exactly, with thousands separators', () => {
    const el = render(BASE);
    expect(figure(el, 'figure-h-index')).toMatchObject({ label: 'h-index', value: '87' });
    expect(figure(el, 'figure-g-index')).toMatchObject({ label: 'g-index', value: '151' });
    expect(figure(el, 'figure-i10-index')).toMatchObject({ label: 'i10-index', value: '1,034' });
    expect(figure(el, 'figure-total-citations')).toMatchObject({ label: 'Total citations', value: '123,456' });
    expect(figure(el, 'figure-mean-citations')).toMatchObject({ label: 'Mean citations', value: '102.9' });
    expect(figure(el, 'figure-citations-per-year')).toMatchObject({ label: 'Citations per year', value: '17,636.6' });
    expect(el.querySelector('[data-testid="citations-counted"]')?.textContent).toContain('Over the 1,200 of 1,250 papers with a citation count.');
    expect(el.querySelector('[data-testid="no-citations"]')).toBeNull();
  });

  it('gives each figure its definition and source in a tooltip tied to it, reachable by keyboard', () => {
    const el = render(BASE);
    const h = figure(el, 'figure-h-index');
    expect(h.tip).toBe(
      'The largest h such that h papers have at least h citations each. Source: Hirsch 2005, “An index to quantify an individual’s scientific research output”, PNAS 102(46).',
    );
    expect(h.tip).toContain('Hirsch 2005');
    const g = figure(el, 'figure-g-index');
    expect(g.tip).toContain('The largest g such that the top g papers together have at least g² citations.');
    expect(g.tip).toContain('Egghe 2006');
    const i10 = figure(el, 'figure-i10-index');
    expect(i10.tip).toBe('Papers with at least 10 citations. Source: Google Scholar Citations.');
    expect(figure(el, 'figure-citations-per-year').tip).toContain('Total citations divided by the years since the first counted paper');
    expect(figure(el, 'figure-mean-citations').tip).toContain('Total citations divided by the number of papers counted.');
    expect(figure(el, 'figure-total-citations').tip).toContain('Source:');
    for (const testId of ['figure-h-index', 'figure-g-index', 'figure-i10-index', 'figure-total-citations', 'figure-mean-citations', 'figure-citations-per-year']) {
      const { element } = figure(el, testId);
      // Focusable, so keyboard users reach the tooltip (CSS shows it on :focus as on :hover).
      expect(element.tabIndex).toBe(0);
      const tip = el.ownerDocument.getElementById(element.getAttribute('aria-describedby') ?? '');
      expect(tip?.getAttribute('role')).toBe('tooltip');
      act(() => element.focus());
      expect(el.ownerDocument.activeElement).toBe(element);
    }
  });

  it('shows a missing mean or rate as a dash, never NaN or undefined', () => {
    const el = render({ ...BASE, citations: { ...BASE.citations!, meanCitations: null, citationsPerYear: null } });
    expect(figure(el, 'figure-mean-citations').value).toBe('–');
    expect(figure(el, 'figure-citations-per-year').value).toBe('–');
    expect(el.textContent).not.toMatch(/NaN|undefined|null/);
  });

  it("heads the names 'Top co-authors' only for one author's papers, 'Top authors' otherwise", () => {
    expect(render(BASE).querySelector('[data-testid="selection-coauthors"]')?.textContent).toMatch(/^Top authors/);
    expect(render({ ...BASE, coAuthorsOf: 3 }).querySelector('[data-testid="selection-coauthors"]')?.textContent).toMatch(/^Top co-authors/);
  });

  it('says plainly when no paper carries a citation count', () => {
    const el = render({ ...BASE, papers: 18, citations: null });
    expect(el.querySelector('[data-testid="figure-h-index"]')).toBeNull();
    expect(el.querySelector('[data-testid="no-citations"]')?.textContent).toContain('None of these 18 papers carries a citation count');
  });

  it('shows the counts, the share with code and the ranked names with separators', () => {
    const opened: number[] = [];
    const el = render(BASE, (id) => opened.push(id));
    expect(el.querySelector('[data-testid="selection-papers"]')?.textContent).toBe('1,250 papers');
    expect(el.querySelector('[data-testid="code-share"]')?.textContent).toBe('500 of 1,250 (40%)');
    const coAuthors = el.querySelector('[data-testid="selection-coauthors"]');
    expect(coAuthors?.querySelectorAll('li')).toHaveLength(2);
    expect(coAuthors?.querySelector('li')?.textContent).toBe('Chong Ruan1,204');
    act(() => coAuthors?.querySelector('button')?.click());
    expect(opened).toEqual([7]);
    expect(el.querySelector('[data-testid="selection-affiliations"] li')?.textContent).toBe('tsinghua2,048');
    // Charts describe their data in words too.
    expect(el.textContent).toContain('2019: 400 papers, 2024: 850 papers');
    expect(el.textContent).toContain('CL: 900 papers, AI: 350 papers');
  });

  it('says there is nothing to measure for no papers', () => {
    const el = render({ ...BASE, papers: 0, papersPerYear: [], papersPerCategory: [], papersWithCode: 0, topAuthors: [], affiliations: [], citations: null });
    expect(el.textContent).toContain('No papers here');
  });
});
