/**
 * The words of a notice that says what an action touched (issue 8: "Moved 1 paper to the trash" did not
 * say which, so a paper the user could not see went unnoticed). One paper is named by its title,
 * shortened; several by their count and the first one's title:
 *
 *   Moved “DeepSeek-Prover-V1.5: Harnessing Proof…” to the trash.
 *   Moved 3 papers to the trash: “DeepSeek-Prover-V1.5: Harnessing Proof…” and 2 more.
 */
import { request } from '../../api/client';
import { formatCount, plural } from '../../ui/format';

/** Longest title quoted in a notice, in characters (the ellipsis included). */
export const NOTICE_TITLE_MAX = 40;

/**
 * `text` in at most `max` characters: cut at the last word boundary that keeps at least half of it,
 * punctuation left hanging at the cut dropped, and "…" added.
 */
export function shortTitle(text: string, max = NOTICE_TITLE_MAX): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const room = flat.slice(0, max - 1);
  const space = room.lastIndexOf(' ');
  const cut = space >= max / 2 ? room.slice(0, space) : room;
  return `${cut.replace(/[\s,;:.\-–—]+$/u, '')}…`;
}

/** A title in the window's quotation marks, shortened. */
export function quoted(text: string, max = NOTICE_TITLE_MAX): string {
  return `“${shortTitle(text, max)}”`;
}

export interface ActedOn {
  /** How many papers the library says it changed. */
  count: number;
  /** The title of the first of them (the lead of the selection), or null when it could not be read. */
  firstTitle: string | null;
}

/**
 * A sentence naming the papers an action touched.
 * @param verb the past tense that starts the sentence ("Moved", "Restored", "Deleted")
 * @param rest what follows the papers ("to the trash", "for good"; may be empty)
 * @example actedOnSentence('Moved', 'to the trash', { count: 3, firstTitle: 'A long title' })
 *   // 'Moved 3 papers to the trash: “A long title” and 2 more.'
 */
export function actedOnSentence(verb: string, rest: string, on: ActedOn): string {
  const tail = rest ? ` ${rest}` : '';
  if (on.firstTitle === null || on.count === 0) return `${verb} ${plural(on.count, 'paper')}${tail}.`;
  if (on.count === 1) return `${verb} ${quoted(on.firstTitle)}${tail}.`;
  return `${verb} ${plural(on.count, 'paper')}${tail}: ${quoted(on.firstTitle)} and ${formatCount(on.count - 1)} more.`;
}

/**
 * "Removed the tag “method/rl” from “Title…”." (or from N papers: “Title…” and N-1 more).
 * @param tagNames the tags taken off, by name
 */
export function untagSentence(tagNames: string[], on: ActedOn): string {
  const tags = tagNames.length === 1 ? `the tag “${tagNames[0]}”` : `${formatCount(tagNames.length)} tags`;
  return actedOnSentence(`Removed ${tags} from`, '', on);
}

/**
 * The title of the first paper of `paperIds` (trashed or not), for a notice; null when the library
 * cannot say (the notice then gives the count alone). Read before the action, so a paper deleted for
 * good can still be named.
 */
export async function firstTitle(paperIds: readonly number[]): Promise<string | null> {
  const first = paperIds[0];
  if (first === undefined) return null;
  try {
    const { rows } = await request('papers.list', { paperIds: [first], trash: 'include', limit: 1 });
    return rows[0]?.title ?? null;
  } catch {
    return null;
  }
}

/** The title of one paper of the trash (the first the trash view lists), for "Deleted … for good". */
export async function firstTrashedTitle(): Promise<string | null> {
  try {
    const { rows } = await request('papers.list', { trash: 'only', limit: 1 });
    return rows[0]?.title ?? null;
  } catch {
    return null;
  }
}
