/**
 * Where a handler table's reads run: a second, read-only connection to the library file, so a read only
 * ever sees committed data. The writing connection holds a long import's open transaction between its
 * steps; a read on that connection would see the import's rows before they are committed (and after a
 * cancel took them back). Each read runs in its own read transaction: one consistent snapshot even when
 * it takes several statements (a page of papers and its total), and never blocked by a writer (WAL).
 *
 * An in-memory library (`:memory:`, used in tests) cannot be opened twice: there reads share the writing
 * connection, and a read that arrives while a long write holds a transaction open on it waits until the
 * write queue is idle, so it still sees only committed data (it is only slower).
 */
import { openReader, type Library, type LibraryDb } from '../../db/open';
import type { WriteQueue } from './write-queue';

export class LibraryReader {
  /** The connection reads use (the writing one for an in-memory library). */
  readonly db: LibraryDb;
  private readonly closeReader: (() => void) | null;

  /**
   * Opens the read-only connection (file libraries) and arranges for it to close, first, when the
   * library closes (`library.close` is wrapped; what it does is unchanged).
   * @throws LecternError `LIBRARY` when the file cannot be opened for reading
   */
  constructor(
    library: Library,
    private readonly writes: WriteQueue,
  ) {
    if (library.file === ':memory:') {
      this.db = library.db;
      this.closeReader = null;
      return;
    }
    const reader = openReader(library.file, library.nativeBinding ? { nativeBinding: library.nativeBinding } : {});
    this.db = reader.db;
    this.closeReader = reader.close;
    const closeLibrary = library.close;
    library.close = () => {
      this.close();
      closeLibrary();
    };
  }

  /**
   * Run a query on committed data.
   * @returns what `query` returns (synchronously, except on an in-memory library during a long write)
   */
  run<T>(query: (db: LibraryDb) => T): T | Promise<T> {
    const client = this.db.$client;
    if (this.closeReader) return client.transaction(() => query(this.db))();
    // A transaction open while no queued write runs is not one of ours to wait for (a caller's own).
    if (!client.inTransaction || !this.writes.busy) return query(this.db);
    return this.writes.idle().then(() => this.run(query));
  }

  /**
   * Start `read` (a read that runs on this connection by other means, like the in-process slow reads)
   * once it would see only committed data: at once, synchronously, except on an in-memory library
   * while a long write holds its transaction open.
   */
  whenCommitted<T>(read: () => Promise<T>): Promise<T> {
    if (this.closeReader || !this.db.$client.inTransaction || !this.writes.busy) return read();
    return this.writes.idle().then(() => this.whenCommitted(read));
  }

  /** Close the read-only connection (idempotent). */
  close(): void {
    if (this.db.$client.open && this.closeReader) this.closeReader();
  }
}
