/**
 * Stored text (an abstract, a title) cut into pieces that each know their place in the raw string, so
 * highlights given as raw offsets (search hits, annotations) can be drawn over text whose math is
 * typeset by KaTeX, and a selection made on the rendered text can be mapped back to raw offsets.
 *
 * Raw vs shown: a formula's source (`$\ell_1$`) is shown as KaTeX output, so it is one indivisible
 * piece: a mark touching any part of it covers the whole formula. An escaped dollar (`\$`, two raw
 * characters) is shown as `$`; it is a piece of its own so offsets inside plain text stay 1:1.
 */
import { splitTex } from './tex-segments';

/** A highlight over raw offsets [start, end). */
export interface TextMark {
  start: number;
  end: number;
  /** `hit`: a search match; `annotation`: a saved annotation; `pending`: the span being annotated. */
  kind: 'hit' | 'annotation' | 'pending';
  /** Annotation id (kind `annotation`). */
  id?: number;
  /** Annotation colour, `#rrggbb`. */
  colour?: string;
  /** Shown as a tooltip (an annotation's comment). */
  title?: string;
}

export interface TextPiece {
  kind: 'text' | 'math';
  /** Shown text (for math: the TeX to typeset). */
  text: string;
  /** For math: the raw source, delimiters included (shown as is when KaTeX cannot parse it). */
  source: string;
  /** Raw offsets [start, end). */
  start: number;
  end: number;
  /** Shown length differs from raw length (an escaped dollar): a selection inside maps to an edge. */
  atomic: boolean;
  /** Marks covering this piece, annotations first, then pending, then hits. */
  marks: TextMark[];
  /**
   * Pieces with the same glue number (>= 0) are a formula with the words and punctuation touching it
   * ("(63.5%),"): drawn on one line, so a comma or parenthesis is never stranded (as TexText does).
   * -1: free to break.
   */
  glue: number;
}

const KIND_ORDER: Record<TextMark['kind'], number> = { annotation: 0, pending: 1, hit: 2 };

/** Raw spans of each formula with the non-space characters touching it; touching spans merge. */
function glueSpans(raw: string, segments: ReturnType<typeof splitTex>): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  let p = 0;
  for (const seg of segments) {
    const len = seg.kind === 'math' ? seg.source.length : rawLength(raw, p, seg.text);
    if (seg.kind === 'math') {
      let a = p;
      while (a > 0 && !/\s/.test(raw[a - 1]!)) a--;
      let b = p + len;
      while (b < raw.length && !/\s/.test(raw[b]!)) b++;
      const last = spans.at(-1);
      if (last && a <= last[1]) last[1] = Math.max(last[1], b);
      else spans.push([a, b]);
    }
    p += len;
  }
  return spans;
}

/** Raw length of a text segment starting at `p` (an escaped dollar is two raw characters). */
function rawLength(raw: string, p: number, text: string): number {
  let q = p;
  for (const ch of text) q += ch === '$' && raw[q] === '\\' ? 2 : ch.length;
  return q - p;
}

/**
 * Cut `raw` into pieces at every mark boundary (and math and escape edges).
 * @param raw the text as stored
 * @param marks highlights in raw UTF-16 offsets; may overlap
 */
export function markedPieces(raw: string, marks: readonly TextMark[]): TextPiece[] {
  const valid = marks.filter((m) => m.end > m.start && m.start < raw.length);
  const cuts = new Set<number>();
  for (const m of valid) {
    cuts.add(m.start);
    cuts.add(m.end);
  }
  const segments = splitTex(raw);
  const glues = glueSpans(raw, segments);
  for (const [a, b] of glues) {
    cuts.add(a);
    cuts.add(b);
  }
  const pieces: TextPiece[] = [];
  const push = (p: Omit<TextPiece, 'marks' | 'glue'>) => {
    const on = valid.filter((m) => m.start < p.end && m.end > p.start).sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.start - b.start);
    pieces.push({ ...p, marks: on, glue: glues.findIndex(([a, b]) => p.start >= a && p.end <= b) });
  };

  let p = 0;
  for (const seg of segments) {
    if (seg.kind === 'math') {
      push({ kind: 'math', text: seg.tex, source: seg.source, start: p, end: p + seg.source.length, atomic: true });
      p += seg.source.length;
      continue;
    }
    let run = '';
    let runStart = p;
    const flush = () => {
      if (run !== '') push({ kind: 'text', text: run, source: run, start: runStart, end: p, atomic: false });
      run = '';
      runStart = p;
    };
    for (const ch of seg.text) {
      // splitTex turns the two raw characters `\$` into one `$`.
      const escaped = ch === '$' && raw[p] === '\\';
      if (escaped) {
        flush();
        push({ kind: 'text', text: '$', source: '\\$', start: p, end: p + 2, atomic: true });
        p += 2;
        runStart = p;
        continue;
      }
      if (cuts.has(p) && p !== runStart) flush();
      run += ch;
      p += ch.length;
    }
    flush();
  }
  return pieces;
}
