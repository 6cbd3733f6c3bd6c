/**
 * Star, rating and reading status of one paper as clickable controls, for the table's cells and the
 * detail pane. In the table they stay out of the tab order (one tab stop per row; the keys S, 0-5,
 * U, I and R do the same on the selection), in the detail pane they are ordinary buttons.
 */
import type { ReadingStatus } from '../../../shared/contract';
import { setRating, setStarred, setStatus } from './curation-actions';

export const STATUS_LABELS: Record<ReadingStatus, string> = { unread: 'Unread', reading: 'Reading', read: 'Read' };
/** The key that sets each status on the selection (organise-shortcuts.ts). */
export const STATUS_KEYS: Record<ReadingStatus, string> = { unread: 'U', reading: 'I', read: 'R' };
const NEXT_STATUS: Record<ReadingStatus, ReadingStatus> = { unread: 'reading', reading: 'read', read: 'unread' };

interface MarkProps {
  paperId: number;
  /** In a table cell: no tab stop. */
  inTable?: boolean;
}

export function StarButton({ paperId, starred, inTable = false }: MarkProps & { starred: boolean }) {
  return (
    <button
      type="button"
      className={`mark-button star-button${starred ? ' is-on' : ''}`}
      aria-pressed={starred}
      aria-label={starred ? 'Starred' : 'Not starred'}
      title={`${starred ? 'Unstar' : 'Star'} this paper (S)`}
      tabIndex={inTable ? -1 : undefined}
      onClick={() => void setStarred([paperId], !starred)}
    >
      <svg aria-hidden="true" viewBox="0 0 16 16" width="14" height="14">
        <path d="M8 1.8l1.9 3.9 4.3.6-3.1 3 .7 4.3L8 11.6l-3.8 2 .7-4.3-3.1-3 4.3-.6z" fill={starred ? 'currentColor' : 'none'} stroke="currentColor" strokeWidth="1.2" strokeLinejoin="round" />
      </svg>
    </button>
  );
}

export function RatingStars({ paperId, rating, inTable = false }: MarkProps & { rating: number | null }) {
  return (
    <span className="rating" role="group" aria-label={rating === null ? 'Not rated' : `Rated ${rating} of 5`}>
      {[1, 2, 3, 4, 5].map((n) => (
        <button
          key={n}
          type="button"
          className={`rating-star${rating !== null && n <= rating ? ' is-on' : ''}`}
          aria-label={`${n} of 5`}
          aria-pressed={rating === n}
          title={rating === n ? `Clear the rating (0)` : `Rate ${n} of 5 (${n})`}
          tabIndex={inTable ? -1 : undefined}
          onClick={() => void setRating([paperId], rating === n ? null : n)}
        >
          ★
        </button>
      ))}
    </span>
  );
}

export function StatusButton({ paperId, status, inTable = false }: MarkProps & { status: ReadingStatus }) {
  const next = NEXT_STATUS[status];
  return (
    <button
      type="button"
      className={`status-button status-${status}`}
      title={`${STATUS_LABELS[status]}: click to mark ${STATUS_LABELS[next].toLowerCase()} (keys: U unread, I reading, R read)`}
      tabIndex={inTable ? -1 : undefined}
      onClick={() => void setStatus([paperId], next)}
    >
      <span className="status-dot" aria-hidden="true" />
      {STATUS_LABELS[status]}
    </button>
  );
}
