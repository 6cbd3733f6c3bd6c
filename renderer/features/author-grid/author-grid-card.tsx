/**
 * One author in the grid: initials avatar, name, primary category, the latest profile metrics with the
 * day they were captured, the affiliations printed on their papers and co-authors seen there, and papers
 * in the library. Affiliations are labelled as the papers' ("On papers with"), never as the person's:
 * the source prints them per paper, so on a shared paper they may be a co-author's.
 * The card is one focusable article: click or Enter opens the author (their papers and card).
 */
import type { KeyboardEvent } from 'react';
import type { AuthorGridCard as CardData } from '../../../shared/contract';
import { Badge } from '../../ui/badge';
import { formatCount, formatDay, plural } from '../../ui/format';
import { AuthorAvatar } from '../authors/author-avatar';

export interface AuthorGridCardProps {
  card: CardData;
  /** Position in the whole sorted list (1-based) and its length, for screen readers. */
  position: number;
  setSize: number;
  onOpen(id: number): void;
  onKeyDown?(e: KeyboardEvent<HTMLElement>): void;
  onFocus?(): void;
  tabIndex: number;
}

function CardMetric({ label, value }: { label: string; value: number | null }) {
  return (
    <div className="grid-metric">
      <dt className="metric-label">{label}</dt>
      <dd className="grid-metric-value">{value === null ? '–' : formatCount(value)}</dd>
    </div>
  );
}

/** The tooltip of the affiliations line: each with its papers, and whose they are (the papers'). */
function paperAffiliationsHint(items: CardData['paperAffiliations']): string | undefined {
  if (items.length === 0) return undefined;
  const lines = items.map((a) => `${a.name}: on ${plural(a.count, 'paper')}`);
  return ['Affiliations printed on their papers (the papers list them, not whose they are):', ...lines].join('\n');
}

export function AuthorGridCard({ card, position, setSize, onOpen, onKeyDown, onFocus, tabIndex }: AuthorGridCardProps) {
  const nameId = `author-grid-name-${card.id}`;
  return (
    <article
      className="grid-card"
      data-testid="author-card"
      data-author-id={card.id}
      data-index={position - 1}
      tabIndex={tabIndex}
      aria-labelledby={nameId}
      aria-posinset={position}
      aria-setsize={setSize}
      title={`Open ${card.name}: their papers in the table, their card in the details pane`}
      onClick={() => onOpen(card.id)}
      onFocus={onFocus}
      onKeyDown={(e) => {
        // The grid may open the card its keys made active (focus not moved there yet) instead.
        onKeyDown?.(e);
        if (e.defaultPrevented) return;
        if (e.target === e.currentTarget && (e.key === 'Enter' || e.key === ' ')) {
          e.preventDefault();
          onOpen(card.id);
        }
      }}
    >
      <header className="grid-card-head">
        <AuthorAvatar name={card.name} />
        <div className="grid-card-title">
          <h3 id={nameId} className="grid-card-name" data-testid="author-card-name">
            {card.name}
          </h3>
          <div className="grid-card-sub">
            {card.primaryCategory ? <Badge title="Primary category">{card.primaryCategory}</Badge> : null}
            <span className="muted" data-testid="author-card-papers">
              {plural(card.papersInLibrary, 'paper')} in library
            </span>
          </div>
        </div>
      </header>

      {card.hasProfile ? (
        <div className="grid-card-metrics">
          <dl className="grid-metrics">
            <CardMetric label="h-index" value={card.hIndex} />
            <CardMetric label="Citations" value={card.citations} />
          </dl>
          {card.capturedAt ? <p className="grid-card-captured">as of {formatDay(card.capturedAt)}</p> : null}
        </div>
      ) : (
        <p className="grid-card-metrics grid-card-none">No profile imported</p>
      )}

      <dl className="grid-card-facts">
        <div>
          <dt>On papers with</dt>
          <dd data-testid="author-card-paper-affiliations" title={paperAffiliationsHint(card.paperAffiliations)}>
            {card.paperAffiliations.length > 0 ? card.paperAffiliations.map((a) => a.name).join(' · ') : <span className="grid-faint">no affiliations printed</span>}
          </dd>
        </div>
        <div>
          <dt>Co-authors</dt>
          <dd className="grid-card-coauthors">
            {card.coAuthors.length > 0 ? (
              card.coAuthors.map((c) => (
                <button
                  key={c.id}
                  type="button"
                  className="coauthor-chip"
                  tabIndex={tabIndex}
                  title={`Open ${c.name} (${plural(c.count, 'paper')} together)`}
                  onClick={(e) => {
                    e.stopPropagation();
                    onOpen(c.id);
                  }}
                  onKeyDown={(e) => e.stopPropagation()}
                >
                  <AuthorAvatar name={c.name} size="sm" />
                  <span>{c.name}</span>
                </button>
              ))
            ) : (
              <span className="grid-faint">none in the library</span>
            )}
          </dd>
        </div>
      </dl>
    </article>
  );
}

/** Where a card is still loading: the same box, quietly. */
export function AuthorGridPlaceholder() {
  return <div className="grid-card grid-card-placeholder" aria-hidden="true" />;
}
