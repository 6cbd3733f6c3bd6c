/**
 * Every curation change the window makes (tags, collections, status, rating, star, trash, undo) goes
 * through here: call the library, then tell every view the library changed, and say what happened
 * (or what went wrong) in a notice. The library labels each change itself (undo.state), so the
 * confirmation after Undo quotes the same words as the Edit menu would.
 */
import type { Channel, ChannelInput, ChannelOutput, ReadingStatus } from '../../../shared/contract';
import { request } from '../../api/client';
import { describeError, useNotices } from '../../stores/notice-store';
import { useUi } from '../../stores/ui-store';
import { plural } from '../../ui/format';
import { actedOnSentence, firstTitle, untagSentence } from './acted-on';

/** Call a curation channel (the views it changed refresh on their own); on failure show the library's message and return null. */
export async function change<C extends Channel>(channel: C, input: ChannelInput<C>, failure: string): Promise<ChannelOutput<C> | null> {
  try {
    return await request(channel, input);
  } catch (err) {
    useNotices.getState().push({ kind: 'error', title: failure, detail: describeError(err), source: 'curation' });
    return null;
  }
}

/** A short confirmation that fades (several in a row replace each other). */
export function confirm(title: string, action?: { label: string; run(): void }): void {
  useNotices.getState().push({ kind: 'success', title, ...(action ? { action } : {}) });
}

/** Put tags (by id, or by name: missing names are created) on papers. */
export async function assignTags(paperIds: number[], tagIds: number[], names: string[] = []): Promise<boolean> {
  if (paperIds.length === 0) return false;
  const out = await change('tags.assign', { paperIds, tagIds, names }, 'The tag was not added.');
  return out !== null;
}

/** Take tags off papers (children stay) and say which tags from which papers, with Undo. */
export async function removeTags(paperIds: number[], tags: readonly { id: number; name: string }[]): Promise<boolean> {
  if (paperIds.length === 0 || tags.length === 0) return false;
  const title = await firstTitle(paperIds);
  const out = await change('tags.remove', { paperIds, tagIds: tags.map((t) => t.id) }, tags.length === 1 ? 'The tag was not removed.' : 'The tags were not removed.');
  if (!out) return false;
  confirm(untagSentence(tags.map((t) => t.name), { count: paperIds.length, firstTitle: title }), { label: 'Undo', run: () => void undo() });
  return true;
}

export async function setStatus(paperIds: number[], status: ReadingStatus): Promise<void> {
  if (paperIds.length > 0) await change('papers.setStatus', { paperIds, status }, 'The reading status was not changed.');
}

/** Rate 1-5, or clear with null. */
export async function setRating(paperIds: number[], rating: number | null): Promise<void> {
  if (paperIds.length > 0) await change('papers.setRating', { paperIds, rating }, 'The rating was not changed.');
}

export async function setStarred(paperIds: number[], starred: boolean): Promise<void> {
  if (paperIds.length > 0) await change('papers.setStarred', { paperIds, starred }, 'The star was not changed.');
}

/** Put papers in a collection and say how many went in. */
export async function addToCollection(collectionId: number, name: string, paperIds: number[]): Promise<void> {
  if (paperIds.length === 0) return;
  const out = await change('collections.addPapers', { collectionId, paperIds }, `The papers were not added to “${name}”.`);
  if (out) confirm(out.added === 0 ? `Already in “${name}”.` : `Added ${plural(out.added, 'paper')} to “${name}”.`);
}

/**
 * Move papers to the trash; the notice names them (the first by its title) and offers Undo, and the
 * selection (now hidden) is dropped.
 */
export async function trashPapers(paperIds: number[]): Promise<void> {
  if (paperIds.length === 0) return;
  const title = await firstTitle(paperIds);
  const out = await change('papers.trash', { paperIds }, paperIds.length === 1 ? 'The paper was not moved to the trash.' : 'The papers were not moved to the trash.');
  if (!out) return;
  useUi.getState().setSelection(new Set(), null, null);
  confirm(actedOnSentence('Moved', 'to the trash', { count: out.trashed, firstTitle: title }), { label: 'Undo', run: () => void undo() });
}

export async function restorePapers(paperIds: number[]): Promise<void> {
  if (paperIds.length === 0) return;
  const title = await firstTitle(paperIds);
  const out = await change('papers.restore', { paperIds }, paperIds.length === 1 ? 'The paper was not restored.' : 'The papers were not restored.');
  if (!out) return;
  useUi.getState().setSelection(new Set(), null, null);
  confirm(actedOnSentence('Restored', 'to the library', { count: out.restored, firstTitle: title }), { label: 'Undo', run: () => void undo() });
}

/** Undo the session's latest curation change and say which (nothing to undo is said too, not an error). */
export async function undo(): Promise<void> {
  await step('undo.undo', 'Undid', 'Nothing to undo.');
}

export async function redo(): Promise<void> {
  await step('undo.redo', 'Redid', 'Nothing to redo.');
}

async function step(channel: 'undo.undo' | 'undo.redo', verb: string, nothing: string): Promise<void> {
  try {
    const out = await request(channel, {});
    confirm(`${verb}: ${lowerFirst(out.label)}`);
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'NOT_FOUND') confirm(nothing);
    else useNotices.getState().push({ kind: 'error', title: `${verb === 'Undid' ? 'Undo' : 'Redo'} failed.`, detail: describeError(err), source: 'curation' });
  }
}

/** "Tag 3 papers with method/rl" reads "Undid: tag 3 papers with method/rl". */
export function lowerFirst(label: string): string {
  return label.length > 1 && /^[A-Z][a-z]/.test(label) ? label[0]!.toLowerCase() + label.slice(1) : label;
}
