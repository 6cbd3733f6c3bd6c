/** Keys of the small editors (note, annotation): Ctrl/Cmd+Enter saves, Escape cancels without closing what holds them. */
import type { KeyboardEvent } from 'react';

export function editorKeys(onSave: () => void, onCancel: () => void): (e: KeyboardEvent) => void {
  return (e) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      onCancel();
    } else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      onSave();
    }
  };
}
