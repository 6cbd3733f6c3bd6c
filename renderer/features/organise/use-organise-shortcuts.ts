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
import { selectedPaperIds } from './selection';
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
      if (ui.view !== 'papers' || event.shiftKey) return;
      const ids = selectedPaperIds();
      if (ids.length === 0) return;
      let handled = true;
      if (key === 't') useTagPicker.getState().open(ids);
      else if (/^[0-5]$/.test(key)) void setRating(ids, key === '0' ? null : Number(key));
      else if (key === 's') void setStarred(ids, !allStarred(latest.current, ids));
      else if (STATUS_BY_KEY[key]) void setStatus(ids, STATUS_BY_KEY[key]);
      else if ((key === 'delete' || key === 'backspace') && !ui.facets.trash) void trashPapers(ids);
      else handled = false;
      if (handled) event.preventDefault();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);
}
