/** The words the window uses after an import, on the import button, and when a view fails to load. */
import { describe, expect, it } from 'vitest';
import type { ImportReport, PastePreview } from '../../shared/contract';
import { LecternError } from '../../shared/errors';
import { confirmAction } from '../../renderer/features/import/import-dialog';
import { importNotice } from '../../renderer/features/import/run-import';
import { loadNotice } from '../../renderer/shell/use-load-errors';

function report(over: Partial<ImportReport> = {}): ImportReport {
  return {
    importId: 1,
    alreadyImported: false,
    format: 'scholarfeed',
    author: { id: 7, name: 'Chong Ruan' },
    snapshotAdded: true,
    added: 18,
    updated: 0,
    unchanged: 0,
    skipped: [],
    incompleteTail: null,
    warnings: [],
    ...over,
  };
}

function preview(over: Partial<PastePreview> = {}): PastePreview {
  return {
    format: 'scholarfeed',
    author: { name: 'Chong Ruan', affiliation: null, interests: [], homepage: null, ids: {}, metrics: { h_index: 38 }, extra: {} },
    paperCount: 18,
    firstPapers: [],
    wouldImport: { added: 18, updated: 0, unchanged: 0 },
    snapshotWouldBeAdded: true,
    alreadyImported: false,
    report: { skipped: [], incompleteTail: null, warnings: [] } as unknown as PastePreview['report'],
    detection: { format: 'scholarfeed', label: 'scholarfeed author page', confidence: 'sure', signatures: 9 },
    makesAuthorCard: true,
    choices: [],
    ...over,
  };
}

describe('the import notice', () => {
  it('names the profile, then what changed, with a separator', () => {
    const n = importNotice(report());
    expect(`${n.title} ${n.detail}`).toBe("Imported Chong Ruan's profile: 18 new papers.");
    expect(n.kind).toBe('success');
    expect(n.items).toBeUndefined();
  });

  it('counts new, updated and unchanged papers', () => {
    const n = importNotice(report({ added: 3, updated: 2, unchanged: 13, snapshotAdded: false }));
    expect(n.detail).toBe('3 new papers, 2 papers updated, 13 already up to date.');
  });

  it('says "nothing new" rather than "0 new papers"', () => {
    const n = importNotice(report({ added: 0, unchanged: 18, snapshotAdded: false }));
    expect(n.detail).toBe('nothing new; 18 papers already up to date.');
  });

  it('says when only the metrics changed', () => {
    const n = importNotice(report({ added: 0, unchanged: 18, snapshotAdded: true }));
    expect(n.detail).toBe("no new papers; 18 papers already up to date. The profile's metrics changed; the new values were kept alongside the old.");
  });

  it('lists what a partial paste left out, one point each, and stays until dismissed', () => {
    const n = importNotice(
      report({
        added: 7,
        incompleteTail: { line: 62, missing: 'authors and abstract', text: 'Some Cut Off Title' },
        skipped: [{ line: 11, reason: 'not part of the header', text: 'ad' }, { line: 12, reason: 'x', text: 'y' }],
        warnings: ['The page header says 18 papers; the paste holds 7.'],
      } as Partial<ImportReport>),
    );
    expect(n.kind).toBe('warning');
    expect(n.detail).toBe('7 new papers.');
    expect(n.items).toEqual([
      '1 paper cut off at the end of the paste was not imported (“Some Cut Off Title”); copy the whole page again to include it.',
      '2 lines that could not be read were skipped (the full paste is kept with the import).',
      'The page header says 18 papers; the paste holds 7.',
    ]);
  });

  it('says nothing was imported for an identical copy of an earlier import', () => {
    const n = importNotice(report({ alreadyImported: true, added: 0, unchanged: 18, snapshotAdded: false }));
    expect(`${n.title} ${n.detail}`).toBe("Nothing imported: this exact copy of Chong Ruan's profile was imported before and changes nothing; its 18 papers are already in your library.");
  });

  it('names the page when it has no author', () => {
    expect(importNotice(report({ author: null, added: 2 })).title).toBe('Imported the Scholarfeed page:');
  });
});

describe('the import button', () => {
  it('offers the papers when something is new', () => {
    expect(confirmAction(preview())).toEqual({ label: 'Import 18 papers', enabled: true });
  });

  it('is disabled for a page imported before that changes nothing', () => {
    expect(confirmAction(preview({ alreadyImported: true, wouldImport: { added: 0, updated: 0, unchanged: 18 }, snapshotWouldBeAdded: false }))).toEqual({
      label: 'Already in your library',
      enabled: false,
    });
  });

  it('never says "Import 18 papers" when nothing would be added, updated or recorded', () => {
    expect(confirmAction(preview({ wouldImport: { added: 0, updated: 0, unchanged: 18 }, snapshotWouldBeAdded: false }))).toEqual({
      label: 'Import again (nothing new)',
      enabled: true,
    });
  });

  it('says when only new metrics would be recorded', () => {
    expect(confirmAction(preview({ wouldImport: { added: 0, updated: 0, unchanged: 18 }, snapshotWouldBeAdded: true })).label).toBe('Record the new metrics');
  });
});

describe('a view that failed to load', () => {
  const kept = 'The table still shows the last list that loaded.';

  it('calls a refused filter a filter problem, not a library failure', () => {
    const error = new LecternError('INVALID_INPUT', 'Invalid input for "papers.list": filter: The filter is over 500 characters..', {
      issues: [{ path: ['filter'], message: 'The filter is over 500 characters.' }],
    });
    const n = loadNotice({ source: 'papers', error, kept });
    expect(n.title).toBe('The filter could not be applied.');
    expect(n.detail).toBe(`The filter is over 500 characters. ${kept} Shorten the filter to try again.`);
    expect(`${n.title} ${n.detail}`).not.toMatch(/library|Invalid input/);
  });

  it('words other invalid input from its issues', () => {
    const error = new LecternError('INVALID_INPUT', 'Invalid input for "papers.list": limit: Too big.', { issues: [{ path: ['limit'], message: 'Too big: expected number to be <=1000' }] });
    expect(loadNotice({ source: 'papers', error, kept })).toMatchObject({ title: 'Lectern could not show this view.', detail: `Too big: expected number to be <=1000. ${kept}` });
  });

  it('reports a library that does not answer as such', () => {
    const n = loadNotice({ source: 'papers', error: new LecternError('INTERNAL', "Lectern's local server did not answer (Failed to fetch)."), kept });
    expect(n).toMatchObject({ kind: 'error', source: 'papers', title: 'Lectern could not read the library.', detail: `Lectern's local server did not answer (Failed to fetch). ${kept}` });
  });
});

describe('the test document', () => {
  it('has a doctype and is in no-quirks mode, like the app page', () => {
    expect(document.doctype?.name).toBe('html');
    expect(document.compatMode).toBe('CSS1Compat');
  });
});
