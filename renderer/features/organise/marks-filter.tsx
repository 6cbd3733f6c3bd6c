/**
 * The Marks filter of the facet bar: reading status, a minimum rating and starred only. Each narrows
 * the table like the other facets and shows in the facet button and the status bar in words.
 */
import { READING_STATUSES } from '../../../shared/contract';
import { useUi, type FacetFilters } from '../../stores/ui-store';
import { STATUS_LABELS } from './mark-controls';

/** The marks filters in a few words (null: none). */
export function marksWords(f: Pick<FacetFilters, 'status' | 'ratingMin' | 'starred'>): string | null {
  const words: string[] = [];
  if (f.status !== null) words.push(STATUS_LABELS[f.status].toLowerCase());
  if (f.ratingMin !== null) words.push(f.ratingMin === 5 ? 'rated 5' : `rated ${f.ratingMin}+`);
  if (f.starred !== null) words.push(f.starred ? 'starred' : 'not starred');
  return words.length > 0 ? words.join(', ') : null;
}

export function MarksFilter() {
  const facets = useUi((s) => s.facets);
  const setFacets = useUi((s) => s.setFacets);
  return (
    <div className="marks-filter">
      <label className="prompt-field">
        <span className="field-label">Reading status</span>
        <select className="input" value={facets.status ?? ''} onChange={(e) => setFacets({ status: e.target.value === '' ? null : (e.target.value as FacetFilters['status']) })}>
          <option value="">Any status</option>
          {READING_STATUSES.map((s) => (
            <option key={s} value={s}>
              {STATUS_LABELS[s]}
            </option>
          ))}
        </select>
      </label>
      <label className="prompt-field">
        <span className="field-label">Rating</span>
        <select className="input" value={facets.ratingMin ?? ''} onChange={(e) => setFacets({ ratingMin: e.target.value === '' ? null : Number(e.target.value) })}>
          <option value="">Any rating</option>
          {[1, 2, 3, 4, 5].map((n) => (
            <option key={n} value={n}>
              {n === 5 ? '★★★★★ only' : `${'★'.repeat(n)} or more`}
            </option>
          ))}
        </select>
      </label>
      <label className="facet-option">
        <input type="checkbox" checked={facets.starred === true} onChange={(e) => setFacets({ starred: e.target.checked ? true : null })} />
        <span className="facet-option-label">Starred only</span>
      </label>
    </div>
  );
}
