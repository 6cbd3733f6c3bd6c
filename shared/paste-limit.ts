/**
 * How much one paste may hold: the one limit every host derives its own from (the contract's check of
 * `paste.preview` / `paste.import`, the window's check before sending, browser mode's request-body cap).
 * Measured in bytes of UTF-8, so "20 MB" means the same for English, accented and CJK text.
 */

/** The largest paste, in bytes of UTF-8 (20 MB). */
export const PASTE_MAX_BYTES = 20_000_000;

/** What the user reads when a paste is over PASTE_MAX_BYTES, wherever it is refused. */
export const PASTE_TOO_LONG_MESSAGE =
  'The pasted text is over 20 MB, more than Lectern takes in one paste. Nothing was imported: copy a smaller part of the page and paste that.';

/**
 * The largest JSON request body a within-limit paste can need. JSON.stringify writes a control
 * character as `\u00XX`: 6 bytes for 1 byte of UTF-8, the worst expansion of any character (a quote
 * or backslash doubles, other text is copied as is, a lone surrogate's 3 bytes become 6). The other
 * fields of a paste request (a job id of at most 64 characters, the braces and names) fit in 64 KiB.
 */
export const MAX_REQUEST_BODY_BYTES = PASTE_MAX_BYTES * 6 + 64 * 1024;

/**
 * Bytes of UTF-8 in `text` (a lone surrogate counts 3, as TextEncoder writes it as U+FFFD), counting
 * no further than `stopAfter` so a huge string costs no more than the limit.
 * @param text any string
 * @param stopAfter return as soon as the count passes this (default: count all)
 */
export function utf8ByteLength(text: string, stopAfter = Infinity): number {
  let bytes = 0;
  for (let i = 0; i < text.length && bytes <= stopAfter; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      // A surrogate pair: one code point above U+FFFF, four bytes.
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** Whether a paste is over PASTE_MAX_BYTES (stops counting at the limit). */
export function pasteTooLong(text: string): boolean {
  return text.length > PASTE_MAX_BYTES || utf8ByteLength(text, PASTE_MAX_BYTES) > PASTE_MAX_BYTES;
}
