/**
 * Serving the built renderer (out/renderer) to browser mode: files under the folder only, app routes
 * (paths without an extension) get index.html, every page with the CSP as a header.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { pipeline } from 'node:stream';
import { CONTENT_SECURITY_POLICY } from '../../shared/security';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/** A short plain-text answer (errors of the static side; the API answers JSON). */
export function sendText(res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', 'content-length': String(Buffer.byteLength(text)), ...headers });
  res.end(text);
}

/**
 * Answer a GET or HEAD for a file of the renderer.
 * @param path the request's path, already percent-decoded (parseRequestTarget)
 * @param rendererDir the built renderer's folder
 */
export function serveStatic(req: IncomingMessage, res: ServerResponse, rendererDir: string, path: string): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    sendText(res, 405, 'Only GET and HEAD are served outside /api.', { allow: 'GET, HEAD' });
    return;
  }
  const root = resolve(rendererDir);
  let file = normalize(join(root, path));
  if (file !== root && !file.startsWith(root + sep)) {
    sendText(res, 403, 'That path is outside the app.');
    return;
  }
  const isFile = existsSync(file) && !statSync(file).isDirectory();
  if (!isFile && extname(file) !== '') {
    sendText(res, 404, 'Not found.');
    return;
  }
  // Extension-less paths are app routes: serve the app.
  if (!isFile) file = join(root, 'index.html');
  if (!existsSync(file)) {
    sendText(res, 500, 'The renderer is not built. Run `npm run serve` (it builds first) or `npm run build`.');
    return;
  }
  res.writeHead(200, {
    'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cache-control': extname(file) === '.html' ? 'no-store' : 'max-age=3600',
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  // A file that vanishes or cannot be read mid-way ends this response, never the server.
  pipeline(createReadStream(file), res, (err) => {
    if (err && !res.destroyed) res.destroy();
  });
}
