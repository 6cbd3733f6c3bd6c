/**
 * Starts the browser-mode server (`electron/server/main.ts`) as a child process on a library file,
 * reads the URL it prints, and stops it. Restarting on the same file is how the tests check that
 * imports persist.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const START_TIMEOUT_MS = 30_000;

export class LecternServer {
  readonly dir = mkdtempSync(join(tmpdir(), 'lectern-e2e-'));
  readonly libraryFile = join(this.dir, 'library.sqlite');
  private child: ChildProcess | null = null;
  private output = '';
  url = '';

  /**
   * @param env extra environment for the server (e.g. LECTERN_TEST_READ_DELAY_MS)
   * @param options.keepPort start without --port, as a user does: a restart keeps the port and the
   *   token (electron/server/launch-state.ts); by default every start takes a free port (--port 0)
   */
  constructor(
    private readonly env: Record<string, string> = {},
    private readonly options: { keepPort?: boolean } = {},
  ) {}

  /** Start (or restart after stop) on the same library file; resolves with the `Open:` URL. */
  async start(): Promise<string> {
    if (this.child) throw new Error('The Lectern server is already running.');
    this.output = '';
    const port = this.options.keepPort ? [] : ['--port', '0'];
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'electron', 'server', 'main.ts'), '--library', this.libraryFile, ...port], {
      cwd: ROOT,
      // Answers are checked against the contract (output-check.ts) unless the caller's environment says otherwise.
      env: { LECTERN_CHECK_OUTPUTS: '1', ...process.env, ...this.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    this.url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`The Lectern server printed no URL within ${START_TIMEOUT_MS} ms. Output:\n${this.output}`)), START_TIMEOUT_MS);
      const onData = (chunk: Buffer) => {
        this.output += chunk.toString();
        const match = /Open: (http\S+)/.exec(this.output);
        if (match?.[1]) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      };
      child.stdout?.on('data', onData);
      child.stderr?.on('data', (chunk: Buffer) => {
        this.output += chunk.toString();
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`The Lectern server exited with code ${code} before printing its URL. Output:\n${this.output}`));
      });
    });
    return this.url;
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child) return;
    this.child = null;
    if (child.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
      }, 5_000);
      child.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      child.kill('SIGTERM');
    });
  }

  /** Everything the server printed, for failure messages. */
  get log(): string {
    return this.output;
  }

  async dispose(): Promise<void> {
    await this.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
