/**
 * One model of what the table shows: the filter bar's chips (scope-chips.ts) and the sidebar's
 * highlight (sidebar-scope.ts) are both derived from the UI state; every constraint gets a chip whose
 * remove() drops it alone, and the open paper stays open whatever the scope does.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { scopeChips } from '../../renderer/features/papers/scope-chips';
import { sidebarMatch } from '../../renderer/features/organise/sidebar-scope';
import { showAuthor, showInLibrary } from '../../renderer/features/organise/show-in-library';
import { NO_FACETS, useUi, type FacetFilters, type UiScope } from '../../renderer/stores/ui-store';

const initial = useUi.getState();
beforeEach(() => useUi.setState(initial, true));

const scope = (facets: Partial<FacetFilters> = {}, rest: Partial<Omit<UiScope, 'facets'>> = {}): UiScope => ({ selectedAuthorId: null, filter: '', facets: { ...NO_FACETS, ...facets }, ...rest });
const TAGS = new Map([
  [1, 'method'],
  [2, 'method/rl'],
  [3, 'theory'],
]);
const labels = (s: UiScope) => scopeChips(s, { author: 'Chong Ruan', tags: TAGS, collections: new Map([[5, 'Thesis']]), imports: new Map([[9, 'Chong Ruan · 2026-12-07']]) }).map((c) => c.label);

describe('scopeChips', () => {
  it('has no chip for the whole library', () => {
    expect(scopeChips(scope())).toEqual([]);
  });

  it('names every constraint in the field’s words', () => {
    const all = scope(
      {
        yearFrom: 2023,
        yearTo: 2025,
        categories: ['cs.CL', 'cs.LG'],
        hasCode: true,
        authors: [{ id: 4, name: 'Ada Lovelace' }],
        affiliations: ['DeepSeek-AI'],
        importId: 9,
        tagIds: [3],
        collectionId: 5,
        status: 'unread',
        ratingMin: 4,
        starred: true,
        savedSearch: { id: 2, name: 'Best', query: 'rating:>=4' },
      },
      { selectedAuthorId: 7, filter: '  prover  ' },
    );
    expect(labels(all)).toEqual([
      'Author: Chong Ruan',
      'Collection: Thesis',
      'Saved search: Best',
      'Import: Chong Ruan · 2026-12-07',
      'Tag: theory',
      'Year: 2023–2025',
      'Category: cs.CL',
      'Category: cs.LG',
      'With code',
      'Author: Ada Lovelace',
      'Affiliation: DeepSeek-AI',
      'Status: Unread',
      'Rating: 4+',
      'Starred',
      'Search: prover',
    ]);
    expect(labels(scope({ trash: true }))).toEqual(['In trash']);
    expect(labels(scope({ yearFrom: 2024, yearTo: 2024, hasCode: false, ratingMin: 5, starred: false }))).toEqual(['Year: 2024', 'Without code', 'Rating: 5', 'Not starred']);
    expect(labels(scope({ yearFrom: 2020 }))).toEqual(['Year: 2020 on']);
  });

  it('shows several tags as one phrase with Any (or) or All (and), and folds a tag into its chosen parent under Any', () => {
    expect(labels(scope({ tagIds: [2, 3], tagMode: 'or' }))).toEqual(['Tag: method/rl', 'or tag: theory']);
    expect(labels(scope({ tagIds: [2, 3], tagMode: 'and' }))).toEqual(['Tag: method/rl', 'and tag: theory']);
    // method takes in method/rl: under Any the child adds nothing, so one chip, which removes both.
    const folded = scopeChips(scope({ tagIds: [1, 2, 3] }), { tags: TAGS });
    expect(folded.map((c) => c.label)).toEqual(['Tag: method', 'or tag: theory']);
    expect(folded[0]!.patch).toEqual({ facets: { tagIds: [3] } });
    expect(labels(scope({ tagIds: [1, 2], tagMode: 'and' }))).toEqual(['Tag: method', 'and tag: method/rl']);
  });

  it('says … for a name the library has not given yet, and gives each remove button the name', () => {
    const [chip] = scopeChips(scope({ collectionId: 5 }));
    expect(chip!.label).toBe('Collection: …');
    expect(chip!.removeLabel).toBe('Remove the collection filter');
    const [author] = scopeChips(scope({}, { selectedAuthorId: 7 }), { author: 'Chong Ruan' });
    expect(author!.removeLabel).toBe('Remove the author filter (Chong Ruan)');
  });

  it('remove() drops its own constraint only and keeps the selection and the open paper', () => {
    useUi.setState({ selectedAuthorId: 7, filter: 'prover', facets: { ...NO_FACETS, yearFrom: 2023, yearTo: 2025, categories: ['cs.CL', 'cs.LG'], tagIds: [3] } });
    useUi.getState().setSelection(new Set([11, 12]), { id: 11, index: 0 }, 0, 'k');
    const chip = (key: string) => scopeChips(useUi.getState()).find((c) => c.key === key)!;
    chip('category:cs.CL').remove();
    expect(useUi.getState().facets.categories).toEqual(['cs.LG']);
    chip('year').remove();
    chip('tag:3').remove();
    chip('query').remove();
    chip('author').remove();
    const s = useUi.getState();
    expect([s.selectedAuthorId, s.filter, s.facets]).toEqual([null, '', { ...NO_FACETS, categories: ['cs.LG'] }]);
    expect([s.selectedPaperId, [...s.selectedIds], s.detailTab]).toEqual([11, [11, 12], 'paper']);
    chip('category:cs.LG').remove();
    expect(scopeChips(useUi.getState())).toEqual([]);
  });
});

describe('sidebarMatch: the sidebar entry that matches the scope exactly', () => {
  it('is My Library only when nothing narrows the list', () => {
    expect(sidebarMatch(scope())).toEqual({ kind: 'library' });
    expect(sidebarMatch(scope({ yearFrom: 2024, yearTo: 2025 }))).toBeNull();
    expect(sidebarMatch(scope({ categories: ['cs.CL', 'cs.LG'] }))).toBeNull();
    expect(sidebarMatch(scope({}, { filter: 'prover' }))).toBeNull();
    expect(sidebarMatch(scope({ starred: true }))).toBeNull();
  });

  it('is the one entry that alone narrows it, and none for a mix', () => {
    expect(sidebarMatch(scope({ yearFrom: 2024, yearTo: 2024 }))).toEqual({ kind: 'year', year: 2024 });
    expect(sidebarMatch(scope({ categories: ['cs.CL'] }))).toEqual({ kind: 'category', value: 'cs.CL' });
    expect(sidebarMatch(scope({ tagIds: [2, 3], tagMode: 'and' }))).toEqual({ kind: 'tags', ids: [2, 3] });
    expect(sidebarMatch(scope({ collectionId: 5 }))).toEqual({ kind: 'collection', id: 5 });
    expect(sidebarMatch(scope({ trash: true }))).toEqual({ kind: 'trash' });
    expect(sidebarMatch(scope({}, { selectedAuthorId: 7 }))).toEqual({ kind: 'author', id: 7 });
    expect(sidebarMatch(scope({ collectionId: 5, yearFrom: 2024, yearTo: 2024 }))).toBeNull();
    expect(sidebarMatch(scope({ tagIds: [3] }, { filter: 'rl' }))).toBeNull();
    expect(sidebarMatch(scope({ importId: 9 }, { selectedAuthorId: 7 }))).toBeNull();
  });
});

describe('sidebar entries set the scope to themselves and keep the open paper', () => {
  it('a tag, a collection or an author replaces every filter without closing the paper', () => {
    useUi.setState({ filter: 'prover', facets: { ...NO_FACETS, yearFrom: 2023, categories: ['cs.CL'] } });
    useUi.getState().setSelection(new Set([11]), { id: 11, index: 4 }, 4, 'k');
    showInLibrary({ tagIds: [3] });
    let s = useUi.getState();
    expect([s.facets, s.filter, s.selectedAuthorId]).toEqual([{ ...NO_FACETS, tagIds: [3] }, '', null]);
    expect([s.selectedPaperId, s.detailTab]).toEqual([11, 'paper']);
    expect(sidebarMatch(s)).toEqual({ kind: 'tags', ids: [3] });
    showAuthor(7);
    s = useUi.getState();
    expect([s.facets, s.selectedAuthorId, s.selectedPaperId, s.detailTab]).toEqual([NO_FACETS, 7, 11, 'author']);
  });

  it('My Library (clearFilters) clears every filter, the author and the search', () => {
    useUi.setState({ selectedAuthorId: 7, filter: 'x', facets: { ...NO_FACETS, yearFrom: 2024, yearTo: 2024, categories: ['cs.CL'] } });
    useUi.getState().clearFilters();
    expect(sidebarMatch(useUi.getState())).toEqual({ kind: 'library' });
    expect(scopeChips(useUi.getState())).toEqual([]);
  });
});
