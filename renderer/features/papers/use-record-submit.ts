/**
 * Sending a record form (Edit mode's Save, New paper's Create): refused while a box has a message
 * (every message is then shown and focus goes to the first box with one), one send at a time, and the
 * error of a failed send shown in the form so the user can correct and try again.
 */
import { useState, type RefObject } from 'react';
import { describeError } from '../../stores/notice-store';

/** Focus the first box with a message (after a refused Save). */
export function focusFirstProblem(form: HTMLElement | null): void {
  requestAnimationFrame(() => form?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
}

/**
 * @param form the record form (focus goes to its first box with a message)
 * @param draft the form's messages by field, and how to show them all (useRecordDraft)
 * @returns `error` and `busy` to show; `setError` for other actions of the form; `ready()`, and `send(work)`
 */
export function useRecordSubmit(form: RefObject<HTMLFormElement | null>, draft: { messages: Record<string, string>; revealAll(): void }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return {
    error,
    busy,
    setError,
    /** False while a send runs, and (showing every message, focusing the first) while a box has a message. */
    ready(): boolean {
      if (busy) return false;
      if (Object.keys(draft.messages).length > 0) {
        draft.revealAll();
        focusFirstProblem(form.current);
        return false;
      }
      return true;
    },
    /**
     * Run `work` as the send: busy from the start, the previous error cleared. When it throws, its
     * error (in the user's words, describeError) is shown and the form is no longer busy; when it
     * succeeds the form stays busy, as it is closing.
     */
    async send(work: () => Promise<void>): Promise<void> {
      setBusy(true);
      setError(null);
      try {
        await work();
      } catch (err) {
        setError(describeError(err));
        setBusy(false);
      }
    },
  };
}
