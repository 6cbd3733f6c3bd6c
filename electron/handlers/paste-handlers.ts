/**
 * The custom entries for pasting (paste.preview, paste.import): the paste is read on the paste thread
 * before the write lock is taken, and a long one runs as a job (progress, cancel) on the write queue.
 */
import type { ChannelArgs, ChannelOutput } from '../../shared/contract';
import type { ParseOutcome } from '../../shared/paste/parsed';
import { FORMATS, formatById } from '../../shared/paste/formats';
import { importProfile, importProfileAsync } from '../../db/library/import-profile';
import { importCancelled } from '../../db/library/import-steps';
import type { Session } from './session';

const PREVIEW_PAPERS = 5;
/** Papers above which a preview with a jobId runs step by step (about 0.3 s of dry run on these machines). */
const LONG_PREVIEW_PAPERS = 100;

/** A long import or preview as a job: cancellable while it waits for the lock and while it runs. */
function importJob(s: Session, jobId: string, text: string, outcome: ParseOutcome, dryRun: boolean) {
  const total = outcome.profile.papers.length;
  return s.jobs.run(jobId, total, (signal, onProgress) =>
    s.writes.run(() => importProfileAsync(s.db, text, outcome, { signal, onProgress, dryRun }), {
      activity: dryRun ? 'previewing a paste' : 'importing',
      signal,
      cancelled: () => importCancelled(0, total, dryRun),
    }),
  );
}

/**
 * What importing the paste would do, with nothing stored. With a jobId, `jobs.progress` follows it
 * (phase "Reading the paste", then for a long paste the papers of the dry run) and `jobs.cancel` stops it.
 * @throws LecternError PASTE_EMPTY, PASTE_UNRECOGNISED, BUSY, CANCELLED
 */
export async function previewPaste(s: Session, { text, jobId, format }: ChannelArgs<'paste.preview'>): Promise<ChannelOutput<'paste.preview'>> {
  const outcome = await s.pastes.read(text, { jobId, purpose: 'preview', format });
  const papers = outcome.profile.papers.length;
  // A dry run writes (then rolls back), so it takes the write lock like any write. A long paste's
  // takes seconds: it runs step by step, with progress and cancel, like an import.
  const dry =
    jobId && papers > LONG_PREVIEW_PAPERS
      ? await importJob(s, jobId, text, outcome, true)
      : await s.writes.run(() => importProfile(s.db, text, outcome, { dryRun: true }));
  return {
    format: outcome.profile.source,
    author: outcome.profile.author,
    paperCount: outcome.profile.papers.length,
    firstPapers: outcome.profile.papers.slice(0, PREVIEW_PAPERS).map((p) => ({
      title: p.title,
      date: p.date,
      authors: p.authors,
      authorsTruncated: p.authors_truncated,
    })),
    wouldImport: { added: dry.added, updated: dry.updated, unchanged: dry.unchanged },
    snapshotWouldBeAdded: dry.snapshotAdded,
    alreadyImported: dry.alreadyImported,
    report: outcome.report,
    ...detectionInWords(outcome),
  };
}

/** The generic parser's entry in the source picker says what choosing it does. */
const GENERIC_CHOICE = 'Other page (guess papers)';

/**
 * How the preview names the source: the detection (or the user's choice), whether an author card would
 * be made (profile pages with the author's header only), and every source the paste may be read as.
 */
function detectionInWords(outcome: ParseOutcome): Pick<ChannelOutput<'paste.preview'>, 'detection' | 'makesAuthorCard' | 'choices'> {
  const generic = formatById('generic');
  const detection = outcome.detection ?? { format: 'generic', label: generic.label, confidence: 'fallback', signatures: 0 };
  return {
    detection,
    makesAuthorCard: outcome.profile.author !== null && formatById(detection.format).isProfile,
    choices: pasteFormatChoices(),
  };
}

/** Every source a paste may be read as, for the picker: FORMATS order, the generic parser as "Other page (guess papers)". */
export function pasteFormatChoices(): ChannelOutput<'paste.formats'> {
  return FORMATS.map((f) => ({ id: f.id, label: f.id === 'generic' ? GENERIC_CHOICE : f.label }));
}

/**
 * Import the paste: the import report. With a jobId, `jobs.progress` follows it and `jobs.cancel` stops
 * it (CANCELLED, nothing stored).
 * @throws LecternError PASTE_EMPTY, PASTE_UNRECOGNISED (nothing stored), BUSY, CANCELLED
 */
export async function importPaste(s: Session, { text, jobId, format }: ChannelArgs<'paste.import'>): Promise<ChannelOutput<'paste.import'>> {
  // Parsed (on the paste thread) before the lock is taken: no other write waits for the parsing.
  const outcome = await s.pastes.read(text, { jobId, purpose: 'import', format });
  if (jobId) return importJob(s, jobId, text, outcome, false);
  return s.writes.run(() => importProfileAsync(s.db, text, outcome), { activity: 'importing' });
}
