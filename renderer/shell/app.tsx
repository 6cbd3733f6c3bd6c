/**
 * The window: sidebar | main view (papers table, authors grid or metrics) | detail pane, with drag
 * handles between the panes, a status bar, and the import dialog on top.
 */
import { useEffect, type CSSProperties } from 'react';
import { useChannel } from '../api/use-channel';
import { AuthorGridView } from '../features/author-grid/author-grid-view';
import { Sidebar } from '../features/authors/sidebar';
import { useFirstProfileOnLoad } from '../features/authors/use-first-profile';
import { EmptyLibrary } from '../features/import/empty-state';
import { ImportDialog } from '../features/import/import-dialog';
import { usePasteShortcut } from '../features/import/use-paste-shortcut';
import { SelectionMetricsPanel } from '../features/metrics/selection-metrics-view';
import { useChooser } from '../features/papers/column-chooser';
import { FacetBar } from '../features/papers/facet-bar';
import { FilterBox } from '../features/papers/filter-box';
import { PapersTable } from '../features/papers/papers-table';
import { useListInput, usePaperPages } from '../features/papers/use-paper-pages';
import { loadPrefs } from '../stores/prefs';
import { paperFilters, useUi, type MainView } from '../stores/ui-store';
import { DetailPane, DetailToggle } from './detail-pane';
import { Notices } from './notices';
import { PaneResizer } from './pane-resizer';
import { StatusBar } from './status-bar';
import { useLoadErrors } from './use-load-errors';
import { useNarrowWindow } from './use-narrow-window';
import { useShortcuts } from './use-shortcuts';
import { ContextMenu } from '../features/organise/context-menu';
import { PaperMenu } from '../features/organise/paper-menu';
import { PromptDialog } from '../features/organise/prompt-dialog';
import { TagPicker } from '../features/organise/tag-picker';
import { TrashBar } from '../features/organise/trash';
import { useOrganiseShortcuts } from '../features/organise/use-organise-shortcuts';
import { BackupsDialog } from '../features/backups/backups-dialog';
import { ImportReportDialog } from '../features/import/import-report-dialog';
import { DamageBanner } from '../features/backups/damage-banner';
import { keepSelectionVisible } from '../features/organise/visible-selection';
import { guardFocus } from '../ui/focus-return';
import { NewPaperButton, NewPaperDialog } from '../features/papers/new-paper-dialog';
import { useEditShortcuts } from '../features/papers/use-edit-shortcuts';
import { ReferencesMenu } from '../features/references/references-menu';
import { ReferenceDialogs } from '../features/references/reference-dialogs';

const VIEWS: { id: MainView; label: string; title: string }[] = [
  { id: 'papers', label: 'Papers', title: 'The papers table' },
  { id: 'authors', label: 'Authors', title: 'Every author as a card' },
  { id: 'metrics', label: 'Metrics', title: 'Metrics for the papers shown, or for the selected papers' },
];

function ViewSwitch() {
  const view = useUi((s) => s.view);
  const setView = useUi((s) => s.setView);
  return (
    <div className="segmented" role="group" aria-label="View">
      {VIEWS.map((v) => (
        <button key={v.id} type="button" className="segment" aria-pressed={view === v.id} title={v.title} onClick={() => setView(v.id)}>
          {v.label}
        </button>
      ))}
    </div>
  );
}

function SidebarToggle() {
  const collapsed = useUi((s) => s.panes.sidebarCollapsed);
  const setPanes = useUi((s) => s.setPanes);
  return (
    <button
      type="button"
      className="icon-button sidebar-toggle"
      aria-pressed={!collapsed}
      aria-label="Sidebar"
      aria-controls={collapsed ? undefined : 'sidebar'}
      title={collapsed ? 'Show the sidebar' : 'Hide the sidebar'}
      onClick={() => setPanes({ sidebarCollapsed: !collapsed })}
    >
      <svg aria-hidden="true" viewBox="0 0 16 16" width="14" height="14">
        <rect x="1.75" y="2.75" width="12.5" height="10.5" rx="1.5" fill="none" stroke="currentColor" strokeWidth="1.3" />
        <path d="M6.25 3v10" stroke="currentColor" strokeWidth="1.3" />
        {collapsed ? null : <path d="M2.5 3.5h3v9h-3z" fill="currentColor" opacity="0.35" />}
      </svg>
    </button>
  );
}

function ColumnsButton() {
  const open = useChooser((s) => s.open);
  return (
    <button
      type="button"
      className="button button-quiet"
      title="Choose, order and size the table's columns (or right-click a column header)"
      onClick={(e) => {
        const box = e.currentTarget.getBoundingClientRect();
        open({ x: box.left, y: box.bottom + 4, returnFocus: e.currentTarget });
      }}
    >
      Columns…
    </button>
  );
}

function Toolbar() {
  const openImport = useUi((s) => s.openImport);
  const view = useUi((s) => s.view);
  return (
    <div className="toolbar">
      <SidebarToggle />
      <ViewSwitch />
      {view !== 'authors' ? <FilterBox /> : <span className="toolbar-spacer" />}
      <div className="toolbar-end">
        {view === 'papers' ? <ColumnsButton /> : null}
        <NewPaperButton />
        <ReferencesMenu />
        <button type="button" className="button" onClick={() => openImport()} title="Import a profile page (or press Ctrl/Cmd+V outside a text field)">
          Import…
        </button>
        <DetailToggle />
      </div>
    </div>
  );
}

function MetricsView() {
  const selected = useUi((s) => s.selectedIds);
  const filter = useUi((s) => s.filter);
  const authorId = useUi((s) => s.selectedAuthorId);
  const facets = useUi((s) => s.facets);
  const filters = selected.size > 1 ? { paperIds: [...selected] } : paperFilters({ filter, selectedAuthorId: authorId, facets });
  return (
    <div className="metrics-view">
      <SelectionMetricsPanel filters={filters} />
    </div>
  );
}

export function App() {
  usePasteShortcut();
  const info = useChannel('library.info', {});
  const prefsLoaded = useUi((s) => s.prefsLoaded);
  const view = useUi((s) => s.view);
  const sorting = useUi((s) => s.sorting);
  const panes = useUi((s) => s.panes);
  const setPanes = useUi((s) => s.setPanes);
  const narrow = useNarrowWindow();
  const detailOpen = useUi((s) => (narrow ? s.detailOpen.narrow : s.detailOpen.wide));
  const setDetailOpen = useUi((s) => s.setDetailOpen);
  const listInput = useListInput();
  const papers = usePaperPages(listInput, prefsLoaded);
  useShortcuts(papers);
  useOrganiseShortcuts(papers);
  useEditShortcuts();
  const inTrash = useUi((s) => s.facets.trash);
  useFirstProfileOnLoad();
  useEffect(() => {
    void loadPrefs();
  }, []);
  // The selection holds only papers the table shows; focus never falls to the page's body.
  useEffect(() => keepSelectionVisible(), []);
  useEffect(() => guardFocus(), []);
  useLoadErrors([
    { source: 'library', error: info.error, kept: '' },
    { source: 'papers', error: papers.error, kept: papers.total !== null ? 'The table still shows the last list that loaded.' : '' },
  ]);

  const empty = info.data !== null && info.data.papers === 0;
  const style = {
    ...(panes.sidebarWidth !== null ? { '--sidebar-width': `${panes.sidebarWidth}px` } : {}),
    ...(panes.detailWidth !== null ? { '--detail-width': `${panes.detailWidth}px` } : {}),
  } as CSSProperties;
  const paneWidth = (id: string) => () => document.getElementById(id)?.getBoundingClientRect().width ?? 0;

  return (
    <div className="app">
      <Notices />
      <DamageBanner />
      <div className="panes" style={style}>
        {panes.sidebarCollapsed ? null : (
          <>
            <Sidebar />
            {empty ? null : <PaneResizer
              label="Sidebar width"
              controls="sidebar"
              width={paneWidth('sidebar')}
              min={160}
              max={420}
              direction={1}
              onResize={(w) => setPanes({ sidebarWidth: w })}
              onToggle={() => setPanes({ sidebarCollapsed: true })}
            />}
          </>
        )}
        <main className="centre" tabIndex={-1} aria-label={view === 'papers' ? 'Papers' : view === 'authors' ? 'Authors' : 'Metrics'}>
          {empty ? (
            <EmptyLibrary />
          ) : (
            <>
              <Toolbar />
              {view !== 'authors' ? <FacetBar /> : null}
              {view === 'papers' && inTrash ? <TrashBar /> : null}
              {view === 'papers' ? info.data && papers.total !== null ? <PapersTable papers={papers} /> : <div className="papers-table-scroll" /> : null}
              {view === 'authors' ? <AuthorGridView /> : null}
              {view === 'metrics' ? <MetricsView /> : null}
            </>
          )}
        </main>
        {empty || narrow || !detailOpen ? null : (
          <PaneResizer
            label="Details pane width"
            controls="detail-pane"
            width={paneWidth('detail-pane')}
            min={260}
            max={720}
            direction={-1}
            onResize={(w) => setPanes({ detailWidth: w })}
            onToggle={() => setDetailOpen('wide', false)}
          />
        )}
        {empty ? null : <DetailPane />}
      </div>
      <StatusBar papers={papers} sorting={sorting} />
      <ImportDialog />
      <PromptDialog />
      <TagPicker />
      <PaperMenu />
      <ContextMenu />
      <BackupsDialog />
      <ImportReportDialog />
      <NewPaperDialog />
      <ReferenceDialogs />
    </div>
  );
}
