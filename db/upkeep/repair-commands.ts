/**
 * The `lectern …` lines Lectern prints for the user to run (restore a backup, recover, list backups):
 * each must work as printed, from any shell, for the library it is about. So a command names its
 * library with `--library` unless it is the default library (the one a bare `lectern` opens), and every
 * path is quoted for a POSIX shell (sh, bash, zsh).
 */
import { APP_FOLDER, appDataFolder, LIBRARY_FILE_NAME } from '../location';
import { join } from 'node:path';

/** Characters a POSIX shell passes on as they are, outside quotes (no globbing, expansion or splitting). */
const SAFE = /^[\w./:@%+=,-]+$/;

/**
 * A word as a POSIX shell reads it back unchanged: bare when it holds only safe characters, else in
 * single quotes, inside which nothing is special but the single quote itself (written `'\''`).
 * Source: POSIX.1-2017 Shell Command Language, 2.2.2 Single-Quotes.
 */
export function shellQuote(word: string): string {
  if (word !== '' && SAFE.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

/**
 * Whether a bare `lectern` (no --library) opens `file` in any shell: the desktop app's library, and no
 * LECTERN_LIBRARY in this environment (a shell without it would open another file).
 */
export function isDefaultLibrary(file: string, env: NodeJS.ProcessEnv = process.env): boolean {
  return !env.LECTERN_LIBRARY && file === join(appDataFolder(env), APP_FOLDER, LIBRARY_FILE_NAME);
}

/**
 * A command line for the library `file`: `lectern --library '<file>' restore '<backup>'`, or without
 * `--library` for the default library.
 * @param args the command and its arguments, unquoted
 */
export function lecternCommand(file: string, args: string[], env: NodeJS.ProcessEnv = process.env): string {
  const library = isDefaultLibrary(file, env) ? [] : ['--library', file];
  return ['lectern', ...[...library, ...args].map(shellQuote)].join(' ');
}
