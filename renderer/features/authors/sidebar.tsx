/** Left pane: the whole library, then every author whose profile was imported, with counts. */
import { useChannel } from '../../api/use-channel';
import { useUi } from '../../stores/ui-store';
import { formatCount } from '../../ui/format';
import { ThemeSwitch } from '../../shell/theme-switch';
import { AuthorAvatar } from './author-avatar';

function AuthorItem({ id, name, papers, selected }: { id: number; name: string; papers: number; selected: boolean }) {
  const selectAuthor = useUi((s) => s.selectAuthor);
  return (
    <li>
      <button
        type="button"
        className="nav-item"
        aria-current={selected ? 'page' : undefined}
        onClick={() => selectAuthor(id)}
        title={`${name}: ${formatCount(papers)} ${papers === 1 ? 'paper' : 'papers'} in your library`}
      >
        <AuthorAvatar name={name} size="sm" />
        <span className="nav-label">{name}</span>
        <span className="nav-count">{formatCount(papers)}</span>
      </button>
    </li>
  );
}

export function Sidebar() {
  const info = useChannel('library.info', {});
  const authors = useChannel('authors.list', { profilesOnly: true });
  const selectedAuthorId = useUi((s) => s.selectedAuthorId);
  const selectAuthor = useUi((s) => s.selectAuthor);
  const openImport = useUi((s) => s.openImport);

  // A co-author opened from a card has no profile, so no entry above; show them while selected so
  // the sidebar still says whose papers the table holds.
  const inList = authors.data?.some((a) => a.id === selectedAuthorId) ?? false;
  const other = useChannel('authors.card', selectedAuthorId !== null && authors.data && !inList ? { id: selectedAuthorId } : null);
  const otherCard = other.data && other.data.id === selectedAuthorId && !inList ? other.data : null;

  return (
    <nav className="sidebar" aria-label="Library">
      <div className="sidebar-brand">
        <span className="brand-mark" aria-hidden="true">
          L
        </span>
        <span className="brand-name">Lectern</span>
      </div>

      <ul className="nav-list">
        <li>
          <button type="button" className="nav-item" aria-current={selectedAuthorId === null ? 'page' : undefined} onClick={() => selectAuthor(null)}>
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
            <AuthorItem key={a.id} id={a.id} name={a.name} papers={a.papersInLibrary} selected={selectedAuthorId === a.id} />
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
            <AuthorItem id={otherCard.id} name={otherCard.name} papers={otherCard.papersInLibrary} selected />
          </ul>
        </>
      ) : null}

      <div className="sidebar-footer">
        <button type="button" className="button button-block" onClick={() => openImport()}>
          Import a profile…
        </button>
        <ThemeSwitch />
      </div>
    </nav>
  );
}
