/**
 * Unicode characters as LaTeX commands, for BibTeX export in ASCII mode. Accented letters are built from
 * their canonical decomposition (NFD: base letter + combining marks) so one table of marks covers every
 * Latin letter with a common accent; the letters and symbols with no decomposition are listed.
 */

/** Combining mark -> LaTeX accent command. `symbol` accents take their letter directly (`\"u`); the others need braces (`\c{c}`). */
const ACCENTS: ReadonlyMap<string, { command: string; symbol: boolean }> = new Map([
  ['\u0300', { command: '`', symbol: true }],
  ['\u0301', { command: "'", symbol: true }],
  ['\u0302', { command: '^', symbol: true }],
  ['\u0303', { command: '~', symbol: true }],
  ['\u0304', { command: '=', symbol: true }],
  ['\u0306', { command: 'u', symbol: false }],
  ['\u0307', { command: '.', symbol: true }],
  ['\u0308', { command: '"', symbol: true }],
  ['\u030A', { command: 'r', symbol: false }],
  ['\u030B', { command: 'H', symbol: false }],
  ['\u030C', { command: 'v', symbol: false }],
  ['\u0323', { command: 'd', symbol: false }],
  ['\u0327', { command: 'c', symbol: false }],
  ['\u0328', { command: 'k', symbol: false }],
  ['\u0331', { command: 'b', symbol: false }],
]);

/** Greek letters: written as math, which every LaTeX set-up has (`{$\alpha$}`). */
const GREEK_NAMES = [
  'alpha', 'beta', 'gamma', 'delta', 'epsilon', 'zeta', 'eta', 'theta', 'iota', 'kappa', 'lambda', 'mu',
  'nu', 'xi', 'o', 'pi', 'rho', 'varsigma', 'sigma', 'tau', 'upsilon', 'phi', 'chi', 'psi', 'omega',
];

/** Letters and symbols with no decomposition, and the punctuation LaTeX writes with ligatures. */
const SPECIAL: Record<string, string> = {
  'ß': '{\\ss}', 'ẞ': '{\\SS}', 'ø': '{\\o}', 'Ø': '{\\O}', 'æ': '{\\ae}', 'Æ': '{\\AE}', 'œ': '{\\oe}', 'Œ': '{\\OE}',
  'å': '{\\aa}', 'Å': '{\\AA}', 'ł': '{\\l}', 'Ł': '{\\L}', 'ı': '{\\i}', 'ȷ': '{\\j}', 'đ': '{\\dj}', 'Đ': '{\\DJ}',
  'ð': '{\\dh}', 'Ð': '{\\DH}', 'þ': '{\\th}', 'Þ': '{\\TH}', 'ŋ': '{\\ng}', 'Ŋ': '{\\NG}',
  '\u2013': '--', '\u2014': '---', '\u00A0': '~', '\u2009': '\\,', '\u202F': '\\,',
  '\u2018': '`', '\u2019': "'", '\u201C': '``', '\u201D': "''", '\u201A': ',', '\u201E': ',,',
  '«': '{\\guillemotleft}', '»': '{\\guillemotright}', '‹': '{\\guilsinglleft}', '›': '{\\guilsinglright}',
  '…': '{\\ldots}', '¡': '{!`}', '¿': '{?`}', '§': '{\\S}', '¶': '{\\P}', '†': '{\\dag}', '‡': '{\\ddag}',
  '©': '{\\textcopyright}', '®': '{\\textregistered}', '™': '{\\texttrademark}', '°': '{\\textdegree}',
  '£': '{\\pounds}', '€': '{\\texteuro}', '¥': '{\\textyen}', '¢': '{\\textcent}', '•': '{\\textbullet}',
  '·': '{\\textperiodcentered}', '‰': '{\\textperthousand}', '¹': '{\\textonesuperior}', '²': '{\\texttwosuperior}',
  '³': '{\\textthreesuperior}', '½': '{\\textonehalf}', '¼': '{\\textonequarter}', '¾': '{\\textthreequarters}',
  '×': '{$\\times$}', '÷': '{$\\div$}', '±': '{$\\pm$}', '−': '{$-$}', '≤': '{$\\leq$}', '≥': '{$\\geq$}',
  '≠': '{$\\neq$}', '≈': '{$\\approx$}', '∞': '{$\\infty$}', '→': '{$\\rightarrow$}', '←': '{$\\leftarrow$}',
  '↔': '{$\\leftrightarrow$}', '∈': '{$\\in$}', '∑': '{$\\sum$}', '∫': '{$\\int$}', '√': '{$\\surd$}',
  'µ': '{$\\mu$}', 'ϵ': '{$\\epsilon$}', 'ϑ': '{$\\vartheta$}', 'ϕ': '{$\\phi$}', 'ϖ': '{$\\varpi$}',
};

// Capitals that look like Latin letters (Alpha, Beta, ...) have no math command: the Latin letter is written.
const GREEK_CAPITALS: Record<string, string> = {
  alpha: 'A', beta: 'B', epsilon: 'E', zeta: 'Z', eta: 'H', iota: 'I', kappa: 'K', mu: 'M', nu: 'N', o: 'O',
  rho: 'P', tau: 'T', chi: 'X',
};
GREEK_NAMES.forEach((name, i) => {
  const lower = String.fromCodePoint(0x3b1 + i);
  SPECIAL[lower] = name === 'o' ? 'o' : `{$\\${name}$}`;
  // U+03A2 is unassigned: final sigma has no capital.
  if (name === 'varsigma') return;
  const upper = String.fromCodePoint(0x391 + i);
  SPECIAL[upper] = GREEK_CAPITALS[name] ?? `{$\\${name.charAt(0).toUpperCase()}${name.slice(1)}$}`;
});

/**
 * @param char one code point, not ASCII
 * @returns its LaTeX form (`{\"u}`, `{\c{c}}`, `{\'\i}`, `--`, `{$\alpha$}`), or null when LaTeX has no
 *   common command for it (CJK, Cyrillic, emoji...): the caller keeps it as UTF-8, because `\char"XXXX`
 *   only works below 256 in pdfTeX and would be wrong more often than not
 */
export function latexForChar(char: string): string | null {
  const special = SPECIAL[char];
  if (special !== undefined) return special;
  const parts = char.normalize('NFD');
  if (parts === char) return null;
  let base = parts.charAt(0);
  if (base < 'A' || base > 'z' || (base > 'Z' && base < 'a')) return null;
  // Accents on i and j go over the dotless letters.
  if (base === 'i') base = '\\i';
  if (base === 'j') base = '\\j';
  let out = base;
  for (let k = 1; k < parts.length; k++) {
    const accent = ACCENTS.get(parts.charAt(k));
    if (accent === undefined) return null;
    out = accent.symbol && k === 1 ? `\\${accent.command}${out}` : `\\${accent.command}{${out}}`;
  }
  return `{${out}}`;
}
