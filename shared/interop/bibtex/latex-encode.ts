/**
 * Field values as BibTeX text: LaTeX's special characters escaped, math kept, braces always balanced
 * (BibTeX counts braces without regard to backslashes, so one stray `{` would swallow the rest of the file).
 */
import { latexForChar } from './latex-chars';

/**
 * The escapes of text fields. Braces are written as `\textbraceleft{}`/`\textbraceright{}` rather than
 * `\{`: BibTeX and biber count `\{` as a brace, so a lone one would unbalance the value.
 */
const ESCAPES: Record<string, string> = {
  '&': '\\&',
  '%': '\\%',
  $: '\\$',
  '#': '\\#',
  _: '\\_',
  '{': '\\textbraceleft{}',
  '}': '\\textbraceright{}',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
  '\\': '\\textbackslash{}',
  '`': '\\textasciigrave{}',
  '-': '-{}',
  "'": "'{}",
};

export interface EncodeOptions {
  /** Non-ASCII as LaTeX commands where LaTeX has one (latex-chars.ts). */
  ascii: boolean;
  /** Keep `$...$` spans as TeX (titles, abstracts): the reader keeps math as TeX, so this writes it back. */
  math?: boolean;
  /** `{` and `}` are grouping (a protected title already checked to balance), not text to escape. */
  structuralBraces?: boolean;
}

/** latexForChar's answers, by character: a library repeats the same few accented letters. */
const latexCache = new Map<string, string>();

function latexOf(c: string): string {
  let latex = latexCache.get(c);
  if (latex === undefined) {
    latex = latexForChar(c) ?? c;
    latexCache.set(c, latex);
  }
  return latex;
}

/**
 * What a text value must not hold as is: the specials, control characters (no meaning in LaTeX, and some
 * TeX engines stop at them: dropped) and a line that starts with `@` (a reader that splits the file at
 * entries would take it for a new entry: the `@` is braced), and TeX's ligatures, which would print
 * something else than the text: `--` (en dash), `''` (closing quote) are broken with `{}`, and a backquote
 * (opening quote) is `\textasciigrave{}`. The ASCII variant adds every non-ASCII unit.
 */
const SPECIAL = /[&%$#_{}~^`\\\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]|\n[ \t]*@|-(?=-)|'(?=')/g;
const SPECIAL_ASCII = /[&%$#_{}~^`\\\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\uffff]|\n[ \t]*@|-(?=-)|'(?=')/g;

/**
 * Escapes one stretch of text with no math in it, with one regular-expression replace. Measured on 50,000
 * abstracts (55 MB) on a loaded 2-core machine: ~400 ms CPU, against ~1,100 ms for a charCodeAt scan
 * copying slices and ~1,200 ms for an exec loop; appending a character at a time was tens of seconds
 * (chains of string pieces).
 */
function escapeStretch(text: string, options: EncodeOptions): string {
  return text.replace(options.ascii ? SPECIAL_ASCII : SPECIAL, (m) => {
    if (m.length > 1) return `${m.slice(0, -1)}{@}`;
    if ((m === '{' || m === '}') && options.structuralBraces === true) return m;
    const escape = ESCAPES[m];
    if (escape !== undefined) return escape;
    const code = m.charCodeAt(0);
    return code < 0x20 || code === 0x7f ? '' : latexOf(m);
  });
}

/**
 * @param value decoded text (Unicode, math as `$...$` TeX)
 * @returns the text as it goes between the braces of a BibTeX value; its braces balance (unless
 *   `structuralBraces` is set for a value whose braces were checked to balance)
 */
export function encodeText(value: string, options: EncodeOptions): string {
  if (options.math !== true || !value.includes('$')) return escapeStretch(value, options);
  let out = '';
  let from = 0;
  let i = value.indexOf('$');
  while (i >= 0) {
    const end = mathSpanEnd(value, i);
    if (end > 0) {
      out += escapeStretch(value.slice(from, i), options) + safeMath(value.slice(i, end + 1));
      from = end + 1;
      i = value.indexOf('$', from);
    } else {
      i = value.indexOf('$', i + 1);
    }
  }
  return out + escapeStretch(value.slice(from), options);
}

/**
 * A math span as it may be written: line breaks become spaces (TeX reads them as spaces in math), so no
 * line inside it can start with `@` and be taken for a new entry by a reader that splits at line-start
 * entries; an unescaped `%` becomes `\mbox{\%}` (a comment would swallow the rest of the line, braces
 * included; not plain `\%`, which a stored value may already hold as TeX: latex-decode.ts reads this
 * form, and only this, back as `%`, so a value round-trips exactly);
 * control characters are dropped. Escaped pairs (`\%`, `\\`) are copied as they are.
 */
function safeMath(span: string): string {
  if (!/[\u0000-\u001f\u007f%\u2028\u2029]/.test(span)) return span;
  let out = '';
  for (let j = 0; j < span.length; j++) {
    const c = span.charAt(j);
    if (c === '\\') {
      // `\%`, `\\`: a pair kept; before a line break or control character the backslash goes alone.
      const next = span.charCodeAt(j + 1);
      if (next >= 0x20 && next !== 0x7f && next !== 0x2028 && next !== 0x2029) {
        out += span.slice(j, j + 2);
        j++;
      } else out += c;
    } else if (c === '%') out += '\\mbox{\\%}';
    else if (c === '\n' || c === '\r' || c === '\t' || c === '\u2028' || c === '\u2029') out += ' ';
    else if (c.charCodeAt(0) >= 0x20 && c.charCodeAt(0) !== 0x7f) out += c;
  }
  return out;
}

/**
 * Where the math span opened by the `$` at `start` closes, by the rule pandoc uses for `$...$`: the opening
 * `$` has a non-space right after it, the closing one a non-space right before it and no digit after it
 * ("costs $5 and $10" is not math). The span's braces must balance (it is copied as is).
 * @returns the index of the closing `$`, or -1 when this `$` opens no math
 */
export function mathSpanEnd(value: string, start: number): number {
  const first = value.charAt(start + 1);
  if (first === '' || first === '$' || isSpace(first)) return -1;
  let depth = 0;
  for (let j = start + 1; j < value.length; j++) {
    const c = value.charAt(j);
    // `\$` is a dollar inside the math; `\{` still counts as a brace, as BibTeX counts them.
    if (c === '\\' && value.charAt(j + 1) === '$') {
      j++;
      continue;
    }
    if (c === '{') depth++;
    else if (c === '}' && --depth < 0) return -1;
    else if (c === '\n' && value.charAt(j + 1) === '\n') return -1;
    else if (c === '$') {
      const next = value.charAt(j + 1);
      if (isSpace(value.charAt(j - 1)) || (next >= '0' && next <= '9')) return -1;
      return depth === 0 ? j : -1;
    }
  }
  return -1;
}

function isSpace(c: string): boolean {
  return c === ' ' || c === '\t' || c === '\n' || c === '\r';
}

/**
 * URLs, DOIs and file paths are read verbatim by BibTeX readers (no LaTeX), so only their braces matter:
 * a brace that has no partner is written percent-encoded (`%7B`, `%7D`), which URLs and DOIs accept.
 * @returns the value with balanced braces; control characters and line breaks dropped
 */
export function encodeVerbatim(value: string): string {
  let clean = value;
  if (/[\u0000-\u001f\u007f]/.test(clean)) clean = clean.replace(/[\u0000-\u001f\u007f]/g, '');
  if (!clean.includes('{') && !clean.includes('}')) return clean;
  const unmatched = new Set<number>();
  const open: number[] = [];
  for (let i = 0; i < clean.length; i++) {
    const c = clean.charAt(i);
    if (c === '{') open.push(i);
    else if (c === '}') {
      if (open.length > 0) open.pop();
      else unmatched.add(i);
    }
  }
  for (const i of open) unmatched.add(i);
  if (unmatched.size === 0) return clean;
  let out = '';
  for (let i = 0; i < clean.length; i++) {
    const c = clean.charAt(i);
    out += unmatched.has(i) ? (c === '{' ? '%7B' : '%7D') : c;
  }
  return out;
}

/** @returns whether every `}` closes a `{` and every `{` is closed (backslashes not considered, as BibTeX counts) */
export function bracesBalance(value: string): boolean {
  let depth = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c === 123) depth++;
    else if (c === 125 && --depth < 0) return false;
  }
  return depth === 0;
}
