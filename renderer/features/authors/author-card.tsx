/**
 * The selected author: who they are, their profile metrics, the affiliations printed on their papers
 * (labelled as the papers', since a source prints them per paper and never says whose), who they write with.
 */
import type { AuthorCard as AuthorCardData, MetricSnapshot } from '../../../shared/contract';
import { useUi } from '../../stores/ui-store';
import { Badge } from '../../ui/badge';
import { formatCount, formatDay, plural, sourceName } from '../../ui/format';
import { AuthorAvatar } from './author-avatar';
import { Sparkline } from './sparkline';

function Metric({ label, value, testId, hint }: { label: string; value: string | null; testId: string; hint?: string }) {
  return (
    <div className="metric" data-testid={testId} title={hint}>
      <dt className="metric-label">{label}</dt>
      <dd className="metric-value">{value ?? '–'}</dd>
    </div>
  );
}

/** Citations over the captures of the latest capture's source: two sites count differently, so their figures are not a trend. */
function CitationTrend({ snapshots }: { snapshots: MetricSnapshot[] }) {
  const source = snapshots[snapshots.length - 1]?.source;
  const values = snapshots.flatMap((s) => (s.citations === null || s.source !== source ? [] : [s.citations]));
  if (values.length < 2) return null;
  const first = values[0] ?? 0;
  const last = values[values.length - 1] ?? 0;
  const change = last - first;
  const words = `${change >= 0 ? '+' : '−'}${formatCount(Math.abs(change))} citations over ${values.length} captures`;
  return (
    <p className="metric-trend" data-testid="citation-trend">
      <Sparkline values={values} label={`Citations over time: ${values.map(formatCount).join(', ')}`} />
      <span>{words}</span>
    </p>
  );
}

function ProfileMetrics({ metrics, papersInLibrary }: { metrics: MetricSnapshot; papersInLibrary: number }) {
  const num = (v: number | null) => (v === null ? null : formatCount(v));
  return (
    <>
      <dl className="metric-grid">
        <Metric label="h-index" value={num(metrics.hIndex)} testId="metric-h-index" hint="As the profile page shows it: the largest h such that h papers have at least h citations each (Hirsch 2005)." />
        <Metric label="Citations" value={num(metrics.citations)} testId="metric-citations" />
        <Metric label="Papers" value={num(metrics.paperCount)} testId="metric-papers" hint={metrics.paperCount === null ? 'The page does not show how many papers this author has.' : undefined} />
        {metrics.i10Index !== null ? <Metric label="i10-index" value={num(metrics.i10Index)} testId="metric-i10" hint="As the profile page shows it: papers with at least 10 citations (Google Scholar)." /> : null}
        {metrics.noveltyPct !== null ? <Metric label="Novelty" value={`${metrics.noveltyPct}%`} testId="metric-novelty" hint="Scholarfeed's own novelty score for this author, as the page shows it." /> : null}
        {metrics.aiScore !== null ? <Metric label="AI score" value={String(metrics.aiScore)} testId="metric-ai-score" hint="Scholarfeed's own AI score for this author, as the page shows it." /> : null}
      </dl>
      <p className="metric-note">
        As shown on {sourceName(metrics.source)} on {formatDay(metrics.capturedAt)}
        {metrics.paperCount === null ? ` · ${formatCount(papersInLibrary)} in your library` : metrics.paperCount !== papersInLibrary ? ` · ${formatCount(papersInLibrary)} of them in your library` : ''}
      </p>
    </>
  );
}

/** `snapshots` (oldest first) adds a citation sparkline when there are several. */
export function AuthorCardView({ card, snapshots = [] }: { card: AuthorCardData; snapshots?: MetricSnapshot[] }) {
  const selectAuthor = useUi((s) => s.selectAuthor);
  return (
    <section className="author-card" aria-labelledby="author-card-name">
      <header className="author-card-head">
        <AuthorAvatar name={card.name} />
        <div className="author-card-title">
          <h2 id="author-card-name" className="author-name">
            {card.name}
          </h2>
          <div className="author-sub">
            {card.primaryCategory ? <Badge title="Primary category">{card.primaryCategory}</Badge> : null}
            <span className="muted">{plural(card.papersInLibrary, 'paper')} in your library</span>
          </div>
        </div>
      </header>

      {card.metrics ? (
        <>
          <ProfileMetrics metrics={card.metrics} papersInLibrary={card.papersInLibrary} />
          <CitationTrend snapshots={snapshots} />
        </>
      ) : (
        <p className="metric-note">
          {card.profileSources.length > 0
            ? `Their ${card.profileSources.map(sourceName).join(' and ')} profile was imported; it shows no metrics such as h-index or citations.`
            : 'No profile of this author was imported, so there are no profile metrics. Paste their profile page to add them.'}
        </p>
      )}

      {card.paperAffiliations.length > 0 ? (
        <div className="detail-section" data-testid="author-paper-affiliations">
          <h3 className="section-title">On papers with</h3>
          <p className="section-note">Affiliations printed on their papers, with how many print each. Papers list them as a whole, not per author, so they may be a co-author's.</p>
          <ul className="name-counts">
            {card.paperAffiliations.map((a) => (
              <li key={a.name}>
                <span>{a.name}</span>
                <span className="count" title={`on ${plural(a.count, 'paper')}`}>
                  {formatCount(a.count)}
                </span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      {card.coAuthors.length > 0 ? (
        <div className="detail-section">
          <h3 className="section-title">Frequent co-authors</h3>
          <ul className="name-counts">
            {card.coAuthors.map((c) => (
              <li key={c.id}>
                <button type="button" className="link-button" onClick={() => selectAuthor(c.id)} title={`Open ${c.name}'s card`}>
                  <AuthorAvatar name={c.name} size="sm" />
                  <span>{c.name}</span>
                </button>
                <span className="count" title={`${plural(c.count, 'paper')} together`}>
                  {formatCount(c.count)}
                </span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
