/**
 * The collection questions (new, rename, move, delete) as prompt dialogs: each asks the library and
 * leaves the dialog open with the library's message when it says no (an empty name, a move into itself).
 */
import type { Collection } from '../../../shared/contract';
import { request } from '../../api/client';
import { useUi } from '../../stores/ui-store';
import { formatCount } from '../../ui/format';
import { attrSelector } from '../../ui/focus-return';
import { shortTitle } from './acted-on';
import { addToCollection, confirm, undo } from './curation-actions';
import { usePrompt } from './prompt-dialog';
import { collectionSubtreeIds, collectionTree, flattenCollections } from './trees';

/** Ask for a name and create a collection (inside `parentId`); with `paperIds`, put them in it. */
export function newCollection(parentId: number | null, paperIds: number[] = []): void {
  usePrompt.getState().open({
    title: parentId === null ? 'New collection' : 'New sub-collection',
    label: 'Name',
    submitLabel: 'Create',
    submit: async ({ text }) => {
      const c = await request('collections.create', { name: text, parentId });
      if (paperIds.length > 0) await addToCollection(c.id, c.name, paperIds);
    },
  });
}

export function renameCollection(c: Collection): void {
  let renamed = c.name;
  usePrompt.getState().open({
    title: `Rename “${c.name}”`,
    label: 'Name',
    initial: c.name,
    submitLabel: 'Rename',
    focusAfterSubmit: () => document.querySelector(attrSelector('button', 'data-collection', renamed)),
    submit: async ({ text }) => {
      renamed = (await request('collections.update', { id: c.id, name: text })).name;
    },
  });
}

/** Move a collection under another (or to the top level); its own subtree is not offered. */
export function moveCollection(c: Collection, all: Collection[]): void {
  const flat = flattenCollections(collectionTree(all));
  const self = flat.find((n) => n.collection.id === c.id);
  const excluded = new Set(self ? collectionSubtreeIds(self) : [c.id]);
  usePrompt.getState().open({
    title: `Move “${c.name}”`,
    submitLabel: 'Move',
    choices: {
      label: 'Put it in',
      initial: c.parentId === null ? 'top' : String(c.parentId),
      options: [
        { value: 'top', label: 'Top level' },
        ...flat.filter((n) => !excluded.has(n.collection.id)).map((n) => ({ value: String(n.collection.id), label: `${'\u2003'.repeat(n.depth)}${n.collection.name}` })),
      ],
    },
    submit: async ({ choice }) => {
      await request('collections.update', { id: c.id, parentId: choice === 'top' ? null : Number(choice) });
    },
  });
}

export function deleteCollection(c: Collection): void {
  usePrompt.getState().open({
    title: `Delete “${c.name}”?`,
    message: 'The collection and its sub-collections go; the papers stay in the library. Ctrl/Cmd+Z brings it back.',
    submitLabel: 'Delete collection',
    danger: true,
    submit: async () => {
      const out = await request('collections.delete', { id: c.id });
      const ui = useUi.getState();
      if (ui.facets.collectionId === c.id) ui.setFacets({ collectionId: null });
      const subs = out.deleted > 1 ? ` and ${out.deleted === 2 ? 'its sub-collection' : `its ${formatCount(out.deleted - 1)} sub-collections`}` : '';
      confirm(`Deleted the collection “${shortTitle(c.name)}”${subs}; the papers stay in the library.`, { label: 'Undo', run: () => void undo() });
    },
  });
}
