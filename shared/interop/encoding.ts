/**
 * Decoding a reference file's bytes: UTF-16 when it starts with a UTF-16 byte order mark (Windows tools
 * such as EndNote can write it), UTF-8 (with or without a byte order mark) when the bytes are valid
 * UTF-8, else Windows-1252 (the superset of Latin-1 every Windows tool writes; every byte sequence
 * decodes). The report says which.
 */
import type { TextEncodingName } from './interop-record';

/**
 * @param bytes the file as read
 * @returns the text (BOM removed) and the encoding used: `utf-8-bom`, `utf-16le`/`utf-16be` (by their
 *   BOMs), `utf-8` (valid UTF-8), else `latin-1` (decoded as Windows-1252); never throws
 */
export function decodeFileBytes(bytes: Uint8Array): { text: string; encoding: TextEncodingName } {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    // A BOM followed by invalid UTF-8 is still read as UTF-8 (replacement characters): the BOM says what the writer meant.
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8-bom' };
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: decodeWindows1252(bytes), encoding: 'latin-1' };
  }
}

/**
 * Windows-1252's 0x80-0x9F (curly quotes, dashes, the euro sign); the five bytes it leaves undefined keep
 * their Latin-1 control characters. Node's TextDecoder('latin1') decodes these as C1 controls, hence the table.
 */
const CP1252_HIGH = '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  const CHUNK = 8192;
  for (let start = 0; start < bytes.length; start += CHUNK) {
    const codes: number[] = [];
    const end = Math.min(bytes.length, start + CHUNK);
    for (let i = start; i < end; i++) {
      const b = bytes[i]!;
      codes.push(b >= 0x80 && b <= 0x9f ? CP1252_HIGH.charCodeAt(b - 0x80) : b);
    }
    parts.push(String.fromCharCode(...codes));
  }
  return parts.join('');
}
