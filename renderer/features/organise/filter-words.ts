/** The organise filters of a list in words, for the status bar ("tagged method or rl · in Reading list · rated 4+"). */
import type { Collection, Tag } from '../../../shared/contract';
import type { ListInput } from '../papers/use-paper-pages';
import { marksWords } from './marks-filter';

export function organiseWords(input: ListInput, tags: Tag[] | null, collections: Collection[] | null, savedName: string | null): string[] {
  const words: string[] = [];
  if (input.trash === 'only') words.push('in the trash');
  if (input.tagIds?.length) {
    const names = input.tagIds.map((id) => tags?.find((t) => t.id === id)?.name ?? `tag #${id}`);
    words.push(`tagged ${names.join(input.tagMode === 'and' ? ' and ' : ' or ')}`);
  }
  if (input.collectionId !== undefined) words.push(`in ${collections?.find((c) => c.id === input.collectionId)?.name ?? 'a collection'}`);
  const marks = marksWords({ status: input.status ?? null, ratingMin: input.ratingMin ?? null, starred: input.starred ?? null });
  if (marks) words.push(marks);
  // The search box's own text is quoted by the status bar ("matching …"); only a saved search is named here.
  if (input.query && savedName) words.push(`saved search “${savedName}”`);
  return words;
}
