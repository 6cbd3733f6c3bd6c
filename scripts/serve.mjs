// `npm run serve`: build the renderer (electron-vite, ~2 s), then start the browser-mode server.
// Pass --no-build to reuse out/renderer; every other argument goes to the server (--port, --host, --library).
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const skipBuild = args.includes('--no-build');

if (!skipBuild) {
  const build = spawnSync(process.execPath, [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (build.status !== 0) {
    console.error('lectern serve: the renderer build failed (see above).');
    process.exit(build.status ?? 1);
  }
}

// Relative --library paths resolve against the folder the user ran npm from.
const server = spawnSync(process.execPath, ['--import', import.meta.resolve('tsx'), join(root, 'electron', 'server', 'main.ts'), ...args.filter((a) => a !== '--no-build')], {
  cwd: process.env.INIT_CWD ?? process.cwd(),
  stdio: 'inherit',
});
process.exit(server.status ?? 0);
