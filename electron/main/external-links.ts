/**
 * Which links the window may open in the OS browser (shell.openExternal). Electron-free, unit-tested
 * under Node; window.ts asks the user for the `confirm` ones.
 *
 * Only https: links ever leave the app. Those to the sites Lectern's papers and profiles point at
 * (DOI and arXiv resolvers, the profile sources) open directly; any other https: link opens only
 * after the user confirms in a dialog that names the full URL; every other scheme (http:, file:,
 * javascript:, custom handlers that could launch programs) is refused. The URL opened is the parsed
 * and re-serialised one, never the raw string, so the browser opens exactly what was checked.
 */

/** Hosts (and their subdomains) whose https: links open without asking. */
export const TRUSTED_LINK_HOSTS = [
  'doi.org',
  'arxiv.org',
  'scholar.google.com',
  'dblp.org',
  'orcid.org',
  'semanticscholar.org',
  'openreview.net',
  'scholarfeed.org',
  'researchgate.net',
  'dl.acm.org',
  'scopus.com',
  'paperswithcode.com',
  'huggingface.co',
  'github.com',
] as const;

export type LinkVerdict =
  /** Open `url` (normalised) at once. */
  | { action: 'open'; url: string }
  /** Open `url` (normalised) only if the user agrees. */
  | { action: 'confirm'; url: string }
  /** Never open it; `reason` says why, for logs. */
  | { action: 'refuse'; reason: string };

function trustedHost(host: string): boolean {
  return TRUSTED_LINK_HOSTS.some((known) => host === known || host.endsWith(`.${known}`));
}

/**
 * @param raw a link the page asked to open (window.open, a target=_blank click, a navigation)
 * @returns what to do with it (see the module comment)
 */
export function classifyExternalLink(raw: string): LinkVerdict {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { action: 'refuse', reason: 'not a URL' };
  }
  if (url.protocol !== 'https:') return { action: 'refuse', reason: `${url.protocol} links are not opened` };
  // Credentials or an unusual port in a link to a known site are a disguise, not a citation: ask.
  const plain = url.username === '' && url.password === '' && url.port === '';
  return { action: plain && trustedHost(url.hostname) ? 'open' : 'confirm', url: url.href };
}
