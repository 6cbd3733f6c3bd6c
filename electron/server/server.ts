/**
 * Browser mode: a local HTTP server that serves the built renderer and answers `POST /api/<channel>`
 * through the same dispatch wrapper as the desktop IPC. Every API request must carry the per-launch
 * token (header `x-lectern-token`); without it the answer is 401.
 *
 * No request can end the server: each is answered inside one error boundary (400 for a malformed one,
 * 500 with a plain sentence for a failure of ours, never a stack), malformed HTTP is answered by the
 * `clientError` handler, and errors of a socket or a response end that connection only. Behind the
 * token, only requests addressed to this server by name (Host) are served and API calls from another
 * origin are refused (request-guard.ts: DNS rebinding).
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { dispatch, toErrorShape } from '../handlers/dispatch';
import type { Handlers } from '../handlers/handlers';
import { MAX_REQUEST_BODY_BYTES, PASTE_TOO_LONG_MESSAGE } from '../../shared/paste-limit';
import type { LecternErrorCode } from '../../shared/errors';
import { toLecternError } from '../../shared/error-messages';
import { logFailure } from '../../shared/failure-log';
import { parseRequestTarget } from './request-target';
import { allowedHosts, hostAllowed, originAllowed } from './request-guard';
import { BodyTooLarge, ClientGone, readBody } from './request-body';
import { sendText, serveStatic } from './static-files';
import { eventLog, type EventLog } from './event-log';
import { CLIENT_HEADER, isClientId, LIBRARY_EVENTS_PATH } from '../../shared/library-change';

/** How long close() waits for running requests before cutting their connections (ms). */
const CLOSE_GRACE_MS = 3000;

/** Channels whose body is mostly pasted text: an over-cap body there is an over-long paste. */
const PASTE_CHANNELS = new Set(['paste.preview', 'paste.import']);

const FAILED = 'Lectern could not answer this request. Nothing was changed and the server is still running; try again.';

export interface BrowserServerOptions {
  handlers: Handlers;
  /** Folder of the built renderer (out/renderer). */
  rendererDir: string;
  /** Interface to listen on; default 127.0.0.1. */
  host?: string;
  /** Port; 0 (default) picks a free one. */
  port?: number;
  /** A fixed token (the one kept from the last launch, launch-state.ts; tests); default: 32 random bytes, base64url. */
  token?: string;
  /** Largest request body in bytes; default MAX_REQUEST_BODY_BYTES (derived from the paste limit). For tests. */
  maxBodyBytes?: number;
}

export interface BrowserServer {
  /** `http://<host>:<port>/?token=<token>`: open this in a browser. */
  url: string;
  origin: string;
  token: string;
  /** How many library change batches the event log keeps (bounded; event-log.ts). */
  readonly eventsKept: number;
  /** Stop listening, let running requests finish (up to CLOSE_GRACE_MS), then resolve. */
  close(): Promise<void>;
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'content-length': String(Buffer.byteLength(text)), ...headers });
  res.end(text);
}

/** A refusal, as JSON for API paths (the renderer's client reads JSON) and as text elsewhere. */
function refuse(res: ServerResponse, api: boolean, status: number, code: LecternErrorCode, message: string, headers: Record<string, string> = {}): void {
  if (api) sendJson(res, status, { ok: false, error: { code, message } }, headers);
  else sendText(res, status, message, headers);
}

function tokenMatches(given: string | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

interface Context {
  options: BrowserServerOptions;
  token: string;
  maxBodyBytes: number;
  /** Filled once listening (the port is known then). */
  hosts: Set<string>;
  events: EventLog;
}

const WRONG_TOKEN = 'Missing or wrong Lectern token: open the URL Lectern printed when it started.';

/** The library's events, polled (event-log.ts): GET, with the token header like every API call. */
function handleEvents(req: IncomingMessage, res: ServerResponse, query: URLSearchParams, ctx: Context): void {
  if (!tokenMatches(header(req, 'x-lectern-token'), ctx.token)) {
    refuse(res, true, 401, 'FORBIDDEN', WRONG_TOKEN);
    return;
  }
  if (req.method !== 'GET') {
    refuse(res, true, 405, 'INVALID_INPUT', 'Library events are read with GET.', { allow: 'GET' });
    return;
  }
  ctx.events.answer(res, query);
}

async function handleApi(req: IncomingMessage, res: ServerResponse, channel: string, ctx: Context): Promise<void> {
  if (!tokenMatches(header(req, 'x-lectern-token'), ctx.token)) {
    refuse(res, true, 401, 'FORBIDDEN', WRONG_TOKEN);
    return;
  }
  if (req.method !== 'POST') {
    refuse(res, true, 405, 'INVALID_INPUT', 'API calls use POST.', { allow: 'POST' });
    return;
  }
  let body: string;
  try {
    body = await readBody(req, ctx.maxBodyBytes);
  } catch (err) {
    if (!(err instanceof BodyTooLarge)) throw err;
    // The rest of the body is not read: close the connection after answering.
    const message = PASTE_CHANNELS.has(channel)
      ? PASTE_TOO_LONG_MESSAGE
      : `The request is over ${Math.floor(ctx.maxBodyBytes / 1_000_000)} MB, more than Lectern accepts. Nothing was changed.`;
    refuse(res, true, 413, 'INVALID_INPUT', message, { connection: 'close' });
    return;
  }
  let input: unknown;
  try {
    input = body ? JSON.parse(body) : {};
  } catch {
    refuse(res, true, 400, 'INVALID_INPUT', 'The request body is not valid JSON. Nothing was changed.');
    return;
  }
  const client = header(req, CLIENT_HEADER);
  sendJson(res, 200, await dispatch(ctx.options.handlers, channel, input, { trusted: true, origin: 'http', ...(isClientId(client) ? { caller: client } : {}) }));
}

async function handle(req: IncomingMessage, res: ServerResponse, ctx: Context): Promise<void> {
  const target = parseRequestTarget(req.url);
  if (!target.ok) {
    sendText(res, 400, `The request was refused: ${target.reason}`, { connection: 'close' });
    return;
  }
  const api = target.path === '/api' || target.path.startsWith('/api/');
  if (!hostAllowed(header(req, 'host'), ctx.hosts)) {
    refuse(res, api, 403, 'FORBIDDEN', 'Lectern answers only requests addressed to 127.0.0.1, localhost or the --host it was given.');
    return;
  }
  if (!api) {
    serveStatic(req, res, ctx.options.rendererDir, target.path);
    return;
  }
  if (!originAllowed(header(req, 'origin'), ctx.hosts)) {
    refuse(res, true, 403, 'FORBIDDEN', 'Refused a call from another web site: only the Lectern page itself may use the library.');
    return;
  }
  if (target.path === LIBRARY_EVENTS_PATH) {
    handleEvents(req, res, new URLSearchParams(target.query), ctx);
    return;
  }
  const channel = /^\/api\/([\w.-]+)$/.exec(target.path)?.[1];
  if (!channel) {
    refuse(res, true, 404, 'NOT_FOUND', 'There is no such API route.');
    return;
  }
  await handleApi(req, res, channel, ctx);
}

/** The error boundary: whatever a request does, it gets an answer (or its connection is cut) and the server runs on. */
function onRequest(req: IncomingMessage, res: ServerResponse, ctx: Context): void {
  // A client that goes away mid-request makes these streams emit errors; they end that request only.
  req.on('error', () => undefined);
  res.on('error', () => undefined);
  const fail = (err: unknown) => {
    // Not `req.destroyed`: a request whose body was read to the end is destroyed too (autoDestroy).
    if (err instanceof ClientGone || res.destroyed || req.socket.destroyed) {
      res.destroy();
      return;
    }
    // Named by its path only: the query of the page's address holds the token.
    const what = `${req.method ?? 'A'} request for ${(req.url ?? '').split('?')[0]!.slice(0, 200)}`;
    if (res.headersSent) {
      logFailure(what, err, toLecternError(err), false);
      res.destroy();
    } else if (!res.destroyed) {
      // An API caller reads JSON: the one mapping gives it a sentence (and logs the detail); a page
      // request gets the plain sentence.
      if ((req.url ?? '').startsWith('/api/')) sendJson(res, 500, { ok: false, error: toErrorShape(err, what) }, { connection: 'close' });
      else {
        logFailure(what, err, toLecternError(err));
        sendText(res, 500, FAILED, { connection: 'close' });
      }
    }
  };
  try {
    handle(req, res, ctx).catch(fail);
  } catch (err) {
    fail(err);
  }
}

const CLIENT_ERRORS: Record<string, [number, string]> = {
  HPE_HEADER_OVERFLOW: [431, 'Request Header Fields Too Large'],
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'Request Timeout'],
};

/** Malformed HTTP (llhttp refused it), an oversized header or a socket error: answer if possible, then close. */
function onClientError(err: NodeJS.ErrnoException, socket: Socket): void {
  const busy = (socket as Socket & { _httpMessage?: ServerResponse })._httpMessage;
  if (err.code === 'ECONNRESET' || !socket.writable || busy?.headersSent) {
    socket.destroy();
    return;
  }
  const [status, reason] = CLIENT_ERRORS[err.code ?? ''] ?? [400, 'Bad Request'];
  const text = `The request was refused: it is not well-formed HTTP (${reason.toLowerCase()}).`;
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(text)}\r\n\r\n${text}`);
}

/**
 * Start the browser-mode server.
 * @returns its URL (with token) once listening
 * @throws when the port is taken or the host cannot be bound (the listen error)
 */
export async function startBrowserServer(options: BrowserServerOptions): Promise<BrowserServer> {
  const token = options.token ?? randomBytes(32).toString('base64url');
  const host = options.host ?? '127.0.0.1';
  const ctx: Context = { options, token, maxBodyBytes: options.maxBodyBytes ?? MAX_REQUEST_BODY_BYTES, hosts: new Set(), events: eventLog(options.handlers) };
  const server = createHttpServer((req, res) => onRequest(req, res, ctx));
  server.on('clientError', onClientError);
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolveListen());
  });
  // After listening, a server error (none is expected) is logged, not thrown out of the process.
  server.on('error', (err) => logFailure('The server', err, toLecternError(err), false));
  const { port } = server.address() as AddressInfo;
  ctx.hosts = allowedHosts(host, port);
  // Listening on every interface still answers on loopback; print an address a browser can open.
  const reachable = host === '0.0.0.0' ? '127.0.0.1' : host === '::' ? '::1' : host;
  const shownHost = reachable.includes(':') ? `[${reachable}]` : reachable;
  const origin = `http://${shownHost}:${port}`;
  return {
    url: `${origin}/?token=${token}`,
    origin,
    token,
    get eventsKept() {
      return ctx.events.size;
    },
    close: () =>
      new Promise<void>((done) => {
        // Requests already running (a read on the reader thread, say) get their answer; new ones are
        // refused. After a grace period whatever is still open is cut.
        const cut = setTimeout(() => server.closeAllConnections(), CLOSE_GRACE_MS);
        ctx.events.close();
        server.close(() => {
          clearTimeout(cut);
          done();
        });
        server.closeIdleConnections();
      }),
  };
}
