/**
 * Text with inline LaTeX (like TexText) plus highlights at raw offsets: search hits as <mark>, and
 * annotations as coloured <mark>s carrying their id (so a list can scroll to them). Each piece carries
 * `data-o`/`data-e` (its raw offsets) so a selection can be mapped back (selection-offsets.ts).
 *
 * Formulas are glued to the punctuation touching them, as in TexText; without marks and without the
 * need to map selections, TexText is the lighter choice.
 */
import { useMemo, type CSSProperties, type ReactNode } from 'react';
import { markedPieces, type TextMark, type TextPiece } from './marked-segments';
import { renderMath } from './tex-text';

function pieceContent(piece: TextPiece, key: number): ReactNode {
  if (piece.kind === 'math') {
    const html = renderMath(piece.text);
    return html === null ? (
      <span key={key} data-o={piece.start} data-e={piece.end} data-atomic="">
        {piece.source}
      </span>
    ) : (
      <span key={key} className="tex-math" data-o={piece.start} data-e={piece.end} data-atomic="" dangerouslySetInnerHTML={{ __html: html }} />
    );
  }
  return (
    <span key={key} data-o={piece.start} data-e={piece.end} data-atomic={piece.atomic ? '' : undefined}>
      {piece.text}
    </span>
  );
}

function wrap(mark: TextMark, child: ReactNode, key: number): ReactNode {
  if (mark.kind === 'hit') {
    return (
      <mark key={key} className="search-hit">
        {child}
      </mark>
    );
  }
  if (mark.kind === 'pending') {
    return (
      <mark key={key} className="annotation-mark is-pending">
        {child}
      </mark>
    );
  }
  return (
    <mark key={key} className="annotation-mark" data-annotation-id={mark.id} title={mark.title || undefined} style={{ '--mark-colour': mark.colour } as CSSProperties}>
      {child}
    </mark>
  );
}

/**
 * @param text the stored text (raw)
 * @param marks highlights over raw offsets
 */
export function MarkedText({ text, marks }: { text: string; marks: readonly TextMark[] }) {
  const pieces = useMemo(() => markedPieces(text, marks), [text, marks]);
  const out: ReactNode[] = [];
  let group: ReactNode[] = [];
  let groupId = -1;
  const closeGroup = () => {
    if (group.length > 0)
      out.push(
        <span key={`g${out.length}`} className="tex-glue">
          {group}
        </span>,
      );
    group = [];
  };
  pieces.forEach((piece, i) => {
    let node = pieceContent(piece, i);
    // Innermost first: hits inside pending inside annotations.
    for (let k = piece.marks.length - 1; k >= 0; k--) node = wrap(piece.marks[k]!, node, i);
    if (piece.glue !== groupId) {
      closeGroup();
      groupId = piece.glue;
    }
    if (piece.glue >= 0) group.push(node);
    else out.push(node);
  });
  closeGroup();
  return <>{out}</>;
}

/** Search hits as marks (highlightRanges' output). */
export function hitMarks(ranges: ReadonlyArray<readonly [number, number]>): TextMark[] {
  return ranges.map(([start, end]) => ({ start, end, kind: 'hit' as const }));
}
