/**
 * Files given to the window (chosen with "Import file…", dropped on it): a reference file opens the
 * import dialog; a `.csl` file is added as a citation style; anything else is refused with a notice.
 */
import { request } from '../../api/client';
import { describeError, useNotices } from '../../stores/notice-store';
import { droppedKind, readReferenceBytes, reportName } from './file-content';
import { useReferences } from './references-store';

/**
 * Add a CSL style file (styles.add: checked first).
 * @returns the style's id, or null when it was refused (the notice says why)
 */
export async function addStyleFile(file: File): Promise<string | null> {
  try {
    const xml = await file.text();
    const added = await request('styles.add', { fileName: reportName(file.name), xml });
    useNotices.getState().push({ kind: 'success', title: `${added.replaced ? 'Replaced' : 'Added'} the citation style “${added.title}”.` });
    return added.styleId;
  } catch (err) {
    useNotices.getState().push({ kind: 'error', title: `${file.name} was not added as a citation style.`, detail: describeError(err) });
    return null;
  }
}

/**
 * Take the files dropped or chosen: the first reference file is previewed for import (one at a time:
 * each import is its own transaction with its own report), every .csl file is added as a style.
 */
export async function takeFiles(files: readonly File[]): Promise<void> {
  const references = files.filter((f) => droppedKind(f.name) === 'reference');
  const styles = files.filter((f) => droppedKind(f.name) === 'style');
  const other = files.filter((f) => droppedKind(f.name) === null);
  for (const style of styles) await addStyleFile(style);
  if (other.length > 0) {
    useNotices.getState().push({
      kind: 'warning',
      title: `${other.map((f) => f.name).join(', ')}: not a reference file.`,
      detail: 'Lectern imports .bib (BibTeX, BibLaTeX), .ris and CSL-JSON (.json) files, and adds .csl files as citation styles.',
    });
  }
  const [first, ...rest] = references;
  if (!first) return;
  if (rest.length > 0) {
    useNotices.getState().push({ kind: 'warning', title: `Importing ${first.name} first.`, detail: `Drop ${rest.map((f) => f.name).join(', ')} again afterwards: each file is imported on its own.` });
  }
  try {
    const content = await readReferenceBytes(first);
    useReferences.getState().openImport({ fileName: reportName(first.name), content });
  } catch (err) {
    useNotices.getState().push({ kind: 'error', title: `${first.name} could not be read.`, detail: describeError(err) });
  }
}

/**
 * Ask the user for files with the system's file picker (an `<input type=file>` clicked from the
 * user's own gesture), then take them.
 * @param accept the extensions offered, e.g. `.bib,.ris,.json`
 */
export function chooseFiles(accept: string, onFiles: (files: File[]) => void): void {
  const input = document.createElement('input');
  input.type = 'file';
  input.accept = accept;
  input.style.display = 'none';
  input.addEventListener('change', () => {
    const files = [...(input.files ?? [])];
    input.remove();
    if (files.length > 0) onFiles(files);
  });
  // Cancelled pickers fire no change: the detached input is collected with nothing to clean up.
  input.addEventListener('cancel', () => input.remove());
  document.body.append(input);
  input.click();
}

/** "Import file…": pick a .bib, .ris or CSL-JSON file and preview it. */
export function chooseReferenceFile(): void {
  chooseFiles('.bib,.bibtex,.biblatex,.ris,.json,.csljson', (files) => void takeFiles(files));
}
