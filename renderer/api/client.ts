/**
 * The renderer's door to the library. On the desktop, the preload exposes `window.lectern` (built from
 * the contract); in browser mode the same calls go over HTTP to the local server with the per-launch
 * token from the page URL. Either way every call answers `{ ok: true, value } | { ok: false, error }`.
 */
import { CHANNELS, contract, type Channel, type ChannelInput, type ChannelOutput, type LecternApi, type Result } from '../../shared/contract';
import { LecternError } from '../../shared/errors';
import { PASTE_TOO_LONG_MESSAGE, pasteTooLong } from '../../shared/paste-limit';
import { CLIENT_HEADER } from '../../shared/library-change';
import type { LecternWindowApi } from '../../shared/window-api';
import { invalidateAfterWrite } from './invalidate';

declare global {
  interface Window {
    lectern?: LecternWindowApi;
  }
}

const TOKEN_KEY = 'lectern.token';

/**
 * This tab's id in browser mode: sent with every call, so the library events for its own writes come
 * back to it as 'here' (shared/library-change.ts). New for every page load.
 */
export const CLIENT_ID = Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');

/** The browser-mode token: from `?token=` on first load (then hidden from the address bar), else this tab's session. */
export function browserToken(): string {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    url.searchParams.delete('token');
    window.history.replaceState(null, '', url.toString());
    return fromUrl;
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

const answered = new Set<(sentAt: number) => void>();

/**
 * Browser mode: call `listener` whenever the server answers a call (it is up), with when that call was
 * sent (performance.now()), so a stream that broke when it stopped can be opened again without
 * knocking on a closed port (library-events.ts). A stopping server still answers the calls it had.
 * @returns a function that stops it
 */
export function onServerAnswer(listener: (sentAt: number) => void): () => void {
  answered.add(listener);
  return () => answered.delete(listener);
}

function httpApi(): LecternApi {
  const token = browserToken();
  const api = {} as Record<Channel, (input: unknown) => Promise<Result<unknown>>>;
  for (const channel of CHANNELS) {
    api[channel] = async (input) => {
      try {
        const body = JSON.stringify(input ?? {});
        const sentAt = performance.now();
        const res = await fetch(`/api/${channel}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-lectern-token': token, [CLIENT_HEADER]: CLIENT_ID },
          body,
          // Prefs saved as the page goes away (pagehide) must still arrive; keepalive bodies are capped at 64 kB.
          keepalive: channel === 'settings.set' && body.length < 60_000,
        });
        for (const listener of [...answered]) listener(sentAt);
        return (await res.json()) as Result<unknown>;
      } catch (err) {
        return {
          ok: false,
          error: { code: 'INTERNAL', message: `Lectern's local server did not answer (${(err as Error).message}). If you closed it, start it again with npm run serve and reload this page.` },
        };
      }
    };
  }
  return api as unknown as LecternApi;
}

export const api: LecternApi = window.lectern ?? httpApi();

/** A paste over the limit is refused here, before it is copied to the library's process (and, in browser mode, sent). */
function refuseBeforeSending(channel: Channel, input: unknown): void {
  if ((channel === 'paste.preview' || channel === 'paste.import') && pasteTooLong((input as { text: string }).text)) {
    throw new LecternError('INVALID_INPUT', PASTE_TOO_LONG_MESSAGE);
  }
}

/**
 * Call a channel and unwrap the result; throws LecternError (with the server's code and message) on
 * failure, or `INVALID_INPUT` with PASTE_TOO_LONG_MESSAGE for a paste over 20 MB, without sending it.
 * After a write succeeds, the cached answers reading the tables it changed refetch (api/invalidate.ts);
 * callers never refresh views by hand.
 */
export async function request<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  refuseBeforeSending(channel, input);
  const result = await (api[channel] as (i: ChannelInput<C>) => Promise<Result<ChannelOutput<C>>>)(input);
  if (!result.ok) throw new LecternError(result.error.code, result.error.message, result.error.details);
  const { kind } = contract[channel];
  // Not awaited: the caller goes on (closes its editor, says what it did) while the views refetch.
  if (kind === 'write' || kind === 'undoableWrite') void invalidateAfterWrite(channel);
  return result.value;
}
