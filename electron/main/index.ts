/**
 * Electron main process: owns the library (one SQLite file in userData, unless --library FILE or
 * LECTERN_LIBRARY says otherwise), registers the typed IPC handlers and opens the window, which loads
 * the renderer from app://lectern (app-protocol.ts).
 *
 * Quitting, however it comes (last window closed, Cmd+Q, SIGINT, SIGTERM, SIGHUP, or `npm start`'s
 * launcher going away), closes cleanly: running imports are cancelled, the reader thread ends, and the
 * library is checkpointed and closed before the process exits, so library.sqlite alone holds everything.
 */
import { join } from 'node:path';
import { app, BrowserWindow, dialog } from 'electron';
import { APP_FOLDER, LIBRARY_FILE_NAME, resolveLibraryFile } from '../../db/location';
import { openLibrary, type Library } from '../../db/open';
import { closeHandlers, createHandlers, type Handlers } from '../handlers/handlers';
import { onShutdown } from '../lifecycle/shutdown';
import { registerAppScheme, serveAppScheme } from './app-protocol';
import { APP_ENTRY_URL } from './app-url';
import { guardMainProcess } from './crash-guard';
import { LecternError } from '../../shared/errors';
import { repairDamagedAtStart } from './damaged-at-start';
import { pushLibraryChanges, registerIpc } from './ipc';
import { applyContentSecurityPolicy, createMainWindow } from './window';

guardMainProcess();
app.setName(APP_FOLDER);
// Before ready, or the scheme gets no origin of its own.
registerAppScheme();

function libraryArgument(argv: readonly string[]): string | undefined {
  const i = argv.indexOf('--library');
  if (i >= 0) return argv[i + 1];
  return argv.find((a) => a.startsWith('--library='))?.slice('--library='.length);
}

let library: Library | null = null;
let handlers: Handlers | null = null;
/** Set once the library is closed; quitting then proceeds. */
let closed = false;
let closing: Promise<void> | null = null;

/** Cancel running work, end the reader thread, checkpoint and close the library. Never rejects. */
async function closeLibrary(): Promise<void> {
  try {
    if (handlers) await closeHandlers(handlers);
  } finally {
    library?.close();
    library = null;
    handlers = null;
  }
}

async function start(): Promise<void> {
  await app.whenReady();
  const explicit = libraryArgument(process.argv);
  const file = explicit || process.env.LECTERN_LIBRARY ? resolveLibraryFile(explicit) : join(app.getPath('userData'), LIBRARY_FILE_NAME);
  // Migrations ship beside the app (electron-builder `files`), not inside the bundle.
  // LECTERN_SQLITE_BINDING is set by `npm start` in development; packaged apps carry a module rebuilt for Electron.
  const options = { migrationsFolder: join(app.getAppPath(), 'db', 'migrations'), nativeBinding: process.env.LECTERN_SQLITE_BINDING };
  for (let attempt = 0; !library; attempt++) {
    try {
      library = openLibrary(file, options);
    } catch (err) {
      // A damaged file: offer a restore or a recovery once (its dialog says what went wrong), then open what it gave.
      const damagedAtFirst = attempt === 0 && err instanceof LecternError && err.code === 'DAMAGED';
      if (damagedAtFirst && (await repairDamagedAtStart(file, err, options))) continue;
      if (!damagedAtFirst) dialog.showErrorBox('Lectern cannot open its library', (err as Error).message);
      closed = true;
      app.exit(1);
      return;
    }
  }
  handlers = createHandlers(library, { background: true });
  registerIpc(handlers);
  pushLibraryChanges(handlers);
  serveAppScheme(join(import.meta.dirname, '..', 'renderer'));
  applyContentSecurityPolicy();
  const paths = { preload: join(import.meta.dirname, '..', 'preload', 'index.cjs'), rendererUrl: APP_ENTRY_URL };
  createMainWindow(paths);
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createMainWindow(paths);
  });
}

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
// Closing is asynchronous (the reader thread must end first): hold the quit, close, then quit again.
app.on('will-quit', (event) => {
  if (closed) return;
  event.preventDefault();
  closing ??= closeLibrary().finally(() => {
    closed = true;
    app.quit();
  });
});
// Signals and a vanished launcher quit like Cmd+Q does (Electron would otherwise die without closing).
onShutdown(() => app.quit(), { watchLauncher: true });
// One instance owns the library file.
if (!app.requestSingleInstanceLock()) {
  closed = true;
  app.quit();
} else void start();
