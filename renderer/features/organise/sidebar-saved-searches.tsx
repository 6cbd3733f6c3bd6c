/**
 * The sidebar's Saved searches (smart collections): each is a query the library runs again whenever
 * it is shown, so it follows the library as papers are tagged, rated or imported. "+" saves the
 * table's current filters as one; right-click renames, edits the query or deletes.
 */
import type { SavedSearch } from '../../../shared/contract';
import { request } from '../../api/client';
import { useChannel } from '../../api/use-channel';
import { useUi } from '../../stores/ui-store';
import { contextMenuProps } from './context-menu';
import { filtersToQuery } from './filters-to-query';
import { usePrompt } from './prompt-dialog';
import { showInLibrary } from './show-in-library';
import { NavSectionHeading } from './nav-section-heading';
import { useSidebarCurrent } from './sidebar-scope';
import { shortTitle } from './acted-on';
import { confirm, undo } from './curation-actions';

async function tagNames(): Promise<Map<number, string>> {
  const tags = await request('tags.list', {});
  return new Map(tags.map((t) => [t.id, t.name]));
}

/** Ask for a name and save the current filters (or, with none, a query typed in the dialog). */
export async function saveCurrentSearch(): Promise<void> {
  const { filter, facets } = useUi.getState();
  const { query, left } = filtersToQuery(filter, facets, await tagNames());
  const note = left.length > 0 ? ` (${left.join(' and ')} cannot be part of a saved search and is left out)` : '';
  if (query === '') {
    usePrompt.getState().open({
      title: 'Save a search',
      message: 'Write the search in the query syntax, e.g. tag:method rating:>=4 -survey.',
      label: 'Query',
      submitLabel: 'Next',
      submit: async ({ text }) => {
        // Check it before asking for a name, so a typo is caught here.
        const parsed = await request('search.parse', { query: text });
        if (!parsed.ok) throw new Error(parsed.error.message);
        setTimeout(() => askName(text, ''), 0);
      },
    });
    return;
  }
  askName(query, note);
}

function askName(query: string, note: string): void {
  usePrompt.getState().open({
    title: 'Save search',
    message: `Papers matching ${query}${note}. The list updates as the library changes.`,
    label: 'Name',
    submitLabel: 'Save',
    submit: async ({ text }) => {
      const saved = await request('savedSearches.create', { name: text, query });
      showInLibrary({ savedSearch: { id: saved.id, name: saved.name, query: saved.query } });
    },
  });
}

function edit(s: SavedSearch, field: 'name' | 'query'): void {
  usePrompt.getState().open({
    title: field === 'name' ? `Rename “${s.name}”` : `Query of “${s.name}”`,
    label: field === 'name' ? 'Name' : 'Query',
    initial: field === 'name' ? s.name : s.query,
    submitLabel: 'Save',
    submit: async ({ text }) => {
      const saved = await request('savedSearches.update', field === 'name' ? { id: s.id, name: text } : { id: s.id, query: text });
      const ui = useUi.getState();
      if (ui.facets.savedSearch?.id === s.id) ui.setFacets({ savedSearch: { id: saved.id, name: saved.name, query: saved.query } });
    },
  });
}

function remove(s: SavedSearch): void {
  usePrompt.getState().open({
    title: `Delete saved search “${s.name}”?`,
    message: 'Only the saved search goes; no paper changes. Ctrl/Cmd+Z brings it back.',
    submitLabel: 'Delete',
    danger: true,
    submit: async () => {
      await request('savedSearches.delete', { id: s.id });
      const ui = useUi.getState();
      if (ui.facets.savedSearch?.id === s.id) ui.setFacets({ savedSearch: null });
      confirm(`Deleted the saved search “${shortTitle(s.name)}”; no paper changed.`, { label: 'Undo', run: () => void undo() });
    },
  });
}

function SavedEntry({ s }: { s: SavedSearch }) {
  const current = useSidebarCurrent((e) => e.kind === 'savedSearch' && e.id === s.id);
  const menu = contextMenuProps(`Saved search ${s.name}`, () => [
    { label: 'Rename…', run: () => edit(s, 'name') },
    { label: 'Edit query…', run: () => edit(s, 'query') },
    { label: 'Delete…', run: () => remove(s), danger: true },
  ]);
  return (
    <li>
      <button
        type="button"
        className="nav-item nav-item-group"
        aria-current={current ? 'true' : undefined}
        title={`${s.query}: right-click to rename, edit or delete`}
        onClick={() => (current ? showInLibrary({}) : showInLibrary({ savedSearch: { id: s.id, name: s.name, query: s.query } }))}
        {...menu}
      >
        <svg className="nav-icon" aria-hidden="true" viewBox="0 0 16 16" width="13" height="13">
          <circle cx="7" cy="7" r="4.2" fill="none" stroke="currentColor" strokeWidth="1.3" />
          <path d="m10.2 10.2 3.5 3.5" stroke="currentColor" strokeWidth="1.3" strokeLinecap="round" />
        </svg>
        <span className="nav-label">{s.name}</span>
      </button>
    </li>
  );
}

export function SavedSearchesSection() {
  const saved = useChannel('savedSearches.list', {});
  return (
    <section aria-labelledby="nav-saved">
      <NavSectionHeading id="nav-saved" title="Saved searches" addLabel="Save the current search" addTitle="Save the table's current filters as a smart collection" onAdd={() => void saveCurrentSearch()} />
      {saved.data && saved.data.length > 0 ? (
        <ul className="nav-list" aria-labelledby="nav-saved">
          {saved.data.map((s) => (
            <SavedEntry key={s.id} s={s} />
          ))}
        </ul>
      ) : (
        <p className="nav-empty">{saved.error ? 'Saved searches could not be loaded.' : saved.data ? 'Filter the table, then + to keep the search.' : ''}</p>
      )}
    </section>
  );
}
