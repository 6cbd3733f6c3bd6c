/** Session channels: long jobs (progress, cancel), the undo stack, checking a query as it is typed. */
import { z } from 'zod';
import type { ChannelSpec } from './channel';
import { HighlightTerm, UndoState } from '../model';
import { JOB_ID } from './inputs';
import { searchText } from '../text-input';
import { QUERY_MAX_LENGTH } from '../search/parse';

export const jobsChannels = {
  'jobs.progress': {
    kind: 'session', reads: [],
    input: z.object({ jobId: JOB_ID }),
    /**
     * null when no such job is running (not started yet, or finished); total 0 while the amount of work is
     * unknown (a read, a paste being read); `phase` names what is under way when it is not the job's main
     * work, e.g. "Reading the paste" before an import or a preview counts papers.
     */
    output: z.object({ progress: z.object({ done: z.number().int(), total: z.number().int(), phase: z.string().optional() }).nullable() }),
  },
  'jobs.cancel': {
    kind: 'session', reads: [],
    input: z.object({ jobId: JOB_ID }),
    /** Whether a running job was asked to stop; it then fails with CANCELLED and changes nothing. */
    output: z.object({ cancelled: z.boolean() }),
  },
  /** Check a query without running it: its highlight terms, or the error and the 1-based column at fault. */
  'search.parse': {
    kind: 'session', reads: [],
    input: z.object({ query: searchText(QUERY_MAX_LENGTH * 2) }),
    output: z.union([
      z.object({ ok: z.literal(true), terms: z.array(HighlightTerm) }),
      z.object({ ok: z.literal(false), error: z.object({ message: z.string(), column: z.number().int(), length: z.number().int() }) }),
    ]),
  },
  /** What Undo and Redo would do now (labels for the Edit menu), for this session. */
  'undo.state': { kind: 'session', reads: 'everything', input: z.object({}), output: UndoState },
  /**
   * Undo the latest curation change of the session (tags, notes, annotations, collections, status,
   * rating, star, saved searches, trash); `NOT_FOUND` when there is nothing to undo, `LIBRARY` when the
   * change can no longer apply (nothing is changed then). Emptying the trash is not undoable.
   */
  'undo.undo': { kind: 'write', changes: 'everything', input: z.object({}), output: z.object({ label: z.string(), state: UndoState }) },
  /** Apply again the latest undone change; `NOT_FOUND` when there is nothing to redo. A new change clears redo. */
  'undo.redo': { kind: 'write', changes: 'everything', input: z.object({}), output: z.object({ label: z.string(), state: UndoState }) },
} as const satisfies Record<string, ChannelSpec>;
