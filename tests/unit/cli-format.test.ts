import { describe, expect, it } from 'vitest';
import { formatPapers } from '../../electron/cli/format';

describe("the command line's count line", () => {
  it('says "1 paper", not "1 papers", and counts the rest with separators', () => {
    expect(formatPapers([], 1).split('\n').at(-1)).toBe('0 of 1 paper');
    expect(formatPapers([], 0).split('\n').at(-1)).toBe('0 papers');
    expect(formatPapers([], 12_345).split('\n').at(-1)).toBe('0 of 12,345 papers');
  });
});
