/**
 * The tag questions (new, rename, colour, merge, delete) as prompt dialogs. The library checks names
 * (empty, over 100 characters, an empty level, taken) and its message shows in the dialog.
 */
import type { Tag } from '../../../shared/contract';
import { request } from '../../api/client';
import { useUi } from '../../stores/ui-store';
import { formatCount } from '../../ui/format';
import { attrSelector } from '../../ui/focus-return';
import { shortTitle } from './acted-on';
import { confirm, undo } from './curation-actions';
import { usePrompt } from './prompt-dialog';

/** New tag, optionally below `parent` (the name field starts with `parent/`). */
export function newTag(parent: string | null = null): void {
  usePrompt.getState().open({
    title: 'New tag',
    message: 'Use “/” for levels, as in method/rl.',
    label: 'Name',
    initial: parent ? `${parent}/` : '',
    colour: null,
    submitLabel: 'Create',
    submit: async ({ text, colour }) => {
      await request('tags.create', { name: text, colour });
    },
  });
}

export function renameTag(tag: Tag): void {
  let renamed = tag.name;
  usePrompt.getState().open({
    title: `Rename “${tag.name}”`,
    message: 'Tags below it follow the new name.',
    label: 'Name',
    initial: tag.name,
    submitLabel: 'Rename',
    // Focus follows the entry to its new name once the sidebar has it.
    focusAfterSubmit: () => document.querySelector(attrSelector('button', 'data-tag', renamed)),
    submit: async ({ text }) => {
      renamed = (await request('tags.rename', { id: tag.id, name: text })).name;
    },
  });
}

export function recolourTag(tag: Tag): void {
  usePrompt.getState().open({
    title: `Colour of “${tag.name}”`,
    colour: tag.colour,
    submitLabel: 'Save',
    submit: async ({ colour }) => {
      await request('tags.recolour', { id: tag.id, colour });
    },
  });
}

/** Merge `tag` into another: its papers get the other tag, and it goes. */
export function mergeTag(tag: Tag, all: Tag[]): void {
  const others = all.filter((t) => t.id !== tag.id);
  if (others.length === 0) return;
  usePrompt.getState().open({
    title: `Merge “${tag.name}” into…`,
    message: `Its papers get the chosen tag, and “${tag.name}” is deleted.`,
    submitLabel: 'Merge',
    choices: { label: 'Merge into', initial: String(others[0]!.id), options: others.map((t) => ({ value: String(t.id), label: t.name })) },
    submit: async ({ choice }) => {
      const target = await request('tags.merge', { sourceIds: [tag.id], targetId: Number(choice) });
      confirm(`Merged the tag “${shortTitle(tag.name)}” into “${shortTitle(target.name)}”.`, { label: 'Undo', run: () => void undo() });
      const ui = useUi.getState();
      if (ui.facets.tagIds.includes(tag.id)) ui.setFacets({ tagIds: ui.facets.tagIds.filter((id) => id !== tag.id) });
    },
  });
}

export function deleteTag(tag: Tag): void {
  usePrompt.getState().open({
    title: `Delete tag “${tag.name}”?`,
    message: `${tag.paperCount === 1 ? 'One paper loses it' : `${tag.paperCount.toLocaleString('en-US')} papers lose it`}; tags below it stay. Ctrl/Cmd+Z brings it back.`,
    submitLabel: 'Delete tag',
    danger: true,
    submit: async () => {
      await request('tags.delete', { ids: [tag.id] });
      const ui = useUi.getState();
      if (ui.facets.tagIds.includes(tag.id)) ui.setFacets({ tagIds: ui.facets.tagIds.filter((id) => id !== tag.id) });
      const lost = tag.paperCount === 0 ? 'no paper had it' : tag.paperCount === 1 ? 'one paper lost it' : `${formatCount(tag.paperCount)} papers lost it`;
      confirm(`Deleted the tag “${shortTitle(tag.name)}”; ${lost}.`, { label: 'Undo', run: () => void undo() });
    },
  });
}
