/**
 * Undoing a hand edit restores what the edit changed, not the whole paper: a re-import between the
 * edit and its undo may have brought a new abstract or author list (fields the user did not edit), and
 * "Undo edit title" must not silently revert them. Before, the undo wrote back the snapshot taken
 * before the edit, every column and the author list.
 */
import { beforeEach, expect, it } from 'vitest';
import { openLibrary, type Library } from '../../db/open';
import { call } from '../../electron/handlers/dispatch';
import { createHandlers, type Handlers } from '../../electron/handlers/handlers';
import { fixtureText } from './helpers/fixtures';

let lib: Library;
let h: Handlers;
const seed = fixtureText('seed-profile');
const PROVER = 'DeepSeek-Prover-V1.5: Harnessing Proof Assistant Feedback for Reinforcement Learning and Monte-Carlo Tree Search';
beforeEach(async () => {
  lib = openLibrary(':memory:');
  h = createHandlers(lib);
  await call(h, 'paste.import', { text: seed });
  return () => lib.close();
});
const row = (id: number) => lib.db.$client.prepare('SELECT title, abstract, authors_text FROM papers WHERE id = ?').get(id) as { title: string; abstract: string; authors_text: string };

it('undo of a title edit keeps the abstract and authors a later import brought, and redo edits the title again', async () => {
  const id = (lib.db.$client.prepare('SELECT id FROM papers WHERE title = ?').get(PROVER) as { id: number }).id;
  await call(h, 'papers.update', { id, fields: { title: 'My title' } });
  const changed = seed
    .replace('We introduce DeepSeek-Prover-V1.5, an open-source', 'Revised. We introduce DeepSeek-Prover-V1.5, an open-source')
    .replace('Huajian Xin, Z. Z. Ren, Junxiao Song et al.', 'Huajian Xin, Z. Z. Ren, Junxiao Song, Ada Lovelace et al.');
  expect((await call(h, 'paste.import', { text: changed })).updated).toBe(1);
  const imported = row(id);
  expect(imported.abstract.startsWith('Revised.')).toBe(true);
  expect(imported.authors_text).toContain('Ada Lovelace');
  await call(h, 'undo.undo', {});
  expect(row(id)).toEqual({ ...imported, title: PROVER });
  await call(h, 'undo.redo', {});
  expect(row(id)).toEqual({ ...imported, title: 'My title' });
});
