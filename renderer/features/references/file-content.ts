/**
 * A dropped or chosen file as the references channels take it: reference files as their bytes in
 * base64 (the library detects the encoding), CSL styles as text.
 */
import { REFERENCE_FILE_MAX_BYTES, type ReferenceContent } from '../../../shared/contract';
import type { z } from 'zod';

/** What a file is by its name: a reference file to import, a CSL style to add, or neither. */
export type DroppedKind = 'reference' | 'style' | null;

const REFERENCE_EXTENSIONS = ['.bib', '.bibtex', '.biblatex', '.ris', '.json', '.csljson', '.txt'];

/**
 * @param name a file name such as `refs.bib`
 * @returns `style` for `.csl`, `reference` for .bib/.ris/.json (and .txt, read by content), else null
 */
export function droppedKind(name: string): DroppedKind {
  const lower = name.toLowerCase();
  if (lower.endsWith('.csl')) return 'style';
  return REFERENCE_EXTENSIONS.some((ext) => lower.endsWith(ext)) ? 'reference' : null;
}

/** Bytes per btoa() call: a multiple of 3 (so the pieces join into one base64 text) small enough for fromCharCode's arguments. */
const CHUNK = 3 * 8192;

/**
 * Base64 of `bytes`, built piece by piece: one String.fromCharCode over 50 MB would overflow the
 * call stack (every byte an argument).
 * @returns standard base64 with padding
 */
export function bytesToBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  for (let i = 0; i < bytes.length; i += CHUNK) {
    const piece = bytes.subarray(i, Math.min(i + CHUNK, bytes.length));
    parts.push(btoa(String.fromCharCode.apply(null, piece as unknown as number[])));
  }
  return parts.join('');
}

/** The message for a file over REFERENCE_FILE_MAX_BYTES (said before anything is read or sent). */
export function tooLargeMessage(name: string, size: number): string {
  const mb = (n: number) => `${Math.round(n / (1024 * 1024))} MB`;
  return `${name} is ${mb(size)}; Lectern reads reference files up to ${mb(REFERENCE_FILE_MAX_BYTES)}. Split it, or import it with \`lectern import\`.`;
}

/**
 * Read a file's bytes for references.preview / references.import.
 * @throws Error with tooLargeMessage when the file is over the limit
 */
export async function readReferenceBytes(file: File): Promise<z.infer<typeof ReferenceContent>> {
  if (file.size > REFERENCE_FILE_MAX_BYTES) throw new Error(tooLargeMessage(file.name, file.size));
  const bytes = new Uint8Array(await file.arrayBuffer());
  return { kind: 'bytes', base64: bytesToBase64(bytes) };
}

/** The file name as problems name it: at most 255 characters, never empty. */
export function reportName(name: string): string {
  const trimmed = name.trim();
  return (trimmed || 'file').slice(-255);
}
