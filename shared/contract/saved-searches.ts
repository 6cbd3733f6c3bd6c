/** Saved searches (smart collections). */
import { z } from 'zod';
import type { ChannelSpec } from './channel';
import { Id, SavedSearch } from '../model';
import { searchText, nameText } from '../text-input';
import { QUERY_MAX_LENGTH } from '../search/parse';

export const savedSearchesChannels = {
  /** Saved searches (smart collections) by name; run one by passing its query as papers.list `query`. */
  'savedSearches.list': { kind: 'read', reads: ['saved_searches'], input: z.object({}), output: z.array(SavedSearch) },
  /** `INVALID_QUERY` (with details.column) when the query does not parse. */
  'savedSearches.create': { kind: 'undoableWrite', changes: ['saved_searches'], input: z.object({ name: nameText(1000), query: searchText(QUERY_MAX_LENGTH) }), output: SavedSearch },
  /** Rename and/or change the query (`INVALID_QUERY` when it does not parse). */
  'savedSearches.update': { kind: 'undoableWrite', changes: ['saved_searches'], input: z.object({ id: Id, name: nameText(1000).optional(), query: searchText(QUERY_MAX_LENGTH).optional() }), output: SavedSearch },
  /** Delete a saved search. */
  'savedSearches.delete': { kind: 'undoableWrite', changes: ['saved_searches'], input: z.object({ id: Id }), output: z.object({ deleted: z.number().int() }) },
} as const satisfies Record<string, ChannelSpec>;
