/**
 * Short forms of printed author lists, shared by the table, the CLI and the preview.
 */

/** Surname as the last word of a printed name ("Z. Z. Ren" -> "Ren"; "DeepSeek-AI" stays whole). */
export function surname(printedName: string): string {
  const words = printedName.trim().split(/\s+/);
  return words[words.length - 1] ?? printedName;
}

/** "Xin, Ren, Song et al.": surnames in order, " et al." when the page cut the list. */
export function shortAuthors(authors: readonly string[], truncated: boolean): string {
  if (authors.length === 0) return truncated ? 'et al.' : '';
  const names = authors.map(surname).join(', ');
  return truncated ? `${names} et al.` : names;
}
