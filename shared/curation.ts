/**
 * Value lists shared by the database schema (db/schema.ts), the contract (shared/contract.ts) and the
 * query parser, so each is defined once. Pure constants: drizzle-kit loads this file too.
 */

/** Reading status of a paper, in reading order (also the sort order of the status column). */
export const READING_STATUSES = ['unread', 'reading', 'read'] as const;
export type ReadingStatusValue = (typeof READING_STATUSES)[number];

/** Where a tag came from: made in Lectern, or brought by an import. */
export const TAG_TYPES = ['manual', 'imported'] as const;
