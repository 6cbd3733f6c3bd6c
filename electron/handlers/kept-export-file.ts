/**
 * The file side of "Keep exported to FILE.bib": which paths may be written (browser mode takes the path
 * over HTTP, so it is checked as untrusted), the atomic write (an editor or LaTeX never reads half a
 * file), and the words for what went wrong. Never a raw errno or stack: every failure is a sentence.
 */
import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { lstat, open, readFile, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, extname, isAbsolute, join, normalize } from 'node:path';
import { LecternError } from '../../shared/errors';
import { BibScanner } from '../../shared/interop/bibtex/scan';
import type { InteropFormat } from '../../shared/interop/interop-record';

/** The extension each format's file must have (lower case, with the dot). */
export const KEPT_EXTENSIONS: Record<InteropFormat, string> = { bibtex: '.bib', biblatex: '.bib', ris: '.ris', 'csl-json': '.json' };

const FORMAT_NAMES: Record<InteropFormat, string> = { bibtex: 'BibTeX', biblatex: 'BibLaTeX', ris: 'RIS', 'csl-json': 'CSL-JSON' };

/** How much of an existing file is read to tell whether it looks like an export. */
const HEAD_BYTES = 64 * 1024;

/** A path refused or a write that failed, in words (the message is what lastError records). */
export class KeptFileProblem extends LecternError {
  constructor(message: string) {
    super('INVALID_INPUT', message);
  }
}

/** The sentence for a file-system failure while writing `path` (an errno error), else a generic one. */
export function writeFailureWords(err: unknown, path: string): string {
  if (err instanceof LecternError) return err.message;
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return `Permission denied writing ${path}.`;
    case 'ENOENT':
      return `The folder ${dirname(path)} does not exist.`;
    case 'ENOTDIR':
      return `A part of ${dirname(path)} is not a folder.`;
    case 'ENOSPC':
    case 'EDQUOT':
      return `The disk is full: ${path} could not be written.`;
    case 'EROFS':
      return `${path} is on a read-only disk.`;
    case 'EISDIR':
      return `${path} is a folder.`;
    case 'EIO':
      return `The disk failed while writing ${path}.`;
    default:
      return `${path} could not be written.`;
  }
}

/** Every CSL 1.0.2 item type ("Appendix III: Types"): a CSL-JSON export's items have one of these. */
const CSL_ITEM_TYPES = new Set([
  'article', 'article-journal', 'article-magazine', 'article-newspaper', 'bill', 'book', 'broadcast', 'chapter', 'classic',
  'collection', 'dataset', 'document', 'entry', 'entry-dictionary', 'entry-encyclopedia', 'event', 'figure', 'graphic',
  'hearing', 'interview', 'legal_case', 'legislation', 'manuscript', 'map', 'motion_picture', 'musical_score', 'pamphlet',
  'paper-conference', 'patent', 'performance', 'periodical', 'personal_communication', 'post', 'post-weblog', 'regulation',
  'report', 'review', 'review-book', 'software', 'song', 'speech', 'standard', 'thesis', 'treaty', 'webpage',
]);

/**
 * Whether a file reads as `format`'s export (or holds nothing but blanks), so overwriting it loses nothing
 * the user wrote. BibTeX: the strict scan reads it with no broken entry and at least one entry or
 * `@string` (a file of notes and `@comment` is refused); RIS: its first line is `TY  -`; CSL-JSON: a list
 * whose items each have an `id` and a CSL `type` (a `tasks.json` of `{"type": "shell"}` is refused).
 * @param head the file, or its first HEAD_BYTES when `complete` is false (then the last entry may be cut)
 */
export function looksLikeExport(head: string, format: InteropFormat, complete = false): boolean {
  const text = head.replace(/^\uFEFF/, '');
  if (text.trim() === '') return true;
  if (format === 'csl-json') return looksLikeCslJson(text, complete);
  const lines = text.split(/\r?\n/);
  if (format === 'ris') {
    const first = lines.find((l) => l.trim() !== '') ?? '';
    return /^TY {2}-/.test(first);
  }
  // BibTeX/BibLaTeX: comment lines (`%`, as some tools write a header) and blanks, then an entry.
  const first = lines.find((l) => l.trim() !== '' && !l.trimStart().startsWith('%'));
  if (first !== undefined && !first.trimStart().startsWith('@')) return false;
  const scanner = new BibScanner(text, () => 1);
  let entries = 0;
  for (let item = scanner.next(); item !== null; item = scanner.next()) {
    if (item.kind === 'entry') entries++;
    // A broken entry: only the last one of a cut head may be (cut in the middle).
    else if (item.kind === 'fault' && (complete || scanner.pos < text.length)) return false;
  }
  return entries > 0 || Object.keys(scanner.fileStrings).length > 0;
}

function looksLikeCslJson(text: string, complete: boolean): boolean {
  if (complete) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return false;
    }
    return Array.isArray(parsed) && parsed.every((it) => it !== null && typeof it === 'object' && typeof (it as { id?: unknown }).id === 'string' && CSL_ITEM_TYPES.has((it as { type?: unknown }).type as string));
  }
  // A cut head: a list of objects with "id" or "type", and every "type" it shows a CSL type.
  if (/^\s*\[\s*(?:\]|$)/.test(text)) return true;
  if (!/^\s*\[\s*\{/.test(text) || !/"(?:id|type)"\s*:/.test(text)) return false;
  for (const m of text.matchAll(/"type"\s*:\s*"([^"\\]{0,40})"/g)) if (!CSL_ITEM_TYPES.has(m[1]!)) return false;
  return true;
}

/** The file as it is now: null when there is none yet, else its start and its size. */
export interface ExistingFile {
  head: string;
  size: number;
}

/**
 * Check that `rawPath` may be kept exported as `format`.
 * @returns the normalised path and the file there (null when there is none yet)
 * @throws KeptFileProblem saying why not: not absolute, the wrong extension, a folder that does not
 *   exist, a symbolic link, a folder or a device at the path, or an existing file that does not look
 *   like an export of this format (so it is not overwritten)
 */
export async function checkKeptTarget(rawPath: string, format: InteropFormat): Promise<{ path: string; existing: ExistingFile | null }> {
  if (rawPath.includes('\0')) throw new KeptFileProblem('The path holds a NUL character.');
  if (!isAbsolute(rawPath)) throw new KeptFileProblem(`The path must be absolute (start at the root of a disk): ${rawPath}`);
  const path = normalize(rawPath);
  const ext = KEPT_EXTENSIONS[format];
  if (extname(path).toLowerCase() !== ext || basename(path).length <= ext.length) {
    throw new KeptFileProblem(`A ${FORMAT_NAMES[format]} file must end in ${ext}: ${path}`);
  }
  const folder = dirname(path);
  try {
    if (!(await stat(folder)).isDirectory()) throw new KeptFileProblem(`${folder} is not a folder.`);
  } catch (err) {
    if (err instanceof KeptFileProblem) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new KeptFileProblem(`The folder ${folder} does not exist.`);
    throw new KeptFileProblem(code === 'EACCES' || code === 'EPERM' ? `Permission denied reading the folder ${folder}.` : `The folder ${folder} cannot be read.`);
  }
  let info;
  try {
    info = await lstat(path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { path, existing: null };
    throw new KeptFileProblem(writeFailureWords(err, path));
  }
  if (info.isSymbolicLink()) throw new KeptFileProblem(`${path} is a symbolic link; give the path of the file itself.`);
  if (info.isDirectory()) throw new KeptFileProblem(`${path} is a folder.`);
  if (!info.isFile()) throw new KeptFileProblem(`${path} is not a regular file.`);
  const head = await readHead(path);
  if (!looksLikeExport(head, format, info.size <= HEAD_BYTES)) {
    throw new KeptFileProblem(`${path} exists and does not look like a ${FORMAT_NAMES[format]} file, so it was not overwritten: choose another file, or empty or delete this one first.`);
  }
  return { path, existing: { head, size: info.size } };
}

async function readHead(path: string): Promise<string> {
  let handle;
  try {
    handle = await open(path, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0));
    const buffer = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0);
    return buffer.subarray(0, bytesRead).toString('utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new KeptFileProblem(code === 'EACCES' || code === 'EPERM' ? `Permission denied reading ${path}.` : `${path} cannot be read.`);
  } finally {
    await handle?.close();
  }
}

/**
 * Whether the file at `path` already holds exactly `text` (so writing it again would change nothing but
 * its time, which would make LaTeX tools rebuild for nothing).
 */
export async function holdsAlready(path: string, existing: ExistingFile | null, text: string): Promise<boolean> {
  if (!existing || existing.size !== Buffer.byteLength(text)) return false;
  try {
    return (await readFile(path, 'utf8')) === text;
  } catch {
    return false;
  }
}

/**
 * Write `text` to `path` so that a reader sees the old file or the new one, never a part: into a
 * temporary file in the same folder, flushed to disk, then renamed over the old one (the folder is
 * flushed too where the platform allows). An existing file's permissions are kept.
 * @throws KeptFileProblem in words ("Permission denied writing /x.", "The folder /x does not exist.")
 */
export async function writeAtomically(path: string, text: string): Promise<void> {
  const folder = dirname(path);
  const temp = join(folder, `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  let mode = 0o666;
  try {
    mode = (await stat(path)).mode & 0o7777;
  } catch {
    // No file yet: the default mode (less the umask).
  }
  let written = false;
  try {
    const handle = await open(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, mode);
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
    written = true;
    await syncFolder(folder);
  } catch (err) {
    if (!written) await unlink(temp).catch(() => undefined);
    throw new KeptFileProblem(writeFailureWords(err, path));
  }
}

async function syncFolder(folder: string): Promise<void> {
  try {
    const handle = await open(folder, constants.O_RDONLY);
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Not every platform can open or flush a folder (Windows): the rename is done either way.
  }
}
