/**
 * `npm run serve` entry: opens the library, starts browser mode, prints the URL to open.
 * Options: --port N (default: a free port), --host ADDR (default 127.0.0.1), --library FILE
 * (default: $LECTERN_LIBRARY or the desktop app's library).
 */
import { parseArgs } from 'node:util';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openLibrary } from '../../db/open';
import { resolveLibraryFile } from '../../db/location';
import { createHandlers } from '../handlers/handlers';
import { startBrowserServer } from './server';

const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    host: { type: 'string' },
    library: { type: 'string' },
  },
  strict: true,
});

const port = values.port === undefined ? 0 : Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`lectern serve: --port must be a whole number from 0 to 65535, not "${values.port}".`);
  process.exit(2);
}

const file = resolveLibraryFile(values.library);
const library = openLibrary(file);
const rendererDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'out', 'renderer');
const server = await startBrowserServer({ handlers: createHandlers(library), rendererDir, host: values.host, port });

if (values.host && values.host !== '127.0.0.1' && values.host !== 'localhost' && values.host !== '::1') {
  console.warn(`Warning: listening on ${values.host}; anyone who can reach it and has the token can use your library.`);
}
console.log(`Lectern library: ${file}`);
console.log(`Lectern is running in browser mode. Open: ${server.url}`);

const stop = async () => {
  await server.close();
  library.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
