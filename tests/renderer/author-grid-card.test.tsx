/** One card of the authors grid, rendered in happy-dom: what it shows, and what opening does. */
import { act } from 'react';
import { describe, expect, it } from 'vitest';
import type { AuthorGridCard as CardData } from '../../shared/contract';
import { AuthorGridCard } from '../../renderer/features/author-grid/author-grid-card';
import { mount } from './mount';

function render(card: CardData, opened: number[]): HTMLElement {
  return mount(<AuthorGridCard card={card} position={2} setSize={30000} tabIndex={0} onOpen={(id) => opened.push(id)} />).container;
}

const CHONG: CardData = {
  id: 2,
  name: 'Chong Ruan',
  primaryCategory: 'CL',
  papersInLibrary: 18,
  hasProfile: true,
  hIndex: 38,
  citations: 14139,
  capturedAt: '2025-03-04T10:00:00.000Z',
  paperAffiliations: [
    { name: 'pku', count: 6 },
    { name: 'stanford', count: 4 },
    { name: 'tsinghua', count: 4 },
  ],
  coAuthors: [
    { id: 5, name: 'DeepSeek-AI', count: 6 },
    { id: 6, name: 'Xiaokang Chen', count: 4 },
    { id: 7, name: 'Aixin Liu', count: 3 },
  ],
};

describe('AuthorGridCard', () => {
  it('shows the avatar, name, category, metrics with their day, affiliations, co-authors and papers', () => {
    const el = render(CHONG, []);
    const card = el.querySelector<HTMLElement>('[data-testid="author-card"]');
    expect(card?.getAttribute('aria-posinset')).toBe('2');
    expect(card?.getAttribute('aria-setsize')).toBe('30000');
    expect(el.querySelector('.avatar')?.textContent).toBe('CR');
    expect(el.querySelector('h3')?.textContent).toBe('Chong Ruan');
    expect(el.querySelector('.badge')?.textContent).toBe('CL');
    expect(el.querySelector('[data-testid="author-card-papers"]')?.textContent).toBe('18 papers in library');
    expect(el.querySelector('.grid-metrics')?.textContent).toBe('h-index38Citations14,139');
    expect(el.querySelector('.grid-card-captured')?.textContent).toMatch(/^as of 2025-03-0[34]$/);
    expect(el.textContent).toContain('pku · stanford · tsinghua');
    expect([...el.querySelectorAll('.coauthor-chip')].map((b) => b.textContent)).toEqual(['DADeepSeek-AI', 'XCXiaokang Chen', 'ALAixin Liu']);
    expect(el.textContent).not.toMatch(/undefined|NaN|null/);
  });

  it('says "No profile imported" when there is no snapshot', () => {
    const el = render({ ...CHONG, hasProfile: false, hIndex: null, citations: null, capturedAt: null, primaryCategory: null, paperAffiliations: [], coAuthors: [] }, []);
    expect(el.textContent).toContain('No profile imported');
    expect(el.querySelector('.badge')).toBeNull();
    expect(el.querySelector('.grid-metrics')).toBeNull();
  });

  // Issue 9: the source prints affiliations per paper, so a co-author's card must not call the
  // affiliations of the papers they share with the profile's owner theirs.
  it("labels a co-author's affiliations as their papers', never as the person's", () => {
    const wei: CardData = {
      ...CHONG,
      id: 9,
      name: 'Wei-Ting Hsu',
      primaryCategory: null,
      papersInLibrary: 2,
      hasProfile: false,
      hIndex: null,
      citations: null,
      capturedAt: null,
      paperAffiliations: [
        { name: 'fjordhavn', count: 2 },
        { name: 'saltmarsh-u', count: 1 },
      ],
      coAuthors: [{ id: 1, name: 'Marisol Quintero-Vance', count: 2 }],
    };
    const el = render(wei, []);
    const facts = [...el.querySelectorAll('.grid-card-facts > div')].map((d) => [d.querySelector('dt')?.textContent, d.querySelector('dd')?.textContent]);
    expect(facts[0]).toEqual(['On papers with', 'fjordhavn · saltmarsh-u']);
    expect([...el.querySelectorAll('dt')].map((d) => d.textContent)).not.toContain('Affiliations');
    expect(el.querySelector('[data-testid="author-card-paper-affiliations"]')?.getAttribute('title')).toBe(
      'Affiliations printed on their papers (the papers list them, not whose they are):\nfjordhavn: on 2 papers\nsaltmarsh-u: on 1 paper',
    );
  });

  it('says no affiliations are printed on their papers when there are none', () => {
    const el = render({ ...CHONG, paperAffiliations: [] }, []);
    const dd = el.querySelector('[data-testid="author-card-paper-affiliations"]');
    expect(dd?.textContent).toBe('no affiliations printed');
    expect(dd?.hasAttribute('title')).toBe(false);
  });

  it('opens the author on click and on Enter, and a co-author from their name only', () => {
    const opened: number[] = [];
    const el = render(CHONG, opened);
    const card = el.querySelector<HTMLElement>('[data-testid="author-card"]')!;
    act(() => card.click());
    act(() => {
      card.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    });
    act(() => el.querySelectorAll<HTMLButtonElement>('.coauthor-chip')[1]?.click());
    expect(opened).toEqual([2, 2, 6]);
  });
});
