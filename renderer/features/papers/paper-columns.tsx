/**
 * The papers table's columns: what each shows, how the library sorts it, and its default width.
 * TanStack Table (v9) keeps the sort state machine (header clicks, Shift+click levels); its column
 * model is built from the visible columns in the user's order (module-scope definitions, so the model
 * is rebuilt only when the choice of columns changes). The body renders cells itself from `CELLS`:
 * at 100,000 papers only the rows in view exist, fetched page by page.
 */
import { memo } from 'react';
import { createColumnHelper, rowSortingFeature, tableFeatures } from '@tanstack/react-table';
import type { PaperRow, PaperSortColumn } from '../../../shared/contract';
import { Badge, CodeMarker } from '../../ui/badge';
import { formatCount, formatDay, formatPaperDate, fullAuthors, shortAuthors } from '../../ui/format';
import { TexText } from '../../ui/tex-text';
import { RatingStars, StarButton, StatusButton } from '../organise/mark-controls';
import { TagChips } from '../organise/tag-chip';
import { MarkedText } from '../../ui/marked-text';
import { useHighlightTerms, useHitMarks } from '../search/search-terms';

export const paperTableFeatures = tableFeatures({ rowSortingFeature });
const helper = createColumnHelper<typeof paperTableFeatures, PaperRow>();

export interface PaperColumn {
  id: string;
  label: string;
  /** The library's sort key for this column (none: the column does not sort). */
  sort?: PaperSortColumn;
  /** Right-aligned numbers. */
  numeric?: boolean;
  /** The least important text: drawn muted. */
  muted?: boolean;
  /** Default width in px for columns without a CSS token (the title takes the rest). */
  width?: number;
  cell(paper: PaperRow): React.ReactNode;
}

const TitleCell = memo(function TitleCell({ title }: { title: string }) {
  // Math typeset in the cell; the tooltip keeps the title as stored. Words of the search are marked.
  const marks = useHitMarks(title, useHighlightTerms(), 'title');
  return (
    <span className="cell-text" title={title}>
      {marks.length > 0 ? <MarkedText text={title} marks={marks} /> : <TexText text={title} />}
    </span>
  );
});

export const PAPER_COLUMNS: PaperColumn[] = [
  { id: 'title', label: 'Title', sort: 'title', cell: (p) => <TitleCell title={p.title} /> },
  {
    id: 'authors',
    label: 'Authors',
    sort: 'authors',
    cell: (p) => (
      <span className="cell-text" title={fullAuthors(p.authors, p.authorsTruncated)}>
        {shortAuthors(p.authors, p.authorsTruncated, p.surnames)}
      </span>
    ),
  },
  {
    id: 'firstAuthor',
    label: 'First author',
    sort: 'authors',
    width: 150,
    cell: (p) => <span className="cell-text">{p.authors[0] ?? ''}</span>,
  },
  { id: 'year', label: 'Year', sort: 'year', numeric: true, width: 64, cell: (p) => <span className="cell-date">{p.year ?? ''}</span> },
  { id: 'date', label: 'Date', sort: 'date', cell: (p) => <span className="cell-date">{formatPaperDate(p.date, p.year)}</span> },
  {
    id: 'categories',
    label: 'Categories',
    sort: 'category',
    cell: (p) => (
      <span className="cell-badges">
        {p.categories.map((c) => (
          <Badge key={c}>{c}</Badge>
        ))}
      </span>
    ),
  },
  {
    id: 'venue',
    label: 'Venue',
    sort: 'venue',
    muted: true,
    width: 140,
    cell: (p) => (
      <span className="cell-text cell-muted" title={p.venue ?? undefined}>
        {p.venue ?? ''}
      </span>
    ),
  },
  { id: 'code', label: 'Code', sort: 'code', cell: (p) => (p.hasCode ? <CodeMarker compact /> : null) },
  {
    id: 'affiliations',
    label: 'Affiliations',
    sort: 'affiliations',
    muted: true,
    cell: (p) => {
      const text = p.affiliations.join(', ');
      return (
        <span className="cell-text cell-muted" title={text || undefined}>
          {text}
        </span>
      );
    },
  },
  {
    id: 'citations',
    label: 'Citations',
    sort: 'citations',
    numeric: true,
    width: 84,
    cell: (p) => <span className="cell-number">{p.citations === null ? '' : formatCount(p.citations)}</span>,
  },
  { id: 'added', label: 'Date added', sort: 'added', width: 96, cell: (p) => <span className="cell-date">{formatDay(p.addedAt)}</span> },
  { id: 'starred', label: 'Star', sort: 'starred', width: 52, cell: (p) => <StarButton paperId={p.id} starred={p.starred} inTable /> },
  { id: 'tags', label: 'Tags', width: 180, cell: (p) => <TagChips tags={p.tags} /> },
  { id: 'status', label: 'Status', sort: 'status', width: 96, cell: (p) => <StatusButton paperId={p.id} status={p.status} inTable /> },
  { id: 'rating', label: 'Rating', sort: 'rating', width: 100, cell: (p) => <RatingStars paperId={p.id} rating={p.rating} inTable /> },
];

export const COLUMN_BY_ID: Record<string, PaperColumn> = Object.fromEntries(PAPER_COLUMNS.map((c) => [c.id, c]));

/** TanStack column definitions by id (only id and header matter: sorting is manual). */
const TABLE_COLUMN_DEFS = Object.fromEntries(PAPER_COLUMNS.map((c) => [c.id, helper.accessor((row) => row.id, { id: c.id, header: c.label, enableSorting: c.sort !== undefined })]));

const columnSets = new Map<string, ReturnType<typeof helper.columns>>();
/** The same array for the same visible columns, so the table model is rebuilt only on a real change. */
export function tableColumnsFor(ids: string[]) {
  const key = ids.join(',');
  let set = columnSets.get(key);
  if (!set) {
    set = helper.columns(ids.map((id) => TABLE_COLUMN_DEFS[id]).filter((d) => d !== undefined));
    columnSets.set(key, set);
  }
  return set;
}

/** Table column id -> the server's sort column (sorting happens in SQL, see papers.list). */
export const SERVER_SORT_COLUMN: Record<string, PaperSortColumn> = Object.fromEntries(PAPER_COLUMNS.flatMap((c) => (c.sort ? [[c.id, c.sort]] : [])));

export const COLUMN_LABELS: Record<string, string> = Object.fromEntries(PAPER_COLUMNS.map((c) => [c.id, c.label]));

/** What a sort on the column orders by, in words (the server sorts Authors by the first author's surname). */
export const SORT_LABELS: Record<string, string> = {
  ...COLUMN_LABELS,
  authors: 'First author',
};

/** For header tooltips, where the sort key is not the whole cell. */
export const SORT_HINTS: Record<string, string> = {
  authors: "sorts by the first author's surname",
  firstAuthor: "sorts by the first author's surname",
};
