/** Offsets in a text -> 1-based line and column, by binary search over the line starts (built once, one pass). */
import type { FilePosition } from '../interop-record';

export class LineIndex {
  private readonly starts: number[] = [0];

  /** @param text the whole file; lines end at `\n` (a `\r` before it counts as part of the line) */
  constructor(text: string) {
    let i = text.indexOf('\n');
    while (i >= 0) {
      this.starts.push(i + 1);
      i = text.indexOf('\n', i + 1);
    }
  }

  /** @returns the 1-based line holding `offset` */
  line(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }

  /** @returns 1-based line and column (UTF-16 code units) of `offset` */
  position(offset: number): FilePosition {
    const line = this.line(offset);
    return { line, column: offset - this.starts[line - 1]! + 1 };
  }
}
