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
const PARTICLES = new Set([
  'al', 'bin', 'binti', 'da', 'das', 'de', 'degli', 'dei', 'del', 'della', 'den', 'der', 'di', 'do', 'dos', 'du', 'el', 'ibn', 'la', 'le', 'lo', 'ten', 'ter', 'van', 'von', 'zu',
  // Capitalised particles that are part of the surname as written (Irish Ó / Ní, Italian Lo / Di / De,
  // "A Ó Briain", "C Lo Bianco", "G Di Lorenzo"); never the first word (see shownSurname).
  'Ó', 'Ní', 'Nic', 'Mac', 'Lo', 'La', 'Di', 'De', 'Del', 'Della', 'Da', 'Dos', 'Van', 'Von', 'Ter', 'Ten',
]);

/** Surname as shown: the last word with the lower-case particles before it ("María de la Cruz" -> "de la Cruz"). */
export function shownSurname(printedName: string): string {
  const words = printedName.trim().split(/\s+/);
  let start = words.length - 1;
  // Never the first word: that is a given name, even when it looks like a particle ("Van Morrison").
  while (start > 1 && PARTICLES.has(words[start - 1]!)) start -= 1;
  return start <= 0 ? printedName.trim() : words.slice(start).join(' ');
}

/**
 * The surname to show from a name's CSL parts: the literal of an organisation (`World Health
 * Organization`), else the family name with its non-dropping particle (`García Márquez`, `van der Waals`).
 * @returns null when the name has not been split into parts (then shownSurname guesses from the printed name)
 */
export function partsSurname(parts: { family?: string | null; nonDroppingParticle?: string | null; literal?: string | null }): string | null {
  const literal = parts.literal?.trim();
  if (literal) return literal;
  const family = parts.family?.trim();
  if (!family) return null;
  const particle = parts.nonDroppingParticle?.trim();
  return particle ? `${particle} ${family}` : family;
}

/**
 * "Xin, Ren, Song et al.": surnames (with particles) in order, " et al." when the page cut the list.
 * @param surnames per author, the surname from its stored name parts (partsSurname) or null; where
 *   missing the surname is guessed from the printed name (the last word with its particles)
 */
export function shortAuthors(authors: readonly string[], truncated: boolean, surnames?: readonly (string | null)[]): string {
  if (authors.length === 0) return truncated ? 'et al.' : '';
  const names = authors.map((a, i) => surnames?.[i] ?? shownSurname(a)).join(', ');
  return truncated ? `${names} et al.` : names;
}

/**
 * Whether a printed name is the initials form of a full name, as Google Scholar and Scopus print a
 * profile owner on their own papers: `H Ødegård`, `JL Marchetti`, `Marchetti, J.-L.` for
 * `Jean-Luc Marchetti`. The surname must match (folded by `fold`), and the printed given part must be
 * initials only (at most four capitals, with dots, hyphens or spaces) that the full name's given names
 * begin with, in order.
 * @param fold the folding used for keys (db/library/keys.ts nameKey), so accents and case do not count
 */
export function isInitialsFormOf(printed: string, full: string, fold: (s: string) => string): boolean {
  const comma = printed.indexOf(',');
  const [family, given] = comma > 0 ? [printed.slice(0, comma), printed.slice(comma + 1)] : [shownSurname(printed), printed.trim().slice(0, printed.trim().length - shownSurname(printed).length)];
  const fullFamily = shownSurname(full);
  if (fold(family) === '' || fold(family) !== fold(fullFamily)) return false;
  const letters = given.replace(/[\s.\-‐]/g, '');
  if (letters.length === 0 || letters.length > 4 || letters !== letters.toUpperCase() || letters === letters.toLowerCase()) return false;
  const fullGiven = full.trim().slice(0, full.trim().length - fullFamily.length).split(/[\s\-‐]+/).filter((w) => w !== '');
  const fullInitials = fullGiven.map((w) => w[0]!).join('');
  return fullInitials.length > 0 && fold(fullInitials).startsWith(fold(letters));
}
