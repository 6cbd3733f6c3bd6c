/** Right pane: the selected author (card and charts) or the selected paper, as two tabs. */
import { useChannel } from '../api/use-channel';
import { AuthorCardView } from '../features/authors/author-card';
import { MetricsPanel } from '../features/metrics/metrics-panel';
import { PaperDetail } from '../features/papers/paper-detail';
import { useUi, type DetailTab } from '../stores/ui-store';

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
      {metrics.error ? <p className="pane-error">{metrics.error.message}</p> : null}
    </>
  );
}

const TABS: { id: DetailTab; label: string }[] = [
  { id: 'author', label: 'Author' },
  { id: 'paper', label: 'Paper' },
];

export function DetailPane() {
  const tab = useUi((s) => s.detailTab);
  const setTab = useUi((s) => s.setDetailTab);
  return (
    <aside className="detail-pane" aria-label="Details">
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
      <div className="detail-scroll" id={`tabpanel-${tab}`} role="tabpanel" aria-labelledby={`tab-${tab}`}>
        {tab === 'author' ? <AuthorTab /> : <PaperDetail />}
      </div>
    </aside>
  );
}
