/**
 * A bounded list of reader problems. A hostile file (`@a{x,` repeated over 16 MB) yields millions of
 * problems; keeping them all cost 325x the file in memory and killed the process. The first
 * MAX_LISTED_PROBLEMS are kept in full; the rest are only counted and said in one closing problem.
 */
import type { InteropProblem } from './interop-record';

/** How many problems a reader lists in full (a report longer than this is read by nobody). */
export const MAX_LISTED_PROBLEMS = 1000;

export class ProblemList {
  private readonly kept: InteropProblem[] = [];
  private unlisted = 0;
  private lastLine = 1;

  constructor(private readonly cap = MAX_LISTED_PROBLEMS) {}

  /** Adds a problem, or only counts it once the cap is reached. */
  push(p: InteropProblem): void {
    if (p.line > this.lastLine) this.lastLine = p.line;
    if (this.kept.length < this.cap) this.kept.push(p);
    else this.unlisted++;
  }

  /** How many problems were pushed (listed or not). */
  get count(): number {
    return this.kept.length + this.unlisted;
  }

  /**
   * @returns the listed problems sorted by line and column, then (when some were only counted) one
   *   warning at the last line seen: "... and N more problems like these were not listed"
   */
  toArray(): InteropProblem[] {
    const out = this.kept.sort((a, b) => a.line - b.line || a.column - b.column);
    if (this.unlisted > 0) {
      out.push({
        line: this.lastLine,
        column: 1,
        severity: 'warning',
        message: `... and ${this.unlisted.toLocaleString('en-US')} more problems like these were not listed`,
      });
    }
    return out;
  }
}
