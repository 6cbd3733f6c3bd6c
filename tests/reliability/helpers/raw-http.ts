/**
 * Raw HTTP/1.1 over a TCP socket, for requests no HTTP client would send (malformed targets, control
 * bytes, huge headers, bodies that stop half way). Resolves with the status line's code and the
 * response text once the server closes the connection (requests ask for `Connection: close`).
 */
import { connect } from 'node:net';

export interface RawResponse {
  /** The status code, or 0 when the server closed without answering. */
  status: number;
  /** Everything the server sent (headers and body). */
  text: string;
  headers: Record<string, string>;
  body: string;
}

function parse(text: string): RawResponse {
  const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(text)?.[1] ?? 0);
  const end = text.indexOf('\r\n\r\n');
  const head = end < 0 ? text : text.slice(0, end);
  const headers: Record<string, string> = {};
  for (const line of head.split('\r\n').slice(1)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { status, text, headers, body: end < 0 ? '' : text.slice(end + 4) };
}

/**
 * Send `request` (string or bytes) to 127.0.0.1:port.
 * @param options.thenAbort destroy the socket this many ms after writing, instead of waiting for an answer
 * @param options.timeoutMs give up (resolve with what arrived) after this long; default 10 s
 */
export function rawRequest(port: number, request: string | Buffer | Array<string | Buffer>, options: { thenAbort?: number; timeoutMs?: number } = {}): Promise<RawResponse> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    let settled = false;
    const finish = () => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(parse(Buffer.concat(chunks).toString('latin1')));
    };
    const timer = setTimeout(finish, options.timeoutMs ?? 10_000);
    socket.on('data', (c) => chunks.push(c));
    socket.on('error', finish);
    socket.on('close', finish);
    socket.on('connect', () => {
      for (const part of Array.isArray(request) ? request : [request]) socket.write(part);
      if (options.thenAbort !== undefined) setTimeout(finish, options.thenAbort);
    });
  });
}

/** A GET with the given target and headers, asking the server to close afterwards. */
export function rawGet(port: number, target: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  const lines = [`GET ${target} HTTP/1.1`, ...Object.entries({ host: `127.0.0.1:${port}`, ...headers }).map(([k, v]) => `${k}: ${v}`), 'connection: close', '', ''];
  return rawRequest(port, lines.join('\r\n'));
}
