/**
 * One paste limit for every host: 20 MB of UTF-8, checked by the contract, by the window before sending
 * and (with room for JSON escaping) by browser mode's body cap. Both sides of the boundary, in ASCII
 * and in text whose characters take 2, 3 and 4 bytes.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contract } from '../../shared/contract';
import { MAX_REQUEST_BODY_BYTES, PASTE_MAX_BYTES, PASTE_TOO_LONG_MESSAGE, pasteTooLong, utf8ByteLength } from '../../shared/paste-limit';

function refusal(text: string): string | null {
  const parsed = contract['paste.import'].input.safeParse({ text });
  return parsed.success ? null : parsed.error.issues.map((i) => i.message).join('; ');
}

describe('the paste limit', () => {
  it('counts UTF-8 bytes as Buffer.byteLength does, lone surrogates as U+FFFD', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (s) => utf8ByteLength(s) === Buffer.byteLength(s, 'utf8')),
      { numRuns: 2000 },
    );
    expect(utf8ByteLength('a\ud800b')).toBe(5);
    expect(utf8ByteLength('😀')).toBe(4);
  });

  it.each([
    ['ASCII', 'a', 1],
    ['é (2 bytes)', 'é', 2],
    ['€ (3 bytes)', '€', 3],
    ['😀 (4 bytes, a surrogate pair)', '😀', 4],
  ])('accepts exactly 20 MB of %s and refuses one character more, with the sentence', (_name, char, size) => {
    const atLimit = char.repeat(Math.floor(PASTE_MAX_BYTES / size)) + 'a'.repeat(PASTE_MAX_BYTES % size);
    expect(utf8ByteLength(atLimit)).toBe(PASTE_MAX_BYTES);
    expect(pasteTooLong(atLimit)).toBe(false);
    expect(refusal(atLimit)).toBeNull();
    const over = atLimit + char;
    expect(pasteTooLong(over)).toBe(true);
    expect(refusal(over)).toBe(PASTE_TOO_LONG_MESSAGE);
  });

  it('refuses 10,000,001 é (20,000,002 bytes, 10 million characters)', () => {
    expect(refusal('é'.repeat(10_000_001))).toBe(PASTE_TOO_LONG_MESSAGE);
  });

  it('derives a body cap that every within-limit paste fits in once JSON-escaped', () => {
    // JSON.stringify never writes more than 6 bytes per byte of UTF-8 (control characters as \u00XX).
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), fc.stringMatching(/^[\w-]{1,64}$/), (text, jobId) => {
        const body = Buffer.byteLength(JSON.stringify({ text, jobId }));
        return body <= 6 * utf8ByteLength(text) + 64 * 1024;
      }),
      { numRuns: 5000 },
    );
    const worst = '\u0001'.repeat(1000);
    expect(Buffer.byteLength(JSON.stringify(worst))).toBe(6 * 1000 + 2);
    expect(MAX_REQUEST_BODY_BYTES).toBe(6 * PASTE_MAX_BYTES + 64 * 1024);
  });
});
