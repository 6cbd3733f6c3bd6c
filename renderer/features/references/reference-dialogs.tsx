/** Everything references adds to the window, mounted once: its dialogs, the drop overlay and its keys. */
import { CiteDialog } from './cite-dialog';
import { DropOverlay } from './drop-overlay';
import { ExportDialog } from './export-dialog';
import { ReferenceImportDialog } from './reference-import-dialog';
import { SettingsDialog } from './settings-dialog';
import { useReferenceShortcuts } from './use-reference-shortcuts';

export function ReferenceDialogs() {
  useReferenceShortcuts();
  return (
    <>
      <ReferenceImportDialog />
      <ExportDialog />
      <CiteDialog />
      <SettingsDialog />
      <DropOverlay />
    </>
  );
}
