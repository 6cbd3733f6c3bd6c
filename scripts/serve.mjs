// `npm run serve`: build the renderer (electron-vite, ~2 s), then start the browser-mode server.
// Pass --no-build to reuse out/renderer; every other argument goes to the server (--port, --host, --library).
// SIGINT, SIGTERM and SIGHUP are passed on to the build or the server (which then closes the library
// cleanly); if this launcher itself is killed, the server sees its IPC channel close and stops too.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { exitLike, runChild } from './launch-child.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const skipBuild = args.includes('--no-build');

if (!skipBuild) {
  const build = await runChild(process.execPath, [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build', '--logLevel', 'warn'], { cwd: root });
  if (build.received) exitLike({ code: null, signal: build.received });
  if (build.code !== 0) {
    console.error('lectern serve: the renderer build failed (see above).');
    exitLike(build);
  }
}

// Relative --library paths resolve against the folder the user ran npm from.
const server = await runChild(process.execPath, ['--import', import.meta.resolve('tsx'), join(root, 'electron', 'server', 'main.ts'), ...args.filter((a) => a !== '--no-build')], {
  cwd: process.env.INIT_CWD ?? process.cwd(),
  node: true,
});
exitLike(server);
