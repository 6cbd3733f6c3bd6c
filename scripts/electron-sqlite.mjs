// better-sqlite3 is a native module: node_modules holds the build for Node (used by the CLI, browser
// mode and the tests). The desktop app needs a build for Electron's ABI. Rebuilding node_modules in
// place would break the Node side, so the Electron build goes to its own folder, made once per
// Electron version with npm's documented variables for native modules (prebuilt binary when one is
// published, else compiled against Electron's headers). The main process loads it through
// better-sqlite3's `nativeBinding` option (LECTERN_SQLITE_BINDING). Packaged apps do not need this:
// electron-builder rebuilds the module for Electron when packaging.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Path of better_sqlite3.node built for the installed Electron, building it first when missing.
 * @param {string} root the repository root
 * @returns {string | null} the binding's path, or null when the build failed (its output was shown)
 */
export function electronSqliteBinding(root) {
  const pkg = (name) => JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8'));
  const electronVersion = pkg('electron').version;
  const sqliteVersion = pkg('better-sqlite3').version;
  const folder = join(root, 'node_modules', '.cache', 'lectern-electron-sqlite', `electron-${electronVersion}-better-sqlite3-${sqliteVersion}`);
  const binding = join(folder, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
  if (existsSync(binding)) return binding;

  console.log(`Preparing better-sqlite3 ${sqliteVersion} for Electron ${electronVersion} (once)...`);
  mkdirSync(folder, { recursive: true });
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(
    npm,
    ['install', '--prefix', folder, '--no-save', '--no-package-lock', '--no-audit', '--no-fund', `better-sqlite3@${sqliteVersion}`],
    {
      stdio: 'inherit',
      shell: process.platform === 'win32',
      env: {
        ...process.env,
        npm_config_runtime: 'electron',
        npm_config_target: electronVersion,
        npm_config_disturl: 'https://electronjs.org/headers',
        npm_config_build_from_source: 'false',
      },
    },
  );
  return result.status === 0 && existsSync(binding) ? binding : null;
}
