/** The library as a whole: counts, settings, integrity and recovery. */
import { z } from 'zod';
import type { ChannelSpec } from './channel';
import { LibraryInfo } from '../model';
import { SETTING_KEY, SETTING_VALUE } from './inputs';
import { IntegrityInfo, RecoveryReport } from '../backups';

export const libraryChannels = {
  'library.info': { kind: 'read', reads: ['papers', 'authors', 'paper_authors', 'imports'], input: z.object({}), output: LibraryInfo },
  'settings.get': { kind: 'read', reads: ['settings'], input: z.object({ key: SETTING_KEY }), output: z.object({ value: z.unknown().nullable() }) },
  /** `value`: any JSON, at most 32 levels deep and 64 kB (64,000 bytes) as JSON (shared/json-limits.ts), else `INVALID_INPUT`. */
  'settings.set': { kind: 'write', changes: ['settings'], input: z.object({ key: SETTING_KEY, value: SETTING_VALUE }), output: z.object({}) },
  /** ok / unchecked / checking / damaged, with the reason when damaged. */
  'library.integrity': { kind: 'session', reads: [], input: z.object({}), output: IntegrityInfo },
  /**
   * Make the library a new one holding every row of the damaged file that can still be read; the damaged
   * file is kept in the backups folder. `DAMAGED` when nothing can be read (restore a backup instead).
   */
  'library.recover': { kind: 'write', changes: 'everything', input: z.object({}), output: RecoveryReport },
} as const satisfies Record<string, ChannelSpec>;
