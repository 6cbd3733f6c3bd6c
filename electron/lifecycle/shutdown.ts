/**
 * Ending a host cleanly, whatever ends it: Ctrl+C (SIGINT), a process manager or `kill` (SIGTERM), a
 * closed terminal (SIGHUP), or the launcher that started this process going away (even by SIGKILL,
 * which it cannot pass on). Electron-free: used by the browser-mode server, the command line and the
 * Electron main process alike. The launchers (scripts/launch-child.mjs) set LECTERN_LAUNCHER_PID and
 * give Node children an IPC channel for this.
 */
import { constants } from 'node:os';

export const SHUTDOWN_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
export type ShutdownSignal = (typeof SHUTDOWN_SIGNALS)[number];
/** Why the host is stopping: a signal, or `launcher-gone`. */
export type ShutdownCause = ShutdownSignal | 'launcher-gone';

/** Environment variable naming the launcher's pid (set by scripts/launch-child.mjs). */
export const LAUNCHER_PID_ENV = 'LECTERN_LAUNCHER_PID';

const LAUNCHER_POLL_MS = 500;
const DEFAULT_DEADLINE_MS = 15_000;

/** The conventional exit code of a process ended by `signal` (128 + its number: SIGINT 130, SIGTERM 143, SIGHUP 129). */
export function signalExitCode(signal: ShutdownSignal): number {
  return 128 + constants.signals[signal];
}

/**
 * Call `onGone` once when the launcher that started this process is gone: its IPC channel closed (a
 * Node child of scripts/launch-child.mjs), or, where the launcher named itself in
 * LECTERN_LAUNCHER_PID (the Electron app), this process was re-parented (POSIX) or that pid ended
 * (Windows). The variable is removed from the environment so this process's own children do not
 * inherit it. Does nothing for a process no launcher started (the CLI run from a shell).
 * @returns a function that stops watching
 */
export function watchLauncher(onGone: () => void): () => void {
  let fired = false;
  const gone = () => {
    if (fired) return;
    fired = true;
    onGone();
  };
  const stops: Array<() => void> = [];
  if (process.channel) {
    process.once('disconnect', gone);
    stops.push(() => process.off('disconnect', gone));
  }
  const launcher = Number(process.env[LAUNCHER_PID_ENV]);
  delete process.env[LAUNCHER_PID_ENV];
  if (Number.isInteger(launcher) && launcher > 0) {
    const alive = () => {
      if (process.platform !== 'win32') return process.ppid === launcher;
      try {
        process.kill(launcher, 0);
        return true;
      } catch (err) {
        return (err as NodeJS.ErrnoException).code === 'EPERM';
      }
    };
    const timer = setInterval(() => {
      if (!alive()) gone();
    }, LAUNCHER_POLL_MS);
    timer.unref();
    stops.push(() => clearInterval(timer));
  }
  return () => stops.forEach((stop) => stop());
}

/**
 * Run `stop` once, on the first of SIGINT, SIGTERM or SIGHUP (and, with `watchLauncher`, when the
 * launcher is gone). Later signals while stopping are ignored: a terminal's Ctrl+C reaches both the
 * launcher, which passes it on, and this process. If `stop` has not ended the process after
 * `deadlineMs`, it exits with code 1 and says so on stderr (the WAL keeps every committed change).
 * @param stop closes the host; it should end the process (process.exit or letting the loop drain)
 * @param options.deadlineMs how long stop may take (default 15 s)
 * @param options.watchLauncher also stop when the launcher is gone (hosts started by a launcher)
 * @returns a function removing the handlers (a host that finished on its own)
 */
export function onShutdown(stop: (cause: ShutdownCause) => Promise<void> | void, options: { deadlineMs?: number; watchLauncher?: boolean } = {}): () => void {
  let stopping = false;
  const begin = (cause: ShutdownCause) => {
    if (stopping) return;
    stopping = true;
    const deadline = setTimeout(() => {
      process.stderr.write('lectern: could not close the library in time; stopping anyway. Every saved change is kept and will be there next time.\n');
      process.exit(1);
    }, options.deadlineMs ?? DEFAULT_DEADLINE_MS);
    deadline.unref();
    Promise.resolve()
      .then(() => stop(cause))
      .catch((err: unknown) => {
        process.stderr.write(`lectern: closing failed: ${(err as Error)?.message ?? String(err)}\n`);
        process.exit(1);
      });
  };
  const handlers = SHUTDOWN_SIGNALS.map((signal) => {
    const handler = () => begin(signal);
    process.on(signal, handler);
    return [signal, handler] as const;
  });
  const unwatch = options.watchLauncher ? watchLauncher(() => begin('launcher-gone')) : () => undefined;
  return () => {
    for (const [signal, handler] of handlers) process.off(signal, handler);
    unwatch();
  };
}
