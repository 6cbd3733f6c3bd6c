/** What a reader throws when something unexpected escapes it: always a LecternError with words. */
import { LecternError } from '../errors';

/**
 * @param err anything a reader threw
 * @returns err itself when it is a LecternError (CANCELLED, INVALID_INPUT), else an INVALID_INPUT error
 *   that says in words why the file could not be read (the original kept as `cause` for the developer log)
 */
export function asReaderError(err: unknown): LecternError {
  if (err instanceof LecternError) return err;
  const what = err instanceof RangeError ? 'it is too large or nests too deeply' : 'the reader failed on its contents';
  return new LecternError('INVALID_INPUT', `This file could not be read: ${what}. Split it into smaller files and import those.`, undefined, { cause: err });
}
