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
};

/** Characters that make a value need more than a copy: the specials, `@` (after a newline) and control characters. */
const NEEDS_WORK = /[&%$#_{}~^\\\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\n]/;
const NEEDS_WORK_ASCII = /[&%$#_{}~^\\\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\uffff\n]/;

export interface EncodeOptions {
  /** Non-ASCII as LaTeX commands where LaTeX has one (latex-chars.ts). */
  ascii: boolean;
  /** Keep `$...$` spans as TeX (titles, abstracts): the reader keeps math as TeX, so this writes it back. */
  math?: boolean;
  /** `{` and `}` are grouping (a protected title already checked to balance), not text to escape. */
  structuralBraces?: boolean;
}

/**
 * @param value decoded text (Unicode, math as `$...$` TeX)
 * @returns the text as it goes between the braces of a BibTeX value; its braces balance
 */
export function encodeText(value: string, options: EncodeOptions): string {
  if (!(options.ascii ? NEEDS_WORK_ASCII : NEEDS_WORK).test(value)) return value;
  let out = '';
  let lineStart = false;
  for (let i = 0; i < value.length; i++) {
    const c = value.charAt(i);
    if (c === '$' && options.math === true) {
      const end = mathSpanEnd(value, i);
      if (end > 0) {
        out += value.slice(i, end + 1);
        i = end;
        lineStart = false;
        continue;
      }
    }
    if ((c === '{' || c === '}') && options.structuralBraces === true) {
      out += c;
    } else if (c === '\n') {
      out += c;
      lineStart = true;
      continue;
    } else if (c === '@' && lineStart) {
      // A line starting with `@` inside a value would look like a new entry to a reader that splits the file at entries.
      out += '{@}';
    } else {
      const escape = ESCAPES[c];
      if (escape !== undefined) {
        out += escape;
      } else {
        const code = c.charCodeAt(0);
        // Control characters (and DEL) have no meaning in LaTeX and stop some TeX engines: dropped.
        const control = (code < 0x20 && c !== '\t' && c !== '\r') || code === 0x7f;
        if (code > 0x7f && options.ascii) out += latexForChar(c) ?? c;
        else if (!control) out += c;
      }
    }
    lineStart = lineStart && (c === ' ' || c === '\t');
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
