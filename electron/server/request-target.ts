/**
 * Reading an HTTP request target as a path, without URL parsing. `new URL('//[', base)` reads `//…` as
 * an authority and throws on it, which once let any web page end browser mode with `<img src=…//[>`;
 * this parser never looks for an authority: a target is a path, optionally followed by `?query`.
 *
 * Only origin-form targets are served (RFC 9112 §3.2.1): a path starting with one `/`. Absolute-form
 * (`http://host/…`, for proxies), authority-form (`host:port`, for CONNECT), asterisk-form (`*`) and a
 * path starting with `//` (which URL parsers take for an authority) are refused.
 */

export type RequestTarget =
  /** `path` is percent-decoded; `query` is the raw text after the first `?` (empty when none). */
  | { ok: true; path: string; query: string }
  /** `reason` completes "The request was refused: …". */
  | { ok: false; reason: string };

function isHex(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x46) || (code >= 0x61 && code <= 0x66);
}

/**
 * @param raw the request target as received (`req.url`); anything, including undefined
 * @returns the decoded path and raw query, or why the target is refused (answer 400)
 */
export function parseRequestTarget(raw: string | undefined): RequestTarget {
  if (!raw) return { ok: false, reason: 'it names no path.' };
  if (raw.charCodeAt(0) !== 0x2f) return { ok: false, reason: 'only paths starting with / are served (no absolute URLs, no *).' };
  if (raw.charCodeAt(1) === 0x2f) return { ok: false, reason: 'a path may not start with //.' };
  let end = raw.length;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    // Printable ASCII only: browsers percent-encode spaces, controls and non-ASCII characters.
    if (c <= 0x20 || c >= 0x7f) return { ok: false, reason: 'the target holds a space, a control character or a character outside ASCII.' };
    if (end === raw.length && (c === 0x3f || c === 0x23)) end = i;
    if (i < end && c === 0x25 && !(isHex(raw.charCodeAt(i + 1)) && isHex(raw.charCodeAt(i + 2)))) {
      return { ok: false, reason: 'the path has a % that is not followed by two hexadecimal digits.' };
    }
  }
  let path: string;
  try {
    path = decodeURIComponent(raw.slice(0, end));
  } catch {
    return { ok: false, reason: 'the path has percent-escapes that are not UTF-8.' };
  }
  for (let i = 0; i < path.length; i++) {
    const c = path.charCodeAt(i);
    if (c < 0x20 || c === 0x7f) return { ok: false, reason: 'the path holds an escaped control character.' };
  }
  const hash = raw.indexOf('#', end);
  const query = raw.charCodeAt(end) === 0x3f ? raw.slice(end + 1, hash < 0 ? raw.length : hash) : '';
  return { ok: true, path, query };
}
