/**
 * Which sidebar entry matches what the table shows exactly, so the sidebar highlights it: My Library
 * only when nothing narrows the list, an author, collection, saved search, import, the trash, one
 * category or one year when that is the only constraint, and the chosen tags when tags are the only
 * one. A mix (a collection narrowed to 2024, a search inside a tag) matches no entry: the filter bar's
 * chips (features/papers/scope-chips.ts) then say what is shown.
 */
import type { UiScope } from '../../stores/ui-store';
import { useUi } from '../../stores/ui-store';

export type SidebarEntry =
  | { kind: 'library' }
  | { kind: 'author'; id: number }
  | { kind: 'collection'; id: number }
  | { kind: 'savedSearch'; id: number }
  | { kind: 'import'; id: number }
  | { kind: 'trash' }
  | { kind: 'category'; value: string }
  | { kind: 'year'; year: number }
  | { kind: 'tags'; ids: number[] };

/**
 * The sidebar entry that `s` shows exactly.
 * @returns the entry, or null when the constraints match none
 */
export function sidebarMatch(s: UiScope): SidebarEntry | null {
  const f = s.facets;
  const parts: SidebarEntry[] = [];
  let other = false;
  if (s.selectedAuthorId !== null) parts.push({ kind: 'author', id: s.selectedAuthorId });
  if (f.collectionId !== null) parts.push({ kind: 'collection', id: f.collectionId });
  if (f.savedSearch !== null) parts.push({ kind: 'savedSearch', id: f.savedSearch.id });
  if (f.importId !== null) parts.push({ kind: 'import', id: f.importId });
  if (f.trash) parts.push({ kind: 'trash' });
  if (f.tagIds.length > 0) parts.push({ kind: 'tags', ids: f.tagIds });
  if (f.categories.length === 1) parts.push({ kind: 'category', value: f.categories[0]! });
  else if (f.categories.length > 1) other = true;
  if (f.yearFrom !== null && f.yearFrom === f.yearTo) parts.push({ kind: 'year', year: f.yearFrom });
  else if (f.yearFrom !== null || f.yearTo !== null) other = true;
  if (f.hasCode !== null || f.authors.length > 0 || f.affiliations.length > 0 || f.status !== null || f.ratingMin !== null || f.starred !== null || s.filter.trim() !== '') other = true;
  if (other || parts.length > 1) return null;
  return parts[0] ?? { kind: 'library' };
}

/** Whether the sidebar entry `is` matches what the table shows (re-renders only when that answer changes). */
export function useSidebarCurrent(is: (entry: SidebarEntry) => boolean): boolean {
  return useUi((s) => {
    const entry = sidebarMatch(s);
    return entry !== null && is(entry);
  });
}
