/** Copying text and rich text (HTML with a plain-text twin) to the clipboard, with a notice either way. */
import { describeError, useNotices } from '../../stores/notice-store';

/**
 * Copy `text`; says "Copied <what>." or why it could not.
 * @returns whether it was copied
 */
export async function copyText(text: string, what: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    useNotices.getState().push({ kind: 'success', title: `Copied ${what}.` });
    return true;
  } catch (err) {
    useNotices.getState().push({ kind: 'error', title: `${capitalise(what)} could not be copied.`, detail: describeError(err) });
    return false;
  }
}

/**
 * Copy HTML for word processors (Word, Docs paste it formatted) with `plain` for everything else.
 * Where ClipboardItem is missing, copies the plain text and says so.
 * @returns whether anything was copied
 */
export async function copyRich(html: string, plain: string, what: string): Promise<boolean> {
  if (typeof ClipboardItem === 'undefined') {
    const copied = await copyText(plain, `${what} as plain text (rich text is not available here)`);
    return copied;
  }
  try {
    const item = new ClipboardItem({
      'text/html': new Blob([html], { type: 'text/html' }),
      'text/plain': new Blob([plain], { type: 'text/plain' }),
    });
    await navigator.clipboard.write([item]);
    useNotices.getState().push({ kind: 'success', title: `Copied ${what} as rich text.` });
    return true;
  } catch (err) {
    useNotices.getState().push({ kind: 'error', title: `${capitalise(what)} could not be copied.`, detail: describeError(err) });
    return false;
  }
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/**
 * Save `text` as a file the browser downloads (Blob + <a download>): the same in the desktop app,
 * whose window saves downloads through its own dialog.
 */
export function saveTextFile(text: string, fileName: string, mime = 'text/plain'): void {
  const url = URL.createObjectURL(new Blob([text], { type: `${mime};charset=utf-8` }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // The download has taken the blob by the next task.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
