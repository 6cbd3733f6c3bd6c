/**
 * What the table shows, as chips: one function from the UI state to the list of every active
 * constraint (author, tags, collection, saved search, import, trash, years, categories, code, authors,
 * affiliations, marks, the search box), each with its label in the field's words and the change that
 * removes it. The filter bar draws them (scope-chip-row.tsx); the sidebar's highlight follows the same
 * state (organise/sidebar-scope.ts), so the two can never disagree about what is shown.
 */
import { STATUS_LABELS } from '../organise/mark-controls';
import { useUi, type FacetFilters, type ScopePatch, type UiScope } from '../../stores/ui-store';

export interface ScopeChip {
  /** Stable and unique among the chips: 'author', 'tag:12', 'category:cs.CL', 'query' … */
  key: string;
  /** What the chip says: "Tag: method/rl", "Year: 2023–2025", "In trash". */
  label: string;
  /** The remove button's accessible name: "Remove the tag filter (method/rl)". */
  removeLabel: string;
  /** The change that drops this constraint (and nothing else). */
  patch: ScopePatch;
  /** Drop this constraint from the table's filters (the selection and the open paper stay). */
  remove(): void;
}

/** Names the library knows for the ids in the state (missing ones show as "…" until they load). */
export interface ScopeNames {
  /** The author the table is narrowed to (`selectedAuthorId`). */
  author?: string | null;
  tags?: ReadonlyMap<number, string>;
  collections?: ReadonlyMap<number, string>;
  /** Import id -> the sidebar's words for it ("Chong Ruan · 2026-12-07"). */
  imports?: ReadonlyMap<number, string>;
}

const PENDING = '…';

/** A year range in words: "2024", "2023–2025", "2020 on", "up to 2024" (null: no year filter). */
export function yearWords(f: Pick<FacetFilters, 'yearFrom' | 'yearTo'>): string | null {
  if (f.yearFrom !== null && f.yearTo !== null) return f.yearFrom === f.yearTo ? String(f.yearFrom) : `${f.yearFrom}–${f.yearTo}`;
  if (f.yearFrom !== null) return `${f.yearFrom} on`;
  if (f.yearTo !== null) return `up to ${f.yearTo}`;
  return null;
}

function chip(key: string, label: string, what: string, name: string | null, patch: ScopePatch): ScopeChip {
  return {
    key,
    label,
    removeLabel: name ? `Remove the ${what} filter (${name})` : `Remove the ${what} filter`,
    patch,
    remove: () => useUi.getState().setScope(patch),
  };
}

/**
 * The tags filtering, as shown: with Any (OR), a tag below another chosen one adds nothing (the library
 * takes a tag with everything below it), so it folds into its ancestor's chip, whose removal drops both.
 * @returns each shown tag id with the ids its chip removes
 */
function tagGroups(f: FacetFilters, names: ReadonlyMap<number, string>): { id: number; ids: number[] }[] {
  const ids = [...new Set(f.tagIds)];
  if (f.tagMode === 'and') return ids.map((id) => ({ id, ids: [id] }));
  const name = (id: number) => names.get(id);
  const under = (child: number, parent: number) => {
    const c = name(child);
    const p = name(parent);
    return c !== undefined && p !== undefined && c.startsWith(`${p}/`);
  };
  const tops = ids.filter((id) => !ids.some((other) => other !== id && under(id, other)));
  return tops.map((top) => ({ id: top, ids: ids.filter((id) => id === top || under(id, top)) }));
}

/**
 * Every active constraint of `s`, in the order the filter bar shows them: where the papers come from
 * (trash, author, collection, saved search, import, tags), then the facets, the marks, and the search.
 * @param s the UI state's scope (selected author, facets, search box text)
 * @param names display names for ids (missing: "…")
 * @returns [] when the whole library is shown
 */
export function scopeChips(s: UiScope, names: ScopeNames = {}): ScopeChip[] {
  const f = s.facets;
  const out: ScopeChip[] = [];
  if (f.trash) out.push({ ...chip('trash', 'In trash', 'trash', null, { facets: { trash: false } }), removeLabel: 'Leave the trash' });
  if (s.selectedAuthorId !== null) {
    const name = names.author ?? null;
    out.push(chip('author', `Author: ${name ?? PENDING}`, 'author', name, { selectedAuthorId: null }));
  }
  if (f.collectionId !== null) {
    const name = names.collections?.get(f.collectionId) ?? null;
    out.push(chip('collection', `Collection: ${name ?? PENDING}`, 'collection', name, { facets: { collectionId: null } }));
  }
  if (f.savedSearch !== null) out.push(chip('savedSearch', `Saved search: ${f.savedSearch.name}`, 'saved search', f.savedSearch.name, { facets: { savedSearch: null } }));
  if (f.importId !== null) {
    const name = names.imports?.get(f.importId) ?? null;
    out.push(chip('import', `Import: ${name ?? PENDING}`, 'import', name, { facets: { importId: null } }));
  }
  const tags = tagGroups(f, names.tags ?? new Map());
  tags.forEach(({ id, ids }, i) => {
    const name = names.tags?.get(id) ?? null;
    // Several tags read as one phrase: "Tag: a", "or tag: b" (Any) / "and tag: b" (All).
    const lead = i === 0 ? 'Tag' : f.tagMode === 'and' ? 'and tag' : 'or tag';
    out.push(chip(`tag:${id}`, `${lead}: ${name ?? PENDING}`, 'tag', name, { facets: { tagIds: f.tagIds.filter((t) => !ids.includes(t)) } }));
  });
  const years = yearWords(f);
  if (years !== null) out.push(chip('year', `Year: ${years}`, 'year', years, { facets: { yearFrom: null, yearTo: null } }));
  for (const c of f.categories) out.push(chip(`category:${c}`, `Category: ${c}`, 'category', c, { facets: { categories: f.categories.filter((x) => x !== c) } }));
  if (f.hasCode !== null) out.push(chip('code', f.hasCode ? 'With code' : 'Without code', 'code', null, { facets: { hasCode: null } }));
  for (const a of f.authors) out.push(chip(`authors:${a.id}`, `Author: ${a.name}`, 'author', a.name, { facets: { authors: f.authors.filter((x) => x.id !== a.id) } }));
  for (const a of f.affiliations) out.push(chip(`affiliation:${a}`, `Affiliation: ${a}`, 'affiliation', a, { facets: { affiliations: f.affiliations.filter((x) => x !== a) } }));
  if (f.status !== null) out.push(chip('status', `Status: ${STATUS_LABELS[f.status]}`, 'status', STATUS_LABELS[f.status], { facets: { status: null } }));
  if (f.ratingMin !== null) {
    const words = f.ratingMin >= 5 ? '5' : `${f.ratingMin}+`;
    out.push(chip('rating', `Rating: ${words}`, 'rating', words, { facets: { ratingMin: null } }));
  }
  if (f.starred !== null) out.push(chip('starred', f.starred ? 'Starred' : 'Not starred', 'star', null, { facets: { starred: null } }));
  const query = s.filter.trim();
  if (query !== '') out.push(chip('query', `Search: ${query}`, 'search', query, { filter: '' }));
  return out;
}
