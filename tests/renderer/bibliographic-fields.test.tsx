/**
 * The detail pane's Publication section, rendered in happy-dom from a fixed paper: the fields in words,
 * links only where they are https:, citation counts per source with their dates, the Code flag's link.
 */
import { describe, expect, it } from 'vitest';
import type { PaperDetail } from '../../shared/contract';
import { BibliographicFields, CodeFlag, venueDetails } from '../../renderer/features/papers/bibliographic-fields';
import { mount } from './mount';

const PAPER: PaperDetail = {
  id: 4, title: 'Scaling Laws for Robotic Grasping', authors: ['A bin Yusof', 'H Ødegård'], authorsTruncated: false, date: null, year: 2015, categories: [],
  hasCode: null, affiliations: [], citations: 402, venue: 'Computational Linguistics', addedAt: '2026-12-07T10:00:00.000Z', tags: [], status: 'unread',
  rating: null, starred: false, noteCount: 0, deletedAt: null, abstract: null, itemType: 'article-journal', arxivVersion: null, volume: '59', issue: '11',
  page: '713-726', number: null, publisher: null, publisherPlace: null, event: null, url: 'http://example.org/insecure', isbn: null, issn: '0891-2017', pmid: null,
  pmcid: null, language: 'en', keywords: ['grasping', 'scaling'], extra: { printed_venue: 'Computational Linguistics 59 (11), 713-726' }, editedFields: [],
  sourceValues: {},
  citationCounts: [
    { source: 'semantic_scholar', site: 'Semantic Scholar', count: 1402, readOn: '2026-12-08' },
    { source: 'google_scholar', site: 'Google Scholar', count: 390, readOn: '2026-12-07' },
  ],
  doi: '10.5555/cl.59.11', arxivId: 'cs/0612045', authorCount: null, authorLinks: [], imports: [], createdAt: '2026-12-07T10:00:00.000Z', updatedAt: '2026-12-08T10:00:00.000Z',
};

const field = (root: HTMLElement, id: string) => root.querySelector(`[data-testid="${id}"]`) as HTMLElement | null;

describe('the Publication section', () => {
  it('shows each field in words', () => {
    const root = mount(<BibliographicFields paper={PAPER} />).container;
    expect(field(root, 'record-type')!.textContent).toBe('TypeJournal article');
    expect(field(root, 'record-venue')!.textContent).toBe('Published inComputational Linguistics, 59 (11), pp. 713-726');
    expect(field(root, 'record-keywords')!.textContent).toBe('Keywordsgrasping, scaling');
    expect(field(root, 'record-issn')!.textContent).toBe('ISSN0891-2017');
    expect(field(root, 'record-citations')!.textContent).toBe('Citationscited by 1,402 (Semantic Scholar, 2026-12-08)cited by 390 (Google Scholar, 2026-12-07)');
    expect(field(root, 'record-publisher')).toBeNull();
  });

  it('links DOI and arXiv, and shows a non-https URL as text only', () => {
    const root = mount(<BibliographicFields paper={PAPER} />).container;
    expect(field(root, 'record-doi')!.querySelector('a')!.getAttribute('href')).toBe('https://doi.org/10.5555/cl.59.11');
    expect(field(root, 'record-doi')!.querySelector('a')!.getAttribute('rel')).toBe('noopener noreferrer');
    expect(field(root, 'record-arxiv')!.querySelector('a')!.getAttribute('href')).toBe('https://arxiv.org/abs/cs/0612045');
    expect(field(root, 'record-url')!.querySelector('a')).toBeNull();
    expect(field(root, 'record-url')!.textContent).toBe('URLhttp://example.org/insecure');
  });

  it('links the Code flag to the code when the page gave its address', () => {
    const linked = mount(<CodeFlag extra={{ code_url: 'https://github.com/org/repo' }} />).container;
    expect(linked.querySelector('a')!.getAttribute('href')).toBe('https://github.com/org/repo');
    expect(mount(<CodeFlag extra={{}} />).container.querySelector('a')).toBeNull();
  });

  it('writes the venue details in citation order', () => {
    expect(venueDetails({ volume: '7', issue: null, page: '453-466', number: null })).toBe('7, pp. 453-466');
    expect(venueDetails({ volume: null, issue: '3', page: 'e1002', number: '112' })).toBe('issue 3, article 112, p. e1002');
  });
});
