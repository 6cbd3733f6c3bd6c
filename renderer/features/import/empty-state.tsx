/** First run: one invitation, how to do it, and a way to try Lectern without a profile at hand. */
import { useState } from 'react';
import { useNotices, describeError } from '../../stores/notice-store';
import { useUi } from '../../stores/ui-store';
import { runImport } from './run-import';
import { SAMPLE_PROFILE_TEXT } from './sample-profile';
import { chooseReferenceFile } from '../references/file-intake';

export function EmptyLibrary() {
  const openImport = useUi((s) => s.openImport);
  const [busy, setBusy] = useState(false);
  const mod = navigator.platform.startsWith('Mac') ? '⌘' : 'Ctrl+';

  const trySample = async () => {
    setBusy(true);
    try {
      await runImport(SAMPLE_PROFILE_TEXT);
    } catch (err) {
      useNotices.getState().push({ kind: 'error', title: 'The sample profile could not be imported', detail: describeError(err) });
      setBusy(false);
    }
  };

  return (
    <div className="empty-state" data-testid="empty-state">
      <div className="empty-card">
        <svg className="empty-icon" aria-hidden="true" viewBox="0 0 48 48" width="48" height="48">
          <rect x="9" y="6" width="26" height="34" rx="3" fill="none" stroke="currentColor" strokeWidth="2" />
          <rect x="15" y="12" width="26" height="30" rx="3" fill="var(--color-bg)" stroke="currentColor" strokeWidth="2" />
          <path d="M20 21h16M20 27h16M20 33h10" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
        </svg>
        <h1 className="empty-title">Paste a scholar's profile page here (Ctrl/Cmd+V)</h1>
        <p className="empty-how">
          Open the profile page in your browser, select all ({mod}A), copy ({mod}C), then come back and press {mod}V anywhere in this window. Lectern shows what it
          recognised before importing anything.
        </p>
        <div className="empty-actions">
          <button type="button" className="button button-primary" onClick={() => openImport()}>
            Open the paste box
          </button>
          <button type="button" className="button" onClick={() => void trySample()} disabled={busy}>
            {busy ? 'Importing the sample…' : 'Try a sample profile'}
          </button>
        </div>
        <p className="empty-note muted">The sample is a fictional Scholarfeed profile with 24 papers; it is added to your library like any other import.</p>
        <p className="empty-note muted">
          Coming from Zotero, JabRef or Mendeley?{' '}
          <button type="button" className="link-button" onClick={chooseReferenceFile}>
            Import a .bib, .ris or CSL-JSON file
          </button>{' '}
          (or drop it on this window).
        </p>
      </div>
    </div>
  );
}
