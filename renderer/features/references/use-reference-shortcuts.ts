/**
 * Keys for references: Ctrl/Cmd+Shift+E export, Ctrl/Cmd+Shift+C copy a citation (as in Zotero),
 * Ctrl/Cmd+, settings. Not while another dialog is open (its own keys come first).
 */
import { useEffect } from 'react';
import { openCite, openExport, openSettings } from './reference-actions';

/** Which references action a key press asks for, if any (exported for tests). */
export function referenceShortcut(e: Pick<KeyboardEvent, 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey' | 'key'>): 'export' | 'cite' | 'settings' | null {
  const mod = e.ctrlKey || e.metaKey;
  if (!mod || e.altKey) return null;
  const key = e.key.toLowerCase();
  if (e.shiftKey && key === 'e') return 'export';
  if (e.shiftKey && key === 'c') return 'cite';
  if (!e.shiftKey && key === ',') return 'settings';
  return null;
}

export function useReferenceShortcuts(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const action = referenceShortcut(event);
      if (!action || event.defaultPrevented || document.querySelector('dialog[open]')) return;
      event.preventDefault();
      if (action === 'export') openExport();
      else if (action === 'cite') openCite();
      else openSettings();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);
}
