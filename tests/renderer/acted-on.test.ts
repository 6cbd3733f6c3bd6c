/** The words of the notices that say what an action touched (features/organise/acted-on.ts). */
import { describe, expect, it } from 'vitest';
import { actedOnSentence, NOTICE_TITLE_MAX, quoted, shortTitle, untagSentence } from '../../renderer/features/organise/acted-on';

const PROVER = 'DeepSeek-Prover-V1.5: Harnessing Proof Assistant Feedback for Reinforcement Learning and Monte-Carlo Tree Search';
const R1 = 'DeepSeek-R1: Incentivizing Reasoning Capability in LLMs via Reinforcement Learning';

describe('shortTitle', () => {
  it('cuts a long title at a word boundary, within the limit, with an ellipsis', () => {
    expect(shortTitle(PROVER)).toBe('DeepSeek-Prover-V1.5: Harnessing Proof…');
    expect(shortTitle(R1)).toBe('DeepSeek-R1: Incentivizing Reasoning…');
    for (const t of [PROVER, R1, 'x'.repeat(200), `${'word '.repeat(40)}`]) expect(shortTitle(t).length).toBeLessThanOrEqual(NOTICE_TITLE_MAX);
  });

  it('keeps a short title whole, with its spaces tidied', () => {
    expect(shortTitle('DeepSeek LLM')).toBe('DeepSeek LLM');
    expect(shortTitle('  A   title\nover lines ')).toBe('A title over lines');
    expect(shortTitle('x'.repeat(NOTICE_TITLE_MAX))).toBe('x'.repeat(NOTICE_TITLE_MAX));
  });

  it('cuts inside a word only when the last boundary is too early, and drops punctuation left at the cut', () => {
    expect(shortTitle(`Supercalifragilisticexpialidocious${'x'.repeat(30)}`)).toBe(`Supercalifragilisticexpialidocious${'x'.repeat(5)}…`);
    expect(shortTitle('Retrieval-augmented generation, a survey of methods and benchmarks')).toBe('Retrieval-augmented generation, a…');
    expect(shortTitle('Scaling laws: what we know about them and what we still do not know')).toBe('Scaling laws: what we know about them…');
    expect(shortTitle('Title with a colon at the cut point: and more words after it')).toBe('Title with a colon at the cut point…');
  });

  it('quotes in the window’s quotation marks', () => {
    expect(quoted(PROVER)).toBe('“DeepSeek-Prover-V1.5: Harnessing Proof…”');
  });
});

describe('actedOnSentence', () => {
  it('names one paper by its title', () => {
    expect(actedOnSentence('Moved', 'to the trash', { count: 1, firstTitle: PROVER })).toBe('Moved “DeepSeek-Prover-V1.5: Harnessing Proof…” to the trash.');
    expect(actedOnSentence('Deleted', 'for good', { count: 1, firstTitle: 'DeepSeek LLM' })).toBe('Deleted “DeepSeek LLM” for good.');
  });

  it('names several by their count and the first title', () => {
    expect(actedOnSentence('Moved', 'to the trash', { count: 3, firstTitle: PROVER })).toBe('Moved 3 papers to the trash: “DeepSeek-Prover-V1.5: Harnessing Proof…” and 2 more.');
    expect(actedOnSentence('Restored', 'to the library', { count: 2, firstTitle: R1 })).toBe('Restored 2 papers to the library: “DeepSeek-R1: Incentivizing Reasoning…” and 1 more.');
    expect(actedOnSentence('Moved', 'to the trash', { count: 100_000, firstTitle: R1 })).toBe('Moved 100,000 papers to the trash: “DeepSeek-R1: Incentivizing Reasoning…” and 99,999 more.');
  });

  it('gives the count alone when the title could not be read', () => {
    expect(actedOnSentence('Moved', 'to the trash', { count: 1, firstTitle: null })).toBe('Moved 1 paper to the trash.');
    expect(actedOnSentence('Deleted', 'for good', { count: 4, firstTitle: null })).toBe('Deleted 4 papers for good.');
    expect(actedOnSentence('Moved', 'to the trash', { count: 0, firstTitle: PROVER })).toBe('Moved 0 papers to the trash.');
  });
});

describe('untagSentence', () => {
  it('names the tag and the papers it came off', () => {
    expect(untagSentence(['method/rl'], { count: 1, firstTitle: R1 })).toBe('Removed the tag “method/rl” from “DeepSeek-R1: Incentivizing Reasoning…”.');
    expect(untagSentence(['method/rl'], { count: 5, firstTitle: R1 })).toBe('Removed the tag “method/rl” from 5 papers: “DeepSeek-R1: Incentivizing Reasoning…” and 4 more.');
    expect(untagSentence(['a', 'b'], { count: 2, firstTitle: null })).toBe('Removed 2 tags from 2 papers.');
  });
});
