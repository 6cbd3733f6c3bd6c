/** The papers the table shows, sorted and filtered by the server from the UI state. */
import type { ChannelInput } from '../../../shared/contract';
import { useChannel } from '../../api/use-channel';
import { useUi } from '../../stores/ui-store';
import { SERVER_SORT_COLUMN } from './paper-columns';

/** One request's worth; issue 3 replaces this with windowed fetching behind a virtualised body. */
export const PAPERS_PAGE_LIMIT = 500;

export function usePapers() {
  const sorting = useUi((s) => s.sorting);
  const filter = useUi((s) => s.filter);
  const authorId = useUi((s) => s.selectedAuthorId);
  const input: ChannelInput<'papers.list'> = {
    sort: sorting.flatMap((s) => {
      const column = SERVER_SORT_COLUMN[s.id];
      return column ? [{ column, desc: s.desc }] : [];
    }),
    filter: filter.trim(),
    limit: PAPERS_PAGE_LIMIT,
    ...(authorId === null ? {} : { authorId }),
  };
  return useChannel('papers.list', input);
}

export type PapersResult = ReturnType<typeof usePapers>;
