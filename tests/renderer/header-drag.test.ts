/** Where a dragged column header lands in the full column list (hidden columns keep their places). */
import { describe, expect, it } from 'vitest';
import { moveColumnNextTo } from '../../renderer/features/papers/header-drag';
import { DEFAULT_COLUMNS } from '../../renderer/stores/ui-store';

const ids = (columns: { id: string }[]) => columns.map((c) => c.id);

describe('moveColumnNextTo', () => {
  it('moves a column just before or just after the one it is dropped on', () => {
    expect(ids(moveColumnNextTo(DEFAULT_COLUMNS, 'year', 'title', 'before'))).toEqual(['year', 'title', 'authors', 'firstAuthor', 'date', 'categories', 'venue', 'code', 'affiliations', 'citations', 'added', 'starred', 'tags', 'status', 'rating']);
    expect(ids(moveColumnNextTo(DEFAULT_COLUMNS, 'title', 'code', 'after'))).toEqual(['authors', 'firstAuthor', 'year', 'date', 'categories', 'venue', 'code', 'title', 'affiliations', 'citations', 'added', 'starred', 'tags', 'status', 'rating']);
    expect(ids(moveColumnNextTo(DEFAULT_COLUMNS, 'code', 'affiliations', 'after'))).toEqual(['title', 'authors', 'firstAuthor', 'year', 'date', 'categories', 'venue', 'affiliations', 'code', 'citations', 'added', 'starred', 'tags', 'status', 'rating']);
  });

  it('keeps each column as it was (visibility, width)', () => {
    const columns = DEFAULT_COLUMNS.map((c) => (c.id === 'authors' ? { ...c, width: 240 } : c));
    const moved = moveColumnNextTo(columns, 'authors', 'date', 'after');
    expect(moved.find((c) => c.id === 'authors')).toEqual({ id: 'authors', visible: true, width: 240 });
    expect(moved.filter((c) => c.visible).map((c) => c.id)).toEqual(['title', 'date', 'authors', 'categories', 'code', 'affiliations']);
  });

  it('returns the same list when nothing moves', () => {
    expect(moveColumnNextTo(DEFAULT_COLUMNS, 'authors', 'authors', 'before')).toBe(DEFAULT_COLUMNS);
    // Already just before / after its neighbour.
    expect(moveColumnNextTo(DEFAULT_COLUMNS, 'title', 'authors', 'before')).toBe(DEFAULT_COLUMNS);
    expect(moveColumnNextTo(DEFAULT_COLUMNS, 'authors', 'title', 'after')).toBe(DEFAULT_COLUMNS);
    expect(moveColumnNextTo(DEFAULT_COLUMNS, 'nope', 'title', 'before')).toBe(DEFAULT_COLUMNS);
    expect(moveColumnNextTo(DEFAULT_COLUMNS, 'title', 'nope', 'after')).toBe(DEFAULT_COLUMNS);
  });
});
