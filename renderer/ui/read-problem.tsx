/**
 * What a view says when its read did not answer: a cancelled read ("Stopped … Try again", the figures
 * shown are the previous ones) or a failure with the library's message. Nothing without an error.
 */
import { LecternError } from '../../shared/errors';

/** @param what plural noun phrase of what failed to update ("the metrics"); @param kept what is still shown, as a sentence */
export function ReadProblem({ error, what, kept = '', onRetry }: { error: Error | null; what: string; kept?: string; onRetry(): void }) {
  if (!error) return null;
  const stopped = error instanceof LecternError && error.code === 'CANCELLED';
  return (
    // A status, not an alert: a library that stops answering already raises one alert (the notice).
    <p className={stopped ? 'pane-hint read-problem' : 'pane-error read-problem'} role="status" data-testid="read-problem">
      {stopped ? `Stopped: ${what} were not updated.` : `${capitalise(what)} could not be worked out: ${error.message}`}
      {kept ? ` ${kept}` : ''}{' '}
      <button type="button" className="link-button" onClick={onRetry}>
        Try again
      </button>
    </p>
  );
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
