/**
 * Links a paper's record points at: DOI (https://doi.org/…), arXiv (https://arxiv.org/abs/…), its URL,
 * and the code a page linked. Only https: links are made (the desktop app opens nothing else; see
 * electron/main/external-links.ts); anything else gives null and is shown as text.
 */

/** `https:` links only, re-serialised; null for anything else (http:, javascript:, not a URL). */
export function httpsLink(raw: string | null | undefined): string | null {
  if (!raw) return null;
  try {
    const url = new URL(raw.trim());
    return url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** `10.1145/3366423.3380130` -> `https://doi.org/10.1145/3366423.3380130` (each path part encoded). */
export function doiLink(doi: string | null): string | null {
  if (!doi) return null;
  return httpsLink(`https://doi.org/${doi.trim().split('/').map(encodeURIComponent).join('/')}`);
}

/** `2401.01234`, version 2 -> `https://arxiv.org/abs/2401.01234v2`; old ids keep their slash (`cs/0612045`). */
export function arxivLink(id: string | null, version: number | null = null): string | null {
  if (!id) return null;
  return httpsLink(`https://arxiv.org/abs/${id.trim().split('/').map(encodeURIComponent).join('/')}${version ? `v${version}` : ''}`);
}

/** `extra` keys parsers use for a link to the paper's code, in order of preference. */
export const CODE_URL_KEYS = ['code_url', 'code', 'repository', 'github'] as const;

/** The https: link to the paper's code that the page gave, or null. */
export function codeLink(extra: Record<string, unknown>): string | null {
  for (const key of CODE_URL_KEYS) {
    const value = extra[key];
    if (typeof value === 'string') {
      const link = httpsLink(value);
      if (link) return link;
    }
  }
  return null;
}
