/**
 * Facet filters over the table: year range, category, code, author, affiliation. Each menu lists its
 * values with how many papers each would show under the other filters (papers.facets); they combine.
 * After the menus, every constraint on what the table shows (the sidebar's too, and the search) is a
 * chip with its own remove button (scope-chip-row.tsx), and "Clear filters" drops them all at once.
 */
import { createContext, useContext, useEffect, useId, useRef, useState, type ReactNode } from 'react';
import type { PaperFacets } from '../../../shared/contract';
import { useChannel } from '../../api/use-channel';
import { ReadProblem } from '../../ui/read-problem';
import { hasFacets, paperFilters, useUi, type FacetFilters } from '../../stores/ui-store';
import { ScopeChipRow } from './scope-chip-row';
import { yearWords } from './scope-chips';
import { MarksFilter, marksWords } from '../organise/marks-filter';
import { formatCount } from '../../ui/format';
import { useFocusReturn } from '../../ui/focus-return';

/** True while a menu has no counts (lists then say nothing rather than "none"). */
const CountsPending = createContext(false);

interface MenuProps {
  label: string;
  active: string | null;
  children: (close: () => void) => ReactNode;
  testId: string;
  open: boolean;
  setOpen(open: boolean | ((open: boolean) => boolean)): void;
  /** Shown above the values: why the counts are not current (a cancelled or failed count). */
  notice?: ReactNode;
  /** The first counts are still coming: say so instead of showing an empty list. */
  pending?: boolean;
  /** No counts at all (still coming, or cancelled before any came): lists then say nothing rather than "none". */
  unknown?: boolean;
}

function FacetMenu({ label, active, children, testId, open, setOpen, notice, pending = false, unknown = false }: MenuProps) {
  const ref = useRef<HTMLDivElement>(null);
  const id = useId();
  // Escape (or a value that closes it) gives focus back to the menu's button.
  useFocusReturn(open);
  useEffect(() => {
    if (!open) return;
    const onDown = (e: PointerEvent) => {
      // Cancelling this menu's count from the status bar keeps the menu open, so it can say it stopped.
      if ((e.target as Element | null)?.closest?.('.status-read')) return;
      if (ref.current && !ref.current.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onDown, true);
    ref.current?.querySelector<HTMLElement>('.popover input, .popover select, .popover button')?.focus();
    return () => document.removeEventListener('pointerdown', onDown, true);
  }, [open, setOpen]);
  const close = () => setOpen(false);
  return (
    <div
      className="facet"
      ref={ref}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && open) {
          e.preventDefault();
          e.stopPropagation();
          close();
        }
      }}
    >
      <button
        type="button"
        className={`facet-button${active ? ' is-active' : ''}`}
        aria-expanded={open}
        aria-controls={open ? id : undefined}
        data-testid={testId}
        onClick={() => setOpen((o) => !o)}
      >
        <span className="facet-name">{label}</span>
        {/* The chosen values show as chips after the menus; here only that some are chosen. */}
        {active ? <span className="visually-hidden">: {active}</span> : null}
        <svg aria-hidden="true" viewBox="0 0 16 16" width="10" height="10">
          <path d="m4 6 4 4 4-4" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
        </svg>
      </button>
      {open ? (
        <div className="popover facet-popover" id={id} role="group" aria-label={`${label} filter`}>
          {notice}
          {pending ? <p className="popover-hint">Counting papers…</p> : null}
          <CountsPending.Provider value={pending || unknown}>{children(close)}</CountsPending.Provider>
        </div>
      ) : null}
    </div>
  );
}

function CheckList({ items, chosen, onToggle, empty }: { items: { value: string; label: string; count: number }[]; chosen: string[]; onToggle: (value: string, on: boolean) => void; empty: string }) {
  // Chosen values stay listed even when the other filters leave none of their papers.
  const listed = [...items];
  for (const v of chosen) if (!listed.some((i) => i.value === v)) listed.push({ value: v, label: v, count: 0 });
  const pending = useContext(CountsPending);
  if (listed.length === 0) return pending ? null : <p className="popover-hint">{empty}</p>;
  return (
    <ul className="facet-list">
      {listed.map((item) => (
        <li key={item.value}>
          <label className="facet-option">
            <input type="checkbox" checked={chosen.includes(item.value)} onChange={(e) => onToggle(item.value, e.target.checked)} />
            <span className="facet-option-label">{item.label}</span>
            <span className="facet-count">{formatCount(item.count)}</span>
          </label>
        </li>
      ))}
    </ul>
  );
}

/** `value` once it has stayed the same for `ms` (a search box asks the library after typing pauses). */
function useSettled(value: string, ms = 150): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

function toggled<T>(list: T[], value: T, on: boolean): T[] {
  return on ? (list.includes(value) ? list : [...list, value]) : list.filter((v) => v !== value);
}

function summary(values: string[]): string | null {
  if (values.length === 0) return null;
  return values.length === 1 ? (values[0] ?? null) : `${values[0]} +${values.length - 1}`;
}

export { yearWords };

function YearRange({ facets, data }: { facets: FacetFilters; data: PaperFacets | null }) {
  const setFacets = useUi((s) => s.setFacets);
  const years = [...(data?.years ?? [])].sort((a, b) => a.year - b.year);
  for (const y of [facets.yearFrom, facets.yearTo]) if (y !== null && !years.some((x) => x.year === y)) years.push({ year: y, count: 0 });
  years.sort((a, b) => a.year - b.year);
  const option = (y: { year: number; count: number }) => (
    <option key={y.year} value={y.year}>
      {y.year} ({formatCount(y.count)})
    </option>
  );
  return (
    <div className="year-range">
      <label className="field-label">
        From
        <select className="input" value={facets.yearFrom ?? ''} onChange={(e) => setFacets({ yearFrom: e.target.value === '' ? null : Number(e.target.value) })}>
          <option value="">Any year</option>
          {years.map(option)}
        </select>
      </label>
      <label className="field-label">
        To
        <select className="input" value={facets.yearTo ?? ''} onChange={(e) => setFacets({ yearTo: e.target.value === '' ? null : Number(e.target.value) })}>
          <option value="">Any year</option>
          {years.map(option)}
        </select>
      </label>
    </div>
  );
}

export function FacetBar() {
  const facets = useUi((s) => s.facets);
  const filter = useUi((s) => s.filter);
  const authorId = useUi((s) => s.selectedAuthorId);
  const setFacets = useUi((s) => s.setFacets);
  const clearFilters = useUi((s) => s.clearFilters);
  // Counts are fetched only while a menu is open: at 100,000 papers they cost far more than the rows,
  // and the library answers one request at a time, so fetching them on every keystroke would hold up the table.
  const [openMenu, setOpenMenu] = useState<string | null>(null);
  const menu = (name: string) => ({
    notice: countsProblem,
    pending: counts.data === null && counts.loading,
    unknown: counts.data === null,
    open: openMenu === name,
    setOpen: (next: boolean | ((open: boolean) => boolean)) =>
      setOpenMenu((current) => {
        const want = typeof next === 'function' ? next(current === name) : next;
        return want ? name : current === name ? null : current;
      }),
  });
  // The Author and Affiliation menus search names on the server: a large library has far more of them than one list can show.
  const [authorQuery, setAuthorQuery] = useState('');
  const authorSearch = useSettled(authorQuery.trim());
  const [affiliationQuery, setAffiliationQuery] = useState('');
  const affiliationSearch = useSettled(affiliationQuery.trim());
  const counts = useChannel(
    'papers.facets',
    openMenu === null
      ? null
      : {
          ...paperFilters({ filter, selectedAuthorId: authorId, facets }),
          authorQuery: openMenu === 'Author' ? authorSearch : '',
          affiliationQuery: openMenu === 'Affiliation' ? affiliationSearch : '',
        },
  );
  const data = counts.data;
  // Read by menu(), which is only called below (in the returned JSX).
  const countsProblem: ReactNode = <ReadProblem error={counts.error} what="the counts" kept={data ? 'The counts shown are from before.' : ''} onRetry={counts.reload} />;
  const codeWord = facets.hasCode === null ? null : facets.hasCode ? 'with code' : 'without code';

  return (
    <div className="facet-bar" role="toolbar" aria-label="Filters">
      <FacetMenu label="Year" testId="facet-year" {...menu('Year')} active={yearWords(facets)}>
        {() => <YearRange facets={facets} data={data} />}
      </FacetMenu>
      <FacetMenu label="Category" testId="facet-category" {...menu('Category')} active={summary(facets.categories)}>
        {() => (
          <CheckList
            items={data?.categories ?? []}
            chosen={facets.categories}
            empty="No categories among these papers."
            onToggle={(v, on) => setFacets({ categories: toggled(facets.categories, v, on) })}
          />
        )}
      </FacetMenu>
      <FacetMenu label="Code" testId="facet-code" {...menu('Code')} active={codeWord}>
        {() => (
          <ul className="facet-list" role="radiogroup" aria-label="Code">
            {(
              [
                [null, 'Any', data ? data.hasCode.with + data.hasCode.without : null],
                [true, 'With code', data?.hasCode.with ?? null],
                [false, 'Without code', data?.hasCode.without ?? null],
              ] as const
            ).map(([value, label, count]) => (
              <li key={label}>
                <label className="facet-option">
                  <input type="radio" name="facet-code" checked={facets.hasCode === value} onChange={() => setFacets({ hasCode: value })} />
                  <span className="facet-option-label">{label}</span>
                  <span className="facet-count">{count === null ? '' : formatCount(count)}</span>
                </label>
              </li>
            ))}
          </ul>
        )}
      </FacetMenu>
      <FacetMenu label="Author" testId="facet-author" {...menu('Author')} active={summary(facets.authors.map((a) => a.name))}>
        {() => (
          <>
          <input
            className="input facet-search"
            type="search"
            aria-label="Find an author"
            placeholder="Find an author…"
            maxLength={200}
            value={authorQuery}
            onChange={(e) => setAuthorQuery(e.target.value)}
          />
          <CheckList
            items={[
              ...(data?.authors ?? []),
              ...facets.authors.filter((a) => !data?.authors.some((x) => x.value === String(a.id))).map((a) => ({ value: String(a.id), label: a.name, count: 0 })),
            ]}
            chosen={facets.authors.map((a) => String(a.id))}
            empty={authorSearch ? `No author named “${authorSearch}” among these papers.` : 'No authors among these papers.'}
            onToggle={(v, on) => {
              const label = data?.authors.find((a) => a.value === v)?.label ?? facets.authors.find((a) => String(a.id) === v)?.name ?? v;
              setFacets({ authors: on ? [...facets.authors.filter((a) => String(a.id) !== v), { id: Number(v), name: label }] : facets.authors.filter((a) => String(a.id) !== v) });
            }}
          />
          </>
        )}
      </FacetMenu>
      <FacetMenu label="Affiliation" testId="facet-affiliation" {...menu('Affiliation')} active={summary(facets.affiliations)}>
        {() => {
          // The library lists the chosen affiliations after the matches, whatever the query.
          const items = data?.affiliations ?? [];
          const answered = data !== null && counts.dataInput?.affiliationQuery === affiliationSearch;
          const noMatch = affiliationSearch !== '' && answered && items.every((a) => facets.affiliations.includes(a.value));
          return (
            <>
              <input
                className="input facet-search"
                type="search"
                aria-label="Find an affiliation"
                placeholder="Find an affiliation…"
                maxLength={200}
                value={affiliationQuery}
                onChange={(e) => setAffiliationQuery(e.target.value)}
              />
              {noMatch && facets.affiliations.length > 0 ? <p className="popover-hint">No other affiliation matches “{affiliationSearch}” among these papers.</p> : null}
              <CheckList
                items={items}
                chosen={facets.affiliations}
                empty={affiliationSearch ? `No affiliation matches “${affiliationSearch}” among these papers.` : 'No affiliations among these papers.'}
                onToggle={(v, on) => setFacets({ affiliations: toggled(facets.affiliations, v, on) })}
              />
            </>
          );
        }}
      </FacetMenu>
      <FacetMenu label="Marks" testId="facet-marks" {...menu('Marks')} pending={false} active={marksWords(facets)}>
        {() => <MarksFilter />}
      </FacetMenu>
      <ScopeChipRow />
      {hasFacets(facets) || filter.trim() !== '' || authorId !== null ? (
        <button type="button" className="button button-quiet button-sm" onClick={() => clearFilters()}>
          Clear filters
        </button>
      ) : null}
    </div>
  );
}
