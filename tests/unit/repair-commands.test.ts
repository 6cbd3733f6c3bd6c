/**
 * The repair lines Lectern prints for a library it cannot open work as printed: they name the library
 * with --library (unless it is the default one) and quote every path for a POSIX shell; and they do
 * not send the user to a window where there is none (the command line, browser mode's start-up).
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { isDefaultLibrary, lecternCommand, shellQuote } from '../../db/upkeep/repair-commands';
import { PROFILES, REPO } from './helpers/fixtures';
import { damage } from './helpers/libraries';

const BIN = join(REPO, 'bin', 'lectern.js');
/** An environment with no LECTERN_LIBRARY and a home of its own: a bare `lectern` opens a library there. */
function cleanEnv(home: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, HOME: home, XDG_CONFIG_HOME: join(home, '.config'), LECTERN_DEBUG: '' };
  delete env.LECTERN_LIBRARY;
  return env;
}

/** Run a printed `lectern …` line through sh, as a user pasting it would. */
function runPrinted(line: string, env: NodeJS.ProcessEnv) {
  expect(line.startsWith('lectern ')).toBe(true);
  const r = spawnSync('sh', ['-c', `${shellQuote(process.execPath)} ${shellQuote(BIN)} ${line.slice('lectern '.length)}`], { encoding: 'utf8', env });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const papersIn = (file: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare('SELECT COUNT(*) FROM papers').pluck().get() as number;
  } finally {
    db.close();
  }
};

describe('repair commands as printed', () => {
  it.skipIf(process.platform === 'win32')('shellQuote gives sh back every word unchanged', () => {
    for (const word of ['/tmp/plain/library.sqlite', "/tmp/it's mine/a b.sqlite", '/tmp/$HOME/`id`/"x"/*?[a]/~/a\\b', '-x', '', 'ünï cödé\ttab']) {
      const r = spawnSync('sh', ['-c', `printf %s ${shellQuote(word)}`], { encoding: 'utf8' });
      expect(r.stdout).toBe(word);
    }
  });

  it('names the library unless it is the default one', () => {
    const home = mkdtempSync(join(tmpdir(), 'lectern-home-'));
    const env = cleanEnv(home);
    const fallback = join(home, '.config', 'Lectern', 'library.sqlite');
    expect(isDefaultLibrary(fallback, env)).toBe(true);
    expect(lecternCommand(fallback, ['recover'], env)).toBe('lectern recover');
    expect(lecternCommand('/data/dmg3/library.sqlite', ['restore', '/data/dmg3/backups/x y.sqlite'], env)).toBe("lectern --library /data/dmg3/library.sqlite restore '/data/dmg3/backups/x y.sqlite'");
    // With LECTERN_LIBRARY set here, a shell without it would open another file: name it.
    expect(lecternCommand(fallback, ['recover'], { ...env, LECTERN_LIBRARY: fallback })).toBe(`lectern --library ${fallback} recover`);
  });

  it.skipIf(process.platform === 'win32')('a library too damaged to open, in a folder with a space, a quote and a $: the printed restore line works as printed', () => {
    const home = mkdtempSync(join(tmpdir(), 'lectern-home-'));
    const env = cleanEnv(home);
    const folder = join(mkdtempSync(join(tmpdir(), 'lectern-test-')), "dmg3 it's $HOME");
    mkdirSync(folder);
    const file = join(folder, 'library.sqlite');
    expect(spawnSync(process.execPath, [BIN, 'import', join(PROFILES, 'seed-profile.txt'), '--library', file], { env }).status).toBe(0);
    expect(spawnSync(process.execPath, [BIN, 'backup', '--library', file], { env }).status).toBe(0);
    damage(file, 'header');
    copyFileSync(file, join(folder, 'damaged-copy'));

    const failed = spawnSync(process.execPath, [BIN, 'papers', '--library', file], { encoding: 'utf8', env });
    expect(failed.status).toBe(1);
    expect(failed.stderr).not.toMatch(/in the window/);
    const restoreLine = /by running: (lectern .*?) — or/.exec(failed.stderr)?.[1];
    const recoverLine = /or recover what can be read by running: (lectern .*)$/m.exec(failed.stderr)?.[1];
    expect(restoreLine).toMatch(/^lectern --library '.*' restore '.*-manual\.sqlite'$/);
    expect(recoverLine).toMatch(/^lectern --library '.*' recover$/);

    const restored = runPrinted(restoreLine!, env);
    expect([restored.code, restored.stderr]).toEqual([0, '']);
    expect(restored.stdout).toContain(`into ${file}.`);
    expect(papersIn(file)).toBe(18);
    // Nothing happened to the default library of this "user".
    expect(spawnSync('ls', [join(home, '.config')]).status).not.toBe(0);

    // Browser mode's start-up says the same, with no window to point at.
    copyFileSync(join(folder, 'damaged-copy'), file);
    const serve = spawnSync(process.execPath, ['--import', 'tsx', join(REPO, 'electron', 'server', 'main.ts'), '--library', file, '--port', '0'], { cwd: REPO, encoding: 'utf8', env, timeout: 60_000 });
    expect(serve.status).toBe(1);
    expect(serve.stderr).not.toMatch(/in the window/);
    const serveRecover = /or recover what can be read by running: (lectern .*)$/m.exec(serve.stderr)?.[1];
    // Nothing can be read past a destroyed header: the recovery ran on this library, and says so.
    const recovered = runPrinted(serveRecover!, env);
    expect([recovered.code, recovered.stderr]).toEqual([1, `lectern: Nothing could be read from the damaged library file, so it was left as it is. Restore a backup instead; lectern --library '${file.replace(/'/g, `'\\''`)}' backups lists them.\n`]);
  });
});
