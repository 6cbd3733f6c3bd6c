/**
 * Electron main process: owns the library (one SQLite file in userData, unless --library FILE or
 * LECTERN_LIBRARY says otherwise), registers the typed IPC handlers and opens the window.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, dialog } from 'electron';
import { APP_FOLDER, LIBRARY_FILE_NAME, resolveLibraryFile } from '../../db/location';
import { openLibrary, type Library } from '../../db/open';
import { createHandlers } from '../handlers/handlers';
import { LecternError } from '../../shared/errors';
import { repairDamagedAtStart } from './damaged-at-start';
import { registerIpc } from './ipc';
import { applyContentSecurityPolicy, createMainWindow } from './window';

app.setName(APP_FOLDER);

function libraryArgument(argv: readonly string[]): string | undefined {
  const i = argv.indexOf('--library');
  if (i >= 0) return argv[i + 1];
  return argv.find((a) => a.startsWith('--library='))?.slice('--library='.length);
}

let library: Library | null = null;

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
      app.exit(1);
      return;
    }
  }
  const rendererUrl = pathToFileURL(join(import.meta.dirname, '..', 'renderer', 'index.html')).toString();
  registerIpc(createHandlers(library, { background: true }), rendererUrl);
  applyContentSecurityPolicy();
  const paths = { preload: join(import.meta.dirname, '..', 'preload', 'index.cjs'), rendererUrl };
  createMainWindow(paths);
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createMainWindow(paths);
  });
}

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
app.on('will-quit', () => library?.close());
// One instance owns the library file.
if (!app.requestSingleInstanceLock()) app.quit();
else void start();
