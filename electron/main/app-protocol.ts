/**
 * Serving the built renderer to the window from `app://lectern` (app-url.ts says why and how URLs map
 * to files). The scheme must be registered before the app is ready; the handler once it is.
 */
import { readFile } from 'node:fs/promises';
import { protocol } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../../shared/security';
import { APP_SCHEME, contentTypeFor, resolveAppFile } from './app-url';

/** Make `app:` a standard, secure scheme (a real origin, fetch allowed, no mixed-content warnings). Call before `ready`. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } }]);
}

function notFound(): Response {
  return new Response('Not found.', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });
}

/**
 * Answer `app://lectern/…` requests with files of `rendererDir` (out/renderer, read through Electron's
 * asar support when packaged), each with the CSP and nosniff headers; 404 for anything else.
 * Call once, after `ready`.
 */
export function serveAppScheme(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const file = resolveAppFile(request.url, rendererDir);
    if (!file) return notFound();
    try {
      const body = await readFile(file);
      return new Response(body, {
        status: 200,
        headers: {
          'content-type': contentTypeFor(file),
          'content-security-policy': CONTENT_SECURITY_POLICY,
          'x-content-type-options': 'nosniff',
          'cache-control': 'no-store',
        },
      });
    } catch {
      return notFound();
    }
  });
}
