/**
 * Outside production, every answer is checked against its channel's output schema before it leaves
 * dispatch, so the row types of hand-written SQL cannot drift from the contract unnoticed. A mismatch is
 * a developer's error: the call fails as INTERNAL (the user sees the generic sentence, never schema
 * text) and the failure log gets the channel and the zod issues.
 *
 * When it is on, for all three hosts (desktop, browser mode, command line):
 * - `LECTERN_CHECK_OUTPUTS=1` turns it on, `LECTERN_CHECK_OUTPUTS=0` off, whatever else is set;
 * - otherwise it is on when NODE_ENV is `test` (Vitest sets it) or `development` (a developer's own setting),
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
 * The first key of `value` that the schema does not declare (zod's parse drops those, so `data` lacks
 * it): a column a query selects that the contract does not know. Walks objects and arrays in step.
 * @returns its path ('rows.3.nameKey'), or null
 */
function undeclaredKey(data: unknown, value: unknown, path: string[] = []): string | null {
  if (Array.isArray(data) && Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = undeclaredKey(data[i], value[i], [...path, String(i)]);
      if (found) return found;
    }
    return null;
  }
  if (!isPlainObject(data) || !isPlainObject(value)) return null;
  for (const key of Object.keys(value)) {
    if (value[key] !== undefined && !Object.hasOwn(data, key)) return [...path, key].join('.');
    const found = undeclaredKey(data[key], value[key], [...path, key]);
    if (found) return found;
  }
  return null;
}

function isPlainObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x) && Object.getPrototypeOf(x) === Object.prototype;
}

/**
 * Check a handler's answer against the channel's output schema: every declared field of the right type,
 * and no field the schema does not declare.
 * @throws Error (mapped to INTERNAL by dispatch, logged with its message) naming the channel and the issues
 */
export function checkOutput(channel: Channel, value: unknown): void {
  const checked = contract[channel].output.safeParse(value);
  if (!checked.success) throw new Error(`The answer of "${channel}" does not match its output schema: ${describe(checked.error.issues)}`);
  const extra = undeclaredKey(checked.data, value);
  if (extra) throw new Error(`The answer of "${channel}" does not match its output schema: ${extra}: not declared`);
}
