/**
 * A `<dialog>` element shown as a modal while a store flag says it is open (WAI-ARIA Authoring Practices,
 * "Dialog (Modal) Pattern"): focus moves to where work starts in it, and goes back where it was on close.
 */
import { useEffect, useRef } from 'react';
import { useFocusReturn } from './focus-return';

/**
 * Show the dialog with showModal() when `open` becomes true, then call `focusStart` (showModal focuses
 * the dialog's first control on its own terms, seldom where work starts); close it when `open` becomes
 * false; then give focus back where it was before the opening (useFocusReturn).
 * @param focusStart moves focus into the freshly opened dialog (the one passed)
 * @returns the ref to put on the `<dialog>`
 */
export function useModalDialog(open: boolean, focusStart: (dialog: HTMLDialogElement) => void) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
      focusStart(dialog);
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open]);
  // After the effect above has closed the dialog: focus back where the user was.
  useFocusReturn(open);
  return ref;
}
