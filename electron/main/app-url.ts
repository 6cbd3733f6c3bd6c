/**
 * The desktop window's origin, `app://lectern`, and how its URLs map to files of the built renderer.
 * Electron-free (unit-tested under Node); electron/main/app-protocol.ts serves it with protocol.handle.
 *
 * A custom standard, secure scheme instead of file://: the page gets a real origin (so 'self' in the
 * CSP means the app only, not every local file), responses carry the CSP as a header, and only files
 * under out/renderer can ever be read through it (Electron security checklist, "Avoid usage of the
 * file:// protocol").
 */
import { extname, resolve, sep } from 'node:path';

export const APP_SCHEME = 'app';
export const APP_HOST = 'lectern';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** What the window loads. */
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

/** The Content-Type for a file of the renderer (by extension; unknown ones are opaque bytes). */
export function contentTypeFor(file: string): string {
  return CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** Whether `url` is a page or resource of the app (`app://lectern/…`), whatever its path, query or hash. */
export function isAppUrl(url: string | undefined): boolean {
  if (!url) return false;
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && parsed.username === '' && parsed.password === '';
  } catch {
    return false;
  }
}

/**
 * The file of the built renderer an `app://lectern/…` URL names: `/` and extension-less paths (app
 * routes) give index.html; percent-escapes are decoded; anything that would leave `rendererDir`
 * (encoded `..%2f`, backslashes on Windows) gives null, as do other hosts and schemes, control
 * characters and malformed escapes. (Plain `..` segments are resolved by URL parsing first, within
 * the origin, so they can never climb above its root.)
 * @param url the request URL as Electron passes it to the protocol handler
 * @param rendererDir absolute path of out/renderer (inside app.asar when packaged)
 * @returns an absolute path under rendererDir, or null (answer 404)
 */
export function resolveAppFile(url: string, rendererDir: string): string | null {
  if (!isAppUrl(url)) return null;
  let path: string;
  try {
    path = decodeURIComponent(new URL(url).pathname);
  } catch {
    return null;
  }
  for (let i = 0; i < path.length; i++) {
    const c = path.charCodeAt(i);
    if (c < 0x20 || c === 0x7f) return null;
  }
  const root = resolve(rendererDir);
  const file = resolve(root, `.${path}`);
  if (file !== root && !file.startsWith(root + sep)) return null;
  return file === root || extname(file) === '' ? resolve(root, 'index.html') : file;
}
