import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openLibrary } from '../../db/open';
import { escapeForTerminal } from '../../electron/cli/terminal-text';
import { INTERNAL_MESSAGE } from '../../shared/error-messages';
import { PROFILES, REPO, tempLibraryFile } from './helpers/fixtures';

function lectern(args: string[], options: { input?: string | Buffer; library?: string; env?: Record<string, string> } = {}) {
  const r = spawnSync(process.execPath, [join(REPO, 'bin', 'lectern.js'), ...args], {
    input: options.input,
    encoding: 'utf8',
    env: { ...process.env, LECTERN_DEBUG: '', NODE_OPTIONS: '', LECTERN_LIBRARY: options.library ?? tempLibraryFile(), ...options.env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/**
 * A preload (node --require) that breaks the process in a given way, to test the last line of defence.
 * Only in the main thread: NODE_OPTIONS also reaches the thread running tsx's module hooks.
 */
function preload(source: string): string {
  const file = join(dirname(tempLibraryFile()), 'preload.cjs');
  writeFileSync(file, `if (require('node:worker_threads').isMainThread) {\n${source}\n}\n`);
  return `--require ${file}`;
}

/** What must never reach the terminal: a stack frame, a source path, SQL, a raw SQLite message. */
const LEAK = /\n\s+at |\.ts:\d+|node_modules|Failed to run the query|SQLITE_|unable to open database|file is not a database|no such column|has no column/;
/** Raw control characters a terminal would act on (the CLI's own \n is allowed). */
// eslint-disable-next-line no-control-regex
const RAW_CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

describe('lectern: hostile inputs end in one plain line, never a stack', () => {
  it('a library path that is a folder', () => {
    const folder = join(dirname(tempLibraryFile()), 'papers');
    mkdirSync(folder);
    const r = lectern(['papers', '--library', folder]);
    expect(r).toEqual({
      code: 1,
      stdout: '',
      stderr: `lectern: Lectern cannot open the library file ${folder}: check that the path names a file (not a folder) in a folder that exists, and that you may read and write both; nothing was changed.\n`,
    });
  });

  it('a file that is not SQLite, and a library path under it', () => {
    const file = tempLibraryFile();
    writeFileSync(file, 'a shopping list, not a library\n'.repeat(100));
    const r = lectern(['authors', '--library', file]);
    expect(r.code).toBe(1);
    // The damage sentence of db/upkeep/open-hooks.ts: it names the file, says nothing was written and how to get back.
    expect(r.stderr).toMatch(new RegExp(`^lectern: The library file ${file} cannot be opened: it is damaged, or it is not a Lectern library at all \\(check the path if you gave one\\)\\. Nothing was written to it\\. .*lectern --library ${file} (recover|restore).*\n$`));
    const under = lectern(['authors', '--library', join(file, 'library.sqlite')]);
    expect([under.code, under.stderr]).toEqual([1, expect.stringMatching(/^lectern: Lectern cannot open the library file .*library\.sqlite\/library\.sqlite: /)]);
  });

  // Root may write anything: then the command runs as `nobody` (uid 65534), for whom the folder is read-only.
  it.skipIf(process.platform === 'win32')('a library in a read-only folder', () => {
    const folder = join(dirname(tempLibraryFile()), 'read-only');
    mkdirSync(folder);
    const file = join(folder, 'library.sqlite');
    expect(lectern(['import', join(PROFILES, 'seed-profile.txt'), '--library', file]).code).toBe(0);
    chmodSync(dirname(folder), 0o755);
    chmodSync(folder, 0o555);
    chmodSync(file, 0o444);
    const asRoot = process.getuid?.() === 0;
    const r = spawnSync(process.execPath, [join(REPO, 'bin', 'lectern.js'), 'import', join(PROFILES, 'seed-profile.txt'), '--library', file], {
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '', HOME: dirname(folder) },
      ...(asRoot ? { uid: 65534, gid: 65534 } : {}),
    });
    chmodSync(folder, 0o755);
    expect({ code: r.status, stderr: r.stderr }).toEqual({
      code: 1,
      stderr: `lectern: The library file ${file} or its folder is read-only, so Lectern cannot save changes: allow writing to both (or copy the library somewhere you can write and open that), then try again; nothing was changed.\n`,
    });
  });

  it('a library written by a newer Lectern', () => {
    const file = tempLibraryFile();
    openLibrary(file).close();
    const raw = new Database(file);
    raw.prepare('INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?, ?)').run('future', 9_999_999_999_999);
    raw.exec('ALTER TABLE papers RENAME COLUMN title TO title_v2');
    raw.close();
    const r = lectern(['import', join(PROFILES, 'seed-profile.txt'), '--library', file]);
    expect(r).toEqual({ code: 1, stdout: '', stderr: `lectern: The library file ${file} was written by a newer version of Lectern: update Lectern to open it. Nothing was changed.\n` });
  });

  it('an unexpected failure inside a command: the generic sentence, the details only with LECTERN_DEBUG=1', () => {
    const file = tempLibraryFile();
    openLibrary(file).close();
    const raw = new Database(file);
    raw.exec('ALTER TABLE papers RENAME COLUMN title TO title_v2'); // a broken schema without a newer migration
    raw.close();
    const r = lectern(['import', join(PROFILES, 'seed-profile.txt'), '--library', file]);
    expect(r).toEqual({ code: 1, stdout: '', stderr: `lectern: ${INTERNAL_MESSAGE} To see the details, run the command again with LECTERN_DEBUG=1.\n` });
    const debug = lectern(['import', join(PROFILES, 'seed-profile.txt'), '--library', file], { env: { LECTERN_DEBUG: '1' } });
    expect(debug.code).toBe(1);
    expect(debug.stderr).toMatch(/table papers has no column named title/);
    expect(debug.stderr.trimEnd().split('\n').at(-1)).toBe(`lectern: ${INTERNAL_MESSAGE}`);
  });

  it('a reader that stops early (lectern parse | head): ends quietly, exit code 0', async () => {
    const file = join(dirname(tempLibraryFile()), 'long.txt');
    writeFileSync(file, `${readFileSync(join(PROFILES, 'seed-profile.txt'), 'utf8')}\n`.repeat(10)); // ~350 KB of JSON: more than a pipe holds
    const child = spawn(process.execPath, [join(REPO, 'bin', 'lectern.js'), 'parse', file], { env: { ...process.env, LECTERN_DEBUG: '', NODE_OPTIONS: '' } });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect({ code, stderr: stderr.split('\n').filter((l) => !l.startsWith('skipped') && !l.startsWith('warning')).join('\n') }).toEqual({ code: 0, stderr: '' });
  });

  it('input files that cannot be read: plain reasons, not errno text', () => {
    const folder = dirname(tempLibraryFile());
    expect(lectern(['parse', folder]).stderr).toBe(`lectern: Cannot read ${folder}: it is a folder, not a file.\n`);
    expect(lectern(['import', '/no/such/file.txt']).stderr).toBe('lectern: Cannot read /no/such/file.txt: there is no such file.\n');
  });

  it('the database engine failing to load (a native module built for another Node)', () => {
    const broken = preload(`
      const Module = require('module');
      const load = Module._load;
      Module._load = function (request, ...rest) {
        if (request === 'bindings') {
          const err = new Error("The module '/x/node_modules/better-sqlite3/build/Release/better_sqlite3.node' was compiled against a different Node.js version using NODE_MODULE_VERSION 128.");
          err.code = 'ERR_DLOPEN_FAILED';
          throw err;
        }
        return load.call(this, request, ...rest);
      };`);
    const r = lectern(['papers'], { env: { NODE_OPTIONS: broken } });
    expect(r).toEqual({
      code: 1,
      stdout: '',
      stderr:
        'lectern: Lectern could not load its database engine (better-sqlite3) for this version of Node.js: run `npm rebuild better-sqlite3` in Lectern’s folder (or reinstall Lectern), then try again. Nothing was changed.\n',
    });
  });

  it('a module that throws as it loads, an uncaught exception, an unhandled rejection', () => {
    const atLoad = preload(`
      const Module = require('module');
      const load = Module._load;
      Module._load = function (request, ...rest) {
        if (/better-sqlite3[\\\\/]lib[\\\\/]index\\.js$/.test(request)) throw new TypeError('boom while loading (/work/db/open.ts:12:3)');
        return load.call(this, request, ...rest);
      };`);
    const uncaught = preload(`
      const wait = setInterval(() => {
        if (process.listenerCount('uncaughtException') === 0) return;
        clearInterval(wait);
        throw new Error('boom in a timer (/work/electron/cli/main.ts:99:1)');
      }, 1);`);
    const rejected = preload(`
      const wait = setInterval(() => {
        if (process.listenerCount('unhandledRejection') === 0) return;
        clearInterval(wait);
        Promise.reject(new Error('boom in a promise (/work/electron/cli/main.ts:99:1)'));
      }, 1);`);
    for (const breakage of [atLoad, uncaught, rejected]) {
      const r = lectern(['papers'], { env: { NODE_OPTIONS: breakage } });
      expect(r.code).toBe(1);
      expect(r.stderr).toBe(`lectern: ${INTERNAL_MESSAGE} To see the details, run the command again with LECTERN_DEBUG=1.\n`);
    }
  });
});

describe('lectern: text from outside is printed with its control characters escaped', () => {
  const hostile = '\u001b]0;pwned\u0007\u001b[2J';

  it('a paste of escape sequences quoted in PASTE_UNRECOGNISED', () => {
    const r = lectern(['import', '-'], { input: `${hostile} hello\n\u009b31m red\nthird \u202eline\n` });
    expect(r.code).toBe(1);
    expect(r.stderr).not.toMatch(RAW_CONTROLS);
    expect(r.stderr).toContain('The text starts with "\\x1b]0;pwned\\x07\\x1b[2J hello", "\\u009b31m red", "third \\u202eline".\n');
  });

  it('non-UTF-8 bytes and a paste over the size limit: one line each, nothing raw', () => {
    const bytes = lectern(['import', '-'], { input: Buffer.from([0xff, 0xfe, 0x00, 0x1b, 0x5b, 0x32, 0x4a, 0x0a, 0x61]) });
    expect(bytes.code).toBe(1);
    expect(bytes.stderr).toContain('The text starts with "\ufffd\ufffd\\x00\\x1b[2J", "a".\n');
    const huge = lectern(['import', '-'], { input: 'x'.repeat(21_000_000) });
    expect(huge.code).toBe(1);
    expect(huge.stderr).toMatch(/^lectern: [^\n]*20 MB[^\n]*\n$/);
  });

  it('an author name given on the command line', () => {
    const r = lectern(['author', `${hostile}X`]);
    expect(r).toEqual({ code: 1, stdout: '', stderr: 'lectern: No author named "\\x1b]0;pwned\\x07\\x1b[2JX" in the library.\n' });
  });

  it('titles and names from the library, as text and as --json (still valid JSON with the same values)', () => {
    const library = tempLibraryFile();
    const page = readFileSync(join(PROFILES, 'seed-profile.txt'), 'utf8')
      .replace('DeepSeek-V3.2: Pushing the Frontier', `DeepSeek-V3.2: ${hostile}\u009b31mPushing\u202e the Frontier\u007f`)
      .replace('Chong Ruan', `Chong Ruan\u001b[8m`);
    const imported = lectern(['import', '-'], { input: page, library });
    expect(imported.code).toBe(0);
    expect(imported.stdout).not.toMatch(RAW_CONTROLS);
    expect(imported.stdout).toContain('of Chong Ruan\\x1b[8m:');

    const text = lectern(['papers', '--sort', 'date', '--desc'], { library });
    expect(text.code).toBe(0);
    expect(text.stdout).not.toMatch(RAW_CONTROLS);
    expect(text.stdout).toContain('DeepSeek-V3.2: \\x1b]0;pwned\\x07\\x1b[2J\\u009b31mPushing\\u202e the');

    const json = lectern(['papers', '--sort', 'date', '--desc', '--json'], { library });
    expect(json.stdout).not.toMatch(RAW_CONTROLS);
    expect(JSON.parse(json.stdout).rows[0].title).toBe(`DeepSeek-V3.2: ${hostile}\u009b31mPushing\u202e the Frontier\u007f of Open Large Language Models`);

    const owner = 'Chong Ruan\u001b[8m';
    for (const args of [['authors'], ['author', owner], ['metrics', owner], ['author', owner, '--json']]) {
      const r = lectern(args, { library });
      expect(r.code).toBe(0);
      expect(r.stdout).not.toMatch(RAW_CONTROLS);
      expect(r.stdout).toContain(args.includes('--json') ? 'Chong Ruan\\u001b[8m' : 'Chong Ruan\\x1b[8m');
    }
  });

  it('escapeForTerminal: C0 but tab and newline, DEL, C1 and bidi controls become visible escapes', () => {
    expect(escapeForTerminal('a\tb\nc\r\u0000\u001b\u007f\u0085\u009b\u202a\u202e\u2066\u2069 ok é 😀')).toBe(
      'a\tb\nc\\x0d\\x00\\x1b\\u007f\\u0085\\u009b\\u202a\\u202e\\u2066\\u2069 ok é 😀',
    );
    const json = escapeForTerminal(JSON.stringify({ t: '\u009b\u007f\u202e\u001b' }));
    expect(JSON.parse(json)).toEqual({ t: '\u009b\u007f\u202e\u001b' });
  });
});
