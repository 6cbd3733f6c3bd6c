/**
 * Reading a request body under a size cap, refusing as early as possible: from Content-Length before
 * reading anything, else as soon as the bytes received pass the cap.
 */
import type { IncomingMessage } from 'node:http';

/** The body is over the cap; answer 413. */
export class BodyTooLarge extends Error {
  constructor(readonly maxBytes: number) {
    super(`request body over ${maxBytes} bytes`);
  }
}

/** The client closed the connection before sending the whole body: nobody is left to answer. */
export class ClientGone extends Error {}

/**
 * @param maxBytes the cap, in bytes
 * @returns the body as UTF-8 text (invalid sequences become U+FFFD)
 * @throws BodyTooLarge when Content-Length or the bytes received pass the cap; ClientGone (or the
 *   stream's error) when the client goes away first
 */
export function readBody(req: IncomingMessage, maxBytes: number): Promise<string> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) return Promise.reject(new BodyTooLarge(maxBytes));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const stop = (err: Error) => {
      // Stop reading without destroying the request: its socket must stay open for the 413 answer.
      req.off('data', onData);
      req.pause();
      reject(err);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) stop(new BodyTooLarge(maxBytes));
      else chunks.push(chunk);
    };
    req.on('data', onData);
    req.once('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.once('error', stop);
    req.once('close', () => {
      if (!req.complete) stop(new ClientGone('the client went away before sending the whole request'));
    });
  });
}
