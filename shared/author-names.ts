/**
 * Short forms of printed author lists, shared by the table, the CLI and the preview.
 */

/** Surname as the last word of a printed name ("Z. Z. Ren" -> "Ren"; "DeepSeek-AI" stays whole). */
export function surname(printedName: string): string {
  const words = printedName.trim().split(/\s+/);
  return words[words.length - 1] ?? printedName;
}

/**
 * Lower-case name particles that belong with the surname when it is shown ("Anneke de Jong" -> "de Jong").
 * BibTeX calls this the "von part" (Patashnik, BibTeXing, 1988, §4); as BibTeX styles do, sorting still
 * goes by the last word (see `surname`), so "de Jong" files under J.
 */
const PARTICLES = new Set(['al', 'bin', 'binti', 'da', 'das', 'de', 'degli', 'dei', 'del', 'della', 'den', 'der', 'di', 'do', 'dos', 'du', 'el', 'ibn', 'la', 'le', 'ten', 'ter', 'van', 'von', 'zu']);

/** Surname as shown: the last word with the lower-case particles before it ("María de la Cruz" -> "de la Cruz"). */
export function shownSurname(printedName: string): string {
  const words = printedName.trim().split(/\s+/);
  let start = words.length - 1;
  // Never the first word: that is a given name, even when it looks like a particle ("Van Morrison").
  while (start > 1 && PARTICLES.has(words[start - 1]!)) start -= 1;
  return start <= 0 ? printedName.trim() : words.slice(start).join(' ');
}

/** "Xin, Ren, Song et al.": surnames (with particles) in order, " et al." when the page cut the list. */
export function shortAuthors(authors: readonly string[], truncated: boolean): string {
  if (authors.length === 0) return truncated ? 'et al.' : '';
  const names = authors.map(shownSurname).join(', ');
  return truncated ? `${names} et al.` : names;
}
