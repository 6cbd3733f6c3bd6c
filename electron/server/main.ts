/**
 * `npm run serve` entry: opens the library, starts browser mode, prints the URL to open.
 * Options: --port N (default: a free port), --host ADDR (default 127.0.0.1), --library FILE
 * (default: $LECTERN_LIBRARY or the desktop app's library). Problems are reported in one line on
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

const USAGE = 'usage: npm run serve -- [--port N] [--host ADDR] [--library FILE] [--no-build]';

function fail(message: string, code: number): never {
  process.stderr.write(`lectern serve: ${message}\n${code === 2 ? `${USAGE}\n` : ''}`);
  process.exit(code);
}

function options(): { port: number; host: string | undefined; library: string | undefined } {
  let values: { port?: string; host?: string; library?: string };
  try {
    ({ values } = parseArgs({ options: { port: { type: 'string' }, host: { type: 'string' }, library: { type: 'string' } }, strict: true }));
  } catch (err) {
    fail((err as Error).message.split('.')[0]!.replace(/'/g, ''), 2);
  }
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port takes a whole number from 0 to 65535, not "${values.port}".`, 2);
  return { port, host: values.host, library: values.library };
}

// The terminal is the user's: one plain line per failure, the details only with LECTERN_DEBUG=1.
setFailureSink(terminalFailures('lectern serve', { repeatTold: true }));
const { port, host, library: libraryArg } = options();
const file = resolveLibraryFile(libraryArg);
let library: Library;
try {
  library = openLibrary(file);
} catch (err) {
  fail((err as Error).message, 1);
}

const rendererDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'out', 'renderer');
const handlers = createHandlers(library, { background: true });
let server: Awaited<ReturnType<typeof startBrowserServer>>;
try {
  server = await startBrowserServer({ handlers, rendererDir, host, port });
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
