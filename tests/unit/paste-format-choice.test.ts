/** The preview's source: detection in words, a source chosen by the user, and the import reading the paste the same way. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLibrary, type Library } from '../../db/open';
import { call } from '../../electron/handlers/dispatch';
import { createHandlers, type Handlers } from '../../electron/handlers/handlers';
import { FORMATS } from '../../shared/paste/formats';
import { fixtureText, tempLibraryFile } from './helpers/fixtures';

const seed = fixtureText('seed-profile');
/** The seed page without its header: papers, no author. */
const papersOnly = seed.slice(seed.indexOf('CLAug 15, 2024Code'));

let lib: Library;
let h: Handlers;
beforeAll(() => {
  lib = openLibrary(tempLibraryFile());
  h = createHandlers(lib);
});
afterAll(() => lib.close());

async function rejection(p: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await p;
  } catch (err) {
    return err as { code: string; message: string };
  }
  throw new Error('expected a rejection');
}

describe('paste.preview names the source', () => {
  it('detects the seed profile as a scholarfeed author page, sure, with an author card', async () => {
    const preview = await call(h, 'paste.preview', { text: seed });
    expect(preview.detection).toMatchObject({ format: 'scholarfeed', label: 'scholarfeed author page', confidence: 'sure' });
    expect(preview.detection.signatures).toBeGreaterThanOrEqual(6);
    expect(preview.makesAuthorCard).toBe(true);
    expect(preview.paperCount).toBe(18);
  });

  it('lists every format as a choice, the generic parser as "Other page (guess papers)"', async () => {
    const preview = await call(h, 'paste.preview', { text: seed });
    expect(preview.choices.map((c) => c.id)).toEqual(FORMATS.map((f) => f.id));
    expect(preview.choices.find((c) => c.id === 'google_scholar')?.label).toBe(FORMATS.find((f) => f.id === 'google_scholar')!.label);
    expect(preview.choices.at(-1)).toEqual({ id: 'generic', label: 'Other page (guess papers)' });
    expect(await call(h, 'paste.formats', {})).toEqual(preview.choices);
  });

  it('reads the paste as the chosen format and says it was chosen', async () => {
    const preview = await call(h, 'paste.preview', { text: seed, format: 'scholarfeed' });
    expect(preview.detection).toEqual({ format: 'scholarfeed', label: 'scholarfeed author page', confidence: 'chosen', signatures: 0 });
    expect(preview.paperCount).toBe(18);
  });

  it('a chosen format that finds nothing gets the message of that format, not a scholarfeed preview', async () => {
    const err = await rejection(call(h, 'paste.preview', { text: seed, format: 'dblp' }));
    expect(err.code).toBe('PASTE_UNRECOGNISED');
    expect(err.message).toMatch(/^This looks like a dblp/);
  });

  it('says no author card is made for a paste without the profile header', async () => {
    const preview = await call(h, 'paste.preview', { text: papersOnly });
    expect(preview.author).toBeNull();
    expect(preview.makesAuthorCard).toBe(false);
    expect(preview.paperCount).toBe(18);
  });

  it('refuses a format that is not one of the list', async () => {
    const err = await rejection(call(h, 'paste.preview', { text: seed, format: 'myspace' as never }));
    expect(err.code).toBe('INVALID_INPUT');
  });
});

describe('paste.import with a chosen format', () => {
  it('imports with the chosen format and keeps the choice in the report', async () => {
    const report = await call(h, 'paste.import', { text: seed, format: 'scholarfeed' });
    expect(report).toMatchObject({ format: 'scholarfeed', added: 18, alreadyImported: false });
    const kept = await call(h, 'imports.report', { id: report.importId });
    expect(kept.detection).toEqual({ format: 'scholarfeed', label: 'scholarfeed author page', confidence: 'chosen', signatures: 0 });
  });

  it('stores nothing when the chosen format reads no paper', async () => {
    const before = (await call(h, 'imports.list', {})).length;
    const err = await rejection(call(h, 'paste.import', { text: seed + '\n(again)', format: 'orcid' }));
    expect(err.code).toBe('PASTE_UNRECOGNISED');
    expect((await call(h, 'imports.list', {})).length).toBe(before);
  });

  it('does not call a paste "imported before" when it was imported as another source', async () => {
    const listing = fixtureText('arxiv-listing');
    await call(h, 'paste.import', { text: listing });
    expect((await call(h, 'paste.preview', { text: listing })).alreadyImported).toBe(true);
    // Read as a Google Scholar page it is another reading of the text, which was never imported.
    const asScholar = await call(h, 'paste.preview', { text: listing, format: 'google_scholar' });
    expect(asScholar.alreadyImported).toBe(false);
  });
});
