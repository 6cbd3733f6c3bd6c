/**
 * A citeproc-js output format that writes Markdown (CommonMark): italics `*…*`, bold `**…**`, URLs and DOIs
 * as autolinks `<https://…>` (a bare DOI as `[10.1/x](<https://doi.org/10.1/x>)`), superscript and subscript as inline `<sup>`/`<sub>`, and the characters that
 * Markdown would read as markup (`\ ` * _ [ ] < > ~`) escaped with a backslash. Entries end with a newline,
 * like citeproc's own `text` format. Registered on citeproc's format table as `markdown`.
 */
import type { CiteprocCsl } from './citeproc-module';

export const MARKDOWN_FORMAT_NAME = 'markdown';

const MARKDOWN_SPECIAL = /[\\`*_[\]<>~]/g;
const ESCAPED_SPECIAL = /\\([\\`*_[\]<>~])/g;

/** Escapes the characters Markdown treats as markup. */
export function escapeMarkdown(text: string): string {
  return text.replace(MARKDOWN_SPECIAL, (c) => `\\${c}`);
}

/** Undoes escapeMarkdown (for URLs, which are written inside `<…>` where escapes are not read). */
function unescapeMarkdown(text: string): string {
  return text.replace(ESCAPED_SPECIAL, '$1');
}

/** A URL fit for an autolink: no spaces or angle brackets (else the text is kept as it was, escaped). */
function autolink(escaped: string, href: string): string {
  return /^[a-z][a-z0-9+.-]*:[^\s<>]*$/i.test(href) ? `<${href}>` : escaped;
}

/** @returns the format object citeproc expects (see CSL.Output.Formats.prototype.text in citeproc). */
export function markdownOutputFormat(csl: CiteprocCsl): Record<string, unknown> {
  const text = csl.Output.Formats['text'] as Record<string, unknown>;
  return {
    ...text,
    text_escape: (value: string | undefined) => escapeMarkdown(value ?? ''),
    '@font-style/italic': '*%%STRING%%*',
    '@font-style/oblique': '*%%STRING%%*',
    '@font-weight/bold': '**%%STRING%%**',
    '@vertical-align/sup': '<sup>%%STRING%%</sup>',
    '@vertical-align/sub': '<sub>%%STRING%%</sub>',
    '@URL/true': (_state: unknown, str: string) => autolink(str, unescapeMarkdown(str)),
    '@DOI/true': (_state: unknown, str: string) => {
      const plain = unescapeMarkdown(str);
      const href = /^https?:\/\//i.test(plain) ? plain : `https://doi.org/${plain}`;
      // A style that prints the bare DOI (`doi:10.1/x`) keeps it as the link text, as in its HTML.
      return href === plain ? autolink(str, href) : /^[^\s<>]*$/.test(href) ? `[${str}](<${href}>)` : str;
    },
  };
}
