/**
 * Left pane: the whole library, every author whose profile was imported, then the library grouped by
 * category, year and import, each with counts. Each entry shows exactly its papers (show-in-library.ts)
 * and is highlighted while what the table shows is exactly that entry (organise/sidebar-scope.ts).
 */
import { useState } from 'react';
import { useChannel } from '../../api/use-channel';
import { useUi, type FacetFilters } from '../../stores/ui-store';
import { useSidebarCurrent, type SidebarEntry } from '../organise/sidebar-scope';
import { showAuthor, showInLibrary } from '../organise/show-in-library';
import { formatCount, formatDayTime } from '../../ui/format';
import { importWords } from '../papers/scope-chip-row';
import { ThemeSwitch } from '../../shell/theme-switch';
import { AuthorAvatar } from './author-avatar';
import { CollectionsSection } from '../organise/sidebar-collections';
import { SavedSearchesSection } from '../organise/sidebar-saved-searches';
import { TagsSection } from '../organise/sidebar-tags';
import { useBackupsDialog } from '../backups/backup-actions';
import { TrashEntry } from '../organise/trash';
import { ImportReportButton } from '../import/import-report-button';

const GROUP_LIMIT = 8;

function AuthorItem({ id, name, papers }: { id: number; name: string; papers: number }) {
  const selected = useSidebarCurrent((e) => e.kind === 'author' && e.id === id);
  return (
    <li>
      <button
        type="button"
        className="nav-item"
        aria-current={selected ? 'page' : undefined}
        onClick={() => showAuthor(id)}
        title={`${name}: ${formatCount(papers)} ${papers === 1 ? 'paper' : 'papers'} in your library`}
      >
        <AuthorAvatar name={name} size="sm" />
        <span className="nav-label">{name}</span>
        <span className="nav-count">{formatCount(papers)}</span>
      </button>
    </li>
  );
}

/** An entry of Categories, Years or Imports: highlighted while it alone narrows the table. */
function GroupItem({ label, count, is, patch, title, after }: { label: string; count: number; is: (e: SidebarEntry) => boolean; patch: Partial<FacetFilters>; title?: string; after?: React.ReactNode }) {
  const current = useSidebarCurrent(is);
  const onClick = () => showInLibrary(patch);
  return (
    <li>
      <button type="button" className="nav-item nav-item-group" aria-current={current ? 'true' : undefined} onClick={onClick} title={title}>
        <span className="nav-label">{label}</span>
        <span className="nav-count">{formatCount(count)}</span>
      </button>
      {after}
    </li>
  );
}

/** A titled group that lists its first entries and the rest on demand. */
function Group<T>({ id, title, items, render, empty }: { id: string; title: string; items: T[] | null; render: (item: T) => React.ReactNode; empty: string }) {
  const [all, setAll] = useState(false);
  const shown = items && !all ? items.slice(0, GROUP_LIMIT) : items;
  return (
    <>
      <h2 className="nav-heading" id={id}>
        {title}
      </h2>
      {items && items.length > 0 ? (
        <ul className="nav-list" aria-labelledby={id}>
          {shown?.map(render)}
          {items.length > GROUP_LIMIT ? (
            <li>
              <button type="button" className="nav-more link-button" aria-expanded={all} onClick={() => setAll((a) => !a)}>
                {all ? 'Show fewer' : `Show all ${formatCount(items.length)}`}
              </button>
            </li>
          ) : null}
        </ul>
      ) : (
        <p className="nav-empty">{items ? empty : ''}</p>
      )}
    </>
  );
}

export function Sidebar() {
  const info = useChannel('library.info', {});
  const authors = useChannel('authors.list', { profilesOnly: true });
  const groups = useChannel('papers.facets', {});
  const imports = useChannel('imports.list', {});
  const selectedAuthorId = useUi((s) => s.selectedAuthorId);
  const wholeLibrary = useSidebarCurrent((e) => e.kind === 'library');
  const clearFilters = useUi((s) => s.clearFilters);
  const setView = useUi((s) => s.setView);
  const openImport = useUi((s) => s.openImport);

  // A co-author opened from a card has no profile, so no entry above; show them while selected so
  // the sidebar still says whose papers the table holds.
  const inList = authors.data?.some((a) => a.id === selectedAuthorId) ?? false;
  const other = useChannel('authors.card', selectedAuthorId !== null && authors.data && !inList ? { id: selectedAuthorId } : null);
  const otherCard = other.data && other.data.id === selectedAuthorId && !inList ? other.data : null;

  const years = groups.data ? [...groups.data.years].sort((a, b) => b.year - a.year) : null;

  return (
    <nav className="sidebar" id="sidebar" aria-label="Library">
      <div className="sidebar-brand">
        <span className="brand-mark" aria-hidden="true">
          L
        </span>
        <span className="brand-name">Lectern</span>
      </div>

      <ul className="nav-list">
        <li>
          <button
            type="button"
            className="nav-item"
            aria-current={wholeLibrary ? 'page' : undefined}
            title="Show every paper: clears every filter and the search"
            onClick={() => {
              // "Show me everything": every filter goes (the open paper stays open).
              clearFilters();
              if (useUi.getState().view === 'authors') setView('papers');
            }}
          >
            <svg className="nav-icon" aria-hidden="true" viewBox="0 0 16 16" width="14" height="14">
              <path d="M3 2.5h3v11H3zM7 2.5h3v11H7zM11 3l2.6-.6 2 10.9-2.6.6z" fill="none" stroke="currentColor" strokeWidth="1.3" strokeLinejoin="round" />
            </svg>
            <span className="nav-label">My Library</span>
            <span className="nav-count">{info.data ? formatCount(info.data.papers) : ''}</span>
          </button>
        </li>
      </ul>

      <h2 className="nav-heading" id="nav-authors">
        Authors
      </h2>
      {authors.data && authors.data.length > 0 ? (
        <ul className="nav-list" aria-labelledby="nav-authors">
          {authors.data.map((a) => (
            <AuthorItem key={a.id} id={a.id} name={a.name} papers={a.papersInLibrary} />
          ))}
        </ul>
      ) : (
        <p className="nav-empty">{authors.error ? 'Authors could not be loaded.' : 'Import a profile to see its author here.'}</p>
      )}

      {otherCard ? (
        <>
          <h2 className="nav-heading" id="nav-viewing">
            Viewing
          </h2>
          <ul className="nav-list" aria-labelledby="nav-viewing">
            <AuthorItem id={otherCard.id} name={otherCard.name} papers={otherCard.papersInLibrary} />
          </ul>
        </>
      ) : null}

      {info.data && info.data.papers > 0 ? (
        <>
      <CollectionsSection />
      <TagsSection />
      <SavedSearchesSection />
      <Group
        id="nav-categories"
        title="Categories"
        items={groups.data?.categories ?? null}
        empty="No categories yet."
        render={(c) => (
          <GroupItem
            key={c.value}
            label={c.label}
            count={c.count}
            is={(e) => e.kind === 'category' && e.value === c.value}
            patch={{ categories: [c.value] }}
            title={`Show the ${c.label} papers`}
          />
        )}
      />
      <Group
        id="nav-years"
        title="Years"
        items={years}
        empty="No dated papers yet."
        render={(y) => (
          <GroupItem
            key={y.year}
            label={String(y.year)}
            count={y.count}
            is={(e) => e.kind === 'year' && e.year === y.year}
            patch={{ yearFrom: y.year, yearTo: y.year }}
            title={`Show the papers from ${y.year}`}
          />
        )}
      />
      <Group
        id="nav-imports"
        title="Imports"
        items={imports.data ?? null}
        empty="Nothing imported yet."
        render={(imp) => (
          <GroupItem
            key={imp.id}
            label={importWords(imp)}
            count={imp.papersInLibrary}
            is={(e) => e.kind === 'import' && e.id === imp.id}
            patch={{ importId: imp.id }}
            title={`Imported ${formatDayTime(imp.createdAt)}: ${formatCount(imp.added)} added, ${formatCount(imp.updated)} updated, ${formatCount(imp.unchanged)} unchanged`}
            after={<ImportReportButton id={imp.id} name={importWords(imp)} />}
          />
        )}
      />
      <TrashEntry />
        </>
      ) : null}

      <div className="sidebar-footer">
        <button type="button" className="button button-block" onClick={() => openImport()}>
          Import a profile…
        </button>
        <button type="button" className="button button-block button-quiet" title="The library's backups: back up now, or restore one" onClick={() => useBackupsDialog.getState().show()}>
          Backups…
        </button>
        <ThemeSwitch />
      </div>
    </nav>
  );
}
