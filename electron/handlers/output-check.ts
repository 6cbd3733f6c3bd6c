/**
 * Outside production, every answer is checked against its channel's output schema before it leaves
 * dispatch, so the row types of hand-written SQL cannot drift from the contract unnoticed. A mismatch is
 * a developer's error: the call fails as INTERNAL (the user sees the generic sentence, never schema
 * text) and the failure log gets the channel and the zod issues.
 *
 * When it is on, for all three hosts (desktop, browser mode, command line):
 * - `LECTERN_CHECK_OUTPUTS=1` turns it on, `LECTERN_CHECK_OUTPUTS=0` off, whatever else is set;
 * - otherwise it is on when NODE_ENV is `test` (Vitest sets it) or `development` (electron-vite dev),
 *   and off everywhere else: an installed app, `npx lectern`, `npm start` and the benchmarks (which must
 *   measure what users run). `npm test` sets LECTERN_CHECK_OUTPUTS=1 for every suite, end-to-end included.
 */
import { contract, type Channel } from '../../shared/contract';

/** Whether answers are checked, from the environment (see the module comment). */
export function outputChecksOn(env: NodeJS.ProcessEnv = process.env): boolean {
  const explicit = env.LECTERN_CHECK_OUTPUTS;
  if (explicit === '1') return true;
  if (explicit === '0') return false;
  return env.NODE_ENV === 'test' || env.NODE_ENV === 'development';
}

/** Issues as `path: message` for the developer log; at most a few, a wrong row usually repeats. */
function describe(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string {
  const shown = issues.slice(0, 5).map((i) => `${i.path.map(String).join('.') || '(answer)'}: ${i.message}`);
  return shown.join('; ') + (issues.length > 5 ? `; and ${issues.length - 5} more` : '');
}

/**
 * Check a handler's answer against the channel's output schema.
 * @throws Error (mapped to INTERNAL by dispatch, logged with its message) naming the channel and the issues
 */
export function checkOutput(channel: Channel, value: unknown): void {
  const checked = contract[channel].output.safeParse(value);
  if (!checked.success) throw new Error(`The answer of "${channel}" does not match its output schema: ${describe(checked.error.issues)}`);
}
