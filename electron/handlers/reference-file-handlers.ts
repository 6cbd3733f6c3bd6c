/**
 * The custom entries for reference files (references.preview, references.import): the file is decoded
 * and read before the write lock is taken, then imported (or dry-run) in one transaction on the write
 * queue; with a jobId the whole runs as a job (jobs.progress, jobs.cancel).
 */
import type { ChannelArgs, ChannelOutput } from '../../shared/contract';
import { LecternError } from '../../shared/errors';
import { partsSurname } from '../../shared/author-names';
import { decodeFileBytes } from '../../shared/interop/encoding';
import { readReferences } from '../../shared/interop/read-references';
import { importCancelled } from '../../db/library/import-steps';
import { importReferences, type ReferenceFile } from '../../db/library/reference-import';
import { printedName } from '../../db/library/reference-record-in';
import type { Session } from './session';

type FileInput = ChannelArgs<'references.import'>;

/** Decode and read the file (no lock held). */
async function readFile(input: FileInput, signal?: AbortSignal, onProgress?: (done: number, total: number) => void): Promise<ReferenceFile> {
  let text: string;
  let encoding: ReferenceFile['encoding'] = 'utf-8';
  if (input.content.kind === 'text') text = input.content.text;
  else ({ text, encoding } = decodeFileBytes(Buffer.from(input.content.base64, 'base64')));
  if (text.trim() === '') throw new LecternError('INVALID_INPUT', `${input.fileName} is empty.`);
  const read = await readReferences(text, input.format, { signal, onProgress });
  return { fileName: input.fileName, text, encoding, read };
}

function run<T>(s: Session, input: FileInput, dryRun: boolean, finish: (file: ReferenceFile, report: Awaited<ReturnType<typeof importReferences>>) => T): Promise<T> {
  const work = async (signal?: AbortSignal, onProgress?: (done: number, total: number) => void) => {
    const file = await readFile(input, signal, onProgress);
    const total = file.read.records.length;
    const report = await s.writes.run(() => importReferences(s.db, file, { dryRun, signal, onProgress }), {
      activity: dryRun ? 'previewing a paste' : 'importing',
      ...(signal ? { signal, cancelled: () => importCancelled(0, total, dryRun) } : {}),
    });
    return finish(file, report);
  };
  return input.jobId ? s.jobs.run(input.jobId, 0, work) : work();
}

/**
 * What importing the file would do, nothing stored.
 * @throws LecternError INVALID_INPUT (not a reference file, or no record read), BUSY, CANCELLED
 */
export function previewReferences(s: Session, input: ChannelArgs<'references.preview'>): Promise<ChannelOutput<'references.preview'>> {
  return run(s, input, true, (file, dry) => ({
    file: dry.file,
    wouldImport: { added: dry.added, updated: dry.updated, unchanged: dry.unchanged },
    firstRecords: file.read.records.slice(0, 5).map((r) => ({
      title: r.item.title ?? '',
      authors: (r.item.author ?? []).map(printedName),
      surnames: (r.item.author ?? []).map((n) => partsSurname({ family: n.family, nonDroppingParticle: n['non-dropping-particle'], literal: n.literal })),
      year: r.item.issued?.['date-parts']?.[0]?.[0] ?? null,
      citationKey: r.citationKey,
    })),
  }));
}

/**
 * Import the file in one transaction: the report (added / updated / unchanged, the file's problems).
 * @throws LecternError INVALID_INPUT (not a reference file, or no record read: nothing stored), BUSY, CANCELLED
 */
export function importReferenceFile(s: Session, input: ChannelArgs<'references.import'>): Promise<ChannelOutput<'references.import'>> {
  return run(s, input, false, (_file, report) => report);
}
