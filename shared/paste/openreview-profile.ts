/**
 * The person part of a pasted OpenReview profile (FORMATS.md section 4.6): name, position line,
 * `Joined <Month YYYY>`, and the labelled sections Names, Emails, Personal Links, Career & Education
 * History, Advisors, Relations & Conflicts, Expertise. These sections carry name-like lines and year
 * ranges but are never publications; openreview.ts reads the Publications section.
 */
import { parsePageDate } from './dates';
import { emptyAuthor } from './paper-shape';
import type { ParsedAuthor } from './parsed';

/** Section headings of the profile, in page order. */
export const SECTION_HEADINGS = new Set([
  'Names',
  'Emails',
  'Personal Links',
  'Career & Education History',
  'Advisors, Relations & Conflicts',
  'Advisors & Other Relations',
  'Conflicts',
  'Expertise',
  'Publications',
  'Co-Authors',
  'Recent Publications',
]);
/** Navigation lines above the name. */
const NAV = new Set(['Toggle navigation', 'OpenReview.net', 'Login', 'Logout', 'Sign up', 'Search', 'Search OpenReview...', 'Search OpenReview', 'Notifications', 'Activity', 'Tasks', 'Messages', 'Venues', 'Profile', 'Edit Profile', 'View Profile']);
const JOINED = /^Joined ([A-Za-z]{3,9} \d{4})$/;
/** `2023 – Present`, `2018 – 2023`, `2019`. */
const YEAR_RANGE = /^(\d{4})(?: ?[–-] ?(Present|\d{4}))?$/;
/** `Cedar Institute for Advanced Study (cedar-ias.org)`. */
const INSTITUTION = /^(.*\S) \(([^()\s]{1,100})\)$/;
/** `****@cedar-ias.org (Confirmed)`. */
const MASKED_EMAIL = /^\*{1,10}@([^\s()]{1,200})(?: \([A-Za-z ]{1,30}\))?$/;

/** A year range as the profile prints it. */
export function yearRange(line: string): { start: number; end: number | null } | null {
  const m = YEAR_RANGE.exec(line);
  if (!m) return null;
  return { start: Number(m[1]), end: m[2] === undefined || m[2] === 'Present' ? null : Number(m[2]) };
}

/**
 * Read the profile's person part.
 * @param lines normalised lines; `end` index where publications (or the end) start
 * @returns the author card (null when neither a `Joined` line nor a `Names` section was pasted) and the
 *   indices of the lines it used
 */
export function parseOpenReviewPerson(lines: readonly string[], end: number): { author: ParsedAuthor | null; used: Set<number> } {
  const used = new Set<number>();
  const joinedAt = lines.findIndex((l, i) => i < end && JOINED.test(l.trim()));
  const namesAt = lines.findIndex((l, i) => i < end && l.trim() === 'Names');
  const anchor = joinedAt !== -1 ? joinedAt : namesAt;
  if (anchor === -1) return { author: null, used };
  // The name and the position line sit above the anchor, below the navigation.
  const above: number[] = [];
  for (let i = anchor - 1; i >= 0 && above.length < 2; i--) {
    const t = lines[i]!.trim();
    if (t === '') continue;
    if (NAV.has(t)) break;
    above.unshift(i);
  }
  if (above.length === 0) return { author: null, used };
  const author = emptyAuthor(lines[above[0]!]!.trim());
  above.forEach((i) => used.add(i));
  if (above.length === 2) author.affiliation = lines[above[1]!]!.trim();
  if (joinedAt !== -1) {
    used.add(joinedAt);
    const d = parsePageDate(JOINED.exec(lines[joinedAt]!.trim())![1]!);
    if (d?.date) author.extra.joined = d.date;
  }
  readSections(lines, anchor + 1, end, author, used);
  return { author, used };
}

function readSections(lines: readonly string[], from: number, end: number, author: ParsedAuthor, used: Set<number>): void {
  const otherNames: string[] = [];
  const domains: string[] = [];
  const history: Array<Record<string, unknown>> = [];
  const advisors: Array<Record<string, unknown>> = [];
  const interests: string[] = [];
  let section: string | null = null;
  let pending: number[] = [];
  for (let i = from; i < end; i++) {
    const t = lines[i]!.trim();
    if (t === '') continue;
    if (SECTION_HEADINGS.has(t)) {
      section = t;
      pending = [];
      used.add(i);
      continue;
    }
    if (section === 'Names') {
      const preferred = t.endsWith(' (Preferred)');
      const name = preferred ? t.slice(0, -' (Preferred)'.length).trim() : t;
      if (name !== author.name) otherNames.push(name);
      used.add(i);
    } else if (section === 'Emails') {
      const m = MASKED_EMAIL.exec(t);
      if (m && !domains.includes(m[1]!)) domains.push(m[1]!);
      if (m) used.add(i);
    } else if (section === 'Career & Education History' || section?.startsWith('Advisors')) {
      const range = yearRange(t);
      if (!range) {
        pending.push(i);
        continue;
      }
      const parts = pending.map((p) => lines[p]!.trim()).filter((p) => !MASKED_EMAIL.test(p));
      if (section === 'Career & Education History') {
        const inst = parts.length > 0 ? INSTITUTION.exec(parts[parts.length - 1]!) : null;
        history.push({
          position: parts.length > 1 ? parts[0]! : null,
          institution: inst ? inst[1]! : (parts[parts.length - 1] ?? null),
          domain: inst ? inst[2]! : null,
          start: range.start,
          end: range.end,
        });
      } else {
        advisors.push({ relation: parts.length > 1 ? parts[0]! : null, name: parts[parts.length - 1] ?? null, start: range.start, end: range.end });
      }
      pending.forEach((p) => used.add(p));
      used.add(i);
      pending = [];
    } else if (section === 'Expertise') {
      if (!yearRange(t)) interests.push(...t.split(',').map((s) => s.trim()).filter((s) => s !== ''));
      used.add(i);
    } else if (section === 'Personal Links') {
      used.add(i);
    }
  }
  author.interests = interests;
  if (otherNames.length > 0) author.extra.other_names = otherNames;
  if (domains.length > 0) author.extra.email_domains = domains;
  if (history.length > 0) author.extra.history = history;
  if (advisors.length > 0) author.extra.advisors = advisors;
}
