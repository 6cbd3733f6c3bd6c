/** The detail pane's author card, rendered in happy-dom: how it words the affiliations on their papers (issue 9). */
import { describe, expect, it } from 'vitest';
import type { AuthorCard } from '../../shared/contract';
import { AuthorCardView } from '../../renderer/features/authors/author-card';
import { mount } from './mount';

/** A co-author without a profile, on two papers that print two affiliations between them. */
const WEI: AuthorCard = {
  id: 9,
  name: 'Wei-Ting Hsu',
  primaryCategory: null,
  metrics: null,
  profileSources: [],
  papersInLibrary: 2,
  paperAffiliations: [
    { name: 'fjordhavn', count: 2 },
    { name: 'saltmarsh-u', count: 1 },
  ],
  coAuthors: [{ id: 1, name: 'Marisol Quintero-Vance', count: 2 }],
};

const render = (card: AuthorCard) => mount(<AuthorCardView card={card} />).container;

describe('AuthorCardView', () => {
  it("lists a co-author's paper affiliations as the papers', saying they may be a co-author's", () => {
    const el = render(WEI);
    const section = el.querySelector('[data-testid="author-paper-affiliations"]');
    expect(section?.querySelector('h3')?.textContent).toBe('On papers with');
    expect(section?.querySelector('.section-note')?.textContent).toBe(
      'Affiliations printed on their papers, with how many print each. Papers list them as a whole, not per author, so they may be a co-author\'s.',
    );
    expect([...(section?.querySelectorAll('li') ?? [])].map((li) => [li.firstElementChild?.textContent, li.lastElementChild?.textContent, li.lastElementChild?.getAttribute('title')])).toEqual([
      ['fjordhavn', '2', 'on 2 papers'],
      ['saltmarsh-u', '1', 'on 1 paper'],
    ]);
    // No heading presents them as the person's own.
    expect([...el.querySelectorAll('h3')].map((h) => h.textContent)).toEqual(['On papers with', 'Frequent co-authors']);
    expect(el.textContent).not.toMatch(/Affiliations on their papers|undefined|NaN/);
  });

  it('leaves the section out when their papers print no affiliation', () => {
    const el = render({ ...WEI, paperAffiliations: [] });
    expect(el.querySelector('[data-testid="author-paper-affiliations"]')).toBeNull();
    expect(el.textContent).not.toContain('On papers with');
  });

  it('says a profile without metrics was imported, naming its source, instead of "no profile"', () => {
    const el = render({ ...WEI, profileSources: ['openreview'] });
    expect(el.querySelector('.metric-note')?.textContent).toBe('Their OpenReview profile was imported; it shows no metrics such as h-index or citations.');
    expect(render(WEI).querySelector('.metric-note')?.textContent).toMatch(/^No profile of this author was imported/);
  });

  it('draws the citation trend from one source only, not across sites that count differently', () => {
    const snap = (id: number, source: 'scholarfeed' | 'google_scholar', capturedAt: string, citations: number) =>
      ({ id, source, capturedAt, hIndex: 10, i10Index: null, citations, paperCount: null, noveltyPct: null, aiScore: null });
    const trend = (snapshots: ReturnType<typeof snap>[]) =>
      mount(<AuthorCardView card={{ ...WEI, metrics: snapshots[snapshots.length - 1]! }} snapshots={snapshots} />).container.querySelector('[data-testid="citation-trend"]')?.textContent ?? null;
    // A Google Scholar capture after a scholarfeed one: one capture of that source, no trend.
    expect(trend([snap(1, 'scholarfeed', '2026-12-01T00:00:00Z', 14139), snap(2, 'google_scholar', '2026-12-06T00:00:00Z', 12258)])).toBeNull();
    expect(trend([snap(1, 'google_scholar', '2026-12-01T00:00:00Z', 12000), snap(2, 'scholarfeed', '2026-12-02T00:00:00Z', 14139), snap(3, 'google_scholar', '2026-12-06T00:00:00Z', 12258)])).toBe('+258 citations over 2 captures');
  });
});
