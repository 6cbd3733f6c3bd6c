/**
 * Decoding a reference file's bytes: UTF-8 (with or without a byte order mark) when the bytes are valid
 * UTF-8, else Latin-1 (ISO 8859-1 / Windows-1252), which every byte sequence is. The report says which.
 */
import type { TextEncodingName } from './interop-record';

/**
 * @param bytes the file as read
 * @returns the text (BOM removed) and the encoding used
 */
export function decodeFileBytes(bytes: Uint8Array): { text: string; encoding: TextEncodingName } {
  void bytes;
  throw new Error('decodeFileBytes: not implemented yet (h-refs)');
}
