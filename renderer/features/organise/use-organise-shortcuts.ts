/**
 * The organise keys of UX.md on the selected papers: T tags (type-ahead), 1-5 rate and 0 clears,
 * S stars (or unstars when every selected paper is starred), U / I / R mark unread / reading / read,
 * Delete or Backspace moves to the trash; Ctrl/Cmd+Z undoes and Ctrl/Cmd+Shift+Z or Ctrl+Y redoes,
 * anywhere in the window. None of them fires while a text field, a dialog or a menu has the keys.
 */
import { useEffect, useRef } from 'react';
import type { ReadingStatus } from '../../../shared/contract';
import { useUi } from '../../stores/ui-store';
import type { PapersResult } from '../papers/use-paper-pages';
import { redo, setRating, setStarred, setStatus, trashPapers, undo } from './curation-actions';
import { selectionUnknown, visibleSelection } from './visible-selection';
import { useTagPicker } from './tag-picker';

const STATUS_BY_KEY: Record<string, ReadingStatus> = { u: 'unread', i: 'reading', r: 'read' };

/** True when the key belongs to a text field, or to a dialog or menu that is open. */
export function keysTaken(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target.closest('dialog, [role="dialog"], [role="menu"]') !== null;
}

/** Whether every selected paper whose row is loaded is starred (S then unstars). */
function allStarred(papers: PapersResult, ids: number[]): boolean {
  const wanted = new Set(ids);
  let seen = 0;
  let starred = 0;
  for (let i = 0; i < (papers.total ?? 0) && seen < wanted.size && i < 5000; i++) {
    const row = papers.row(i);
    if (!row || !wanted.has(row.id)) continue;
    seen++;
    if (row.starred) starred++;
  }
  return seen > 0 && starred === seen;
}

/** What a key does to the selected papers (null: not an organise key; Delete does nothing in the trash). */
function actionFor(key: string, inTrash: boolean, papers: PapersResult): ((ids: number[]) => void) | null {
  if (key === 't') return (ids) => useTagPicker.getState().open(ids);
  if (/^[0-5]$/.test(key)) return (ids) => void setRating(ids, key === '0' ? null : Number(key));
  if (key === 's') return (ids) => void setStarred(ids, !allStarred(papers, ids));
  const status = STATUS_BY_KEY[key];
  if (status) return (ids) => void setStatus(ids, status);
  if ((key === 'delete' || key === 'backspace') && !inTrash) return (ids) => void trashPapers(ids);
  return null;
}

export function useOrganiseShortcuts(papers: PapersResult): void {
  const latest = useRef(papers);
  latest.current = papers;
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || keysTaken(event.target) || useUi.getState().importOpen || useTagPicker.getState().paperIds) return;
      const mod = event.ctrlKey || event.metaKey;
      const key = event.key.toLowerCase();
      if (mod) {
        if (key === 'z' && !event.shiftKey) {
          event.preventDefault();
          void undo();
        } else if ((key === 'z' && event.shiftKey) || (key === 'y' && !event.shiftKey)) {
          event.preventDefault();
          void redo();
        }
        return;
      }
      const ui = useUi.getState();
      if (ui.view !== 'papers' || event.shiftKey || ui.selectedIds.size === 0) return;
      const act = actionFor(key, ui.facets.trash, latest.current);
      if (!act) return;
      event.preventDefault();
      // Only on papers the table shows: when the list just changed, the library says which are still there.
      visibleSelection().then((ids) => {
        if (ids.length > 0) act(ids);
      }, selectionUnknown);
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);
}
