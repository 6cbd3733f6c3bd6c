// `npm start`: the desktop app when the Electron runtime is available, otherwise browser mode.
// The electron package downloads its runtime on first use; where that cannot happen (no network, as on
// our build machines) we say so in one line and start browser mode instead.
// Every child runs through launch-child.mjs: SIGINT, SIGTERM and SIGHUP are passed on, and a child is
// never left running alone, even if this launcher is killed.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronSqliteBinding } from './electron-sqlite.mjs';
import { exitLike, runChild } from './launch-child.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);

/** Path of the Electron executable, or null when it is not installed and cannot be fetched. */
async function electronBinary() {
  const require = createRequire(import.meta.url);
  let entry;
  try {
    entry = require.resolve('electron');
  } catch {
    return null;
  }
  // Resolving the path may download the runtime; do it in a child so its noise and failure stay contained.
  const probe = await runChild(process.execPath, ['-e', `process.stdout.write(require(${JSON.stringify(entry)}))`], { cwd: root, capture: true, timeoutMs: 300_000 });
  if (probe.received) exitLike({ code: null, signal: probe.received });
  return probe.code === 0 && probe.stdout ? probe.stdout : null;
}

const electron = process.env.LECTERN_BROWSER_MODE ? null : await electronBinary();
if (!electron) {
  console.log('The Electron runtime is not installed here (it could not be downloaded), so Lectern starts in browser mode.');
  // --open: the page opens in the default browser where there is a display (never in CI, nor with
  // LECTERN_NO_BROWSER set: electron/server/open-browser.ts).
  exitLike(await runChild(process.execPath, [join(root, 'scripts', 'serve.mjs'), '--open', ...args], { node: true }));
} else {
  const build = await runChild(process.execPath, [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build', '--logLevel', 'warn'], { cwd: root });
  if (build.received) exitLike({ code: null, signal: build.received });
  if (build.code !== 0) exitLike(build);
  const binding = electronSqliteBinding(root);
  if (!binding) {
    console.error('lectern: could not prepare the SQLite module for Electron (see above). `npm run serve` starts browser mode meanwhile.');
    process.exit(1);
  }
  exitLike(await runChild(electron, [root, ...args], { env: { ...process.env, LECTERN_SQLITE_BINDING: binding } }));
}
