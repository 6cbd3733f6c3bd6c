/**
 * Splits stored text (titles, abstracts) into plain runs and inline-math runs. Nothing is rendered
 * here; see tex-text.tsx.
 *
 * Dollar delimiters follow pandoc's `tex_math_dollars` extension
 * (https://pandoc.org/MANUAL.html#extension-tex_math_dollars): "The opening $ must have a non-space
 * character immediately to its right, while the closing $ must have a non-space character
 * immediately to its left, and must not be followed immediately by a digit. Thus, $20,000 and
 * $30,000 won't parse as math." A backslash-escaped `\$` is a literal dollar. As in pandoc's parser,
 * the closer is the first unescaped `$` after the opener (inside math a backslash escapes the next
 * character, and `\text{...}` may hold dollars); when that `$` does not qualify, the opener is just
 * a dollar sign. So "costs $5 and $6" stays text. Inline math may not span a blank line.
 *
 * Also: `$$...$$` (pandoc's display delimiters; shown inline here, a title has no room for display
 * math) and `\(...\)` (LaTeX's inline delimiters, pandoc's `tex_math_single_backslash`).
 */
export type TexSegment =
  | { kind: 'text'; text: string }
  /** `tex` is what goes to KaTeX; `source` is the text exactly as stored, delimiters included. */
  | { kind: 'math'; tex: string; source: string };

interface Match {
  end: number;
  tex: string;
}

const isSpace = (c: string | undefined): boolean => c !== undefined && /\s/.test(c);
const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';

/** At a backslash inside math: the index after the escape (`\text{...}` whole, with its braces). */
function skipEscape(s: string, j: number): number {
  if (s.startsWith('\\text{', j)) {
    let depth = 0;
    for (let k = j + 5; k < s.length; k++) {
      const c = s[k];
      if (c === '\\') k++;
      else if (c === '{') depth++;
      else if (c === '}' && --depth === 0) return k + 1;
    }
    // Unbalanced: fall through to a plain two-character escape.
  }
  return j + 2;
}

/** A whitespace run inside inline math: its end, or -1 when it holds a blank line. */
function skipSpace(s: string, j: number): number {
  let k = j;
  while (isSpace(s[k])) k++;
  return /\n[^\S\n]*\n/.test(s.slice(j, k)) ? -1 : k;
}

/** `$...$` starting at `i` (where `s[i] === '$'` and `s[i + 1] !== '$'`). */
function inlineDollar(s: string, i: number): Match | null {
  if (i + 1 >= s.length || isSpace(s[i + 1])) return null;
  let j = i + 1;
  while (j < s.length) {
    const c = s[j];
    if (c === '$') {
      if (isDigit(s[j + 1])) return null;
      return { end: j + 1, tex: s.slice(i + 1, j) };
    }
    if (c === '\\') {
      j = skipEscape(s, j);
    } else if (isSpace(c)) {
      j = skipSpace(s, j);
      // The closer needs a non-space right before it.
      if (j < 0 || s[j] === '$') return null;
    } else {
      j++;
    }
  }
  return null;
}

/** `$$...$$` starting at `i`; whitespace next to the delimiters is allowed, a blank line is not. */
function displayDollar(s: string, i: number): Match | null {
  const close = s.indexOf('$$', i + 2);
  if (close < 0) return null;
  const inner = s.slice(i + 2, close);
  if (inner.trim() === '' || /\n[^\S\n]*\n/.test(inner)) return null;
  return { end: close + 2, tex: inner.trim() };
}

/** `\(...\)` starting at `i`. */
function parenMath(s: string, i: number): Match | null {
  let j = i + 2;
  while (j < s.length) {
    if (s.startsWith('\\)', j)) {
      const tex = s.slice(i + 2, j).trim();
      return tex === '' ? null : { end: j + 2, tex };
    }
    if (s[j] === '\\') {
      j = skipEscape(s, j);
    } else if (isSpace(s[j])) {
      j = skipSpace(s, j);
      if (j < 0) return null;
    } else {
      j++;
    }
  }
  return null;
}

export function splitTex(s: string): TexSegment[] {
  if (!s.includes('$') && !s.includes('\\(')) return s === '' ? [] : [{ kind: 'text', text: s }];
  const out: TexSegment[] = [];
  let text = '';
  const math = (start: number, m: Match) => {
    if (text !== '') out.push({ kind: 'text', text });
    text = '';
    out.push({ kind: 'math', tex: m.tex, source: s.slice(start, m.end) });
    return m.end;
  };

  let i = 0;
  while (i < s.length) {
    const c = s[i];
    const next = s[i + 1];
    if (c === '\\' && next === '$') {
      text += '$';
      i += 2;
    } else if (c === '\\' && next === '(') {
      const m = parenMath(s, i);
      if (m) {
        i = math(i, m);
      } else {
        text += '\\(';
        i += 2;
      }
    } else if (c === '\\' && next === '\\') {
      // An escaped backslash: kept as written, and it cannot escape what follows.
      text += '\\\\';
      i += 2;
    } else if (c === '$' && next === '$') {
      const m = displayDollar(s, i);
      if (m) {
        i = math(i, m);
      } else {
        text += '$$';
        i += 2;
      }
    } else if (c === '$') {
      const m = inlineDollar(s, i);
      if (m) {
        i = math(i, m);
      } else {
        text += '$';
        i += 1;
      }
    } else {
      text += c;
      i += 1;
    }
  }
  if (text !== '') out.push({ kind: 'text', text });
  return out;
}
