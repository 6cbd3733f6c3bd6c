/**
 * A citeproc-js output format that writes Markdown (CommonMark): italics `*…*`, bold `**…**`, web addresses
 * and DOIs as autolinks `<https://…>` (a bare DOI as `[10.1/x](<https://doi.org/10.1/x>)`), superscript and
 * subscript as inline `<sup>`/`<sub>`, and the characters that Markdown would read as markup (`\ ` * _ [ ] < > ~`) escaped with a backslash. Entries end with a newline,
 * like citeproc's own `text` format. Registered on citeproc's format table as `markdown`.
 */
import type { CiteprocCsl } from './citeproc-module';
import { linkTarget } from './link-target';

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

/** `@URL/true` and `@DOI/true`: web addresses and DOIs as links, anything else as the escaped text it was. */
function markdownLink(_state: unknown, str: string): string {
  const plain = unescapeMarkdown(str);
  const href = linkTarget(plain);
  if (href === null) return str;
  // Autolinks show the address; a bare DOI keeps its text (`doi:[10.1/x](<https://doi.org/10.1/x>)`), as in HTML.
  return href === plain.trim() ? `<${href}>` : `[${str}](<${href}>)`;
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
    '@URL/true': markdownLink,
    '@DOI/true': markdownLink,
  };
}
