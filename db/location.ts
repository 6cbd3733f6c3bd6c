/**
 * Where the library file lives. The desktop app keeps it in Electron's `userData` folder; the CLI and
 * browser mode compute the same folder without Electron, so all three hosts share one library.
 */
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

/** Matches `productName` in package.json, which names Electron's userData folder. */
export const APP_FOLDER = 'Lectern';
export const LIBRARY_FILE_NAME = 'library.sqlite';

/**
 * Electron's `app.getPath('appData')` for this platform: `%APPDATA%` on Windows,
 * `~/Library/Application Support` on macOS, `$XDG_CONFIG_HOME` or `~/.config` elsewhere.
 */
export function appDataFolder(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  // Empty variables count as unset (XDG Base Directory spec), as Electron treats them.
  if (platform === 'win32') return env.APPDATA || join(homedir(), 'AppData', 'Roaming');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support');
  return env.XDG_CONFIG_HOME || join(homedir(), '.config');
}

/**
 * The library file to use.
 * @param explicit a `--library FILE` argument, if given (wins)
 * @returns absolute path: `explicit`, else `$LECTERN_LIBRARY`, else `<appData>/Lectern/library.sqlite`
 */
export function resolveLibraryFile(explicit?: string, env: NodeJS.ProcessEnv = process.env): string {
  if (explicit) return resolve(explicit);
  if (env.LECTERN_LIBRARY) return resolve(env.LECTERN_LIBRARY);
  return join(appDataFolder(env), APP_FOLDER, LIBRARY_FILE_NAME);
}
