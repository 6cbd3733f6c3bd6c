/**
 * E edits the paper open in the detail pane; N opens New paper. Like the organise keys, neither fires
 * while a text field, a dialog or a menu has the keys, nor with Ctrl, Cmd or Alt held.
 */
import { useEffect } from 'react';
import { useUi } from '../../stores/ui-store';
import { keysTaken } from '../organise/use-organise-shortcuts';
import { useEditing } from './edit-store';

export function useEditShortcuts(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey || keysTaken(event.target)) return;
      const ui = useUi.getState();
      if (ui.importOpen) return;
      const key = event.key.toLowerCase();
      if (key === 'n') {
        event.preventDefault();
        useEditing.getState().openNewPaper();
      } else if (key === 'e' && ui.selectedPaperId !== null) {
        event.preventDefault();
        ui.openPaperDetail();
        useEditing.getState().startEdit(ui.selectedPaperId);
      }
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);
}
