/**
 * Titles with their capitals protected. BibTeX styles lower-case titles ("Dna sequencing"), so the file a
 * title came from braces what must keep its case; the reader keeps that as `extra.title_protected`.
 *
 * Decision: when the record has `title_protected` and it is still the title (same text once braces are
 * removed: the title was not edited since), its braces are written back as they were. Otherwise only
 * acronyms are braced, i.e. words of two or more capitals and no lower-case letter (`{DNA}`, `{GPT}-3`,
 * `{COVID}-19`): they are never meant lower case, whereas a word like `LaTeX` or `ImageNet` may be a
 * sentence's first word or a style's choice, and bracing it would be guessing what the source did not say.
 */
import { cslToMarks, marksToLatex } from '../csl-markup';
import { bracesBalance, encodeText, mathSpanEnd } from './latex-encode';

/**
 * @param richTitle the decoded title (CSL rich text: `<i>`, `<b>`, `<sup>`, `<sub>`, small caps)
 * @param richProtected `extra.title_protected`, if any
 * @returns the title as it goes between the value's braces; its braces balance
 */
export function encodeTitle(richTitle: string, richProtected: string | undefined, ascii: boolean): string {
  // CSL rich text (`<i>in vivo</i>`) goes through the encoding as marks and comes out as `\textit{in vivo}`.
  const title = cslToMarks(richTitle);
  const protectedTitle = richProtected === undefined ? undefined : cslToMarks(richProtected);
  return marksToLatex(encodePlainTitle(title, protectedTitle, ascii));
}

function encodePlainTitle(title: string, protectedTitle: string | undefined, ascii: boolean): string {
  if (protectedTitle !== undefined && protectedTitle.includes('{') && bracesBalance(protectedTitle) && withoutBraces(protectedTitle) === withoutBraces(title)) {
    return encodeText(protectedTitle, { ascii, math: true, structuralBraces: true });
  }
  // An acronym has two capitals with nothing but capitals and digits after the first: without that, none.
  if (!MAYBE_ACRONYM.test(title)) return encodeText(title, { ascii, math: true });
  let out = '';
  for (const segment of acronymSegments(title)) {
    const text = encodeText(segment.text, { ascii, math: true });
    out += segment.acronym ? `{${text}}` : text;
  }
  return out;
}

const MAYBE_ACRONYM = /\p{Lu}[\p{Lu}\p{Nd}]/u;

function withoutBraces(text: string): string {
  return text.includes('{') || text.includes('}') ? text.replace(/[{}]/g, '') : text;
}

/** 1 upper-case letter, 2 lower-case letter, 3 digit, 0 anything else (ASCII by code, the rest by case mapping). */
function letterClass(c: string): number {
  const code = c.charCodeAt(0);
  if (code < 128) {
    if (code >= 65 && code <= 90) return 1;
    if (code >= 97 && code <= 122) return 2;
    return code >= 48 && code <= 57 ? 3 : 0;
  }
  const lower = c.toLowerCase();
  const upper = c.toUpperCase();
  if (lower === upper) return 0;
  return c === upper ? 1 : 2;
}

/** @returns the title cut into acronyms and the text between them (math spans stay whole in the text) */
function acronymSegments(title: string): { text: string; acronym: boolean }[] {
  const segments: { text: string; acronym: boolean }[] = [];
  let from = 0;
  let i = 0;
  while (i < title.length) {
    const c = title.charAt(i);
    if (c === '$') {
      const end = mathSpanEnd(title, i);
      i = end > 0 ? end + 1 : i + 1;
      continue;
    }
    if (letterClass(c) === 0) {
      i++;
      continue;
    }
    let j = i;
    let uppers = 0;
    let lowers = 0;
    for (let k = letterClass(c); k !== 0 && j < title.length; k = letterClass(title.charAt(++j))) {
      if (k === 1) uppers++;
      else if (k === 2) lowers++;
    }
    if (uppers >= 2 && lowers === 0) {
      if (i > from) segments.push({ text: title.slice(from, i), acronym: false });
      segments.push({ text: title.slice(i, j), acronym: true });
      from = j;
    }
    i = j;
  }
  if (from < title.length || segments.length === 0) segments.push({ text: title.slice(from), acronym: false });
  return segments;
}
