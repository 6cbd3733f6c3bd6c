/**
 * Text typed into a paper's record follows shared/text-input.ts like every other contract string: a
 * one-line field (title, identifiers, venue, author names, keywords) refuses control characters with a
 * clear message, and an abstract drops NUL (SQLite's text functions and FTS5 stop at it). Before, a
 * title or DOI holding NUL or a terminal escape was stored as sent.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { openLibrary, type Library } from '../../db/open';
import { call } from '../../electron/handlers/dispatch';
import { createHandlers, type Handlers } from '../../electron/handlers/handlers';
import type { LecternError } from '../../shared/errors';
import { fixtureText } from './helpers/fixtures';

let lib: Library;
let h: Handlers;
beforeEach(async () => {
  lib = openLibrary(':memory:');
  h = createHandlers(lib);
  await call(h, 'paste.import', { text: fixtureText('seed-profile') });
  return () => lib.close();
});
const firstId = () => (lib.db.$client.prepare('SELECT id FROM papers ORDER BY id LIMIT 1').get() as { id: number }).id;
const failure = (p: Promise<unknown>) => p.then(() => ({ code: 'none', message: '' }), (e: LecternError) => ({ code: e.code, message: e.message }));

describe('control characters in hand-typed fields', () => {
  it('refuses them in a title, a DOI, a venue, a keyword and an author name, and stores nothing', async () => {
    const id = firstId();
    const before = lib.db.$client.prepare('SELECT * FROM papers WHERE id = ?').get(id);
    for (const fields of [{ title: 'a\u0000b' }, { doi: '10.1234/a\u0007' }, { venue: 'V\u001b[31m' }, { keywords: ['k\u0000'] }]) {
      const e = await failure(call(h, 'papers.update', { id, fields }));
      expect(e.code).toBe('INVALID_INPUT');
      expect(e.message).toContain('control characters');
    }
    const e = await failure(call(h, 'papers.setAuthors', { id, authors: [{ printedName: 'Ada\u0000 Lovelace' }] }));
    expect(e.code).toBe('INVALID_INPUT');
    expect(lib.db.$client.prepare('SELECT * FROM papers WHERE id = ?').get(id)).toEqual(before);
  });

  it('keeps line breaks and tabs in an abstract and drops NUL', async () => {
    const rec = await call(h, 'papers.update', { id: firstId(), fields: { abstract: 'one\n\ttwo\u0000three' } });
    expect(rec.fields.abstract).toBe('one\n\ttwothree');
  });

  it('still shows a record whose stored names hold control characters (an import kept them)', async () => {
    const id = firstId();
    lib.db.$client.prepare("UPDATE paper_authors SET printed_name = 'A\u0085B' WHERE paper_id = ? AND position = 0").run(id);
    const rec = await call(h, 'papers.record', { id });
    expect(rec.authors[0]!.printedName).toBe('A\u0085B');
  });
});
