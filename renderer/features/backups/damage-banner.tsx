/**
 * The banner across the top of the window while the library file is damaged: what is wrong, that
 * nothing more will be written, and the two ways back (restore the latest backup, recover what can be
 * read). The integrity state is asked for again every few seconds while a check runs, and now and then
 * otherwise (damage met by a read at any time turns the banner on).
 */
import { useEffect } from 'react';
import { useChannel } from '../../api/use-channel';
import { backupName, confirmRecover, confirmRestore, useBackupsDialog } from './backup-actions';

const POLL_CHECKING_MS = 2000;

/** The reason without the words the banner's heading already says ("The library file is damaged: …"). */
function findings(reason: string | null | undefined): string {
  const rest = (reason ?? '').replace(/^The library file is damaged: /, '');
  return rest.charAt(0).toUpperCase() + rest.slice(1);
}
const POLL_IDLE_MS = 15_000;

export function DamageBanner() {
  const integrity = useChannel('library.integrity', {});
  const state = integrity.data?.state ?? null;
  const damaged = state === 'damaged';
  const list = useChannel('backups.list', damaged ? {} : null);
  const { reload } = integrity;

  useEffect(() => {
    const every = state === 'checking' || state === 'unchecked' ? POLL_CHECKING_MS : POLL_IDLE_MS;
    const timer = setInterval(reload, every);
    return () => clearInterval(timer);
  }, [state, reload]);

  if (!damaged) return null;
  const latest = list.data?.backups.find((b) => b.restorable) ?? null;
  return (
    <div className="damage-banner" role="alert" data-testid="damage-banner">
      <svg className="damage-banner-icon" aria-hidden="true" viewBox="0 0 16 16" width="16" height="16">
        <path d="M8 1.8 15 14H1z" fill="none" stroke="currentColor" strokeWidth="1.4" strokeLinejoin="round" />
        <path d="M8 6v4M8 11.6v.4" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
      </svg>
      <div className="damage-banner-text">
        <strong>This library file is damaged.</strong> <span>{findings(integrity.data?.reason)}</span>{' '}
        <span>Lectern will not write to it, so nothing more can be lost; what can still be read stays on screen.</span>
      </div>
      <div className="damage-banner-actions">
        {latest ? (
          <button type="button" className="button button-sm button-primary" onClick={() => confirmRestore(latest, null)}>
            Restore {backupName(latest)}…
          </button>
        ) : null}
        <button type="button" className="button button-sm" onClick={() => confirmRecover()}>
          Recover what can be read…
        </button>
        <button type="button" className="button button-sm button-quiet" onClick={() => useBackupsDialog.getState().show()}>
          All backups…
        </button>
      </div>
    </div>
  );
}
