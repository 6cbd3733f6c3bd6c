/** Which papers an export takes, and the PaperFilters that select them (references.export `filters`). */
import type { ChannelInput, ExportFormat, SavedSearch } from '../../../shared/contract';

export type ExportScope =
  | { kind: 'selection' }
  | { kind: 'view' }
  | { kind: 'collection'; id: number | null }
  | { kind: 'tag'; id: number | null }
  | { kind: 'saved'; id: number | null }
  | { kind: 'library' };

export type ExportFilters = ChannelInput<'references.export'>['filters'];

/**
 * @param scope what the user chose
 * @param ctx the selected paper ids, the table's current filters, the saved searches
 * @returns the filters, or null when the scope still lacks its choice (no collection picked yet)
 */
export function scopeFilters(scope: ExportScope, ctx: { selectedIds: readonly number[]; view: ExportFilters; savedSearches: readonly SavedSearch[] }): ExportFilters | null {
  switch (scope.kind) {
    case 'selection':
      return ctx.selectedIds.length > 0 ? { paperIds: [...ctx.selectedIds] } : null;
    case 'view':
      return ctx.view;
    case 'collection':
      return scope.id === null ? null : { collectionId: scope.id };
    case 'tag':
      return scope.id === null ? null : { tagIds: [scope.id] };
    case 'saved': {
      const saved = ctx.savedSearches.find((s) => s.id === scope.id);
      return saved ? { query: saved.query } : null;
    }
    case 'library':
      return {};
  }
}

export const FORMAT_LABELS: Record<ExportFormat, string> = {
  bibtex: 'BibTeX (.bib)',
  biblatex: 'BibLaTeX (.bib)',
  ris: 'RIS (.ris)',
  'csl-json': 'CSL-JSON (.json)',
  markdown: 'Markdown list (.md)',
  text: 'Plain list (.txt)',
};

/** BibTeX and BibLaTeX can write non-ASCII letters as LaTeX commands. */
export function takesAscii(format: ExportFormat): boolean {
  return format === 'bibtex' || format === 'biblatex';
}

/** The reference lists are formatted by a CSL style. */
export function takesStyle(format: ExportFormat): boolean {
  return format === 'markdown' || format === 'text';
}

/** The MIME type a saved export is written with. */
export function mimeOf(format: ExportFormat): string {
  if (format === 'csl-json') return 'application/json';
  if (format === 'markdown') return 'text/markdown';
  if (format === 'bibtex' || format === 'biblatex') return 'application/x-bibtex';
  if (format === 'ris') return 'application/x-research-info-systems';
  return 'text/plain';
}
