import { afterEach, describe, expect, it } from 'vitest';
import { openLibrary, type Library } from '../../db/open';
import { createTag, listTags } from '../../db/library/tags';
import { UndoStack } from '../../electron/handlers/undo-stack';

let lib: Library;
afterEach(() => lib.close());

describe('UndoStack', () => {
  it('undoes and redoes in order, a new change clears redo, and the oldest entries drop beyond the limit', () => {
    lib = openLibrary(':memory:');
    const stack = new UndoStack(2);
    for (const name of ['a', 'b', 'c']) stack.record(createTag(lib.db, { name }));
    expect(stack.state()).toEqual({ undo: 'Create tag c', redo: null });
    expect(stack.undo(lib.db)).toBe('Create tag c');
    expect(stack.undo(lib.db)).toBe('Create tag b');
    expect(() => stack.undo(lib.db)).toThrow('There is nothing to undo.');
    expect(listTags(lib.db).map((t) => t.name)).toEqual(['a']);
    expect(stack.redo(lib.db)).toBe('Create tag b');
    stack.record(createTag(lib.db, { name: 'd' }));
    expect(stack.state()).toEqual({ undo: 'Create tag d', redo: null });
  });

  it('keeps a change whose undo fails, and leaves the library as it was', () => {
    lib = openLibrary(':memory:');
    const stack = new UndoStack();
    stack.record(createTag(lib.db, { name: 'keep' }));
    // Break the undo: a trigger refuses deleting tags.
    lib.db.$client.exec(`CREATE TRIGGER no_delete BEFORE DELETE ON tags BEGIN SELECT RAISE(ABORT, 'refused'); END`);
    expect(() => stack.undo(lib.db)).toThrow('Could not undo "Create tag keep": the library has changed since, so it no longer applies. Nothing was changed.');
    expect(stack.state()).toEqual({ undo: 'Create tag keep', redo: null });
    expect(listTags(lib.db).map((t) => t.name)).toEqual(['keep']);
    lib.db.$client.exec('DROP TRIGGER no_delete');
    expect(stack.undo(lib.db)).toBe('Create tag keep');
    expect(listTags(lib.db)).toEqual([]);
  });

  it('records nothing for an operation that changed nothing', () => {
    lib = openLibrary(':memory:');
    const stack = new UndoStack();
    expect(stack.record({ value: 1, undo: null })).toBe(1);
    expect(stack.state()).toEqual({ undo: null, redo: null });
  });
});
