/**
 * What "New paper" makes of an identifier the user pastes: a DOI, a doi.org address, an arXiv id, an
 * arXiv address (abs, pdf or html, with or without a version), with `doi:` or `arXiv:` in front. Offline:
 * nothing is fetched; the identifier fields, the arXiv version, the URL and the type are filled, the
 * rest is for the user to type.
 */
import { checkArxivId, checkDoi, splitArxivVersion } from './field-checks';
import type { CslType } from './csl-types';

export interface IdentifierFields {
  doi?: string;
  arxivId?: string;
  arxivVersion?: number | null;
  url?: string;
  /** `article` (CSL's preprint) for arXiv; a DOI alone leaves the type to the user (`article-journal`). */
  itemType: CslType;
}

export type IdentifierInput = { ok: true; kind: 'doi' | 'arxiv'; fields: IdentifierFields } | { ok: false; message: string };

const ARXIV_HOSTS = ['arxiv.org', 'www.arxiv.org', 'export.arxiv.org'];
const DOI_HOSTS = ['doi.org', 'dx.doi.org', 'www.doi.org'];

function arxiv(idText: string, url?: string): IdentifierInput {
  const c = checkArxivId(idText);
  if (!c.ok) return { ok: false, message: c.message };
  const { id, version } = splitArxivVersion(c.value);
  return { ok: true, kind: 'arxiv', fields: { arxivId: id, arxivVersion: version, url: url ?? `https://arxiv.org/abs/${c.value}`, itemType: 'article' } };
}

function doi(text: string, url?: string): IdentifierInput {
  const c = checkDoi(text);
  if (!c.ok) return { ok: false, message: c.message };
  return { ok: true, kind: 'doi', fields: { doi: c.value, url: url ?? `https://doi.org/${c.value}`, itemType: 'article-journal' } };
}

/** The arXiv id in an arXiv address's path (`/abs/2401.01234v2`, `/pdf/2401.01234v2.pdf`, `/html/...`), or null. */
function arxivFromPath(path: string): string | null {
  for (const head of ['/abs/', '/pdf/', '/html/', '/format/']) {
    if (!path.startsWith(head)) continue;
    let id = decodeURIComponent(path.slice(head.length));
    if (id.endsWith('/')) id = id.slice(0, -1);
    if (id.toLowerCase().endsWith('.pdf')) id = id.slice(0, -4);
    return id || null;
  }
  return null;
}

/**
 * Read a pasted identifier.
 * @param text what the user pasted (surrounding spaces ignored)
 * @returns the fields it fills, or a sentence saying what Lectern expected
 */
export function readIdentifier(text: string): IdentifierInput {
  const v = text.trim();
  if (!v) return { ok: false, message: 'Paste a DOI, an arXiv id, or a doi.org or arxiv.org address.' };
  const lower = v.toLowerCase();
  if (lower.startsWith('http://') || lower.startsWith('https://')) {
    let url: URL;
    try {
      url = new URL(v);
    } catch {
      return { ok: false, message: `“${v}” is not a web address Lectern can read.` };
    }
    const host = url.hostname.toLowerCase();
    if (ARXIV_HOSTS.includes(host)) {
      const id = arxivFromPath(url.pathname);
      if (!id) return { ok: false, message: `This arXiv address names no paper: Lectern reads arxiv.org/abs/…, /pdf/… and /html/… addresses.` };
      const r = arxiv(id);
      return r.ok ? { ...r, fields: { ...r.fields, url: `https://arxiv.org/abs/${r.fields.arxivId}${r.fields.arxivVersion ? `v${r.fields.arxivVersion}` : ''}` } } : r;
    }
    if (DOI_HOSTS.includes(host)) return doi(decodeURIComponent(url.pathname.slice(1)));
    return { ok: false, message: `Lectern reads identifiers from doi.org and arxiv.org addresses, not from ${host}. Paste the paper's DOI or arXiv id instead.` };
  }
  if (lower.startsWith('arxiv:')) return arxiv(v.slice(6));
  if (lower.startsWith('doi:') || lower.startsWith('10.')) return doi(v);
  if (/^[0-9]{4}\./.test(v) || v.includes('/')) return arxiv(v);
  return { ok: false, message: `“${v.length > 60 ? `${v.slice(0, 57)}…` : v}” is neither a DOI (10.1145/3597503) nor an arXiv id (2401.01234).` };
}
