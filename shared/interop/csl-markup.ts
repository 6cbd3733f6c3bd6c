/**
 * CSL rich text in titles (CSL-JSON `title: "Effects <i>in vivo</i>"`, CSL 1.0.2 "Appendix VI: Rich Text
 * Formatting": `<i>`, `<b>`, `<sup>`, `<sub>`, small caps as a styled `<span>`) and its LaTeX equivalents
 * (`\textit{}`/`\emph{}`, `\textbf{}`, `\textsuperscript{}`, `\textsubscript{}`, `\textsc{}`). The BibTeX
 * reader turns the commands into private-use marks before decoding (so case-protection braces and accents
 * are decoded as ever around them) and the marks into tags after; the writer does the reverse. RIS and the
 * library's title column take the text without the tags.
 */

interface Markup {
  open: string;
  close: string;
  tag: string;
  endTag: string;
  latex: string;
}

/** Each kind with its two marks (private-use characters no file holds), its CSL tags and its LaTeX command. */
const KINDS: readonly Markup[] = [
  { open: '\uE000', close: '\uE001', tag: '<i>', endTag: '</i>', latex: '\\textit{' },
  { open: '\uE002', close: '\uE003', tag: '<b>', endTag: '</b>', latex: '\\textbf{' },
  { open: '\uE004', close: '\uE005', tag: '<sup>', endTag: '</sup>', latex: '\\textsuperscript{' },
  { open: '\uE006', close: '\uE007', tag: '<sub>', endTag: '</sub>', latex: '\\textsubscript{' },
  { open: '\uE008', close: '\uE009', tag: '<span style="font-variant:small-caps;">', endTag: '</span>', latex: '\\textsc{' },
];

/** LaTeX command -> its kind (BibLaTeX's `\mkbibemph` and friends included). */
const COMMANDS: Record<string, Markup> = {
  textit: KINDS[0]!, emph: KINDS[0]!, mkbibemph: KINDS[0]!, mkbibitalic: KINDS[0]!, textsl: KINDS[0]!,
  textbf: KINDS[1]!, mkbibbold: KINDS[1]!,
  textsuperscript: KINDS[2]!, mkbibsuperscript: KINDS[2]!,
  textsubscript: KINDS[3]!, mkbibsubscript: KINDS[3]!,
  textsc: KINDS[4]!,
};

const ANY_MARK = /[\uE000-\uE009]/;
const ANY_TAG = /<\/?(?:i|b|sup|sub|span)\b/;

/** @returns where the group opening at `open` ends (after its `}`), or -1 when it does not close */
function groupEnd(s: string, open: number): number {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    const c = s.charAt(i);
    if (c === '\\') i++;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return i + 1;
  }
  return -1;
}

/**
 * @param raw a LaTeX value (a title as written)
 * @returns the value with each formatting command and its argument's braces replaced by the kind's two marks
 *   (`\textit{in vivo}` -> `\uE000in vivo\uE001`); anything else as it was
 */
export function latexMarkupToMarks(raw: string): string {
  if (!raw.includes('\\')) return raw;
  let s = raw;
  for (let i = s.indexOf('\\'); i >= 0; i = s.indexOf('\\', i + 1)) {
    let j = i + 1;
    while (j < s.length && /[a-z]/i.test(s.charAt(j))) j++;
    const kind = COMMANDS[s.slice(i + 1, j)];
    if (kind === undefined) {
      if (j === i + 1) i++; // `\\`, `\{`: the escaped character is not a command's start
      continue;
    }
    while (s.charAt(j) === ' ') j++;
    if (s.charAt(j) !== '{') continue;
    const end = groupEnd(s, j);
    if (end < 0) continue;
    s = s.slice(0, i) + kind.open + s.slice(j + 1, end - 1) + kind.close + s.slice(end);
  }
  return s;
}

/** @returns decoded text with its marks as CSL tags (`\uE000in vivo\uE001` -> `<i>in vivo</i>`) */
export function marksToCsl(text: string): string {
  if (!ANY_MARK.test(text)) return text;
  let out = text;
  for (const k of KINDS) out = out.split(k.open).join(k.tag).split(k.close).join(k.endTag);
  return out;
}

/** @returns a CSL title with its known tags as marks (what latexMarksToLatex turns into commands once encoded) */
export function cslToMarks(text: string): string {
  if (!ANY_TAG.test(text)) return text;
  let out = text;
  for (const k of KINDS) out = out.split(k.tag).join(k.open);
  // `</span>` closes small caps only; the other end tags are one kind's each.
  for (const k of KINDS) out = out.split(k.endTag).join(k.close);
  // Marks that do not nest properly would write a `\textit{` without its `}`: such a title keeps its tags as text.
  return marksNest(out) ? out : text;
}

/** @returns whether every open mark is closed by its own close mark, properly nested */
function marksNest(text: string): boolean {
  const stack: string[] = [];
  for (const c of text) {
    const code = c.charCodeAt(0);
    if (code < 0xe000 || code > 0xe009) continue;
    if ((code - 0xe000) % 2 === 0) stack.push(String.fromCharCode(code + 1));
    else if (stack.pop() !== c) return false;
  }
  return stack.length === 0;
}

/** @returns encoded BibTeX text with its marks as LaTeX commands (`\uE000in vivo\uE001` -> `\textit{in vivo}`) */
export function marksToLatex(encoded: string): string {
  if (!ANY_MARK.test(encoded)) return encoded;
  let out = encoded;
  for (const k of KINDS) out = out.split(k.open).join(k.latex).split(k.close).join('}');
  return out;
}

/** @returns the text without CSL rich-text tags (`Effects <i>in vivo</i>` -> `Effects in vivo`), for RIS and plain columns */
export function stripCslMarkup(text: string): string {
  if (!ANY_TAG.test(text)) return text;
  let out = text;
  for (const k of KINDS) out = out.split(k.tag).join('').split(k.endTag).join('');
  return out;
}
