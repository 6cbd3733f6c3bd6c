/**
 * Text with inline LaTeX, as stored in titles and abstracts ("Near-Optimal $\ell_1$ Bounds"): plain
 * runs are React text (escaped as usual), math runs are typeset by KaTeX. Where KaTeX cannot parse a
 * run, the run is shown exactly as stored, delimiters included. Delimiters: see tex-segments.ts.
 *
 * The stored text is never changed; where a plain string is needed (title attributes, aria labels)
 * use the raw text.
 */
import katex from 'katex';
import { Fragment, useMemo } from 'react';
import { splitTex } from './tex-segments';

// trust: false keeps \href, \url, \includegraphics and \html* inert; strict: 'ignore' accepts the
// Unicode and LaTeX-isms real titles contain without console warnings.
const KATEX_OPTIONS: katex.KatexOptions = { throwOnError: false, output: 'htmlAndMathml', trust: false, strict: 'ignore' };

// The same formulas recur in every table row render: KaTeX runs once per distinct formula.
const CACHE_LIMIT = 1000;
const cache = new Map<string, string | null>();

/**
 * KaTeX sets the spaces of text-mode runs (\text, \textit, ...) as no-break spaces. Inside a formula
 * that changes nothing (KaTeX keeps each part of a formula on one line anyway), but a formula that is
 * only a phrase ($\textit{proper learning methods ...}$, common in abstracts) must wrap like the words
 * around it (math.css lets it): make those spaces ordinary ones again.
 */
function breakableTextSpaces(html: string): string {
  if (!html.includes('\u00a0')) return html;
  const template = document.createElement('template');
  template.innerHTML = html; // inert: nothing in a template runs or loads
  for (const run of template.content.querySelectorAll('.katex-html .text')) {
    const walker = document.createTreeWalker(run, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node as Text;
      text.data = text.data.replaceAll('\u00a0', ' ');
    }
  }
  return template.innerHTML;
}

/** KaTeX's HTML for one formula, or null when KaTeX reports an error for it (shared by notes and marked text). */
export function renderMath(tex: string): string | null {
  const hit = cache.get(tex);
  if (hit !== undefined) return hit;
  let html: string | null;
  try {
    html = katex.renderToString(tex, KATEX_OPTIONS);
    // With throwOnError: false a parse error comes back as <span class="katex-error" title="...">.
    html = html.startsWith('<span class="katex-error"') ? null : breakableTextSpaces(html);
  } catch {
    // Errors other than ParseError are still thrown.
    html = null;
  }
  if (cache.size >= CACHE_LIMIT) {
    const oldest = cache.keys().next();
    if (!oldest.done) cache.delete(oldest.value);
  }
  cache.set(tex, html);
  return html;
}

/** Plain text, or a formula typeset by KaTeX. */
type Piece = string | { html: string };
/** A list: a formula with the words and punctuation touching it ("(63.5%),"), kept on one line. */
type Run = Piece | Piece[];

function layout(text: string): Run[] {
  const pieces: Piece[] = [];
  for (const segment of splitTex(text)) {
    const html = segment.kind === 'math' ? renderMath(segment.tex) : null;
    // A formula KaTeX reports an error for is shown as stored, delimiters included.
    const piece: Piece = html !== null ? { html } : segment.kind === 'math' ? segment.source : segment.text;
    const last = pieces.at(-1);
    if (typeof piece === 'string' && typeof last === 'string') pieces[pieces.length - 1] = last + piece;
    else pieces.push(piece);
  }
  if (!pieces.some((p) => typeof p !== 'string')) return pieces;

  // Browsers may break a line on either side of inline math (KaTeX draws it as inline blocks), which
  // strands a comma or a closing parenthesis at the start of the next line. Glue each formula to the
  // non-space characters touching it.
  const runs: Run[] = [];
  let group: Piece[] | null = null;
  let carry = ''; // the last text's trailing word: it touches whatever comes next
  for (const piece of pieces) {
    if (typeof piece !== 'string') {
      if (group === null) group = carry === '' ? [] : [carry];
      carry = '';
      group.push(piece);
      continue;
    }
    let rest = piece;
    if (group !== null) {
      const head = /^\S*/.exec(rest)?.[0] ?? '';
      if (head !== '') group.push(head);
      rest = rest.slice(head.length);
      if (rest === '') continue; // the whole text touches the formula: the next one joins this group
      runs.push(group.length === 1 && group[0] !== undefined ? group[0] : group);
      group = null;
    }
    const tail = /\S*$/.exec(rest)?.[0] ?? '';
    const body = rest.slice(0, rest.length - tail.length);
    if (body !== '') runs.push(body);
    carry = tail;
  }
  if (group !== null) runs.push(group.length === 1 && group[0] !== undefined ? group[0] : group);
  if (carry !== '') runs.push(carry);
  return runs;
}

function renderPiece(piece: Piece, key: number) {
  return typeof piece === 'string' ? (
    <Fragment key={key}>{piece}</Fragment>
  ) : (
    <span key={key} className="tex-math" dangerouslySetInnerHTML={{ __html: piece.html }} />
  );
}

export function TexText({ text }: { text: string }) {
  const runs = useMemo(() => layout(text), [text]);
  return (
    <>
      {runs.map((run, i) =>
        Array.isArray(run) ? (
          <span key={i} className="tex-glue">
            {run.map(renderPiece)}
          </span>
        ) : (
          renderPiece(run, i)
        ),
      )}
    </>
  );
}
