/**
 * "Keep exported to FILE.bib": the files rewritten after every change to what they export.
 *
 * - `keptExports.set` checks the path (kept-export-file.ts), writes the file at once and only then stores
 *   the kept export: a path that cannot be written is refused with the reason, and nothing is kept.
 * - A long-running host (desktop, browser mode) listens to its library watch (library-watch.ts): this
 *   process's own writes, reported by dispatch, and other processes' commits (the command line, another
 *   window of another process), seen through `PRAGMA data_version`. After the last of a burst of changes
 *   (DEBOUNCE_MS) every kept export is brought up to date. A file whose content would not change is not
 *   touched (its time stays, so LaTeX tools do not rebuild for nothing). At start every kept export is
 *   checked once, for the changes made while no app was running.
 * - A collection's file holds the papers of the collection and of its sub-collections (as a book's .bib
 *   holds its chapters'), not those in the trash. A kept export of a collection deleted since writes
 *   nothing and says so in lastError (writing an empty file over the user's .bib would lose it).
 * - One write per file at a time (one in flight, at most one more waiting), whoever asked for it; each is
 *   atomic. Its outcome goes in `last_written_at` / `last_error`, in words; a failure never reaches the
 *   host (logged, recorded, and the next change tries again).
 * - The text comes from the `references.export` handler of the same handler table (the write queue:
 *   missing citation keys are given then, as any export does).
 */
import type { ChannelArgs, ChannelOutput, LibraryTable } from '../../shared/contract';
import { contract } from '../../shared/contract';
import type { KeptExport } from '../../shared/contract/references';
import { LecternError } from '../../shared/errors';
import { toLecternError } from '../../shared/error-messages';
import type { InteropFormat } from '../../shared/interop/interop-record';
import { collectionExists, getKeptExport, listKeptExports, recordKeptWrite, saveKeptExport } from '../../db/library/kept-exports';
import { nowIso } from '../../db/library/changes';
import { checkKeptTarget, holdsAlready, writeAtomically } from './kept-export-file';
import type { LibraryChangeBatch, LibraryWatch } from './library-watch';
import type { Session } from './session';

/** Quiet time after the last change before the files are rewritten (ms). */
export const DEFAULT_DEBOUNCE_MS = 1000;
/** How long to wait before trying again when the library was busy (another process writing; ms). */
const BUSY_RETRY_MS = 3000;
/** The writer id this module's own reports carry, so they do not set it off again. */
export const KEPT_EXPORTS_WRITER = 'kept-exports';
/** Changes that cannot change what an export holds. */
const IRRELEVANT: ReadonlySet<LibraryTable> = new Set(['kept_exports', 'csl_styles', 'saved_searches', 'settings', 'author_metric_snapshots']);

type ExportHandler = (input: ChannelArgs<'references.export'>) => ChannelOutput<'references.export'> | Promise<ChannelOutput<'references.export'>>;

/** What one kept export writes. */
interface Target {
  collectionId: number | null;
  path: string;
  format: InteropFormat;
  ascii: boolean;
}

/** How a write went: written now, already up to date, or failed (the error in words). */
type WriteOutcome = { written: boolean; error: null } | { written: false; error: string };

/** Writes in flight by path, across every handler table of the process (two tables, one file). */
const inFlight = new Map<string, Promise<unknown>>();

/** Run `work` once the write of `path` before it (if any) has ended. */
function oneAtATime<T>(path: string, work: () => Promise<T>): Promise<T> {
  const before = inFlight.get(path) ?? Promise.resolve();
  const mine = before.then(work, work);
  const settled = mine.catch(() => undefined);
  inFlight.set(path, settled);
  void settled.then(() => {
    if (inFlight.get(path) === settled) inFlight.delete(path);
  });
  return mine;
}

export interface KeptExportsOptions {
  /** Quiet time after the last change before rewriting (ms; default DEFAULT_DEBOUNCE_MS). */
  debounceMs?: number;
}

/** The kept-export writer of one session. */
export class KeptExports {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;
  private unsubscribe: (() => void) | null = null;
  private readonly debounceMs: number;

  /**
   * @param session the session whose library is exported
   * @param exportText the table's `references.export` handler (routed: runs on the write queue)
   * @param watch the library watch to follow (null for a one-shot host: only `set` writes then)
   */
  constructor(
    private readonly session: Session,
    private readonly exportText: ExportHandler,
    private readonly watch: LibraryWatch | null,
    options: KeptExportsOptions = {},
  ) {
    this.debounceMs = options.debounceMs ?? DEFAULT_DEBOUNCE_MS;
    if (watch) {
      this.unsubscribe = watch.subscribe((batch) => this.heard(batch));
      // Changes made while no app was running (the command line): checked once now.
      this.schedule();
    }
  }

  /**
   * `keptExports.set`: check the path, write the file now, then keep it.
   * @throws KeptFileProblem (INVALID_INPUT) with the reason the path is refused or could not be written;
   *   LecternError `NOT_FOUND` for a collection that does not exist. Nothing is stored then.
   */
  async set(input: ChannelArgs<'keptExports.set'>): Promise<KeptExport> {
    const { collectionId, format, ascii } = input;
    if (collectionId !== null && !(await this.session.reader.run((rdb) => collectionExists(rdb, collectionId)))) {
      throw new LecternError('NOT_FOUND', `There is no collection with id ${collectionId}.`, { id: collectionId });
    }
    const { path } = await checkKeptTarget(input.path, format);
    return oneAtATime(path, async () => {
      const outcome = await this.writeNow({ collectionId, path, format, ascii });
      if (outcome.error !== null) throw new LecternError('INVALID_INPUT', outcome.error);
      return this.session.writes.run(() => saveKeptExport(this.session.db, { collectionId, path, format, ascii, writtenAt: nowIso() }));
    });
  }

  /**
   * Bring every kept export up to date now (what the debounce timer calls).
   * @returns once every file has been written or its failure recorded; never rejects
   */
  async refreshAll(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      do {
        this.again = false;
        let kept: KeptExport[] = [];
        try {
          kept = await this.session.reader.run((rdb) => listKeptExports(rdb));
        } catch (err) {
          console.error('kept exports: could not list them', err);
        }
        for (const k of kept) {
          if (this.stopped) return;
          await this.refresh(k.id);
        }
      } while (this.again && !this.stopped);
    })().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  /** Stop listening and wait for the write in flight (idempotent). */
  async stop(): Promise<void> {
    this.stopped = true;
    this.unsubscribe?.();
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running?.catch(() => undefined);
  }

  private heard(batch: LibraryChangeBatch): void {
    const ownReport = !batch.foreign && batch.writers.size === 1 && batch.writers.has(KEPT_EXPORTS_WRITER);
    const relevant = batch.tables === 'everything' || batch.tables.some((t) => !IRRELEVANT.has(t));
    if (!ownReport && relevant) this.schedule();
  }

  private schedule(delay = this.debounceMs): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.refreshAll();
    }, delay);
    this.timer.unref?.();
  }

  /** Rewrite one kept export if its content changed, and record how it went. Never rejects. */
  private async refresh(id: number): Promise<void> {
    try {
      const k = await this.session.reader.run((rdb) => getKeptExport(rdb, id));
      if (!k) return;
      const outcome = await oneAtATime(k.path, async () => {
        if (k.collectionId !== null && k.collectionName === null) {
          return { written: false as const, error: 'The collection it exports was deleted, so the file was left as it was.' };
        }
        return this.writeNow({ collectionId: k.collectionId, path: k.path, format: k.format, ascii: k.ascii });
      });
      if (outcome.error === null && !outcome.written && k.lastError === null && k.lastWrittenAt !== null) return;
      await this.session.writes.run(() => recordKeptWrite(this.session.db, id, { writtenAt: outcome.written ? nowIso() : null, error: outcome.error }));
      this.watch?.wrote(['kept_exports'], KEPT_EXPORTS_WRITER);
    } catch (err) {
      const mapped = toLecternError(err);
      // Another process holds the library: try again in a moment rather than lose this change.
      if (mapped.code === 'BUSY') this.schedule(BUSY_RETRY_MS);
      else console.error('kept exports: could not record a write', err);
    }
  }

  /** Check the path again (it may have changed since), export, and write unless the file holds it already. */
  private async writeNow(target: Target): Promise<WriteOutcome> {
    try {
      const { path, existing } = await checkKeptTarget(target.path, target.format);
      const filters: { collectionId?: number; includeSubcollections?: boolean } = target.collectionId === null ? {} : { collectionId: target.collectionId, includeSubcollections: true };
      const input = contract['references.export'].input.parse({ filters, format: target.format, ascii: target.ascii });
      const out = await this.exportText(input);
      // Keys given by this export are a change of papers the windows should hear of (not one to react to).
      if (out.keysAssigned > 0) this.watch?.wrote(['papers'], KEPT_EXPORTS_WRITER);
      if (await holdsAlready(path, existing, out.text)) return { written: false, error: null };
      await writeAtomically(path, out.text);
      return { written: true, error: null };
    } catch (err) {
      const mapped = toLecternError(err);
      if (mapped.code === 'BUSY') throw err;
      if (mapped.code === 'INTERNAL') console.error('kept exports: a write failed', err);
      return { written: false, error: mapped.message };
    }
  }
}

/** The kept-export writer of each session (attached by createHandlers). */
const writers = new WeakMap<Session, KeptExports>();

/**
 * Give a session its kept-export writer (createHandlers calls this once per handler table, for every
 * host; with a watch, the files follow the library's changes).
 * @param exportText the table's routed `references.export` handler
 */
export function attachKeptExports(session: Session, exportText: ExportHandler, watch: LibraryWatch | null, options: KeptExportsOptions = {}): KeptExports {
  const writer = new KeptExports(session, exportText, watch, options);
  writers.set(session, writer);
  return writer;
}

/** The session's writer. @throws LecternError `INTERNAL` for a session made without one */
export function keptExportsOf(session: Session): KeptExports {
  const writer = writers.get(session);
  if (!writer) throw new LecternError('INTERNAL', 'Kept exports are not available here.');
  return writer;
}
