/** The button beside an import in the sidebar that opens its kept report. */
import { useImportReport } from './import-report-dialog';

/** @param id the import whose report it opens; @param name the import in words, for the button's accessible name */
export function ImportReportButton({ id, name }: { id: number; name: string }) {
  return (
    <button type="button" className="icon-button nav-item-action" aria-label={`Report of the import ${name}`} title="Open the import report" onClick={() => useImportReport.getState().show(id)}>
      <svg aria-hidden="true" viewBox="0 0 16 16" width="13" height="13">
        <path d="M4 1.5h5.5L12.5 4.5v10h-8.5z M9.5 1.5v3h3 M6 8h4.5 M6 10.5h4.5" fill="none" stroke="currentColor" strokeWidth="1.3" strokeLinejoin="round" />
      </svg>
    </button>
  );
}
