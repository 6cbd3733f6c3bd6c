/**
 * The paste preview can be stopped from its first moment (issue 8 item 2): while it waits for the text
 * to settle, and while the library has not started the job yet (its cancel is repeated until the
 * library has stopped it); newer text replaces the preview and cancels the older one. The library's
 * answers are stubbed: a preview answers only when told to, or fails with CANCELLED once cancelled.
 */
import { act } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { LecternError } from '../../shared/errors';
import { previewProgressText } from '../../renderer/features/import/import-dialog';
import { usePastePreview } from '../../renderer/features/import/use-paste-preview';
import { mount } from './mount';

interface Pending {
  jobId: string;
  text: string;
  /** The library has started the job (a cancel now finds it). */
  started: boolean;
  answer(): void;
  fail(err: Error): void;
}

const library = vi.hoisted(() => ({ previews: [] as Pending[], cancels: [] as string[] }));

vi.mock('../../renderer/api/client', () => ({
  request: vi.fn(async (channel: string, input: { jobId: string; text: string }) => {
    if (channel === 'paste.preview') {
      return new Promise((resolve, reject) => {
        library.previews.push({
          jobId: input.jobId,
          text: input.text,
          started: false,
          answer: () => resolve({ format: 'scholarfeed', text: input.text }),
          fail: reject,
        });
      });
    }
    if (channel === 'jobs.cancel') {
      library.cancels.push(input.jobId);
      const job = library.previews.find((p) => p.jobId === input.jobId);
      if (!job?.started) return { cancelled: false };
      job.fail(new LecternError('CANCELLED', 'Preview stopped while reading the paste; nothing was imported.'));
      return { cancelled: true };
    }
    if (channel === 'jobs.progress') return { progress: null };
    throw new Error(`no stub for ${channel}`);
  }),
}));

let hook: ReturnType<typeof usePastePreview>;
function Probe({ text }: { text: string }) {
  hook = usePastePreview(text);
  const { state } = hook;
  return <output>{state.status === 'ready' ? `ready: ${(state.preview as unknown as { text: string }).text}` : state.status}</output>;
}

const wait = (ms: number) =>
  act(async () => {
    await new Promise((resolve) => setTimeout(resolve, ms));
  });

beforeEach(() => {
  library.previews.length = 0;
  library.cancels.length = 0;
});

describe('the paste preview', () => {
  it('stops at once while it waits for the text to settle, and asks the library nothing', async () => {
    const { container } = mount(<Probe text="pasted page" />);
    expect(container.textContent).toBe('loading');
    act(() => hook.stop());
    expect(container.textContent).toBe('stopped');
    await wait(400);
    expect(library.previews).toEqual([]);
    expect(container.textContent).toBe('stopped');
  });

  it('stops at once while the library has not started the job, and cancels it as soon as it has', async () => {
    const { container } = mount(<Probe text="pasted page" />);
    await wait(300);
    expect(library.previews).toHaveLength(1);
    const job = library.previews[0]!;
    act(() => hook.stop());
    expect(container.textContent).toBe('stopped');
    await wait(250);
    job.started = true;
    await wait(250);
    expect(library.cancels.filter((id) => id === job.jobId).length).toBeGreaterThan(1);
    expect(library.cancels.at(-1)).toBe(job.jobId);
    const tries = library.cancels.length;
    await wait(300);
    // Cancelled: no more tries, and the preview stays stopped.
    expect(library.cancels).toHaveLength(tries);
    expect(container.textContent).toBe('stopped');
  });

  it('is replaced by newer text: the older preview is cancelled and its late answer ignored', async () => {
    const { container, render } = mount(<Probe text="first page" />);
    await wait(300);
    const first = library.previews[0]!;
    first.started = true;
    render(<Probe text="second page" />);
    await wait(50);
    expect(library.cancels).toEqual([first.jobId]);
    await wait(300);
    const second = library.previews[1]!;
    expect(second.text).toBe('second page');
    first.answer();
    await wait(10);
    expect(container.textContent).toBe('loading');
    second.answer();
    await wait(10);
    expect(container.textContent).toBe('ready: second page');
  });

  it('says what it is doing', () => {
    expect(previewProgressText(null)).toBe('Reading the paste…');
    expect(previewProgressText({ done: 0, total: 0, phase: 'Reading the paste' })).toBe('Reading the paste…');
    expect(previewProgressText({ done: 1200, total: 3000 })).toBe('Reading the paste: 1,200 of 3,000 papers…');
  });
});
