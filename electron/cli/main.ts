/**
 * The command-line host: `lectern <command>`. Calls the same handlers as the desktop and browser hosts.
 * Results go to stdout; errors go to stderr with exit code 1 (2 for a usage error).
 * SIGINT, SIGTERM or SIGHUP mid-command stop it cleanly: a running import is cancelled (nothing of it
 * is stored), the library is checkpointed and closed, and the exit code is 128 + the signal's number
 * (130, 143, 129).
 */
import { readFileSync } from 'node:fs';
import { before, removeCreatedLibrary, type Before } from './new-library';
import { parseArgs } from 'node:util';
import { PAPER_SORT_COLUMNS, type PaperSortColumn } from '../../shared/contract';
import { LecternError } from '../../shared/errors';
import { reportCliError, quietDeveloperLog, UsageError } from './error-report';
import { endQuietlyOnClosedPipe, escapeTerminalStreams } from './terminal-text';
import { detectAndParse } from '../../shared/paste/detect';
import { FORMAT_IDS, type FormatId } from '../../shared/paste/paste-format';
import { resolveLibraryFile } from '../../db/location';
import { lecternCommand } from '../../db/upkeep/repair-commands';
import { findAuthorByName } from '../../db/library/authors';
import { openLibrary, type Library } from '../../db/open';
import { call } from '../handlers/dispatch';
import { closeHandlers, createHandlers } from '../handlers/handlers';
import { onShutdown, signalExitCode, type ShutdownCause } from '../lifecycle/shutdown';
import { runUpkeepCommand, UPKEEP_COMMANDS, type UpkeepCommand } from './upkeep-commands';
import { USAGE } from './usage';
import { convert, convertFormats } from './convert';
import { importReferenceFile, readImportInput, REFERENCE_COMMANDS, REFERENCE_OPTIONS, runReferenceCommand, type ReferenceCommand } from './reference-commands';
import { formatAuthors, formatCard, formatImport, formatIncompleteTail, formatMetrics, formatPapers } from './format';

/** Why a file could not be read, by Node's error code (the raw message would repeat the path and the syscall). */
const READ_PROBLEMS: Record<string, string> = {
  ENOENT: 'there is no such file',
  ENOTDIR: 'a part of the path is not a folder',
  EISDIR: 'it is a folder, not a file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EIO: 'the disk could not be read',
  ERR_FS_FILE_TOO_LARGE: 'it is too large to be a pasted page',
  ERR_STRING_TOO_LONG: 'it is too large to be a pasted page',
};

/** Set when SIGINT, SIGTERM or SIGHUP arrived mid-command: the command was stopped, the library closed. */
let interrupted: ShutdownCause | null = null;

function readInput(path: string | undefined): string {
  if (!path) throw new UsageError('give a file to read, or - for standard input');
  try {
    return readFileSync(path === '-' ? 0 : path, 'utf8');
  } catch (err) {
    console.error(err);
    const problem = READ_PROBLEMS[(err as NodeJS.ErrnoException).code ?? ''] ?? 'it could not be read';
    throw new LecternError('INVALID_INPUT', `Cannot read ${path === '-' ? 'standard input' : path}: ${problem}.`);
  }
}

/** The bytes of a file or of standard input (`-`), for readers that decode them themselves. */
function readInputBytes(path: string | undefined): Uint8Array {
  if (!path) throw new UsageError('give a file to read, or - for standard input');
  try {
    return readFileSync(path === '-' ? 0 : path);
  } catch (err) {
    const problem = READ_PROBLEMS[(err as NodeJS.ErrnoException).code ?? ''] ?? 'it could not be read';
    throw new LecternError('INVALID_INPUT', `Cannot read ${path === '-' ? 'standard input' : path}: ${problem}.`);
  }
}

function print(value: unknown, json: boolean, text: () => string): void {
  process.stdout.write(`${json ? JSON.stringify(value, null, 2) : text()}\n`);
}

/** The library file the command opened, for error messages (set once it is known). */
let libraryFile: string | undefined;
/** What was on disk before the command: a library file a failed command created is removed again. */
let onDisk: Before | undefined;

function useLibrary(explicit: string | undefined): string {
  libraryFile = resolveLibraryFile(explicit);
  onDisk = before(libraryFile);
  return libraryFile;
}

/**
 * The format `--source` names (a FORMAT_IDS value), for reading a paste as that source instead of
 * detecting it. @throws UsageError naming the accepted values.
 */
function sourceOption(value: string | undefined): FormatId | undefined {
  if (value === undefined) return undefined;
  if ((FORMAT_IDS as readonly string[]).includes(value)) return value as FormatId;
  throw new UsageError(`--source takes one of ${FORMAT_IDS.join(', ')}`);
}

async function run(argv: string[]): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        library: { type: 'string' },
        json: { type: 'boolean', default: false },
        sort: { type: 'string' },
        desc: { type: 'boolean', default: false },
        filter: { type: 'string' },
        query: { type: 'string' },
        author: { type: 'string' },
        limit: { type: 'string' },
        all: { type: 'boolean', default: false },
        out: { type: 'string' },
        full: { type: 'boolean', default: false },
        source: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
        ...REFERENCE_OPTIONS,
      },
    });
  } catch (err) {
    // parseArgs explains at length how to pass a value starting with "-"; the first sentence is the point.
    throw new UsageError((err as Error).message.split('.')[0]!.replace(/'/g, ''));
  }
  const { values, positionals } = parsed;
  const [command, arg] = positionals;
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  if (!command) throw new UsageError('give a command');

  if (command === 'parse') {
    // One-shot: parsed on this thread. The window's hosts parse on a paste thread with a time budget
    // (electron/handlers/paste-worker-client.ts) so a slow paste cannot freeze them; here nothing else
    // waits on the thread, and Ctrl+C stops it.
    const format = sourceOption(values.source);
    const outcome = detectAndParse(readInput(arg), { format });
    process.stdout.write(`${JSON.stringify(outcome.profile, null, 2)}\n`);
    const { skipped, incompleteTail, warnings } = outcome.report;
    for (const s of skipped) process.stderr.write(`skipped line ${s.line} (${s.reason}): ${s.text}\n`);
    if (incompleteTail) process.stderr.write(`${formatIncompleteTail(incompleteTail)}\n`);
    for (const w of warnings) process.stderr.write(`warning: ${w}\n`);
    return;
  }

  if (command === 'convert') {
    // Never opens the library: a reference file in, another format out.
    const { from, to } = convertFormats(values.from, values.to);
    const bytes = readInputBytes(arg);
    const done = await convert(bytes, arg === '-' ? '<stdin>' : arg!, from, to);
    // Piped or redirected: the file's bytes exactly (RIS's CRLF line ends, control characters a title
    // holds). On a terminal: as text, made inert like all output (escapeTerminalStreams), CRLF shown as LF.
    process.stdout.write(process.stdout.isTTY ? done.stdout.replace(/\r\n/g, '\n') : Buffer.from(done.stdout, 'utf8'));
    for (const line of done.stderr) process.stderr.write(`${line}\n`);
    process.exitCode = done.code;
    return;
  }

  if ((UPKEEP_COMMANDS as readonly string[]).includes(command)) {
    if (command === 'restore' && !arg) throw new UsageError(`restore needs the backup file to restore (${lecternCommand(resolveLibraryFile(values.library), ['backups'])} lists them)`);
    const done = await runUpkeepCommand(command as UpkeepCommand, useLibrary(values.library), { arg: arg ?? '', out: values.out, full: values.full ?? false, json: values.json ?? false });
    print(done.json, values.json ?? false, () => done.text);
    if (done.code !== 0) process.exitCode = done.code;
    return;
  }

  const known = ['import', 'papers', 'authors', 'author', 'metrics', ...REFERENCE_COMMANDS];
  if (!known.includes(command)) throw new UsageError(`unknown command "${command}"`);
  const library: Library = openLibrary(useLibrary(values.library));
  // One-shot: reads and the import's parse run on this thread (see `parse` above).
  const handlers = createHandlers(library, { readsInProcess: true, parseInProcess: true, host: 'command line' });
  // A signal mid-command cancels a running import (nothing of it is stored); the command then ends
  // through the finally below, which closes the library (checkpointing its WAL).
  const stopHandlingSignals = onShutdown(async (cause) => {
    interrupted = cause;
    await closeHandlers(handlers);
  });
  try {
    const json = values.json ?? false;
    switch (command) {
      case 'import': {
        // A .bib, .ris or .json file (or content that reads as one) is a reference file (reference-commands.ts).
        const input = readImportInput(arg, values.source);
        if ('reference' in input) {
          await importReferenceFile(handlers, input.reference, json);
          break;
        }
        const report = await call(handlers, 'paste.import', { jobId: 'cli-import', format: sourceOption(values.source), text: input.text });
        print(report, json, () => formatImport(report));
        break;
      }
      case 'papers': {
        const sort = values.sort;
        if (sort !== undefined && !(PAPER_SORT_COLUMNS as readonly string[]).includes(sort)) {
          throw new UsageError(`--sort takes one of ${PAPER_SORT_COLUMNS.join(', ')}, not "${sort}"`);
        }
        const limit = values.limit === undefined ? 1000 : Number(values.limit);
        if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw new UsageError('--limit takes a whole number from 1 to 1000');
        const page = await call(handlers, 'papers.list', {
          sort: sort ? [{ column: sort as PaperSortColumn, desc: values.desc ?? false }] : [],
          filter: values.filter ?? '',
          query: values.query ?? '',
          authorId: values.author ? findAuthorByName(library.db, values.author) : undefined,
          limit,
        });
        print(page, json, () => formatPapers(page.rows, page.total));
        break;
      }
      case 'authors': {
        const authors = await call(handlers, 'authors.list', { profilesOnly: !values.all });
        print(authors, json, () => formatAuthors(authors));
        break;
      }
      case 'author':
      case 'metrics': {
        if (!arg) throw new UsageError(`${command} needs an author name, e.g. lectern ${command} "Chong Ruan"`);
        const id = findAuthorByName(library.db, arg);
        if (command === 'author') {
          const card = await call(handlers, 'authors.card', { id });
          print(card, json, () => formatCard(card));
        } else {
          const metrics = await call(handlers, 'authors.metrics', { id });
          print(metrics, json, () => formatMetrics(metrics));
        }
        break;
      }
      default:
        await runReferenceCommand(command as ReferenceCommand, positionals.slice(1), values, { handlers, db: library.db });
    }
  } finally {
    stopHandlingSignals();
    await closeHandlers(handlers);
    library.close();
  }
}

escapeTerminalStreams();
endQuietlyOnClosedPipe();
quietDeveloperLog();
try {
  await run(process.argv.slice(2));
} catch (err) {
  // The library is closed by now (every command closes it before its error comes out).
  if (onDisk) removeCreatedLibrary(onDisk);
  const code = reportCliError(err, {
    usage: USAGE,
    ...(libraryFile ? { file: libraryFile } : {}),
    ...(interrupted ? { prefix: `stopped (${interrupted}). ` } : {}),
  });
  // Stopped by a signal: the exit code says which (128 + its number), as shells expect.
  process.exitCode = code === 2 || !interrupted ? code : interrupted === 'launcher-gone' ? 1 : signalExitCode(interrupted);
}
