/**
 * What a reference preview is doing while it is not ready: reading (with progress and Stop), stopped
 * (with Read it again), or failed (the message). Shared by the reference import dialog and the paste box.
 */
import type { ReactNode } from 'react';
import type { ReferencePreviewState } from './use-reference-preview';

export function PreviewStatus(props: {
  state: ReferencePreviewState;
  stop(): void;
  retry(): void;
  /** Accessible name of the progress bar. */
  progressLabel: string;
  /** `Reading refs.bib…` */
  reading: string;
  /** `Reading stopped` / `Preview stopped` (the rest of the sentence is the same). */
  stopped: string;
  errorTitle: string;
  /** A line under the error's message, if any. */
  errorNote?: ReactNode;
  errorTestId: string;
  /** Show the bar without a value even when progress is known (the paste box's short previews). */
  indeterminate?: boolean;
}) {
  const { state } = props;
  if (state.status === 'loading') {
    const progress = props.indeterminate ? null : state.progress;
    return (
      <div className="import-progress" role="status">
        {progress && progress.total > 0 ? <progress max={progress.total} value={progress.done} aria-label={props.progressLabel} /> : <progress aria-label={props.progressLabel} />}
        <span>{props.reading}</span>
        <button type="button" className="button" onClick={props.stop}>
          Stop
        </button>
      </div>
    );
  }
  if (state.status === 'stopped') {
    return (
      <p className="pane-hint" role="status">
        {props.stopped}; nothing was imported.{' '}
        <button type="button" className="link-button" onClick={props.retry}>
          Read it again
        </button>
      </p>
    );
  }
  if (state.status === 'error') {
    return (
      <div className="callout callout-error" role="alert" data-testid={props.errorTestId}>
        <strong>{props.errorTitle}</strong>
        <p>{state.message}</p>
        {props.errorNote}
      </div>
    );
  }
  return null;
}
