/**
 * The person part of a pasted ORCID record (FORMATS.md section 4.7): the name and iD, other names,
 * keywords, countries, and the Employment / Education entries. Works are read by orcid.ts.
 */
import { emptyAuthor } from './paper-shape';
import type { ParsedAuthor, SkippedLine } from './parsed';

/** `https://orcid.org/0000-0002-1825-0097` (the iD line under the name; some copies drop the address part). */
export const ORCID_URL = /^(?:(?:https?:\/\/)?orcid\.org\/)?(\d{4}-\d{4}-\d{4}-\d{3}[\dX])$/;
/** Activity section headings: `Works (22)`, `Peer review (3 reviews for 2 publications/grants)`. */
export const ACTIVITY_HEADING =
  /^(Employment|Education and qualifications|Education|Qualifications|Invited positions and distinctions|Distinctions|Invited positions|Membership and service|Memberships|Services|Funding|Research resources|Works|Peer review|Professional activities)(?: \(([^()]{0,80})\))?$/;
/** Labels that may sit between the name and the iD. */
const ID_LABELS = new Set(['ORCID iD', 'ORCID ID', 'ORCID', 'Copy', 'Copy iD']);
/** Labels of the personal-information block. */
const PERSON_SECTIONS = new Set(['Personal information', 'Other names', 'Websites & social links', 'Websites', 'Other IDs', 'Keywords', 'Countries', 'Emails', 'Biography', 'Activities']);
/** `Saltmarsh University: Galway, IE`. */
const ORG_LINE = /^([^:]{1,200}): ([^:]{1,200})$/;
/** `2021-09-01 to present | Lecturer (School of Computer Science)`; the role is optional. */
const SPAN_LINE = /^(\d{4}(?:-\d{2}){0,2}) to (present|\d{4}(?:-\d{2}){0,2})(?: \| (.+))?$/;

/**
 * Whether an ORCID iD's last character is its ISO 7064 mod 11-2 check digit.
 * @param id `dddd-dddd-dddd-ddd[dX]`
 * @returns true when the check character matches the other fifteen digits
 */
export function validOrcidChecksum(id: string): boolean {
  const digits = id.replace(/-/g, '');
  if (!/^\d{15}[\dX]$/.test(digits)) return false;
  let total = 0;
  for (let i = 0; i < 15; i++) total = (total + Number(digits[i])) * 2;
  const result = (12 - (total % 11)) % 11;
  return digits[15] === (result === 10 ? 'X' : String(result));
}

/** One Employment or Education entry. */
export interface AffiliationEntry {
  organization: string;
  location: string | null;
  start: string | null;
  end: string | null;
  role: string | null;
}

/**
 * Read the person part: everything before `Works (n)`.
 * @param lines normalised lines of the paste
 * @param worksAt index of the `Works (n)` heading (lines.length when absent)
 * @returns the author card (null when no iD line and no name were pasted), the lines it used, and warnings
 */
export function parseOrcidPerson(lines: readonly string[], worksAt: number, warnings: string[]): { author: ParsedAuthor | null; used: Set<number> } {
  const used = new Set<number>();
  const idAt = lines.findIndex((l, i) => i < worksAt && ORCID_URL.test(l.trim()));
  if (idAt <= 0) return { author: null, used };
  let nameAt = idAt - 1;
  while (nameAt >= 0 && (lines[nameAt]!.trim() === '' || ID_LABELS.has(lines[nameAt]!.trim()))) nameAt--;
  if (nameAt < 0) return { author: null, used };
  const author = emptyAuthor(lines[nameAt]!.trim());
  used.add(nameAt).add(idAt);
  const id = ORCID_URL.exec(lines[idAt]!.trim())![1]!;
  if (validOrcidChecksum(id)) author.ids.orcid = id;
  else warnings.push(`The ORCID iD ${id} on line ${idAt + 1} has a wrong check digit, so it is not kept as an identifier.`);

  const lists: Record<string, string[]> = {};
  const employment: AffiliationEntry[] = [];
  const education: AffiliationEntry[] = [];
  let section: string | null = null;
  for (let i = idAt + 1; i < worksAt; i++) {
    const line = lines[i]!.trim();
    if (line === '') continue;
    if (PERSON_SECTIONS.has(line)) {
      section = line;
      used.add(i);
      continue;
    }
    const heading = ACTIVITY_HEADING.exec(line);
    if (heading) {
      section = heading[1]!;
      used.add(i);
      continue;
    }
    if (section === 'Other names' || section === 'Countries' || section === 'Keywords') {
      const items = section === 'Keywords' ? line.split(',').map((s) => s.trim()).filter((s) => s !== '') : [line];
      (lists[section] ??= []).push(...items);
      used.add(i);
    } else if (section === 'Employment' || section?.startsWith('Education') || section === 'Qualifications') {
      const span = SPAN_LINE.exec(line);
      if (!span) continue;
      let orgAt = i - 1;
      while (orgAt > idAt && lines[orgAt]!.trim() === '') orgAt--;
      const orgLine = lines[orgAt]!.trim();
      const org = orgAt > idAt ? ORG_LINE.exec(orgLine) : null;
      const entry: AffiliationEntry = {
        organization: org ? org[1]!.trim() : orgLine,
        location: org ? org[2]!.trim() : null,
        start: span[1]!,
        end: span[2] === 'present' ? null : span[2]!,
        role: span[3]?.trim() ?? null,
      };
      (section === 'Employment' ? employment : education).push(entry);
      used.add(orgAt).add(i);
    }
  }
  author.interests = lists.Keywords ?? [];
  if (lists['Other names']) author.extra.other_names = lists['Other names'];
  if (lists.Countries) author.extra.countries = lists.Countries;
  if (employment.length > 0) author.extra.employment = employment;
  if (education.length > 0) author.extra.education = education;
  author.affiliation = employment.find((e) => e.end === null)?.organization ?? null;
  return { author, used };
}

/** Lines of the Employment/Education entries that carry no data (`Employment`, `Show more detail`, `Source: …`, `Sort`). */
export function isEntryFurniture(line: string): boolean {
  return line === 'Sort' || line === 'Show more detail' || line === 'Employment' || line === 'Education' || line === 'Qualification' || line === 'Collapse all' || line === 'Expand all' || line.startsWith('Source: ');
}

/** Unused lines before the works, reported as skipped. */
export function skippedBeforeWorks(lines: readonly string[], worksAt: number, used: Set<number>, skipped: SkippedLine[]): void {
  for (let i = 0; i < worksAt; i++) {
    const line = lines[i]!;
    if (line.trim() === '' || used.has(i)) continue;
    skipped.push({ line: i + 1, text: line, reason: isEntryFurniture(line.trim()) ? 'part of an employment or education entry' : 'page menu or banner, not part of the record' });
  }
}
