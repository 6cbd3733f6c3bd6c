/**
 * The paste box reads a pasted BibTeX, RIS or CSL-JSON text as a reference file: detected in the window
 * (detectReferenceFormat is pure), previewed with references.preview on `{ kind: 'text' }` content, and
 * imported with references.import; the report then opens in the reference import dialog.
 */
import { useMemo } from 'react';
import { detectReferenceFormat } from '../../../shared/interop/detect-format';
import type { InteropFormat } from '../../../shared/interop/interop-record';
import type { ImportSource } from './references-store';
import { PreviewStatus } from './preview-status';
import { ReferencePreview } from './reference-preview';
import { useReferencePreview, type ReferencePreviewState } from './use-reference-preview';
import { formatWords } from './reference-report-text';

/** What the paste box names a paste in problems: `pasted text:12:3: ...`. */
export const PASTE_FILE_NAME = 'pasted text';

/**
 * @returns the paste's reference format, or null for anything else (a profile page) and whenever the
 *   detector fails: the paste is then read as a page, as before
 */
export function referenceFormatOf(text: string): InteropFormat | null {
  if (!text.trim()) return null;
  try {
    return detectReferenceFormat(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch {
    return null;
  }
}

/** The paste as a reference file source (stable while the text is). */
export function usePasteSource(text: string, format: InteropFormat | null): ImportSource | null {
  return useMemo(() => (format ? { fileName: PASTE_FILE_NAME, content: { kind: 'text' as const, text } } : null), [text, format]);
}

/** The preview of a reference paste, a moment after the text stops changing. */
export function usePastedReferences(source: ImportSource | null): { state: ReferencePreviewState; stop(): void; retry(): void } {
  return useReferencePreview(source, 250);
}

/** The right side of the paste box for a reference paste. */
export function ReferencePastePreview({ format, state, stop, retry }: { format: InteropFormat; state: ReferencePreviewState; stop(): void; retry(): void }) {
  return (
    <>
      <p className="preview-source preview-pad" data-testid="paste-reference-format">
        Source: <strong>{formatWords(format)} references</strong>
      </p>
      <PreviewStatus
        state={state}
        stop={stop}
        retry={retry}
        progressLabel="Preview progress"
        reading="Reading the references…"
        stopped="Preview stopped"
        errorTitle="Lectern could not read these references."
        errorTestId="paste-error"
        indeterminate
      />
      {state.status === 'ready' ? <ReferencePreview preview={state.preview} /> : null}
    </>
  );
}
