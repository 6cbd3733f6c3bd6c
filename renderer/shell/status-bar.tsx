/**
 * The thin bar at the bottom: how many papers are shown and selected, and the author, filters and sort
 * of the list in words (in the Authors view, the grid's count, name filter and sort instead: see
 * author-grid-status.tsx). It describes the rows on screen, i.e. the request that produced them: when a
 * newer request failed (the table keeps the previous rows), it says so instead of describing a list
 * that is not shown. Background work (an import, a slow read) shows its progress here too, with Cancel.
 */
import { importWords } from '../features/papers/scope-chip-row';
import { useChannel } from '../api/use-channel';
import { AuthorGridStatus } from '../features/author-grid/author-grid-status';
import { BackgroundWork } from './background-work';
import { yearWords } from '../features/papers/facet-bar';
import { SORT_LABELS } from '../features/papers/paper-columns';
import type { PapersResult } from '../features/papers/use-paper-pages';
import { runsSavedSearch, typedQuery, useUi, type SortLevel } from '../stores/ui-store';
import { clip, formatCount, plural } from '../ui/format';
import { organiseWords } from '../features/organise/filter-words';

const DIRECTION_WORDS: Record<string, [asc: string, desc: string]> = {
  date: ['oldest first', 'newest first'],
  year: ['oldest first', 'newest first'],
  added: ['oldest first', 'newest first'],
  citations: ['fewest first', 'most first'],
  code: ['without code first', 'with code first'],
  rating: ['lowest first', 'highest first'],
  starred: ['unstarred first', 'starred first'],
  status: ['unread first', 'read first'],
};

function sortWords(sort: SortLevel[]): string | null {
  if (sort.length === 0) return null;
  const levels = sort.map((s) => {
    const [asc, desc] = DIRECTION_WORDS[s.id] ?? ['A to Z', 'Z to A'];
    return `${SORT_LABELS[s.id] ?? s.id} (${s.desc ? desc : asc})`;
  });
  return `sorted by ${levels.join(', then ')}`;
}

function fileName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

function orList(values: string[]): string {
  if (values.length <= 1) return values.join('');
  return `${values.slice(0, -1).join(', ')} or ${values[values.length - 1]}`;
}

export function StatusBar({ papers, sorting }: { papers: PapersResult; sorting: SortLevel[] }) {
  const info = useChannel('library.info', {});
  const selected = useUi((s) => s.selectedIds.size);
  const facets = useUi((s) => s.facets);
  const authorsView = useUi((s) => s.view === 'authors');
  const shownInput = papers.dataInput;
  const filter = (typedQuery(shownInput?.query, facets.savedSearch) || shownInput?.filter)?.trim() ?? '';
  const authorId = shownInput?.authorId ?? null;
  const author = useChannel('authors.card', authorId === null ? null : { id: authorId });
  const tags = useChannel('tags.list', {});
  const collections = useChannel('collections.list', {});
  const imports = useChannel('imports.list', shownInput?.importId !== undefined ? {} : null);

  const matching = papers.total ?? 0;
  const all = info.data?.papers ?? 0;
  const words: string[] = [];
  // Facets in words, for the list on screen (its request carries them).
  if (shownInput) {
    const years = yearWords({ yearFrom: shownInput.yearFrom ?? null, yearTo: shownInput.yearTo ?? null });
    if (years) words.push(years.startsWith('up to') || years.endsWith(' on') ? `from ${years}`.replace('from up to', 'up to') : `from ${years}`);
    if (shownInput.categories?.length) words.push(`in ${orList(shownInput.categories)}`);
    if (shownInput.hasCode !== undefined) words.push(shownInput.hasCode ? 'with code' : 'without code');
    if (shownInput.authorIds?.length) {
      const names = shownInput.authorIds.map((id) => facets.authors.find((a) => a.id === id)?.name ?? `author ${id}`);
      words.push(`with ${orList(names)}`);
    }
    if (shownInput.affiliations?.length) words.push(`at ${orList(shownInput.affiliations)}`);
    if (shownInput.importId !== undefined) {
      // Named as the sidebar and the chip name it ("Chong Ruan · 2026-12-07"), not by its row id.
      const imp = imports.data?.find((i) => i.id === shownInput.importId);
      words.push(`from the import ${imp ? importWords(imp) : `#${shownInput.importId}`}`);
    }
    words.push(...organiseWords(shownInput, tags.data, collections.data, facets.savedSearch && runsSavedSearch(shownInput.query, facets.savedSearch) ? facets.savedSearch.name : null));
  }
  const scoped = authorId !== null || filter !== '' || words.length > 0;

  let count = plural(all, 'paper');
  if (papers.total !== null && scoped) count = `${formatCount(matching)} of ${plural(all, 'paper')}`;
  // Trashed papers are not among the library's (all counts them out): no "of".
  if (papers.total !== null && shownInput?.trash === 'only') count = plural(matching, 'paper');

  const parts = [count];
  if (authorId !== null && author.data && author.data.id === authorId) parts.push(`by ${author.data.name}`);
  if (filter) parts.push(`matching “${clip(filter, 60)}”`);
  parts.push(...words);
  const sortText = sortWords(papers.current ? sorting : (shownInput?.sort ?? []).map((s) => ({ id: s.column === 'category' ? 'categories' : s.column === 'added' ? 'added' : s.column, desc: s.desc ?? false })));
  if (sortText) parts.push(sortText);
  if (selected > 0) parts.push(`${formatCount(selected)} selected`);
  if (papers.error && papers.total !== null) parts.push('not updated: the last change could not be shown');

  return (
    <footer className="status-bar">
      <span data-testid="status-text" aria-live="polite" title={!authorsView && filter.length > 60 ? `Filter: ${filter}` : undefined}>
        {authorsView ? <AuthorGridStatus /> : info.data ? parts.join(' · ') : ''}
      </span>
      <BackgroundWork />
      <span className="status-right" title={info.data ? `Library file: ${info.data.file}` : undefined}>
        {info.data ? fileName(info.data.file) : ''}
      </span>
    </footer>
  );
}
