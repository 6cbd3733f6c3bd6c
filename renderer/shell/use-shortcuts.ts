/** Window-wide keys from UX.md that are not tied to one control. */
import { useEffect, useRef } from 'react';
import { FILTER_INPUT_ID } from '../features/papers/filter-box';
import { selectAll } from '../features/papers/papers-table';
import type { PapersResult } from '../features/papers/use-paper-pages';
import { useUi } from '../stores/ui-store';

function inTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement;
}

export function useShortcuts(papers: PapersResult): void {
  const latest = useRef(papers);
  latest.current = papers;
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const mod = event.ctrlKey || event.metaKey;
      if (mod && !event.shiftKey && !event.altKey && event.key.toLowerCase() === 'f') {
        const input = document.getElementById(FILTER_INPUT_ID);
        if (input instanceof HTMLInputElement) {
          event.preventDefault();
          input.focus();
          input.select();
        }
      } else if (mod && !event.shiftKey && !event.altKey && event.key.toLowerCase() === 'a' && !event.defaultPrevented) {
        // Select every paper of the list, unless a text field or a dialog has the keys.
        if (inTextField(event.target) || useUi.getState().importOpen || useUi.getState().view !== 'papers') return;
        event.preventDefault();
        void selectAll(latest.current);
      }
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);
}
