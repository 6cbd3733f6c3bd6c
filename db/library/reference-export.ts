/**
 * Exporting papers: the papers a filter selects (a selection, a collection, a tag, a query, the whole
 * library) written as a reference file (BibTeX, BibLaTeX, RIS, CSL-JSON) or as a reference list in a
 * CSL style (Markdown or plain text). Papers without a citation key get one first (citation-keys.ts).
 * Used by references.export, and by kept exports and `lectern export`.
 */
import type { z } from 'zod';
import { PaperFilters } from '../../shared/contract/inputs';
import type { ExportFormat } from '../../shared/contract/references';
import { formatReferenceList } from '../../shared/cite/reference-list';
import { INTEROP_FORMATS, type InteropFormat } from '../../shared/interop/interop-record';
import { withArxiv } from '../../shared/interop/arxiv-csl';
import { FORMAT_EXTENSIONS, writeReferences } from '../../shared/interop/write-references';
import type { LibraryDb } from '../open';
import { assignCitationKeys } from './citation-keys';
import { cslStyleSource } from './csl-styles';
import { paperRecordsOut } from './paper-records-out';
import { listPaperIds } from './papers';

export interface ExportRequest {
  /** Which papers (PaperFilters, defaults filled in when missing). */
  filters: z.input<typeof PaperFilters>;
  format: ExportFormat;
  /** BibTeX/BibLaTeX: non-ASCII as LaTeX commands. */
  ascii?: boolean;
  /** markdown/text: the CSL style of the list (default apa). */
  styleId?: string;
}

export interface ExportResult {
  text: string;
  /** Papers written. */
  count: number;
  /** A file name to suggest: the collection's or tag's name, or `lectern-library`, with the format's extension. */
  fileName: string;
  /** Papers that were given a citation key by this export. */
  keysAssigned: number;
}

const isFileFormat = (f: ExportFormat): f is InteropFormat => (INTEROP_FORMATS as readonly string[]).includes(f);

/**
 * Write the papers the filters select. Call inside a write transaction (it may give citation keys).
 * @returns the text, how many papers, a file name and how many keys were given
 * @throws LecternError `INVALID_QUERY` for a query that does not parse; `NOT_FOUND` for an unknown style;
 *   `INVALID_INPUT` when the style cannot format
 */
export function exportReferences(db: LibraryDb, request: ExportRequest): ExportResult {
  const filters = PaperFilters.parse(request.filters);
  const ids = listPaperIds(db, { ...filters, sort: [] });
  const keysAssigned = assignCitationKeys(db, ids);
  const records = paperRecordsOut(db, ids);
  const format = request.format;
  const text = isFileFormat(format)
    ? writeReferences(records, format, { ascii: request.ascii ?? false })
    : // A list, not a paragraph: one line per entry, as Markdown list items in `markdown`.
      formatReferenceList(
        records.map((r) => withArxiv(r.item, r.arxivId)),
        { style: cslStyleSource(db, request.styleId ?? 'apa'), output: format === 'markdown' ? 'markdown' : 'text' },
      );
  const extension = isFileFormat(format) ? FORMAT_EXTENSIONS[format] : format === 'markdown' ? 'md' : 'txt';
  return { text, count: records.length, fileName: `${exportBaseName(db, filters)}.${extension}`, keysAssigned };
}

/** The collection's name, the one tag's name, or `lectern-library`, as a file name (no path characters). */
function exportBaseName(db: LibraryDb, f: PaperFilters): string {
  const c = db.$client;
  let name: string | undefined;
  if (f.collectionId !== undefined) name = c.prepare('SELECT name FROM collections WHERE id = ?').pluck().get(f.collectionId) as string | undefined;
  else if (f.tagIds.length === 1) name = c.prepare('SELECT name FROM tags WHERE id = ?').pluck().get(f.tagIds[0]) as string | undefined;
  // eslint-disable-next-line no-control-regex
  const safe = (name ?? '').replace(/[\u0000-\u001f<>:"/\\|?*]+/g, '-').replace(/^[\s.-]+|[\s.-]+$/g, '').slice(0, 100);
  return safe || 'lectern-library';
}
