// `npm start`: the desktop app when the Electron runtime is available, otherwise browser mode.
// The electron package downloads its runtime on first use; where that cannot happen (no network, as on
// our build machines) we say so in one line and start browser mode instead.
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronSqliteBinding } from './electron-sqlite.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);

/** Path of the Electron executable, or null when it is not installed and cannot be fetched. */
function electronBinary() {
  const require = createRequire(import.meta.url);
  let entry;
  try {
    entry = require.resolve('electron');
  } catch {
    return null;
  }
  // Resolving the path may download the runtime; do it in a child so its noise and failure stay contained.
  const probe = spawnSync(process.execPath, ['-e', `process.stdout.write(require(${JSON.stringify(entry)}))`], {
    cwd: root,
    encoding: 'utf8',
    timeout: 300_000,
  });
  return probe.status === 0 && probe.stdout ? probe.stdout : null;
}

const electron = process.env.LECTERN_BROWSER_MODE ? null : electronBinary();
if (!electron) {
  console.log('The Electron runtime is not installed here (it could not be downloaded), so Lectern starts in browser mode.');
  const serve = spawn(process.execPath, [join(root, 'scripts', 'serve.mjs'), ...args], { stdio: 'inherit' });
  serve.on('exit', (code) => process.exit(code ?? 0));
} else {
  const build = spawnSync(process.execPath, [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
  const binding = electronSqliteBinding(root);
  if (!binding) {
    console.error('lectern: could not prepare the SQLite module for Electron (see above). `npm run serve` starts browser mode meanwhile.');
    process.exit(1);
  }
  const app = spawn(electron, [root, ...args], { stdio: 'inherit', env: { ...process.env, LECTERN_SQLITE_BINDING: binding } });
  app.on('exit', (code) => process.exit(code ?? 0));
}
