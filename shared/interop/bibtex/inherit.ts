/**
 * `crossref` and `xdata` inheritance by the biblatex manual's default rules (section 4.11.4 and
 * appendix B): a child keeps its own fields and takes the parent's others; a book-like parent's `title`
 * becomes the child's `booktitle` (and its `author` the child's `bookauthor`) for the parts of a book,
 * a periodical's `title` becomes an article's `journaltitle`; some fields are never inherited (the
 * parent's ids, key, crossref, sort and label fields). The parent may come anywhere in the file.
 */

/** Entry fields by key, for lookups (lower-cased keys, as BibTeX compares them). */
export type FieldsByKey = Map<string, { type: string; fields: Map<string, string>; start: number }>;

// The first sixteen are biblatex's own; the rest are ours: a proceedings volume's DOI, URL, abstract,
// keywords or attached file describe the volume, not the paper, and a DOI inherited by every paper of a
// volume would make the import match them all to one paper.
const NEVER = new Set(['ids', 'crossref', 'xref', 'xdata', 'entryset', 'entrysubtype', 'execute', 'label', 'options', 'presort', 'related', 'relatedoptions', 'relatedstring', 'relatedtype', 'shorthand', 'shorthandintro', 'sortkey', 'keywords', 'file', 'abstract', 'annote', 'annotation', 'note', 'doi', 'url', 'eprint', 'eprinttype', 'archiveprefix', 'pmid', 'pmcid']);
const BOOK_PARTS = new Set(['inbook', 'bookinbook', 'suppbook', 'incollection', 'suppcollection', 'inproceedings', 'conference']);
const BOOKS = new Set(['book', 'mvbook', 'collection', 'mvcollection', 'reference', 'mvreference', 'proceedings', 'mvproceedings']);

/** The parent field a child field of this name is taken from (`booktitle` <- `title` for a book part). */
function renamed(childType: string, parentType: string, field: string): string | null {
  if (BOOK_PARTS.has(childType) && (BOOKS.has(parentType) || parentType === 'inproceedings')) {
    if (field === 'title') return 'booktitle';
    if (field === 'subtitle') return 'booksubtitle';
    if (field === 'titleaddon') return 'booktitleaddon';
    if (field === 'shorttitle') return null;
    if (field === 'author' && childType !== 'inproceedings' && childType !== 'conference') return 'bookauthor';
  }
  if (childType === 'article' && parentType === 'periodical') {
    if (field === 'title') return 'journaltitle';
    if (field === 'subtitle') return 'journalsubtitle';
    if (field === 'shorttitle') return null;
  }
  // A parent's own title never replaces a child's; without a rule above, it is not taken.
  if (field === 'title' || field === 'shorttitle' || field === 'subtitle') return null;
  return field;
}

/**
 * Fills `fields` (the child's) from its `xdata` and `crossref` parents in place.
 * @returns the keys it named that are not in the file (for a warning each)
 */
export function inherit(type: string, fields: Map<string, string>, byKey: FieldsByKey, depth = 0): string[] {
  const missing: string[] = [];
  const childType = type.toLowerCase();
  const xdata = fields.get('xdata');
  if (xdata !== undefined) {
    for (const k of xdata.split(',')) {
      const key = k.trim();
      if (key === '') continue;
      const parent = byKey.get(key.toLowerCase());
      if (parent === undefined || parent.fields === fields) {
        missing.push(key);
        continue;
      }
      if (depth < 8) missing.push(...inherit(parent.type, parent.fields, byKey, depth + 1));
      for (const [name, value] of parent.fields) if (!fields.has(name) && !NEVER.has(name)) fields.set(name, value);
    }
  }
  const crossref = fields.get('crossref')?.trim();
  if (crossref !== undefined && crossref !== '') {
    const parent = byKey.get(crossref.toLowerCase());
    if (parent === undefined || parent.fields === fields) missing.push(crossref);
    else {
      // The parent's own parents first (a chapter of a volume of a series); a cycle stops at 8 levels.
      if (depth < 8) missing.push(...inherit(parent.type, parent.fields, byKey, depth + 1));
      const parentType = parent.type.toLowerCase();
      for (const [name, value] of parent.fields) {
        if (NEVER.has(name)) continue;
        const target = renamed(childType, parentType, name);
        if (target !== null && !fields.has(target)) fields.set(target, value);
        if (name === 'author' && target === 'bookauthor' && !fields.has('author')) fields.set('author', value);
      }
    }
  }
  return missing;
}
