/**
 * The handler table's type is complete over the contract: a channel without an entry, or an entry of
 * the wrong shape for its kind, does not compile. The `@ts-expect-error` lines are the test: `tsc -p
 * tsconfig.node.json` (which covers tests/unit, and `npm test` runs) fails if any of them compiles.
 */
import { describe, expect, it } from 'vitest';
import { handlerTable } from '../../electron/handlers/handler-table';
import type { HandlerTable } from '../../electron/handlers/channel-entry';
import { createTag } from '../../db/library/tags';
import { CHANNELS } from '../../shared/contract';

describe('the handler table type', () => {
  it('refuses a table missing a channel, and entries of the wrong shape for their kind', () => {
    const { 'tags.create': dropped, ...withoutOne } = handlerTable;
    // @ts-expect-error 'tags.create' has no entry: a new channel without a handler does not compile.
    const incomplete: HandlerTable = withoutOne;

    // @ts-expect-error an undoable write's query returns its undo as well ({ value, undo }), not the bare tag.
    const noUndo: HandlerTable = { ...handlerTable, 'tags.create': (db, input) => createTag(db, input).value };

    // @ts-expect-error a read's answer must have the output's type (PaperDetail's id is a number).
    const wrongRow: HandlerTable = { ...handlerTable, 'papers.get': () => ({ id: 'x' }) };

    // @ts-expect-error a session channel gets the session, not a connection.
    const noSession: HandlerTable = { ...handlerTable, 'undo.state': (db: { $client: unknown }) => ({ undo: String(db.$client), redo: null }) };

    expect([incomplete, noUndo, wrongRow, noSession].every((t) => Object.keys(t).length >= CHANNELS.length - 1)).toBe(true);
    expect(dropped).toBe(handlerTable['tags.create']);
  });
});
