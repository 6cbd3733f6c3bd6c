/**
 * The LaTeX commands a .bib file uses for characters, and their Unicode. Taken from the tables
 * citation-js ships (@citation-js/plugin-bibtex lib/input/unicode.json, MIT) and copied here so the
 * decoder is a plain object lookup with no dependency at run time.
 */

/** Accent commands -> the combining mark they put on the next letter (`\"u` -> u + U+0308 -> ü after NFC). */
export const DIACRITICS: Record<string, string> = {
  '`': '\u0300', "'": '\u0301', '^': '\u0302', '~': '\u0303', '=': '\u0304', u: '\u0306', '.': '\u0307', '"': '\u0308',
  r: '\u030a', H: '\u030b', v: '\u030c', b: '\u0332', d: '\u0323', c: '\u0327', k: '\u0328', t: '\u0361', textcommabelow: '\u0326',
};

/** Commands that stand for one character (or a short text) on their own. */
export const COMMANDS: Record<string, string> = {
  textquotesingle: "'", textasciigrave: '`', textquotedbl: '"', textdollar: '$', textless: '<', textgreater: '>',
  textbackslash: '\\', textasciicircum: '^', textunderscore: '_', textbraceleft: '{', textbar: '|', textbraceright: '}',
  textasciitilde: '~', textexclamdown: '¡', textcent: '¢', textsterling: '£', textcurrency: '¤', textyen: '¥',
  textbrokenbar: '¦', textsection: '§', textasciidieresis: '¨', textcopyright: '©', textordfeminine: 'ª',
  guillemetleft: '«', guillemotleft: '«', textlnot: '¬', textregistered: '®', textasciimacron: '¯', textdegree: '°',
  textpm: '±', texttwosuperior: '²', textthreesuperior: '³', textasciiacute: '´', textmu: 'µ', textparagraph: '¶',
  textperiodcentered: '·', textonesuperior: '¹', textordmasculine: 'º', guillemetright: '»', guillemotright: '»',
  textonequarter: '¼', textonehalf: '½', textthreequarters: '¾', textquestiondown: '¿', AE: 'Æ', DH: 'Ð',
  texttimes: '×', O: 'Ø', TH: 'Þ', ss: 'ß', ae: 'æ', dh: 'ð', textdiv: '÷', o: 'ø', th: 'þ', DJ: 'Đ', dj: 'đ',
  i: 'ı', IJ: 'Ĳ', ij: 'ĳ', L: 'Ł', l: 'ł', NG: 'Ŋ', ng: 'ŋ', OE: 'Œ', oe: 'œ', aa: 'å', AA: 'Å', textflorin: 'ƒ', j: 'ȷ',
  SS: 'ẞ', textendash: '–', textemdash: '—', textbardbl: '‖', textquoteleft: '‘', textquoteright: '’',
  quotesinglbase: '‚', textquotedblleft: '“', textquotedblright: '”', quotedblbase: '„', textdagger: '†',
  textdaggerdbl: '‡', textbullet: '•', textellipsis: '…', ldots: '…', dots: '…', textperthousand: '‰', guilsinglleft: '‹',
  guilsinglright: '›', texteuro: '€', euro: '€', textcelsius: '℃', textnumero: '№', texttrademark: '™',
  textleftarrow: '←', textrightarrow: '→', textminus: '−', copyright: '©', S: '§', P: '¶', pounds: '£',
  LaTeX: 'LaTeX', TeX: 'TeX', BibTeX: 'BibTeX', LaTeXe: 'LaTeX2ε', textasteriskcentered: '∗',
  // Spacing commands: a space or nothing.
  ' ': ' ', ',': '\u202f', ';': ' ', ':': ' ', '!': '', '/': '', '-': '', quad: ' ', qquad: ' ', relax: '', noopsort: '',
  newblock: ' ', par: ' ', '\\': ' ', slash: '/', textcompwordmark: '',
  // Escaped specials.
  '&': '&', '%': '%', $: '$', '#': '#', _: '_', '{': '{', '}': '}', '@': '@',
};

/**
 * Commands whose argument is kept as text and whose formatting is dropped (CSL strings carry no markup):
 * `\emph{Foo}` -> `Foo`. A command in neither table keeps its argument the same way and loses its name.
 */
export const FORMATTING = new Set([
  'emph', 'textit', 'textbf', 'textsc', 'textsl', 'textrm', 'textsf', 'texttt', 'textmd', 'textup', 'textnormal',
  'mkbibemph', 'mkbibitalic', 'mkbibbold', 'mkbibquote', 'enquote', 'textsuperscript', 'textsubscript', 'url',
  'mbox', 'hbox', 'text', 'uppercase', 'lowercase', 'MakeUppercase', 'MakeLowercase', 'ensuremath', 'NoCaseChange',
  'nocase', 'bibstring', 'mathrm', 'it', 'bf', 'em', 'sc', 'sl', 'rm', 'sf', 'tt', 'itshape', 'bfseries', 'scshape',
]);
