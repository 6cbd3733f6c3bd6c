import { describe, expect, it } from 'vitest';
import { NO_FACETS, paperFilters, runsSavedSearch, typedQuery } from '../../renderer/stores/ui-store';

const best = { id: 3, name: 'Best', query: 'rating:>=4' };

describe('a saved search with the search box', () => {
  it('sends the saved query alone, or narrowed by what the box holds', () => {
    expect(paperFilters({ filter: '', selectedAuthorId: null, facets: { ...NO_FACETS, savedSearch: best } }).query).toBe('rating:>=4');
    expect(paperFilters({ filter: ' prover ', selectedAuthorId: null, facets: { ...NO_FACETS, savedSearch: best } }).query).toBe('(rating:>=4) prover');
    expect(paperFilters({ filter: 'prover', selectedAuthorId: null, facets: NO_FACETS }).query).toBe('prover');
  });

  it('tells the status bar which part was typed and whether the saved search ran', () => {
    expect(typedQuery('rating:>=4', best)).toBe('');
    expect(typedQuery('(rating:>=4) prover', best)).toBe('prover');
    expect(typedQuery('prover', null)).toBe('prover');
    expect(runsSavedSearch('(rating:>=4) prover', best)).toBe(true);
    expect(runsSavedSearch('rating:>=4', best)).toBe(true);
    expect(runsSavedSearch('rating:>=3', best)).toBe(false);
    expect(runsSavedSearch('rating:>=4', null)).toBe(false);
  });
});
