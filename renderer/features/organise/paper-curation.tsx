/**
 * The detail pane's marks for one paper: its tags as chips (each removable, "Add tag" opens the
 * type-ahead), the reading status as three buttons, the rating and the star.
 */
import { READING_STATUSES, type PaperRow } from '../../../shared/contract';
import { removeTags, setStatus } from './curation-actions';
import { RatingStars, STATUS_KEYS, STATUS_LABELS, StarButton } from './mark-controls';
import { TagChip } from './tag-chip';
import { useTagPicker } from './tag-picker';

export function PaperCuration({ paper }: { paper: PaperRow }) {
  return (
    <section className="detail-section paper-curation" aria-label="Tags, status and rating">
      <div className="curation-marks">
        <div className="segmented segmented-sm" role="group" aria-label="Reading status">
          {READING_STATUSES.map((s) => (
            <button key={s} type="button" className="segment" aria-pressed={paper.status === s} title={`Mark ${STATUS_LABELS[s].toLowerCase()} (${STATUS_KEYS[s]})`} onClick={() => void setStatus([paper.id], s)}>
              {STATUS_LABELS[s]}
            </button>
          ))}
        </div>
        <RatingStars paperId={paper.id} rating={paper.rating} />
        <StarButton paperId={paper.id} starred={paper.starred} />
      </div>
      <ul className="tag-chips" aria-label="Tags">
        {paper.tags.map((t) => (
          <li key={t.id}>
            <TagChip tag={t}>
              <button type="button" className="tag-chip-remove" aria-label={`Remove tag ${t.name}`} title={`Remove ${t.name} from this paper (Ctrl/Cmd+Z undoes)`} onClick={() => void removeTags([paper.id], [t])}>
                ×
              </button>
            </TagChip>
          </li>
        ))}
        <li>
          <button type="button" className="chip chip-add" title="Add or remove tags (T)" onClick={(e) => {
            e.currentTarget.focus();
            useTagPicker.getState().open([paper.id]);
          }}>
            + Tag
          </button>
        </li>
      </ul>
    </section>
  );
}
