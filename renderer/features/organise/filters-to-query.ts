/**
 * The table's current filters written in the query syntax (shared/search/parse.ts), so "Save search"
 * keeps them as a smart collection that the library re-runs as papers change. A collection and a
 * sidebar author have no query form: they are named in `left` so the dialog can say so.
 */
import type { FacetFilters } from '../../stores/ui-store';

/** A value as the parser reads it: bare when it is one plain word, else in double quotes. */
export function quoteValue(value: string): string {
  return /^[\p{L}\p{N}_./-]+$/u.test(value) && !/^(OR|AND|NOT)$/.test(value) ? value : `"${value.replace(/"/g, ' ')}"`;
}

function anyOf(parts: string[]): string {
  return parts.length <= 1 ? (parts[0] ?? '') : `(${parts.join(' OR ')})`;
}

/**
 * @param tagNames names of the tag ids in the filters (ids the map lacks are left out)
 * @returns the query and what could not be written in it
 */
export function filtersToQuery(filter: string, f: FacetFilters, tagNames: Map<number, string>): { query: string; left: string[] } {
  const parts: string[] = [];
  const left: string[] = [];
  if (f.savedSearch) parts.push(`(${f.savedSearch.query})`);
  // The search box already holds the query syntax (fields, phrases, OR, -word): keep it as typed, grouped.
  const typed = filter.trim().replace(/\s+/g, ' ');
  if (typed) parts.push(/\s/.test(typed) ? `(${typed})` : typed);
  const tags = f.tagIds.flatMap((id) => (tagNames.has(id) ? [`tag:${quoteValue(tagNames.get(id) ?? '')}`] : []));
  if (f.tagMode === 'and') parts.push(...tags);
  else if (tags.length > 0) parts.push(anyOf(tags));
  if (f.yearFrom !== null && f.yearTo !== null) parts.push(f.yearFrom === f.yearTo ? `year:${f.yearFrom}` : `year:${f.yearFrom}..${f.yearTo}`);
  else if (f.yearFrom !== null) parts.push(`year:>=${f.yearFrom}`);
  else if (f.yearTo !== null) parts.push(`year:<=${f.yearTo}`);
  if (f.categories.length > 0) parts.push(anyOf(f.categories.map((c) => `category:${quoteValue(c)}`)));
  if (f.hasCode !== null) parts.push(f.hasCode ? 'has:code' : '-has:code');
  if (f.authors.length > 0) parts.push(anyOf(f.authors.map((a) => `author:${quoteValue(a.name)}`)));
  if (f.affiliations.length > 0) parts.push(anyOf(f.affiliations.map((a) => `affiliation:${quoteValue(a)}`)));
  if (f.status !== null) parts.push(`status:${f.status}`);
  if (f.ratingMin !== null) parts.push(`rating:>=${f.ratingMin}`);
  if (f.starred !== null) parts.push(f.starred ? 'is:starred' : '-is:starred');
  if (f.collectionId !== null) left.push('the collection');
  if (f.importId !== null) left.push('the import');
  return { query: parts.join(' '), left };
}
