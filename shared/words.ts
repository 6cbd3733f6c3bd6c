/**
 * Small pieces of English for messages.
 */

/**
 * The word with "a" or "an" before it, by its first letter (`an arXiv listing`, `an ORCID record`,
 * `a dblp person page`, `an ftp`). A first-letter rule: good for the site and scheme names Lectern
 * prints, not for English at large ("a university").
 */
export function withArticle(word: string): string {
  return /^[aeiouAEIOU]/.test(word) || /^(?:ftp|FTP|html|HTML|sftp|SFTP)\b/.test(word) ? `an ${word}` : `a ${word}`;
}
