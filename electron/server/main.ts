/**
 * `npm run serve` entry: opens the library, starts browser mode, prints the URL to open.
 * Options: --port N (default: the port of the last launch on this library when it is free, else a
 * free one; 0: a free one), --host ADDR (default 127.0.0.1), --library FILE (default: $LECTERN_LIBRARY
 * or the desktop app's library), --new-token (forget the kept token, launch-state.ts), --open (open
 * the page in the default browser where there is one: open-browser.ts; `npm start` passes it). Problems are reported in one line on
 * stderr with exit code 1 (2 for a usage error), never as a stack trace; so is each failure while it
 * runs (what failed, the sentence the window got), with the details only under LECTERN_DEBUG=1.
 *
 * SIGINT, SIGTERM, SIGHUP, or the launcher (scripts/serve.mjs) going away, stop it cleanly: running
 * requests get their answer, a running import is cancelled, the reader thread ends, and the library is
 * checkpointed and closed, so library.sqlite alone holds everything; then it exits with code 0.
 */
import { parseArgs } from 'node:util';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openLibrary, type Library } from '../../db/open';
import { resolveLibraryFile } from '../../db/location';
import { closeHandlers, createHandlers } from '../handlers/handlers';
import { onShutdown } from '../lifecycle/shutdown';
import { startBrowserServer } from './server';
import { setFailureSink } from '../../shared/failure-log';
import { terminalFailures } from '../lifecycle/terminal-failures';
import { keptPortUnusable, launchStateFile, newToken, readLaunchState, writeLaunchState } from './launch-state';
import { openInBrowser } from './open-browser';

const USAGE = 'usage: npm run serve -- [--port N] [--host ADDR] [--library FILE] [--new-token] [--no-build]';

function fail(message: string, code: number): never {
  process.stderr.write(`lectern serve: ${message}\n${code === 2 ? `${USAGE}\n` : ''}`);
  process.exit(code);
}

interface Options {
  /** undefined: the last launch's port when free. */
  port: number | undefined;
  host: string | undefined;
  library: string | undefined;
  renewToken: boolean;
  open: boolean;
}

function options(): Options {
  let values: { port?: string; host?: string; library?: string; 'new-token'?: boolean; open?: boolean };
  try {
    ({ values } = parseArgs({
      options: { port: { type: 'string' }, host: { type: 'string' }, library: { type: 'string' }, 'new-token': { type: 'boolean' }, open: { type: 'boolean' } },
      strict: true,
    }));
  } catch (err) {
    fail((err as Error).message.split('.')[0]!.replace(/'/g, ''), 2);
  }
  const port = values.port === undefined ? undefined : Number(values.port);
  if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65535)) fail(`--port takes a whole number from 0 to 65535, not "${values.port}".`, 2);
  return { port, host: values.host, library: values.library, renewToken: values['new-token'] === true, open: values.open === true };
}

// The terminal is the user's: one plain line per failure, the details only with LECTERN_DEBUG=1.
setFailureSink(terminalFailures('lectern serve', { repeatTold: true }));
const { port: portArg, host, library: libraryArg, renewToken, open } = options();
const file = resolveLibraryFile(libraryArg);
let library: Library;
try {
  library = openLibrary(file);
} catch (err) {
  fail((err as Error).message, 1);
}

const rendererDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'out', 'renderer');
const handlers = createHandlers(library, { background: true });
// The same port and token as last time, so an open tab works again after a restart (launch-state.ts).
const stateFile = launchStateFile(file);
const kept = readLaunchState(stateFile);
const token = !renewToken && kept ? kept.token : newToken();
const port = portArg ?? kept?.port ?? 0;
let server: Awaited<ReturnType<typeof startBrowserServer>>;
try {
  try {
    server = await startBrowserServer({ handlers, rendererDir, host, port, token });
  } catch (err) {
    // Last time's port is taken now, or not ours to bind (only an explicit --port is an error then): any free port will do.
    if (portArg !== undefined || port === 0 || !keptPortUnusable(err)) throw err;
    server = await startBrowserServer({ handlers, rendererDir, host, port: 0, token });
    console.log(`Port ${port}, used last time, ${(err as NodeJS.ErrnoException).code === 'EACCES' ? 'may not be used now' : 'is taken now'}: Lectern listens on another one (open the new address below).`);
  }
} catch (err) {
  await closeHandlers(handlers);
  library.close();
  const e = err as NodeJS.ErrnoException;
  if (e.code === 'EADDRINUSE') fail(`port ${port} is already in use; pick another with --port, or leave it out for a free one.`, 1);
  if (e.code === 'EADDRNOTAVAIL' || e.code === 'ENOTFOUND') fail(`cannot listen on "${host}": no such address on this machine.`, 1);
  fail(`cannot start the server: ${e.message}.`, 1);
}

onShutdown(
  async () => {
    await server.close();
    await closeHandlers(handlers);
    library.close();
    console.log(`Lectern stopped; the library is saved in ${file}.`);
    process.exit(0);
  },
  { watchLauncher: true },
);

if (host && !['127.0.0.1', 'localhost', '::1'].includes(host)) {
  console.warn(`Warning: listening on ${host}; anyone who can reach it and has the token can use your library.`);
}
console.log(`Lectern library: ${file}`);
console.log(`Lectern is running in browser mode. Open: ${server.url}`);
writeLaunchState(stateFile, { port: Number(new URL(server.origin).port), token });
if (open) openInBrowser(server.url);
