/**
 * A reference file's import runs under a job the window can cancel (the paste import's Cancel import
 * button), and its preview can be stopped; the library's answers are stubbed: the import and the
 * preview answer only when told to, or fail with CANCELLED once jobs.cancel names them.
 */
import { act } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { LecternError } from '../../shared/errors';
import { cancelImport } from '../../renderer/features/import/run-import';
import { runReferenceImport } from '../../renderer/features/references/run-reference-import';
import { useReferencePreview } from '../../renderer/features/references/use-reference-preview';
import type { ImportSource } from '../../renderer/features/references/references-store';
import { useJobs } from '../../renderer/stores/job-store';
import { mount } from './mount';

const library = vi.hoisted(() => ({ jobs: new Map<string, { channel: string; input: unknown; fail(err: Error): void; answer(value: unknown): void }>(), cancels: [] as string[] }));

vi.mock('../../renderer/api/client', () => ({
  request: vi.fn(async (channel: string, input: { jobId: string }) => {
    if (channel === 'references.import' || channel === 'references.preview') {
      return new Promise((resolve, reject) => library.jobs.set(input.jobId, { channel, input, fail: reject, answer: resolve }));
    }
    if (channel === 'jobs.cancel') {
      library.cancels.push(input.jobId);
      library.jobs.get(input.jobId)?.fail(new LecternError('CANCELLED', 'Import cancelled; nothing was imported.'));
      return { cancelled: library.jobs.has(input.jobId) };
    }
    if (channel === 'jobs.progress') return { progress: { done: 10, total: 40 } };
    throw new Error(`no stub for ${channel}`);
  }),
}));

const SOURCE: ImportSource = { fileName: 'refs.bib', content: { kind: 'bytes', base64: 'QGFydGljbGV7eCx9' } };
const wait = (ms: number) =>
  act(async () => {
    await new Promise((resolve) => setTimeout(resolve, ms));
  });

beforeEach(() => {
  library.jobs.clear();
  library.cancels.length = 0;
  useJobs.getState().set(null);
});

describe('reference import', () => {
  it('sends the file with a job id, shows progress after a glance, and Cancel import stops it', async () => {
    const run = runReferenceImport(SOURCE);
    const outcome = run.then(
      () => 'imported',
      (err: unknown) => (err instanceof LecternError ? err.code : 'other'),
    );
    await wait(400);
    const [jobId, job] = [...library.jobs.entries()][0]!;
    expect(job.channel).toBe('references.import');
    expect(job.input).toEqual({ ...SOURCE, format: null, jobId });
    expect(useJobs.getState().active).toMatchObject({ jobId, visible: true, progress: { done: 10, total: 40 } });
    await act(() => cancelImport());
    expect(library.cancels).toEqual([jobId]);
    expect(await outcome).toBe('CANCELLED');
    expect(useJobs.getState().active).toBeNull();
  });
});

describe('reference preview', () => {
  let hook: ReturnType<typeof useReferencePreview>;
  function Probe({ source }: { source: ImportSource }) {
    hook = useReferencePreview(source);
    return <output>{hook.state.status}</output>;
  }

  it('Stop cancels the preview the library is reading, and Read it again asks anew', async () => {
    const { container } = mount(<Probe source={SOURCE} />);
    await wait(20);
    expect(container.textContent).toBe('loading');
    const [first] = [...library.jobs.keys()];
    act(() => hook.stop());
    await wait(20);
    expect(container.textContent).toBe('stopped');
    expect(library.cancels).toEqual([first]);
    act(() => hook.retry());
    await wait(20);
    const second = [...library.jobs.keys()].find((k) => k !== first)!;
    act(() => library.jobs.get(second)!.answer({ file: {}, wouldImport: {}, firstRecords: [] }));
    await wait(20);
    expect(container.textContent).toBe('ready');
  });
});
