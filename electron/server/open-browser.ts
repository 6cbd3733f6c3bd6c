/**
 * `npm start` in browser mode opens the page in the default browser, where there is one to open: on
 * macOS and Windows always, elsewhere only with a display (DISPLAY or WAYLAND_DISPLAY). Never in CI
 * (`CI` set) or when LECTERN_NO_BROWSER is set (tests set it), and never for `npm run serve` (only the
 * `--open` that start.mjs passes asks for it).
 *
 * The opener gets the URL with the token on its command line, which other users of the same machine
 * can read in the process list for the moment it runs; that is the same exposure as the URL printed in
 * the terminal, and the token still only works from this machine's loopback unless --host was given.
 */
import { spawn } from 'node:child_process';

/** Whether a browser should be opened, given the environment and the platform. */
export function shouldOpenBrowser(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): boolean {
  if (env.LECTERN_NO_BROWSER || env.CI) return false;
  if (platform === 'darwin' || platform === 'win32') return true;
  return Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
}

/** The command that opens `url` in the default browser on `platform`. */
export function browserCommand(url: string, platform: NodeJS.Platform = process.platform): [string, string[]] {
  if (platform === 'darwin') return ['open', [url]];
  // `start` is a cmd built-in; its first quoted argument is the window title.
  if (platform === 'win32') return ['cmd', ['/c', 'start', '""', url.replace(/&/g, '^&')]];
  return ['xdg-open', [url]];
}

/**
 * Open `url` in the default browser, detached, without waiting; a missing opener or a failure is
 * ignored (the URL is printed anyway).
 * @returns whether an opener was started
 */
export function openInBrowser(url: string): boolean {
  if (!shouldOpenBrowser()) return false;
  const [command, args] = browserCommand(url);
  try {
    const child = spawn(command, args, { detached: true, stdio: 'ignore', windowsHide: true });
    child.on('error', () => undefined);
    child.unref();
    return true;
  } catch {
    return false;
  }
}
