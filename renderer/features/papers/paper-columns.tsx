/**
 * The papers table's columns. Module scope on purpose: TanStack Table v9 rebuilds its column model
 * whenever `features` or `columns` change identity.
 */
import { createColumnHelper, rowSortingFeature, tableFeatures } from '@tanstack/react-table';
import type { PaperRow, PaperSortColumn } from '../../../shared/contract';
import { Badge, CodeMarker } from '../../ui/badge';
import { formatPaperDate, fullAuthors, shortAuthors } from '../../ui/format';
import { TexText } from '../../ui/tex-text';

export const paperTableFeatures = tableFeatures({ rowSortingFeature });
const helper = createColumnHelper<typeof paperTableFeatures, PaperRow>();

export const paperColumns = helper.columns([
  helper.accessor('title', {
    header: 'Title',
    cell: (info) => {
      // Math typeset in the cell; the tooltip keeps the title as stored.
      const title = info.getValue();
      return (
        <span className="cell-text" title={title}>
          <TexText text={title} />
        </span>
      );
    },
  }),
  helper.accessor('authors', {
    header: 'Authors',
    cell: (info) => {
      const { authors, authorsTruncated } = info.row.original;
      return (
        <span className="cell-text" title={fullAuthors(authors, authorsTruncated)}>
          {shortAuthors(authors, authorsTruncated)}
        </span>
      );
    },
  }),
  helper.accessor('date', {
    header: 'Date',
    cell: (info) => <span className="cell-date">{formatPaperDate(info.getValue(), info.row.original.year)}</span>,
  }),
  helper.accessor('categories', {
    id: 'categories',
    header: 'Categories',
    cell: (info) => (
      <span className="cell-badges">
        {info.getValue().map((c) => (
          <Badge key={c}>{c}</Badge>
        ))}
      </span>
    ),
  }),
  helper.accessor('hasCode', {
    id: 'code',
    header: 'Code',
    cell: (info) => (info.getValue() ? <CodeMarker compact /> : null),
  }),
  helper.accessor('affiliations', {
    header: 'Affiliations',
    cell: (info) => {
      const text = info.getValue().join(', ');
      return (
        <span className="cell-text cell-muted" title={text || undefined}>
          {text}
        </span>
      );
    },
  }),
]);

/** Table column id -> the server's sort column (sorting happens in SQL, see papers.list). */
export const SERVER_SORT_COLUMN: Record<string, PaperSortColumn> = {
  title: 'title',
  authors: 'authors',
  date: 'date',
  categories: 'category',
  code: 'code',
  affiliations: 'affiliations',
};

/**
 * Column widths live in styles/table.css (as `col.col-<id>`), next to the container queries that drop
 * the least important columns when the table is narrow, so the title always keeps room.
 */
export const COLUMN_LABELS: Record<string, string> = {
  title: 'Title',
  authors: 'Authors',
  date: 'Date',
  categories: 'Categories',
  code: 'Code',
  affiliations: 'Affiliations',
};

/** What a sort on the column orders by, in words (the server sorts Authors by the first author's surname). */
export const SORT_LABELS: Record<string, string> = {
  ...COLUMN_LABELS,
  authors: 'First author',
};

/** For header tooltips, where the sort key is not the whole cell. */
export const SORT_HINTS: Record<string, string> = {
  authors: "sorts by the first author's surname",
};
