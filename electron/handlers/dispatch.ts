/**
 * The one wrapper every host calls through: checks the sender, validates the input with the channel's
 * zod schema, runs the handler and turns any error into a serialisable `{ ok: false, error }`.
 */
import { z } from 'zod';
import { contract, isChannel, tablesChanged, type Channel, type Result } from '../../shared/contract';
import { LecternError, type LecternErrorShape } from '../../shared/errors';
import { toErrorShape as errorShape } from '../../shared/error-messages';
import { libraryWatchOf, type Handlers } from './handlers';
import { checkOutput, outputChecksOn } from './output-check';

/** Where a call came from; `trusted` is the host's verdict (IPC frame origin, HTTP token). */
export interface CallContext {
  trusted: boolean;
  /** For error messages and logs only. */
  origin?: string;
  /**
   * Which window or tab made the call (desktop: its webContents id; browser mode: the tab's id), so the
   * library event for its own write reaches it as 'here' (library-watch.ts). Absent: no window.
   */
  caller?: string;
}

/**
 * Zod issues as one readable sentence without its final stop (the caller adds it): `limit: Too big:
 * expected number to be <=1000`. A schema message that ends with a full stop loses it here.
 */
function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((i) => {
      const message = i.message.endsWith('.') ? i.message.slice(0, -1) : i.message;
      return i.path.length ? `${i.path.join('.')}: ${message}` : message;
    })
    .join('; ');
}

/**
 * Any error as the `{ code, message, details? }` every host sends: LecternErrors as they are, SQLite and
 * file-system failures as plain sentences, anything else as `INTERNAL` without its raw message (logged
 * for the developer). The mapping lives in shared/error-messages.ts.
 */
export function toErrorShape(err: unknown, what?: string): LecternErrorShape {
  return errorShape(err, {}, what);
}

/**
 * Call a channel.
 * @param handlers the handler table (createHandlers)
 * @param channel channel name from the contract (anything else -> `NOT_FOUND`)
 * @param rawInput untrusted input; validated with the channel's schema (-> `INVALID_INPUT` with `details.issues`)
 * @param context the sender check (`trusted: false` -> `FORBIDDEN`)
 * @returns `{ ok: true, value }` with the handler's output, or `{ ok: false, error: { code, message, details? } }`;
 *   outside production an answer that does not match the channel's output schema fails as `INTERNAL`
 */
export async function dispatch(handlers: Handlers, channel: string, rawInput: unknown, context: CallContext): Promise<Result<unknown>> {
  try {
    if (!context.trusted) {
      throw new LecternError('FORBIDDEN', `Refused a call to "${channel}" from an untrusted sender${context.origin ? ` (${context.origin})` : ''}.`);
    }
    if (!isChannel(channel)) throw new LecternError('NOT_FOUND', `There is no channel named "${channel}".`, { channel });
    const parsed = contract[channel].input.safeParse(rawInput ?? {});
    if (!parsed.success) {
      throw new LecternError('INVALID_INPUT', `Invalid input for "${channel}": ${describeIssues(parsed.error)}.`, {
        issues: parsed.error.issues.map((i) => ({ path: i.path.map(String), message: i.message })),
      });
    }
    const handler = handlers[channel] as (input: unknown) => unknown;
    const value = await handler(parsed.data);
    // Outside production: the answer must match the contract (output-check.ts); else INTERNAL.
    if (outputChecksOn()) checkOutput(channel, value);
    // Committed: tell the windows what changed (the contract declares it; reads and [] report nothing).
    if ('changes' in contract[channel]) libraryWatchOf(handlers)?.wrote(tablesChanged(channel), context.caller ?? '');
    return { ok: true, value };
  } catch (err) {
    // The failure log says which channel failed (browser mode's terminal prints one line for it).
    return { ok: false, error: toErrorShape(err, channel) };
  }
}

/** Convenience for in-process hosts (CLI, tests): call and unwrap, throwing LecternError on failure. */
export async function call<C extends Channel>(handlers: Handlers, channel: C, input: unknown): Promise<import('../../shared/contract').ChannelOutput<C>> {
  const result = await dispatch(handlers, channel, input, { trusted: true, origin: 'in-process' });
  if (!result.ok) throw new LecternError(result.error.code, result.error.message, result.error.details);
  return result.value as import('../../shared/contract').ChannelOutput<C>;
}
