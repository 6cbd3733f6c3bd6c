import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLibrary, type Library } from '../../db/open';
import { dispatch } from '../../electron/handlers/dispatch';
import { createHandlers, type Handlers } from '../../electron/handlers/handlers';
import { fixtureText, tempLibraryFile } from './helpers/fixtures';

let lib: Library;
let h: Handlers;
beforeAll(() => {
  lib = openLibrary(tempLibraryFile());
  h = createHandlers(lib);
});
afterAll(() => lib.close());

const trusted = { trusted: true };

describe('dispatch', () => {
  it('answers ok with the handler value', async () => {
    expect(await dispatch(h, 'library.info', {}, trusted)).toEqual({ ok: true, value: { file: lib.file, papers: 0, authors: 0, imports: 0 } });
  });

  it('refuses untrusted senders before doing anything', async () => {
    const r = await dispatch(h, 'paste.import', { text: fixtureText('seed-profile') }, { trusted: false, origin: 'https://evil.example' });
    expect(r).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: 'Refused a call to "paste.import" from an untrusted sender (https://evil.example).' } });
    expect((await dispatch(h, 'library.info', {}, trusted)) as unknown).toMatchObject({ value: { papers: 0 } });
  });

  it('validates input and says which field is wrong', async () => {
    const r = await dispatch(h, 'papers.get', { id: 'seven' }, trusted);
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: { issues: [{ path: ['id'] }] } } });
    expect(r.ok ? '' : r.error.message).toMatch(/^Invalid input for "papers\.get": id: /);
  });

  it('names an unknown channel', async () => {
    expect(await dispatch(h, 'papers.delete', {}, trusted)).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'There is no channel named "papers.delete".', details: { channel: 'papers.delete' } } });
  });

  it('turns handler errors into serialisable errors and stores nothing for a bad paste', async () => {
    const r = await dispatch(h, 'paste.import', { text: 'Shopping list\neggs\nmilk' }, trusted);
    expect(r.ok).toBe(false);
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
    expect(r).toMatchObject({ error: { code: 'PASTE_UNRECOGNISED' } });
    expect(await dispatch(h, 'library.info', {}, trusted)).toMatchObject({ value: { imports: 0, papers: 0 } });
  });

  it('previews a paste without storing it', async () => {
    const r = await dispatch(h, 'paste.preview', { text: fixtureText('seed-profile') }, trusted);
    expect(r).toMatchObject({ ok: true, value: { format: 'scholarfeed', paperCount: 18, wouldImport: { added: 18, updated: 0, unchanged: 0 }, snapshotWouldBeAdded: true, author: { name: 'Chong Ruan' } } });
    expect(r.ok && (r.value as { firstPapers: unknown[] }).firstPapers).toHaveLength(5);
    expect(await dispatch(h, 'library.info', {}, trusted)).toMatchObject({ value: { imports: 0, papers: 0 } });
  });
});
