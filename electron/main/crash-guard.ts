/**
 * The desktop host's last line of defence. Electron's own handler for an uncaught exception in the
 * main process shows a dialog with the error's stack; here the user gets the sentence of
 * shared/error-messages.ts instead (once per session, so a failure that repeats does not stack up
 * dialogs), and the error with its stack goes to the developer log. An unhandled rejection is only
 * logged, as Electron does by default.
 */
import { dialog } from 'electron';
import { toLecternError } from '../../shared/error-messages';

let shown = false;

/**
 * Report an error that escaped every handler of the main process.
 * @param err anything thrown
 */
export function reportMainProcessError(err: unknown): void {
  console.error(err);
  if (shown) return;
  shown = true;
  dialog.showErrorBox('Lectern ran into a problem', toLecternError(err).message);
}

/** Install the handlers (once, at start, before anything else runs). */
export function guardMainProcess(): void {
  process.on('uncaughtException', reportMainProcessError);
  process.on('unhandledRejection', (reason) => console.error('Unhandled rejection in the main process:', reason));
}
