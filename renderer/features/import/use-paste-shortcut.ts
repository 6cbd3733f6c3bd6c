/**
 * Ctrl/Cmd+V anywhere outside a text field starts an import with the clipboard's text. Listening to
 * the paste event (not the key) gives us the clipboard contents without asking for permission.
 */
import { useEffect } from 'react';
import { useUi } from '../../stores/ui-store';

export function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement) return true;
  if (target instanceof HTMLInputElement) return !['button', 'checkbox', 'radio', 'submit', 'reset', 'range', 'color', 'file'].includes(target.type);
  return false;
}

export function usePasteShortcut(): void {
  useEffect(() => {
    const onPaste = (event: ClipboardEvent) => {
      if (isTextEntry(event.target) || useUi.getState().importOpen) return;
      const text = event.clipboardData?.getData('text/plain') ?? '';
      event.preventDefault();
      useUi.getState().openImport(text);
    };
    document.addEventListener('paste', onPaste);
    return () => document.removeEventListener('paste', onPaste);
  }, []);
}
