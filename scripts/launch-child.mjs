// The launchers' (`npm start`, `npm run serve`) way of running a child: in the foreground, passing on
// every SIGINT, SIGTERM and SIGHUP the launcher gets (a process manager, `kill`, a closed terminal), and
// never leaving it orphaned: a Node child gets an IPC channel and stops when it closes, which happens
// however the launcher ends, SIGKILL included; every child gets LECTERN_LAUNCHER_PID to watch (the
// Electron app). The child side is electron/lifecycle/shutdown.ts.
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { constants } from 'node:os';

export const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/**
 * Pass the launcher's SIGINT, SIGTERM and SIGHUP on to `child` until it exits.
 * @param {import('node:child_process').ChildProcess} child
 * @returns {{ received: () => string | null }} the first signal passed on, if any
 */
export function forwardSignals(child) {
  let first = null;
  const handlers = SIGNALS.map((signal) => {
    const handler = () => {
      first ??= signal;
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    };
    process.on(signal, handler);
    return [signal, handler];
  });
  // This launcher may itself have been started by one (`npm start` runs serve.mjs): when that one is
  // gone, the channel between them closes; stop the child as if it had been sent SIGTERM.
  const onParentGone = () => handlers.find(([signal]) => signal === 'SIGTERM')[1]();
  if (process.channel) process.once('disconnect', onParentGone);
  const stopWatching = watchStarters(onParentGone);
  child.once('exit', () => {
    for (const [signal, handler] of handlers) process.off(signal, handler);
    process.off('disconnect', onParentGone);
    stopWatching();
  });
  return { received: () => first };
}

/** `{ ppid, comm }` of a process, or null when it is gone or cannot be read (Linux /proc, else ps). */
function processInfo(pid) {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // "pid (comm) state ppid ...": comm may hold spaces and parentheses; the last ')' ends it.
    const comm = text.slice(text.indexOf('(') + 1, text.lastIndexOf(')'));
    const ppid = Number(text.slice(text.lastIndexOf(')') + 2).split(' ')[1]);
    return { ppid, comm };
  } catch {
    if (process.platform === 'win32') return null;
    const ps = spawnSync('ps', ['-o', 'ppid=,comm=', '-p', String(pid)], { encoding: 'utf8' });
    const m = /^\s*(\d+)\s+(.*)$/.exec(ps.stdout?.trim() ?? '');
    return m ? { ppid: Number(m[1]), comm: m[2].split('/').pop() } : null;
  }
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err.code === 'EPERM';
  }
}

/**
 * Call `onGone` once whoever started this launcher is gone. npm runs a script through `sh -c`, and on
 * SIGTERM or SIGHUP npm ends that shell, which does not pass the signal on: the launcher would run on,
 * orphaned, with the server and the library's unfolded WAL. So the launcher watches its parent and,
 * when the parent is such a shell under npm, the npm process above it too (a SIGKILL to npm leaves the
 * shell waiting). Polled every 500 ms: the kernel tells a child nothing when its parent dies.
 * @returns a function that stops watching
 */
function watchStarters(onGone) {
  if (process.platform === 'win32') return () => undefined;
  const parent = process.ppid;
  const watched = [parent];
  const info = process.env.npm_lifecycle_event ? processInfo(parent) : null;
  if (info && /^(sh|dash|bash|zsh)$/.test(info.comm) && info.ppid > 1) watched.push(info.ppid);
  const timer = setInterval(() => {
    if (process.ppid !== parent || !watched.every(alive)) {
      clearInterval(timer);
      onGone();
    }
  }, 500);
  timer.unref();
  return () => clearInterval(timer);
}

/**
 * Run a command to its end with signals passed on.
 * @param {string} command
 * @param {string[]} args
 * @param {{ cwd?: string, env?: NodeJS.ProcessEnv, node?: boolean, capture?: boolean, timeoutMs?: number }} options
 *   node: the child is Node (give it the IPC channel it watches); capture: keep its stdout (returned)
 *   and hide its stderr and stdin; timeoutMs: send it SIGTERM after this long
 * @returns {Promise<{ code: number | null, signal: NodeJS.Signals | null, received: string | null, stdout: string }>}
 *   received: the signal the launcher got meanwhile (the caller should stop, not go on)
 */
export function runChild(command, args, options = {}) {
  return new Promise((resolve) => {
    const stdio = options.capture ? ['ignore', 'pipe', 'ignore'] : ['inherit', 'inherit', 'inherit'];
    if (options.node) stdio.push('ipc');
    const child = spawn(command, args, {
      cwd: options.cwd,
      stdio,
      env: { ...(options.env ?? process.env), LECTERN_LAUNCHER_PID: String(process.pid) },
    });
    const forwarding = forwardSignals(child);
    const timer = options.timeoutMs ? setTimeout(() => child.kill('SIGTERM'), options.timeoutMs) : null;
    child.once('exit', () => timer && clearTimeout(timer));
    let stdout = '';
    child.stdout?.setEncoding('utf8').on('data', (chunk) => (stdout += chunk));
    child.once('error', (err) => {
      console.error(`lectern: could not start ${command}: ${err.message}`);
      resolve({ code: 1, signal: null, received: forwarding.received(), stdout });
    });
    // 'close', not 'exit': a captured stdout has then been read to its end.
    child.once('close', (code, signal) => resolve({ code, signal, received: forwarding.received(), stdout }));
  });
}

/**
 * End the launcher the way its child ended: with its exit code, or, when the child was ended by a
 * signal, by the same signal (so whoever started the launcher sees the real cause).
 * @param {{ code: number | null, signal: NodeJS.Signals | null }} result
 * @returns {never}
 */
export function exitLike({ code, signal }) {
  if (signal) {
    process.kill(process.pid, signal);
    // Reached only where the signal does not end the process (Windows).
    process.exit(128 + (constants.signals[signal] ?? 0));
  }
  process.exit(code ?? 0);
}
