/**
 * A paste is normalised once: detection and the parser read the same lines (issue 8 item 2: the text
 * used to be normalised three times per paste, by detectAndParse, detectSource and the parser). The
 * report's line numbers are still those of the user's paste.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fixtureText } from './helpers/fixtures';

const calls = vi.hoisted(() => ({ n: 0 }));
vi.mock('../../shared/paste/normalise', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../shared/paste/normalise')>();
  return {
    ...original,
    normaliseLines: (text: string) => {
      calls.n++;
      return original.normaliseLines(text);
    },
  };
});

const { detectAndParse } = await import('../../shared/paste/detect');

describe('detectAndParse', () => {
  beforeEach(() => {
    calls.n = 0;
  });

  it('normalises the paste once', () => {
    const { profile } = detectAndParse(fixtureText('seed-profile'));
    expect(profile.papers).toHaveLength(18);
    expect(calls.n).toBe(1);
  });

  it('keeps the line numbers of the paste (CRLF, CR, NBSP and zero-width characters included)', () => {
    const seed = fixtureText('seed-profile').replace(/\n/g, '\r\n');
    // Lines 1-2 are site menus, line 3 is blank (a lone CR), the seed starts on line 4.
    const pasted = `Scholarfeed\r\nSearch\u00a0\u200b\r\r\n${seed.slice(0, seed.lastIndexOf('DCMay 14, 2025'))}DCMay 14, 2025\r\nA title cut off`;
    const { report } = detectAndParse(pasted);
    expect(calls.n).toBe(1);
    const reason = 'not part of the scholarfeed profile header';
    expect(report.skipped).toEqual([
      { line: 1, text: 'Scholarfeed', reason },
      { line: 2, text: 'Search', reason },
    ]);
    expect(report.incompleteTail).toEqual({ line: 3 + 131, text: 'A title cut off', missing: 'authors and abstract' });
  });
});
