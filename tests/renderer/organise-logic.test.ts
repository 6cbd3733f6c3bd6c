/** The organise features' pure parts: sidebar trees, the saved-search query, the tag picker's matching, undo labels. */
import { describe, expect, it } from 'vitest';
import type { Collection, Tag } from '../../shared/contract';
import { parseQuery } from '../../shared/search/parse';
import { lowerFirst } from '../../renderer/features/organise/curation-actions';
import { filtersToQuery, quoteValue } from '../../renderer/features/organise/filters-to-query';
import { matchTags } from '../../renderer/features/organise/tag-picker';
import { collectionSubtreeIds, collectionTree, flattenCollections, tagIdsUnder, tagTree } from '../../renderer/features/organise/trees';
import { NO_FACETS } from '../../renderer/stores/ui-store';

const tag = (id: number, name: string, paperCount: number, subtreeCount = paperCount): Tag => ({ id, name, colour: null, type: 'manual', paperCount, subtreeCount });
const collection = (id: number, name: string, parentId: number | null, paperCount = 0): Collection => ({ id, name, parentId, paperCount });

describe('tagTree', () => {
  it('nests by "/", makes bare levels (no count: their children may overlap) for missing parents, and sorts siblings by name', () => {
    const tree = tagTree([tag(1, 'method/rl', 3), tag(2, 'survey', 2), tag(3, 'method', 1, 5), tag(4, 'area/vision/3d', 1), tag(5, 'area/nlp', 4), tag(6, 'Benchmark', 1)]);
    expect(tree.map((n) => [n.path, n.count, n.tag?.id ?? null])).toEqual([
      ['area', null, null],
      ['Benchmark', 1, 6],
      ['method', 5, 3],
      ['survey', 2, 2],
    ]);
    const area = tree[0]!;
    expect(area.children.map((n) => [n.path, n.label, n.count])).toEqual([
      ['area/nlp', 'nlp', 4],
      ['area/vision', 'vision', null],
    ]);
    expect(area.children[1]!.children.map((n) => n.path)).toEqual(['area/vision/3d']);
    // A bare level filters by every tag below it; a real tag by itself (the library takes in its children).
    expect(tagIdsUnder(area).sort()).toEqual([4, 5]);
    expect(tagIdsUnder(tree[2]!)).toEqual([3]);
  });
});

describe('collectionTree', () => {
  it('nests by parentId with depths, and lists a subtree for moves', () => {
    const tree = collectionTree([collection(1, 'Thesis', null, 2), collection(2, 'Reading', null, 5), collection(3, 'Chapter 2', 1, 1), collection(4, 'Figures', 3)]);
    expect(flattenCollections(tree).map((n) => [n.collection.name, n.depth])).toEqual([
      ['Reading', 0],
      ['Thesis', 0],
      ['Chapter 2', 1],
      ['Figures', 2],
    ]);
    expect(collectionSubtreeIds(tree[1]!)).toEqual([1, 3, 4]);
  });
});

describe('filtersToQuery', () => {
  const names = new Map([
    [1, 'method/rl'],
    [2, 'deep learning'],
  ]);
  it('writes every filter in the query syntax, and the query parses', () => {
    const { query, left } = filtersToQuery('prover  lean', { ...NO_FACETS, tagIds: [1, 2], tagMode: 'or', yearFrom: 2020, yearTo: 2024, categories: ['CL', 'LG'], hasCode: false, status: 'unread', ratingMin: 4, starred: true, collectionId: 7 }, names);
    expect(query).toBe('(prover lean) (tag:method/rl OR tag:"deep learning") year:2020..2024 (category:CL OR category:LG) -has:code status:unread rating:>=4 is:starred');
    expect(left).toEqual(['the collection']);
    expect(parseQuery(query).ok).toBe(true);
  });
  it('joins tags with AND, keeps a saved search, and gives nothing for no filters', () => {
    expect(filtersToQuery('', { ...NO_FACETS, tagIds: [1, 2], tagMode: 'and', yearFrom: 2021 }, names).query).toBe('tag:method/rl tag:"deep learning" year:>=2021');
    expect(filtersToQuery('x', { ...NO_FACETS, savedSearch: { id: 1, name: 'RL', query: 'a OR b' } }, names).query).toBe('(a OR b) x');
    expect(filtersToQuery('', NO_FACETS, names)).toEqual({ query: '', left: [] });
  });
  it('keeps the search box as typed: its fields, phrases, OR and negations', () => {
    const { query } = filtersToQuery(' tag:method  -status:read "proof search" OR lean ', { ...NO_FACETS, ratingMin: 4 }, names);
    expect(query).toBe('(tag:method -status:read "proof search" OR lean) rating:>=4');
    expect(parseQuery(query).ok).toBe(true);
    expect(filtersToQuery('prover', NO_FACETS, names).query).toBe('prover');
  });
  it('quotes values that are not one plain word', () => {
    expect([quoteValue('rl'), quoteValue('Chong Ruan'), quoteValue('OR'), quoteValue('a:b'), quoteValue('say "hi"')]).toEqual(['rl', '"Chong Ruan"', '"OR"', '"a:b"', '"say  hi "']);
  });
});

describe('matchTags', () => {
  it('keeps names holding the text, those starting with it (or a level starting with it) first', () => {
    const tags = [tag(1, 'survey', 1), tag(2, 'method/rl', 1), tag(3, 'url-parsing', 1), tag(4, 'rlhf', 1)];
    expect(matchTags(tags, 'RL').map((t) => t.name)).toEqual(['method/rl', 'rlhf', 'url-parsing']);
    expect(matchTags(tags, '  ').map((t) => t.id)).toEqual([1, 2, 3, 4]);
  });
});

describe('lowerFirst', () => {
  it('lowers the first word of a label but not an acronym or a name', () => {
    expect([lowerFirst('Tag 3 papers'), lowerFirst('Untag 1 paper'), lowerFirst('RL stuff'), lowerFirst('X')]).toEqual(['tag 3 papers', 'untag 1 paper', 'RL stuff', 'X']);
  });
});
