/**
 * Maps a DOM selection over MarkedText back to raw offsets of the stored text: each rendered piece
 * carries `data-o`/`data-e` (raw start and end); inside plain text a shown character is a raw one;
 * a formula (or an escaped dollar) is atomic, so a selection edge inside it snaps to its start or end.
 */

function pieceOf(node: Node, root: Element): HTMLElement | null {
  const el = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
  const piece = el?.closest<HTMLElement>('[data-o]') ?? null;
  return piece && root.contains(piece) ? piece : null;
}

const num = (el: HTMLElement, attr: 'o' | 'e') => Number(el.dataset[attr]);

/**
 * Raw offset of one selection boundary.
 * @param edge whether this is the range's start or end (decides how atomic pieces snap)
 * @returns the offset, or null when the point is not within MarkedText under `root`
 */
export function rawOffset(root: Element, node: Node, offset: number, edge: 'start' | 'end'): number | null {
  const piece = pieceOf(node, root);
  if (piece) {
    if (piece.dataset.atomic !== undefined) {
      // Text inside KaTeX's HTML: the edge decides. Inside an escaped `$`: before or after it.
      if (node.nodeType === Node.TEXT_NODE && node.parentElement === piece) return offset > 0 ? num(piece, 'e') : num(piece, 'o');
      return edge === 'start' ? num(piece, 'o') : num(piece, 'e');
    }
    if (node.nodeType === Node.TEXT_NODE) return Math.min(num(piece, 'o') + offset, num(piece, 'e'));
    return offset === 0 ? num(piece, 'o') : num(piece, 'e');
  }
  if (node.nodeType !== Node.ELEMENT_NODE) return null;
  // A point between children of a wrapper (a <mark>, the paragraph): the piece after it, or the last before it.
  const children = node.childNodes;
  for (let i = offset; i < children.length; i++) {
    const child = children[i]!;
    const first = child instanceof HTMLElement ? (child.matches('[data-o]') ? child : child.querySelector<HTMLElement>('[data-o]')) : null;
    if (first) return num(first, 'o');
  }
  for (let i = Math.min(offset, children.length) - 1; i >= 0; i--) {
    const child = children[i]!;
    if (!(child instanceof HTMLElement)) continue;
    const all = child.matches('[data-o]') ? [child] : [...child.querySelectorAll<HTMLElement>('[data-o]')];
    const last = all.at(-1);
    if (last) return num(last, 'e');
  }
  return null;
}

/**
 * The raw span a Range covers inside `root`, trimmed of surrounding whitespace.
 * @returns [start, end) or null when the range is empty or not inside `root`
 */
export function rangeToRaw(root: Element, range: Range, raw: string): [number, number] | null {
  if (!root.contains(range.startContainer) || !root.contains(range.endContainer)) return null;
  let start = rawOffset(root, range.startContainer, range.startOffset, 'start');
  let end = rawOffset(root, range.endContainer, range.endOffset, 'end');
  if (start === null || end === null) return null;
  while (start < end && /\s/.test(raw[start]!)) start++;
  while (end > start && /\s/.test(raw[end - 1]!)) end--;
  return end > start ? [start, end] : null;
}
