/**
 * An arXiv preprint's identifier as CSL variables, the way Zotero writes a preprint to CSL-JSON (its
 * `archiveID` is CSL `number`, its `repository` CSL `publisher`, the abstract page the `URL`), so a file
 * written by Lectern reads the same in Zotero and citeproc prints "arXiv:1512.03385. arXiv. https://...".
 * Readers call arxivFromCsl to take the id back and drop what withArxiv added.
 */
import type { CslItemJson } from './interop-record';

/** The repository name written as the preprint's publisher. */
export const ARXIV_REPOSITORY = 'arXiv';

/** `1512.03385` -> `https://arxiv.org/abs/1512.03385`. */
export function arxivAbsUrl(id: string): string {
  return `https://arxiv.org/abs/${id}`;
}

/**
 * @param item a CSL item
 * @param arxivId the record's arXiv id (`1512.03385`, `1512.03385v2`, `hep-th/9901001`) or null
 * @returns a copy of the item with, when absent, `URL` (the abstract page), `number` (`arXiv:ID`),
 *   and, for a CSL `article` (preprint), `publisher` (`arXiv`); the item itself when there is no id. Not
 *   `archive`: APA prints it after the publisher ("arXiv. arXiv.").
 */
export function withArxiv(item: CslItemJson, arxivId: string | null): CslItemJson {
  const id = arxivId?.trim();
  if (!id) return item;
  const out: CslItemJson = { ...item };
  if (out.URL === undefined || out.URL === '') out.URL = arxivAbsUrl(id);
  if (out.number === undefined || out.number === '') out.number = `arXiv:${id}`;
  if (out.type === 'article' && (out.publisher === undefined || out.publisher === '')) out.publisher = ARXIV_REPOSITORY;
  return out;
}

const NUMBER = /^arxiv:\s?(\d{4}\.\d{4,5}(?:v\d+)?|[a-z-]{1,20}(?:\.[A-Z]{2})?\/\d{7}(?:v\d+)?)$/i;

/**
 * Reading side of withArxiv: the id in an `arXiv:ID` number (or null), and the item without the
 * variables withArxiv would add again (`number` `arXiv:ID`, `archive`/`publisher` `arXiv`); the URL stays
 * (a file may have given it).
 * @param item a CSL item as read (changed in place)
 */
export function arxivFromCsl(item: CslItemJson): string | null {
  const number = typeof item.number === 'string' ? NUMBER.exec(item.number.trim()) : null;
  if (number === null) return null;
  delete item.number;
  if (item.archive === ARXIV_REPOSITORY) delete item.archive;
  if (item.publisher === ARXIV_REPOSITORY) delete item.publisher;
  return number[1]!;
}
