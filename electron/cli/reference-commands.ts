/**
 * The command line's reference commands (issue 11), on the same handlers as the window:
 *
 *   lectern import FILE          a .bib, .ris or .json file (or content that reads as one) through
 *                                references.import; anything else stays a pasted page (main.ts)
 *   lectern export [--format F] [--collection NAME] [--tag NAME] [--query Q] [--ascii] [--style ID] [--out FILE]
 *   lectern cite [--style ID] [--format text|html|markdown] [--mode bibliography|citation] IDS... | --query Q
 *   lectern styles list | add FILE | remove ID
 *   lectern key PAPER [NEW_KEY]
 *
 * Problems of a file go to stderr as `FILE:LINE:COLUMN: message`, one a line, as compilers print them,
 * so editors can jump to them; the import still succeeds (exit 0) when the file had well-formed entries.
 */
import { readFileSync } from 'node:fs';
import { basename, extname, resolve } from 'node:path';
import type { ParseArgsConfig } from 'node:util';
import { EXPORT_FORMATS, type ExportFormat, type ReferenceImportReport } from '../../shared/contract/references';
import { LecternError } from '../../shared/errors';
import { detectReferenceFormat } from '../../shared/interop/detect-format';
import { problemLine, type InteropFormat } from '../../shared/interop/interop-record';
import type { PaperFilters } from '../../shared/contract/inputs';
import type { LibraryDb } from '../../db/open';
import { paperCitationKey, resolvePaperRefs } from '../../db/library/cite-targets';
import { call } from '../handlers/dispatch';
import type { Handlers } from '../handlers/handlers';
import { writeAtomically } from '../handlers/kept-export-file';
import { UsageError } from './error-report';

export const REFERENCE_COMMANDS = ['export', 'cite', 'styles', 'key'] as const;
export type ReferenceCommand = (typeof REFERENCE_COMMANDS)[number];

/** The options these commands add to the command line's (`--out`, `--query`, `--json` are shared). */
export const REFERENCE_OPTIONS = {
  format: { type: 'string' },
  collection: { type: 'string' },
  tag: { type: 'string' },
  ascii: { type: 'boolean', default: false },
  style: { type: 'string' },
  mode: { type: 'string' },
  unpin: { type: 'boolean', default: false },
} as const satisfies NonNullable<ParseArgsConfig['options']>;

/** The option values these commands read. */
export interface ReferenceValues {
  format?: string;
  collection?: string;
  tag?: string;
  ascii?: boolean;
  style?: string;
  mode?: string;
  unpin?: boolean;
  query?: string;
  out?: string;
  json?: boolean;
}

/** File names that are reference files whatever their content looks like. */
const REFERENCE_EXTENSIONS = new Set(['.bib', '.ris', '.json']);

const FORMAT_NAMES: Record<InteropFormat, string> = { bibtex: 'BibTeX', biblatex: 'BibLaTeX', ris: 'RIS', 'csl-json': 'CSL-JSON' };
const ENCODING_NAMES: Record<ReferenceImportReport['file']['encoding'], string> = {
  'utf-8': 'UTF-8',
  'utf-8-bom': 'UTF-8 with a byte order mark',
  'latin-1': 'Latin-1',
  'utf-16le': 'UTF-16 (little-endian)',
  'utf-16be': 'UTF-16 (big-endian)',
};

/** Why a file could not be read, by Node's error code (the raw message would repeat the path and the syscall). */
const READ_PROBLEMS: Record<string, string> = {
  ENOENT: 'there is no such file',
  ENOTDIR: 'a part of the path is not a folder',
  EISDIR: 'it is a folder, not a file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EIO: 'the disk could not be read',
  ERR_FS_FILE_TOO_LARGE: 'it is too large',
};

function readBytes(path: string): Buffer {
  try {
    return readFileSync(path === '-' ? 0 : path);
  } catch (err) {
    console.error(err);
    const problem = READ_PROBLEMS[(err as NodeJS.ErrnoException).code ?? ''] ?? 'it could not be read';
    throw new LecternError('INVALID_INPUT', `Cannot read ${path === '-' ? 'standard input' : path}: ${problem}.`);
  }
}

/** A reference file to import: its bytes and how its problems name it. */
export interface ReferenceFile {
  /** As the user gave it (`refs.bib`, `../x/refs.bib`), or `<stdin>`: problems are printed under it. */
  shownAs: string;
  bytes: Buffer;
}

function detected(text: string): boolean {
  try {
    return detectReferenceFormat(text.replace(/^\uFEFF/, '')) !== null;
  } catch {
    return false;
  }
}

/**
 * What `lectern import FILE` reads: a reference file (by its extension, or its content for any other
 * name and for standard input), or a pasted page. `--source` always means a pasted page.
 * @param path FILE, or - for standard input
 * @throws UsageError without a path; LecternError `INVALID_INPUT` when it cannot be read
 */
export function readImportInput(path: string | undefined, source: string | undefined): { reference: ReferenceFile } | { text: string } {
  if (!path) throw new UsageError('give a file to read, or - for standard input');
  const bytes = readBytes(path);
  const text = bytes.toString('utf8');
  if (source !== undefined) return { text };
  const named = path !== '-' && REFERENCE_EXTENSIONS.has(extname(path).toLowerCase());
  if (named || detected(text)) return { reference: { shownAs: path === '-' ? '<stdin>' : path, bytes } };
  return { text };
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The import report in words (its problems and warnings go to stderr, one a line: importProblemLines). */
export function formatReferenceImport(r: ReferenceImportReport): string {
  const f = r.file;
  const read = `${FORMAT_NAMES[f.format]}, ${ENCODING_NAMES[f.encoding]}; read ${f.recordsRead} of ${plural(f.entriesSeen, 'entry', 'entries')}`;
  const lines = r.alreadyImported
    ? [`${f.fileName} (${read}) was imported before (import ${r.importId}) and changes nothing: ${plural(r.unchanged, 'paper', 'papers')} already in the library; nothing stored.`]
    : [`Imported ${f.fileName} (${read}): ${r.added} added, ${r.updated} updated, ${r.unchanged} unchanged.`];
  const errors = f.problems.filter((p) => p.severity === 'error').length;
  const notes = Math.max(0, r.warnings.length - errors);
  // Said after the counts, as compilers end with "2 warnings generated.", naming only what there is.
  const said = [errors ? `${plural(errors, 'entry', 'entries')} not read` : '', notes ? plural(notes, 'warning', 'warnings') : ''].filter((x) => x !== '');
  if (said.length) lines[0] = `${lines[0]!.slice(0, -1)}; ${said.join(' and ')}, listed on stderr.`;
  return lines.join('\n');
}

/**
 * The stderr lines of an import: every problem and warning as `FILE:LINE:COLUMN: message`, FILE as the
 * user gave it (`../refs.bib`, which editors can open), each once.
 */
export function importProblemLines(r: ReferenceImportReport, shownAs: string): string[] {
  const prefix = `${r.file.fileName}:`;
  const problems = new Set(r.file.problems.map((p) => problemLine(r.file.fileName, p)));
  // As the window writes them (reference-report-text.ts problemText): a warning says so after its place.
  const lines = r.file.problems.map((p) => `${shownAs}:${p.line}:${p.column}: ${p.severity === 'warning' ? 'warning: ' : ''}${p.message}`);
  for (const w of r.warnings) {
    if (problems.has(w)) continue;
    const place = w.startsWith(prefix) ? PLACE.exec(w.slice(prefix.length)) : null;
    const line = place ? `${shownAs}:${place[0]}warning: ${w.slice(prefix.length + place[0].length)}` : `warning: ${w}`;
    if (!lines.includes(line)) lines.push(line);
  }
  return lines;
}

/** `LINE:COLUMN: ` at the start of a warning about a place in the file. */
const PLACE = /^\d{1,9}:\d{1,9}: /;

/**
 * Import a reference file: the report on stdout (JSON with `json`), each problem on stderr as
 * `FILE:LINE:COLUMN: message`.
 */
export async function importReferenceFile(handlers: Handlers, file: ReferenceFile, json: boolean): Promise<void> {
  const fileName = basename(file.shownAs).slice(0, 255) || '<stdin>';
  const report = await call(handlers, 'references.import', { jobId: 'cli-import', fileName, content: { kind: 'bytes', base64: file.bytes.toString('base64') } });
  for (const line of importProblemLines(report, file.shownAs)) process.stderr.write(`${line}\n`);
  process.stdout.write(`${json ? JSON.stringify(report, null, 2) : formatReferenceImport(report)}\n`);
}

function choice<T extends string>(option: string, value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`--${option} takes one of ${allowed.join(', ')}, not "${value}"`);
}

/** Names compared as a person would: case and surrounding or repeated spaces aside. */
const fold = (name: string) => name.trim().replace(/\s+/g, ' ').toLocaleLowerCase();

/**
 * A collection by name, or by its path from the top (`Thesis/Chapter 1`), case-insensitively.
 * @throws LecternError `NOT_FOUND` naming the collections there are (or the ones the name is ambiguous between)
 */
async function collectionNamed(handlers: Handlers, name: string): Promise<number> {
  const all = await call(handlers, 'collections.list', {});
  const byId = new Map(all.map((c) => [c.id, c]));
  const pathOf = (id: number): string => {
    const names: string[] = [];
    for (let c = byId.get(id); c && names.length < 100; c = c.parentId === null ? undefined : byId.get(c.parentId)) names.unshift(c.name);
    return names.join('/');
  };
  const wanted = fold(name);
  const byPath = all.filter((c) => fold(pathOf(c.id)) === wanted);
  const matches = byPath.length ? byPath : all.filter((c) => fold(c.name) === wanted);
  if (matches.length === 1) return matches[0]!.id;
  if (matches.length > 1) throw new LecternError('NOT_FOUND', `Several collections are named "${name}": ${matches.map((c) => pathOf(c.id)).join(', ')}. Give its path.`);
  const there = all.map((c) => pathOf(c.id)).sort((a, b) => a.localeCompare(b));
  throw new LecternError('NOT_FOUND', there.length ? `There is no collection named "${name}". The collections are: ${there.join(', ')}.` : `There is no collection named "${name}": the library has no collections.`);
}

/** @throws LecternError `NOT_FOUND` naming the tags there are */
async function tagNamed(handlers: Handlers, name: string): Promise<number> {
  const all = await call(handlers, 'tags.list', {});
  const found = all.find((t) => fold(t.name) === fold(name));
  if (found) return found.id;
  const there = all.map((t) => t.name).sort((a, b) => a.localeCompare(b));
  throw new LecternError('NOT_FOUND', there.length ? `There is no tag named "${name}". The tags are: ${there.join(', ')}.` : `There is no tag named "${name}": the library has no tags.`);
}

/**
 * Text for stdout: byte-exact into a pipe or file (RIS's CRLF line ends stay), and on a terminal made
 * inert like all output (escapeTerminalStreams) with CRLF shown as LF, as `lectern convert` does.
 */
function printText(text: string): void {
  const out = text.endsWith('\n') || text === '' ? text : `${text}\n`;
  process.stdout.write(process.stdout.isTTY ? out.replace(/\r\n/g, '\n') : Buffer.from(out, 'utf8'));
}

async function exportCommand(handlers: Handlers, v: ReferenceValues): Promise<void> {
  const format = choice<ExportFormat>('format', v.format, EXPORT_FORMATS, 'bibtex');
  const filters: Partial<PaperFilters> = {};
  if (v.collection !== undefined) Object.assign(filters, { collectionId: await collectionNamed(handlers, v.collection), includeSubcollections: true });
  if (v.tag !== undefined) filters.tagIds = [await tagNamed(handlers, v.tag)];
  if (v.query !== undefined) filters.query = v.query;
  const done = await call(handlers, 'references.export', { filters, format, ascii: v.ascii ?? false, ...(v.style ? { styleId: v.style } : {}) });
  if (v.out === undefined) {
    printText(done.text);
    return;
  }
  const out = resolve(v.out);
  await writeAtomically(out, done.text);
  const keys = done.keysAssigned ? ` (${done.keysAssigned} new citation ${done.keysAssigned === 1 ? 'key' : 'keys'} given)` : '';
  process.stdout.write(`Exported ${done.count} ${done.count === 1 ? 'paper' : 'papers'} to ${out}${keys}.\n`);
}

async function citeCommand(handlers: Handlers, db: LibraryDb, refs: string[], v: ReferenceValues): Promise<void> {
  const output = choice('format', v.format, ['text', 'html', 'markdown'] as const, 'text');
  const mode = choice('mode', v.mode, ['bibliography', 'citation'] as const, 'bibliography');
  if (refs.length && v.query !== undefined) throw new UsageError('cite takes paper ids or citation keys, or --query, not both');
  let paperIds: number[];
  if (v.query !== undefined) {
    paperIds = (await call(handlers, 'papers.ids', { query: v.query })).ids;
    if (!paperIds.length) throw new LecternError('NOT_FOUND', `No paper matches the query "${v.query}".`);
    if (paperIds.length > 5000) throw new LecternError('INVALID_INPUT', `${paperIds.length} papers match the query; cite at most 5,000 at once.`);
  } else {
    if (!refs.length) throw new UsageError('cite needs paper ids or citation keys, or --query QUERY');
    paperIds = resolvePaperRefs(db, refs);
  }
  const done = await call(handlers, 'cite.format', { paperIds, styleId: v.style ?? 'apa', mode, output });
  printText(done.text);
}

async function stylesCommand(handlers: Handlers, args: string[], json: boolean): Promise<void> {
  const [action, arg] = args;
  if (action === 'list' || action === undefined) {
    const styles = await call(handlers, 'styles.list', {});
    if (json) {
      process.stdout.write(`${JSON.stringify(styles, null, 2)}\n`);
      return;
    }
    const width = Math.max(2, ...styles.map((s) => s.styleId.length));
    const lines = styles.map((s) => `${s.styleId.padEnd(width)}  ${s.builtIn ? 'built in' : `added ${s.addedAt?.slice(0, 10) ?? ''}`.padEnd(8)}  ${s.title}`);
    process.stdout.write(`${['id'.padEnd(width) + '  ' + 'source'.padEnd(8) + '  title', ...lines].join('\n')}\n`);
    return;
  }
  if (action === 'add') {
    if (!arg) throw new UsageError('styles add needs the .csl file to add');
    const xml = readBytes(arg).toString('utf8').replace(/^\uFEFF/, '');
    if (!xml.trim()) throw new LecternError('INVALID_INPUT', `${arg} is empty: it is not a CSL style.`);
    const added = await call(handlers, 'styles.add', { fileName: basename(arg).slice(0, 255), xml }).catch((err: unknown) => {
      // The checker's sentence says what is wrong and where; the file it is about is said here.
      if (err instanceof LecternError && err.code === 'INVALID_INPUT') throw new LecternError('INVALID_INPUT', `${arg} was not added: ${err.message}`);
      throw err;
    });
    process.stdout.write(`${added.replaced ? 'Replaced' : 'Added'} the style ${added.styleId} (${added.title}).\n`);
    return;
  }
  if (action === 'remove') {
    if (!arg) throw new UsageError('styles remove needs the id of the style (lectern styles list shows them)');
    await call(handlers, 'styles.remove', { styleId: arg });
    process.stdout.write(`Removed the style ${arg}.\n`);
    return;
  }
  throw new UsageError(`styles takes list, add FILE or remove ID, not "${action}"`);
}

async function keyCommand(handlers: Handlers, db: LibraryDb, args: string[], unpin: boolean): Promise<void> {
  const [paper, key, extra] = args;
  if (!paper) throw new UsageError('key needs a paper id or citation key, e.g. lectern key 12 smith2020');
  if (extra !== undefined) throw new UsageError(`key takes one paper and at most one new key, not "${extra}"`);
  if (unpin && key !== undefined) throw new UsageError('key takes a new key or --unpin, not both');
  const [id] = resolvePaperRefs(db, [paper]);
  if (unpin) {
    // Unpinned, the paper gets the key its pattern gives (papers.setCitationKey with null).
    const set = await call(handlers, 'papers.setCitationKey', { paperId: id!, key: null });
    process.stdout.write(`Paper ${id}'s citation key is no longer pinned: it is now ${set.key}, from the pattern.\n`);
    return;
  }
  if (key === undefined) {
    const now = paperCitationKey(db, id!);
    process.stdout.write(now.key === null ? `Paper ${id} has no citation key yet: it gets one at its first export.\n` : `${now.key}${now.pinned ? ' (pinned)' : ''}\n`);
    return;
  }
  const set = await call(handlers, 'papers.setCitationKey', { paperId: id!, key });
  process.stdout.write(`Paper ${id} is now cited as ${set.key}.\n`);
}

/**
 * Run one of REFERENCE_COMMANDS.
 * @param args the positionals after the command
 * @param db the library's connection, to find papers by citation key
 * @throws UsageError for a mistake in the words (exit 2); LecternError otherwise (exit 1)
 */
export async function runReferenceCommand(command: ReferenceCommand, args: string[], values: ReferenceValues, ctx: { handlers: Handlers; db: LibraryDb }): Promise<void> {
  switch (command) {
    case 'export':
      if (args.length) throw new UsageError(`export takes no file name; use --out FILE (not "${args[0]}")`);
      return exportCommand(ctx.handlers, values);
    case 'cite':
      return citeCommand(ctx.handlers, ctx.db, args, values);
    case 'styles':
      return stylesCommand(ctx.handlers, args, values.json ?? false);
    case 'key':
      return keyCommand(ctx.handlers, ctx.db, args, values.unpin ?? false);
  }
}
