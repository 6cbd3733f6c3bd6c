/**
 * The Backups dialog (sidebar footer "Backups…"): every backup of the library with when, why, papers
 * and size, "Back up now", and "Restore…" on each (after a confirmation); on a damaged library, which
 * is not backed up, "Recover what can be read…" instead. Results are said in the dialog itself, in
 * words, and focus moves onto that sentence after a restore or a recovery (the button that asked may
 * have moved or gone: the list is drawn anew), so a screen reader reads what happened.
 */
import { useEffect, useRef, useState } from 'react';
import { BACKUP_KIND_LABELS, formatBytes, type BackupInfo } from '../../../shared/backups';
import { request } from '../../api/client';
import { useChannel } from '../../api/use-channel';
import { describeError } from '../../stores/notice-store';
import { formatCount, formatDayTime, plural } from '../../ui/format';
import { backupName, confirmRecover, confirmRestore, useBackupsDialog } from './backup-actions';

type Outcome = { kind: 'success' | 'warning' | 'error'; title: string; detail?: string; items?: string[] } | null;

/** The sentence saying what a restore or recovery did: focus goes there once it is done. */
const OUTCOME = '[data-testid="backups-outcome"]';

function BackupRow({ backup, current, onRestored }: { backup: BackupInfo; current: number | null; onRestored(o: Outcome): void }) {
  return (
    <tr>
      <td className="backups-when">{formatDayTime(backup.createdAt, true)}</td>
      <td className="backups-why">{BACKUP_KIND_LABELS[backup.kind]}</td>
      <td className="num">{backup.papers === null ? '—' : formatCount(backup.papers)}</td>
      <td className="num">{formatBytes(backup.bytes)}</td>
      <td className="backups-action">
        {backup.restorable ? (
          <button
            type="button"
            className="button button-sm"
            aria-label={`Restore ${backupName(backup)}`}
            onClick={() => confirmRestore(backup, current, (m) => onRestored({ kind: 'success', ...m }), OUTCOME)}
          >
            Restore…
          </button>
        ) : (
          <span className="muted" title="A damaged file is kept for reference; it cannot be restored.">
            kept aside
          </span>
        )}
      </td>
    </tr>
  );
}

function BackupsBody({ onClose }: { onClose(): void }) {
  const list = useChannel('backups.list', {});
  const info = useChannel('library.info', {});
  const integrity = useChannel('library.integrity', {});
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const backups = list.data?.backups ?? [];
  const restorable = backups.filter((b) => b.restorable).length;
  const damaged = integrity.data?.state === 'damaged';

  const recover = () =>
    confirmRecover((m) => {
      setOutcome({ kind: m.items.length ? 'warning' : 'success', ...m });
      list.reload();
      integrity.reload();
    }, OUTCOME);

  const backUpNow = async () => {
    setBusy(true);
    setOutcome(null);
    try {
      const made = await request('backups.create', {});
      setOutcome({ kind: 'success', title: `Backed up ${plural(made.papers ?? 0, 'paper')} (${formatBytes(made.bytes)}).`, detail: `Saved as ${made.name}, checked after writing.` });
      list.reload();
    } catch (err) {
      setOutcome({ kind: 'error', title: 'No backup was made.', detail: describeError(err) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <header className="dialog-head">
        <h2 id="backups-title" className="dialog-title">
          Backups
        </h2>
        <button type="button" className="icon-button" aria-label="Close" onClick={onClose}>
          <svg aria-hidden="true" viewBox="0 0 16 16" width="14" height="14">
            <path d="m4 4 8 8M12 4l-8 8" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
          </svg>
        </button>
      </header>
      <div className="backups-body">
        <p className="backups-intro">
          Lectern keeps a checked copy of your library each day you use it, and before changes that cannot be undone (a new version of
          Lectern, emptying the trash). The last 7 days and 4 weeks are kept.
        </p>
        {list.data?.folder ? (
          <p className="backups-folder">
            <span className="muted">Folder:</span> <code data-testid="backups-folder">{list.data.folder}</code>
          </p>
        ) : null}
        {outcome ? (
          <div
            className={`callout callout-${outcome.kind}`}
            role={outcome.kind === 'error' ? 'alert' : 'status'}
            aria-atomic="true"
            tabIndex={-1}
            data-testid="backups-outcome"
          >
            <strong>{outcome.title}</strong>
            {outcome.detail ? <p>{outcome.detail}</p> : null}
            {outcome.items?.length ? (
              <ul>
                {outcome.items.map((item) => (
                  <li key={item}>{item}</li>
                ))}
              </ul>
            ) : null}
          </div>
        ) : null}
        {list.error ? (
          <div className="callout callout-error" role="alert">
            <strong>The list of backups could not be read.</strong>
            <p>{describeError(list.error)}</p>
          </div>
        ) : null}
        {list.data && backups.length === 0 ? (
          <p className="pane-hint" data-testid="backups-empty">
            {damaged
              ? 'There are no backups of this library, and a damaged library is not backed up (the copy would be damaged too). “Recover what can be read…” makes a new library of every paper, note, tag and annotation Lectern can still read.'
              : 'No backups yet. “Back up now” makes the first.'}
          </p>
        ) : null}
        {backups.length > 0 ? (
          <div className="backups-table-wrap">
            <table className="backups-table" aria-label="Backups, newest first">
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">Why</th>
                  <th scope="col" className="num">
                    Papers
                  </th>
                  <th scope="col" className="num">
                    Size
                  </th>
                  <th scope="col">
                    <span className="visually-hidden">Action</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {backups.map((b) => (
                  <BackupRow
                    key={b.name}
                    backup={b}
                    current={damaged ? null : (info.data?.papers ?? null)}
                    onRestored={(o) => {
                      setOutcome(o);
                      list.reload();
                    }}
                  />
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </div>
      <footer className="dialog-foot">
        <span className="muted" role="status" aria-live="polite">
          {busy
            ? 'Backing up and checking the copy…'
            : damaged
              ? restorable > 0
                ? 'The library is damaged: restore a backup, or recover what can be read.'
                : 'The library is damaged: recover what can be read.'
              : ''}
        </span>
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            Close
          </button>
          {damaged ? (
            <button type="button" className="button button-primary" onClick={recover}>
              Recover what can be read…
            </button>
          ) : (
            <button type="button" className="button button-primary" disabled={busy} onClick={() => void backUpNow()}>
              {busy ? 'Backing up…' : 'Back up now'}
            </button>
          )}
        </div>
      </footer>
    </>
  );
}

/** Mount once in the window. */
export function BackupsDialog() {
  const open = useBackupsDialog((s) => s.open);
  const hide = useBackupsDialog((s) => s.hide);
  const ref = useRef<HTMLDialogElement>(null);
  const returnFocus = useRef<HTMLElement | null>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      returnFocus.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      dialog.showModal();
    } else if (!open && dialog.open) {
      dialog.close();
      returnFocus.current?.focus();
    }
  }, [open]);

  return (
    <dialog ref={ref} className="dialog backups-dialog" aria-labelledby="backups-title" onClose={hide} onCancel={hide}>
      {open ? <BackupsBody onClose={hide} /> : null}
    </dialog>
  );
}
