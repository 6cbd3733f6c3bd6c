/** Right pane: the selected author (card and charts) or the selected paper, as two tabs. */
import { useChannel } from '../api/use-channel';
import { ReadProblem } from '../ui/read-problem';
import { AuthorCardView } from '../features/authors/author-card';
import { MetricsPanel } from '../features/metrics/metrics-panel';
import { PaperDetail } from '../features/papers/paper-detail';
import { useUi, type DetailTab } from '../stores/ui-store';
import { useNarrowWindow } from './use-narrow-window';

const DETAIL_PANE_ID = 'detail-pane';
const DETAIL_TOGGLE_ID = 'detail-toggle';

function AuthorTab() {
  const authorId = useUi((s) => s.selectedAuthorId);
  const card = useChannel('authors.card', authorId === null ? null : { id: authorId });
  const metrics = useChannel('authors.metrics', authorId === null ? null : { id: authorId });
  if (authorId === null) return <p className="pane-hint">Choose an author in the sidebar, or an author of a paper, to see their card and metrics here.</p>;
  if (card.error && !card.data) return <p className="pane-error">{card.error.message}</p>;
  if (!card.data || card.data.id !== authorId) return <p className="pane-hint">Loading the author…</p>;
  return (
    <>
      <AuthorCardView card={card.data} snapshots={metrics.data?.authorId === authorId ? metrics.data.snapshots : []} />
      {metrics.data && metrics.data.authorId === authorId ? <MetricsPanel metrics={metrics.data} /> : null}
      <ReadProblem error={metrics.error} what="the author's metrics" onRetry={metrics.reload} />
    </>
  );
}

const TABS: { id: DetailTab; label: string }[] = [
  { id: 'author', label: 'Author' },
  { id: 'paper', label: 'Paper' },
];

/** The pane: beside the table in wide windows, a drawer over it in narrow ones (closed with Escape or ×). */
export function DetailPane() {
  const narrow = useNarrowWindow();
  const open = useUi((s) => (narrow ? s.detailOpen.narrow : s.detailOpen.wide));
  const setDetailOpen = useUi((s) => s.setDetailOpen);
  const tab = useUi((s) => s.detailTab);
  const setTab = useUi((s) => s.setDetailTab);
  if (!open) return null;

  const close = () => {
    setDetailOpen('narrow', false);
    document.getElementById(DETAIL_TOGGLE_ID)?.focus();
  };

  return (
    <aside
      id={DETAIL_PANE_ID}
      className={narrow ? 'detail-pane is-drawer' : 'detail-pane'}
      aria-label="Details"
      onKeyDown={
        narrow
          ? (e) => {
              if (e.key === 'Escape') {
                e.preventDefault();
                close();
              }
            }
          : undefined
      }
    >
      <div className="detail-head">
        <div className="tabs" role="tablist" aria-label="Detail view">
          {TABS.map((t) => (
            <button
              key={t.id}
              id={`tab-${t.id}`}
              type="button"
              role="tab"
              className="tab"
              aria-selected={tab === t.id}
              aria-controls={`tabpanel-${t.id}`}
              tabIndex={tab === t.id ? 0 : -1}
              onClick={() => setTab(t.id)}
              onKeyDown={(e) => {
                if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
                  e.preventDefault();
                  const next = t.id === 'author' ? 'paper' : 'author';
                  setTab(next);
                  document.getElementById(`tab-${next}`)?.focus();
                }
              }}
            >
              {t.label}
            </button>
          ))}
        </div>
        {narrow ? (
          <button type="button" className="icon-button detail-close" aria-label="Close the details pane" title="Close the details pane (Esc)" onClick={close}>
            <svg aria-hidden="true" viewBox="0 0 16 16" width="14" height="14">
              <path d="m4 4 8 8M12 4l-8 8" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
            </svg>
          </button>
        ) : null}
      </div>
      <div className="detail-scroll" id={`tabpanel-${tab}`} role="tabpanel" aria-labelledby={`tab-${tab}`}>
        {tab === 'author' ? <AuthorTab /> : <PaperDetail />}
      </div>
    </aside>
  );
}

/** Toolbar button that shows or hides the detail pane (in narrow windows: opens or closes the drawer). */
export function DetailToggle() {
  const narrow = useNarrowWindow();
  const open = useUi((s) => (narrow ? s.detailOpen.narrow : s.detailOpen.wide));
  const setDetailOpen = useUi((s) => s.setDetailOpen);
  return (
    <button
      type="button"
      id={DETAIL_TOGGLE_ID}
      className="button button-quiet detail-toggle"
      aria-pressed={open}
      aria-controls={open ? DETAIL_PANE_ID : undefined}
      onClick={() => setDetailOpen(narrow ? 'narrow' : 'wide', !open)}
      title={open ? 'Hide the details pane' : 'Show the details pane: the author card and the selected paper'}
    >
      <svg aria-hidden="true" viewBox="0 0 16 16" width="14" height="14">
        <rect x="1.75" y="2.75" width="12.5" height="10.5" rx="1.5" fill="none" stroke="currentColor" strokeWidth="1.3" />
        <path d="M9.75 3v10" stroke="currentColor" strokeWidth="1.3" />
        {open ? <path d="M10.5 3.5h3v9h-3z" fill="currentColor" opacity="0.35" /> : null}
      </svg>
      Details
    </button>
  );
}
