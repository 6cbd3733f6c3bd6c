import { describe, expect, it } from 'vitest';
import { decodeFileBytes } from '../../shared/interop/encoding';

const bytes = (...b: number[]): Uint8Array => new Uint8Array(b);
const utf8 = (s: string): number[] => [...Buffer.from(s, 'utf8')];

describe('decodeFileBytes', () => {
  it('reads UTF-8 without a BOM as utf-8', () => {
    expect(decodeFileBytes(bytes(...utf8('Müller, Jürgen — ß')))).toEqual({ text: 'Müller, Jürgen — ß', encoding: 'utf-8' });
  });

  it('reads UTF-8 with a BOM as utf-8-bom, the BOM removed', () => {
    expect(decodeFileBytes(bytes(0xef, 0xbb, 0xbf, ...utf8('TY  - JOUR')))).toEqual({ text: 'TY  - JOUR', encoding: 'utf-8-bom' });
  });

  it('reads bytes that are not UTF-8 as Latin-1 (Windows-1252 for 0x80-0x9F)', () => {
    // "Müller" in Latin-1, then Windows-1252 curly quotes, an en dash and the euro sign.
    expect(decodeFileBytes(bytes(0x4d, 0xfc, 0x6c, 0x6c, 0x65, 0x72, 0x20, 0x93, 0x71, 0x94, 0x96, 0x80))).toEqual({ text: 'Müller \u201cq\u201d\u2013\u20ac', encoding: 'latin-1' });
    expect(decodeFileBytes(bytes(0xe9)).text).toBe('é');
  });

  it('reads UTF-16 with either BOM', () => {
    expect(decodeFileBytes(bytes(0xff, 0xfe, 0x54, 0x00, 0x59, 0x00, 0xfc, 0x00))).toEqual({ text: 'TYü', encoding: 'utf-16le' });
    expect(decodeFileBytes(bytes(0xfe, 0xff, 0x00, 0x54, 0x00, 0x59))).toEqual({ text: 'TY', encoding: 'utf-16be' });
  });

  it('reads an empty file as empty UTF-8, and a long Latin-1 file whole', () => {
    expect(decodeFileBytes(bytes())).toEqual({ text: '', encoding: 'utf-8' });
    const long = new Uint8Array(100_000).fill(0xe9);
    const decoded = decodeFileBytes(long);
    expect([decoded.encoding, decoded.text.length, decoded.text.slice(-2)]).toEqual(['latin-1', 100_000, 'éé']);
  });
});
