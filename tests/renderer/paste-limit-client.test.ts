/** The window refuses a paste over 20 MB of UTF-8 before sending it, with the contract's own sentence. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PASTE_MAX_BYTES, PASTE_TOO_LONG_MESSAGE } from '../../shared/paste-limit';

const fetchMock = vi.fn(async (_url: string, _init: RequestInit) => new Response(JSON.stringify({ ok: false, error: { code: 'PASTE_UNRECOGNISED', message: 'not a profile' } })));
vi.stubGlobal('fetch', fetchMock);
const { request } = await import('../../renderer/api/client');

afterEach(() => fetchMock.mockClear());

describe('request() and the paste limit', () => {
  it.each([
    ['ASCII', 'a', 1],
    ['é', 'é', 2],
    ['😀', '😀', 4],
  ])('sends exactly 20 MB of %s and refuses one character more without sending', async (_name, char, size) => {
    const atLimit = char.repeat(PASTE_MAX_BYTES / size);
    await expect(request('paste.preview', { text: atLimit })).rejects.toMatchObject({ code: 'PASTE_UNRECOGNISED' });
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(fetchMock.mock.calls[0]![0]).toBe('/api/paste.preview');
    fetchMock.mockClear();
    for (const channel of ['paste.preview', 'paste.import'] as const) {
      await expect(request(channel, { text: atLimit + char })).rejects.toMatchObject({ code: 'INVALID_INPUT', message: PASTE_TOO_LONG_MESSAGE });
    }
    expect(fetchMock).not.toHaveBeenCalled();
  });
});
