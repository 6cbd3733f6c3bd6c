/**
 * A paper's notes and annotations as one Markdown document (for "copy" and "save as .md"). Pure, so the
 * renderer can build it from what it already shows, and the library can serve it (`notes.export`).
 */

export interface NotesExportInput {
  title: string;
  authors: string[];
  authorsTruncated: boolean;
  year: number | null;
  doi: string | null;
  arxivId: string | null;
  notes: Array<{ body: string }>;
  /** In text order; `detached`: the quote is no longer in the abstract. */
  annotations: Array<{ quote: string; comment: string; detached: boolean }>;
}

/** Quote every line, so a multi-line quote stays one blockquote. */
function blockquote(text: string): string {
  return text
    .split('\n')
    .map((l) => (l ? `> ${l}` : '>'))
    .join('\n');
}

/**
 * Format: `# Title`, a line of authors, year and identifier, then `## Notes` (notes separated by
 * horizontal rules, bodies verbatim) and `## Annotations` (each quote as a blockquote, its comment
 * below). Sections without content are left out. Ends with one newline.
 */
export function notesMarkdown(p: NotesExportInput): string {
  const out: string[] = [`# ${p.title.replace(/\s+/g, ' ').trim()}`];
  const meta = [
    p.authors.length ? p.authors.join(', ') + (p.authorsTruncated ? ' et al.' : '') : null,
    p.year === null ? null : String(p.year),
    p.doi ? `doi:${p.doi}` : p.arxivId ? `arXiv:${p.arxivId}` : null,
  ].filter((x): x is string => x !== null);
  if (meta.length) out.push('', meta.join(' · '));
  if (p.notes.length) out.push('', '## Notes', '', p.notes.map((n) => n.body.trim()).join('\n\n---\n\n'));
  if (p.annotations.length) {
    out.push('', '## Annotations');
    for (const a of p.annotations) {
      out.push('', blockquote(a.quote) + (a.detached ? '\n>\n> *(no longer in the abstract)*' : ''));
      if (a.comment.trim()) out.push('', a.comment.trim());
    }
  }
  return `${out.join('\n')}\n`;
}
