/** Words of titles and names for citation keys: ASCII only, punctuation dropped, function words skipped. */

/** Letters with no decomposition to an ASCII letter, spelled as their usual transliteration. */
const FOLD: Record<string, string> = {
  ß: 'ss', ẞ: 'SS', ø: 'o', Ø: 'O', æ: 'ae', Æ: 'AE', œ: 'oe', Œ: 'OE', ł: 'l', Ł: 'L', đ: 'd', Đ: 'D',
  ð: 'd', Ð: 'D', þ: 'th', Þ: 'TH', ı: 'i', ŋ: 'ng', Ŋ: 'NG',
};

/**
 * Function words a short title skips (English, and the articles and prepositions of the languages
 * titles in a Latin script most often use), compared in lower case.
 */
const SKIP = new Set(
  ('a an the of on in for and to with at by from into as or but nor about above across after against along ' +
    'among around before behind below beneath beside between beyond during except inside like near off onto ' +
    'out over past per since than through toward towards under until up upon versus vs via while within ' +
    'without is so yet ' +
    'der die das des dem den ein eine einer eines und von zu zum zur im le la les l un une et du de del della ' +
    'di da do dos el los las y en al il lo gli i')
    .split(' '),
);

/** @returns the text with accents removed and the letters above folded; other non-ASCII characters kept */
export function asciiFold(text: string): string {
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7f]*$/.test(text)) return text;
  let out = '';
  for (const c of text.normalize('NFD')) {
    const code = c.charCodeAt(0);
    if (code >= 0x300 && code <= 0x36f) continue;
    out += FOLD[c] ?? c;
  }
  return out;
}

/** @returns the words of the text (split at white space and `$...$` math), each reduced to its ASCII letters and digits */
export function asciiWords(text: string): string[] {
  const words: string[] = [];
  for (const word of asciiFold(text.replace(/\$[^$]*\$/g, ' ')).split(/\s+/)) {
    const clean = word.replace(/[^A-Za-z0-9]/g, '');
    if (clean !== '') words.push(clean);
  }
  return words;
}

/** @returns the title's words that are not function words, as written (case kept) */
export function significantWords(title: string): string[] {
  return asciiWords(title).filter((w) => !SKIP.has(w.toLowerCase()));
}
