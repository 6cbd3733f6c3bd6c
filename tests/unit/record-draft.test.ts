import { describe, expect, it } from 'vitest';
import type { PaperRecord } from '../../shared/contract/paper-edits';
import { authorInputs, authorsChanged, changedFields, draftMessages, draftOf, emptyDraft, newAuthorRow } from '../../renderer/features/papers/record-draft';

const record: PaperRecord = {
  id: 7,
  fields: {
    title: 'A title', itemType: 'article', date: '2024-08', venue: null, volume: null, issue: null, page: null, number: null, publisher: null, publisherPlace: null,
    event: null, url: null, doi: null, arxivId: '2401.01234', arxivVersion: 2, isbn: null, issn: null, pmid: null, pmcid: null, language: null, abstract: 'Text', keywords: ['a', 'b'],
  },
  authors: [{ printedName: 'Ada Lovelace', family: null, given: null, droppingParticle: null, nonDroppingParticle: null, suffix: null, literal: null, authorId: 3 }],
  authorsTruncated: false,
  editedFields: [],
  sourceValues: {},
};

describe('the editor draft', () => {
  it('shows the arXiv id with its version and sends nothing when nothing changed', () => {
    const d = draftOf(record);
    expect(d.text.arxivId).toBe('2401.01234v2');
    expect(d.keywords).toBe('a, b');
    expect(changedFields(d, record)).toEqual({});
    expect(authorsChanged(d, record)).toBe(false);
  });

  it('sends only the changed fields, keywords as a list', () => {
    const d = draftOf(record);
    d.text.title = 'New';
    d.text.page = '1-2';
    d.keywords = 'a, c , ';
    d.itemType = 'paper-conference';
    expect(changedFields(d, record)).toEqual({ title: 'New', page: '1-2', keywords: ['a', 'c'], itemType: 'paper-conference' });
  });

  it('sees reordered, added and split authors', () => {
    const d = draftOf(record);
    d.authors = [...d.authors, newAuthorRow({ printedName: 'Charles Babbage' })];
    expect(authorsChanged(d, record)).toBe(true);
    expect(authorInputs(d.authors)[1]).toEqual({ printedName: 'Charles Babbage', family: '', given: '', droppingParticle: '', nonDroppingParticle: '', suffix: '', literal: '' });
    const split = draftOf(record);
    split.authors[0]!.family = 'Lovelace';
    expect(authorsChanged(split, record)).toBe(true);
  });

  it('gives the checks\' messages as typed, and one for a nameless author', () => {
    const d = emptyDraft();
    d.text.date = '2023-02-30';
    d.text.doi = 'https://doi.org/10.1145/3597503';
    d.authors = [newAuthorRow()];
    expect(draftMessages(d)).toEqual({
      title: 'A paper needs a title.',
      date: '“2023-02-30” does not exist: February 2023 has 28 days.',
      'author-0': 'Author 1 has no name: type the name as printed, or its family name.',
    });
  });
});
