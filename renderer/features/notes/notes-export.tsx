/**
 * Export a paper's notes and annotations as Markdown (notes.export): copy to the clipboard, or save a
 * .md file (a download, in the browser and on the desktop alike).
 */
import { request } from '../../api/client';
import { useNotices } from '../../stores/notice-store';

/** A file name from the title: letters, digits and dashes, at most 60 characters. */
export function markdownFileName(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return `${slug || 'paper'}-notes.md`;
}

function failed(what: string, err: unknown): void {
  useNotices.getState().push({ kind: 'error', title: `The notes could not be ${what}.`, detail: err instanceof Error ? err.message : String(err) });
}

/** Copy and Save .md buttons for the paper's notes and annotations. */
export function NotesExport({ paperId, title }: { paperId: number; title: string }) {
  const copy = async () => {
    try {
      const { markdown } = await request('notes.export', { paperId });
      await navigator.clipboard.writeText(markdown);
      useNotices.getState().push({ kind: 'success', title: 'Copied the notes and annotations as Markdown.' });
    } catch (err) {
      failed('copied', err);
    }
  };
  const save = async () => {
    try {
      const { markdown } = await request('notes.export', { paperId });
      const url = URL.createObjectURL(new Blob([markdown], { type: 'text/markdown;charset=utf-8' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = markdownFileName(title);
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (err) {
      failed('saved', err);
    }
  };
  return (
    <div className="notes-export" role="group" aria-label="Export notes and annotations as Markdown">
      <span className="muted">Export as Markdown</span>
      <button type="button" className="button button-small" onClick={() => void copy()}>
        Copy
      </button>
      <button type="button" className="button button-small" onClick={() => void save()}>
        Save .md
      </button>
    </div>
  );
}
