/** The window: sidebar | papers table | detail pane, a status bar, and the import dialog on top. */
import { useChannel } from '../api/use-channel';
import { Sidebar } from '../features/authors/sidebar';
import { useFirstProfileOnLoad } from '../features/authors/use-first-profile';
import { EmptyLibrary } from '../features/import/empty-state';
import { ImportDialog } from '../features/import/import-dialog';
import { usePasteShortcut } from '../features/import/use-paste-shortcut';
import { FilterBox } from '../features/papers/filter-box';
import { PapersTable } from '../features/papers/papers-table';
import { usePapers } from '../features/papers/use-papers';
import { useUi } from '../stores/ui-store';
import { DetailPane, DetailToggle } from './detail-pane';
import { Notices } from './notices';
import { StatusBar } from './status-bar';
import { useShortcuts } from './use-shortcuts';
import { useLoadErrors } from './use-load-errors';

function Toolbar() {
  const openImport = useUi((s) => s.openImport);
  return (
    <div className="toolbar">
      <FilterBox />
      <button type="button" className="button" onClick={() => openImport()} title="Import a profile page (or press Ctrl/Cmd+V outside a text field)">
        Import…
      </button>
      <div className="toolbar-end">
        <DetailToggle />
      </div>
    </div>
  );
}

export function App() {
  usePasteShortcut();
  useShortcuts();
  const info = useChannel('library.info', {});
  const papers = usePapers();
  useFirstProfileOnLoad();
  useLoadErrors([
    { source: 'library', error: info.error, kept: '' },
    { source: 'papers', error: papers.error, kept: papers.data ? 'The table still shows the last list that loaded.' : '' },
  ]);

  const empty = info.data !== null && info.data.papers === 0;

  return (
    <div className="app">
      <Notices />
      <div className="panes">
        <Sidebar />
        <main className="centre" aria-label="Papers">
          {empty ? (
            <EmptyLibrary />
          ) : (
            <>
              <Toolbar />
              {info.data ? <PapersTable papers={papers} /> : <div className="papers-table-scroll" />}
            </>
          )}
        </main>
        {empty ? null : <DetailPane />}
      </div>
      <StatusBar papers={papers} />
      <ImportDialog />
    </div>
  );
}
