/**
 * Browser mode: a local HTTP server that serves the built renderer and answers `POST /api/<channel>`
 * through the same dispatch wrapper as the desktop IPC. Every API request must carry the per-launch
 * token (header `x-lectern-token`); without it the answer is 401.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { dispatch, toErrorShape } from '../handlers/dispatch';
import type { Handlers } from '../handlers/handlers';
import { CONTENT_SECURITY_POLICY } from '../../shared/security';

/** How long close() waits for running requests before cutting their connections (ms). */
const CLOSE_GRACE_MS = 3000;

const MAX_BODY_BYTES = 25 * 1024 * 1024;

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

export interface BrowserServerOptions {
  handlers: Handlers;
  /** Folder of the built renderer (out/renderer). */
  rendererDir: string;
  /** Interface to listen on; default 127.0.0.1. */
  host?: string;
  /** Port; 0 (default) picks a free one. */
  port?: number;
  /** Fixed token, for tests; default: 32 random bytes, base64url. */
  token?: string;
}

export interface BrowserServer {
  /** `http://<host>:<port>/?token=<token>`: open this in a browser. */
  url: string;
  origin: string;
  token: string;
  /** Stop listening, let running requests finish (up to CLOSE_GRACE_MS), then resolve. */
  close(): Promise<void>;
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

function tokenMatches(given: string | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new Error(`request body over ${MAX_BODY_BYTES / 1024 / 1024} MB`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

async function handleApi(req: IncomingMessage, res: ServerResponse, channel: string, options: BrowserServerOptions, token: string): Promise<void> {
  const given = req.headers['x-lectern-token'];
  if (!tokenMatches(Array.isArray(given) ? given[0] : given, token)) {
    sendJson(res, 401, { ok: false, error: { code: 'FORBIDDEN', message: 'Missing or wrong Lectern token: open the URL Lectern printed when it started.' } });
    return;
  }
  if (req.method !== 'POST') {
    sendJson(res, 405, { ok: false, error: { code: 'INVALID_INPUT', message: 'API calls use POST.' } });
    return;
  }
  let input: unknown;
  try {
    const body = await readBody(req);
    input = body ? JSON.parse(body) : {};
  } catch (err) {
    sendJson(res, 400, { ok: false, error: { code: 'INVALID_INPUT', message: `The request body is not valid JSON: ${(err as Error).message}.` } });
    return;
  }
  const result = await dispatch(options.handlers, channel, input, { trusted: true, origin: 'http' });
  sendJson(res, 200, result);
}

function serveStatic(req: IncomingMessage, res: ServerResponse, rendererDir: string, pathname: string): void {
  const root = resolve(rendererDir);
  let file: string;
  try {
    file = normalize(join(root, decodeURIComponent(pathname)));
  } catch {
    res.writeHead(400).end();
    return;
  }
  if (file !== root && !file.startsWith(root + sep)) {
    res.writeHead(403).end();
    return;
  }
  const isFile = existsSync(file) && !statSync(file).isDirectory();
  if (!isFile && extname(file) !== '') {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end(`Not found: ${pathname}`);
    return;
  }
  // Extension-less paths are app routes: serve the app.
  if (!isFile) file = join(root, 'index.html');
  if (!existsSync(file)) {
    res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' }).end('The renderer is not built. Run `npm run serve` (it builds first) or `npm run build`.');
    return;
  }
  res.writeHead(200, {
    'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cache-control': extname(file) === '.html' ? 'no-store' : 'max-age=3600',
  });
  if (req.method === 'HEAD') res.end();
  else createReadStream(file).pipe(res);
}

/**
 * Start the browser-mode server.
 * @returns its URL (with token) once listening
 * @throws when the port is taken or the host cannot be bound (the listen error)
 */
export async function startBrowserServer(options: BrowserServerOptions): Promise<BrowserServer> {
  const token = options.token ?? randomBytes(32).toString('base64url');
  const host = options.host ?? '127.0.0.1';
  const server = createHttpServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const api = /^\/api\/([\w.-]+)$/.exec(url.pathname);
    if (api) {
      handleApi(req, res, api[1]!, options, token).catch((err: unknown) => {
        sendJson(res, 500, { ok: false, error: toErrorShape(err) });
      });
    } else if (url.pathname.startsWith('/api/')) {
      sendJson(res, 404, { ok: false, error: { code: 'NOT_FOUND', message: `No API route ${url.pathname}.` } });
    } else {
      serveStatic(req, res, options.rendererDir, url.pathname);
    }
  });
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolveListen());
  });
  const { port } = server.address() as AddressInfo;
  // Listening on every interface still answers on loopback; print an address a browser can open.
  const reachable = host === '0.0.0.0' ? '127.0.0.1' : host === '::' ? '::1' : host;
  const shownHost = reachable.includes(':') ? `[${reachable}]` : reachable;
  const origin = `http://${shownHost}:${port}`;
  return {
    url: `${origin}/?token=${token}`,
    origin,
    token,
    close: () =>
      new Promise<void>((done) => {
        // Requests already running (a read on the reader thread, say) get their answer; new ones are
        // refused. After a grace period whatever is still open is cut.
        const cut = setTimeout(() => server.closeAllConnections(), CLOSE_GRACE_MS);
        server.close(() => {
          clearTimeout(cut);
          done();
        });
        server.closeIdleConnections();
      }),
  };
}
