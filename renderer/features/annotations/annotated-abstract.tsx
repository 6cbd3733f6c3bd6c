/**
 * The abstract in the detail pane with its annotations and the search's hits drawn over it (MarkedText,
 * so KaTeX math keeps working), and annotating: select a span with the mouse (or Shift+arrows with
 * caret browsing) and a popover offers a colour and a comment. From the keyboard, "Annotate a
 * passage…" takes words typed (or pasted) from the abstract instead of a selection. Offsets are the raw abstract's, as the
 * library stores them; a selection ending inside a formula takes the whole formula.
 */
import { useMemo, useRef, useState } from 'react';
import type { Annotation, HighlightTerm } from '../../../shared/contract';
import { request } from '../../api/client';
import { MarkedText } from '../../ui/marked-text';
import type { TextMark } from '../../ui/marked-segments';
import { rangeToRaw } from '../../ui/selection-offsets';
import { useHitMarks } from '../search/search-terms';
import { AnnotationPopover } from './annotation-popover';
import { useFocusReturn } from '../../ui/focus-return';

const POPOVER_WIDTH = 264;

interface Pending {
  start: number;
  end: number;
  left: number;
  top: number;
}

/** The abstract with highlights; selecting a span opens the annotation popover. */
export function AnnotatedAbstract({ paperId, abstract, annotations, terms }: { paperId: number; abstract: string; annotations: readonly Annotation[]; terms: readonly HighlightTerm[] }) {
  const wrap = useRef<HTMLDivElement>(null);
  const text = useRef<HTMLParagraphElement>(null);
  const [pending, setPending] = useState<Pending | null>(null);
  const [finding, setFinding] = useState(false);
  const [passage, setPassage] = useState('');
  const [notFound, setNotFound] = useState(false);
  const findButton = useRef<HTMLButtonElement>(null);
  // Leaving the passage box (Escape) gives focus back to "Annotate a passage…", drawn again in its place.
  useFocusReturn(finding, { prefer: () => findButton.current });

  /** Open the popover on the first place `words` occur in the abstract (case-insensitive). */
  const annotatePassage = () => {
    const words = passage.trim();
    const at = words ? abstract.toLowerCase().indexOf(words.toLowerCase()) : -1;
    // Lower-casing can change lengths in rare scripts: only trust a hit that maps back exactly.
    if (at < 0 || abstract.slice(at, at + words.length).toLowerCase() !== words.toLowerCase()) {
      setNotFound(true);
      return;
    }
    const h = text.current?.offsetHeight ?? 0;
    setFinding(false);
    setPassage('');
    setPending({ start: at, end: at + words.length, left: 0, top: h + 6 });
  };
  const hits = useHitMarks(abstract, terms, 'abstract');

  const marks = useMemo<TextMark[]>(() => {
    const out: TextMark[] = annotations.flatMap((a) => (a.anchor ? [{ start: a.anchor.start, end: a.anchor.end, kind: 'annotation' as const, id: a.id, colour: a.colour, title: a.comment }] : []));
    if (pending) out.push({ start: pending.start, end: pending.end, kind: 'pending' });
    return out.concat(hits);
  }, [annotations, pending, hits]);

  const checkSelection = () => {
    const sel = window.getSelection();
    if (!sel || sel.isCollapsed || sel.rangeCount === 0 || !text.current || !wrap.current) return;
    const range = sel.getRangeAt(0);
    const span = rangeToRaw(text.current, range, abstract);
    if (!span) return;
    const r = range.getBoundingClientRect();
    const w = wrap.current.getBoundingClientRect();
    const left = Math.max(0, Math.min(r.left - w.left, w.width - POPOVER_WIDTH));
    setPending({ start: span[0], end: span[1], left, top: r.bottom - w.top + 6 });
    sel.removeAllRanges();
  };

  return (
    <div className="abstract-wrap" ref={wrap}>
      <p
        ref={text}
        className="abstract"
        data-testid="abstract"
        onMouseUp={checkSelection}
        onKeyUp={(e) => {
          if (e.shiftKey) checkSelection();
        }}
      >
        <MarkedText text={abstract} marks={marks} />
      </p>
      {finding ? (
        <div className="passage-find">
          <input
            className="input"
            aria-label="Words from the abstract to annotate"
            placeholder="Words from the abstract"
            aria-invalid={notFound}
            aria-describedby={notFound ? 'passage-not-found' : undefined}
            value={passage}
            autoFocus
            onChange={(e) => {
              setPassage(e.target.value);
              setNotFound(false);
            }}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                annotatePassage();
              } else if (e.key === 'Escape') {
                e.preventDefault();
                e.stopPropagation();
                setFinding(false);
              }
            }}
          />
          <button type="button" className="button" onClick={annotatePassage}>
            Find
          </button>
          {notFound ? (
            <p id="passage-not-found" className="field-error" role="status">
              These words are not in the abstract as typed.
            </p>
          ) : null}
        </div>
      ) : (
        <button ref={findButton} type="button" className="link-button passage-open" onClick={() => setFinding(true)}>
          Annotate a passage…
        </button>
      )}
      {pending ? (
        <AnnotationPopover
          key={`${pending.start}-${pending.end}`}
          quote={abstract.slice(pending.start, pending.end)}
          left={pending.left}
          top={pending.top}
          focusAfter={() => findButton.current}
          onCancel={() => {
            setPending(null);
          }}
          onSave={async (colour, comment) => {
            await request('annotations.create', { paperId, start: pending.start, end: pending.end, colour, comment });
            setPending(null);
          }}
        />
      ) : null}
    </div>
  );
}
