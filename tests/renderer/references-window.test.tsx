/** The references window's pure parts and views: file reading, problem lines, export scopes, keys, safe citations, the problem list. */
import { describe, expect, it } from 'vitest';
import { bytesToBase64, droppedKind, tooLargeMessage } from '../../renderer/features/references/file-content';
import { problemsText, readSummary, referenceReportText } from '../../renderer/features/references/reference-report-text';
import { scopeFilters, takesAscii, takesStyle } from '../../renderer/features/references/export-scope';
import { referenceShortcut } from '../../renderer/features/references/use-reference-shortcuts';
import { lastWrittenWords } from '../../renderer/features/references/kept-exports';
import { safeCitationHtml } from '../../renderer/features/references/citation-html';
import { exportedWords } from '../../renderer/features/references/export-dialog';
import { referenceFormatOf } from '../../renderer/features/references/reference-paste';
import { ProblemList } from '../../renderer/features/references/problem-list';
import { errorColumn } from '../../renderer/features/references/settings-dialog';
import { LecternError } from '../../shared/errors';
import type { ReferenceImportReport } from '../../shared/contract';
import { mount } from './mount';

const FILE = {
  fileName: 'refs.bib',
  format: 'bibtex' as const,
  encoding: 'latin-1' as const,
  entriesSeen: 3,
  recordsRead: 2,
  problems: [
    { line: 30, column: 1, message: 'missing comma after field title', severity: 'warning' as const },
    { line: 12, column: 3, message: "entry 'smith2020' has no closing brace; read up to line 20", key: 'smith2020', severity: 'error' as const },
  ],
};

describe('file content', () => {
  it('base64 of a file over many pieces equals one btoa over all of it, padding included', () => {
    for (const size of [0, 1, 2, 3, 24_575, 24_576, 24_577, 200_003]) {
      const bytes = new Uint8Array(size).map((_, i) => (i * 31 + 7) % 256);
      let binary = '';
      for (const b of bytes) binary += String.fromCharCode(b);
      expect(bytesToBase64(bytes)).toBe(btoa(binary));
    }
    expect(bytesToBase64(new Uint8Array([0xe2, 0x82, 0xac, 0x41]))).toBe('4oKsQQ==');
  });

  it('tells reference files from styles from anything else by name', () => {
    expect(['refs.BIB', 'a.ris', 'lib.json', 'x.csl', 'notes.pdf'].map(droppedKind)).toEqual(['reference', 'reference', 'reference', 'style', null]);
    expect(tooLargeMessage('big.bib', 200 * 1024 * 1024)).toBe('big.bib is 200 MB; Lectern reads reference files up to 128 MB. Split it, or import it with `lectern import`.');
  });
});

describe('problem lines and the report', () => {
  it('prints problems as FILE:LINE:COLUMN in file order, warnings marked', () => {
    expect(problemsText(FILE)).toBe("refs.bib:12:3: entry 'smith2020' has no closing brace; read up to line 20\nrefs.bib:30:1: warning: missing comma after field title");
    expect(readSummary(FILE)).toBe('Read 2 of 3 entries (BibTeX, Latin-1 (not UTF-8: read as ISO-8859-1))');
  });

  it('copies the whole report', () => {
    const warnings = ["refs.bib:12:3: entry 'smith2020' has no closing brace; read up to line 20", 'Tags were made for 2 keywords.'];
    const report = { added: 1, updated: 1, unchanged: 0, warnings, file: FILE } as unknown as ReferenceImportReport;
    expect(referenceReportText(report).split('\n')).toEqual([
      'Import of refs.bib',
      'Read 2 of 3 entries (BibTeX, Latin-1 (not UTF-8: read as ISO-8859-1))',
      'Added 1, updated 1, unchanged 0',
      '',
      'Problems (2)',
      "refs.bib:12:3: entry 'smith2020' has no closing brace; read up to line 20",
      'refs.bib:30:1: warning: missing comma after field title',
      '',
      'Warnings',
      'Tags were made for 2 keywords.',
    ]);
  });

  it('lists the problems with a count of entries left out', () => {
    const { container } = mount(<ProblemList file={FILE} />);
    expect(container.querySelector('.problem-title')?.textContent).toBe('1 entry could not be read and will be left out; 1 warning');
    const after = mount(<ProblemList file={{ ...FILE, problems: [FILE.problems[1]!, { ...FILE.problems[1]!, line: 40 }] }} done />);
    expect(after.container.querySelector('.problem-title')?.textContent).toBe('2 entries could not be read and were left out');
    expect([...container.querySelectorAll('.problem-line')].map((l) => l.textContent)).toEqual([
      "refs.bib:12:3: entry 'smith2020' has no closing brace; read up to line 20\n",
      'refs.bib:30:1: warning: missing comma after field title\n',
    ]);
  });
});

describe('export', () => {
  const ctx = { selectedIds: [4, 2], view: { query: 'prover', yearFrom: 2020 }, savedSearches: [{ id: 9, name: 'Best', query: 'rating:4', createdAt: '', updatedAt: '' }] };
  it('turns each scope into the filters of references.export', () => {
    expect(scopeFilters({ kind: 'selection' }, ctx)).toEqual({ paperIds: [4, 2] });
    expect(scopeFilters({ kind: 'selection' }, { ...ctx, selectedIds: [] })).toBeNull();
    expect(scopeFilters({ kind: 'view' }, ctx)).toEqual({ query: 'prover', yearFrom: 2020 });
    expect(scopeFilters({ kind: 'collection', id: 3 }, ctx)).toEqual({ collectionId: 3 });
    expect(scopeFilters({ kind: 'collection', id: null }, ctx)).toBeNull();
    expect(scopeFilters({ kind: 'tag', id: 5 }, ctx)).toEqual({ tagIds: [5] });
    expect(scopeFilters({ kind: 'saved', id: 9 }, ctx)).toEqual({ query: 'rating:4' });
    expect(scopeFilters({ kind: 'saved', id: 10 }, ctx)).toBeNull();
    expect(scopeFilters({ kind: 'library' }, ctx)).toEqual({});
  });

  it('offers ASCII for BibTeX only and a style for lists only', () => {
    expect((['bibtex', 'biblatex', 'ris', 'csl-json', 'markdown', 'text'] as const).map((f) => [takesAscii(f), takesStyle(f)])).toEqual([
      [true, false], [true, false], [false, false], [false, false], [false, true], [false, true],
    ]);
  });

  it('says how many papers went out and how many keys were given', () => {
    expect(exportedWords({ count: 12, keysAssigned: 3 }, 'bibtex', 'saved')).toBe('12 papers saved as BibTeX; 3 citation keys assigned.');
    expect(exportedWords({ count: 1, keysAssigned: 0 }, 'ris', 'copied')).toBe('1 paper copied as RIS.');
  });

  it('says when a kept file was last written', () => {
    const now = new Date(2026, 11, 7, 15, 0);
    expect(lastWrittenWords(null, now)).toBe('not written yet');
    expect(lastWrittenWords(new Date(2026, 11, 7, 12, 3).toISOString(), now)).toBe('last written 12:03');
    expect(lastWrittenWords(new Date(2026, 11, 5, 9, 30).toISOString(), now)).toBe('last written 2026-12-05 09:30');
  });
});

describe('keys and citations', () => {
  it('maps the shortcuts', () => {
    const k = (key: string, shiftKey = false, ctrlKey = true) => referenceShortcut({ key, shiftKey, ctrlKey, metaKey: false, altKey: false });
    expect([k('E', true), k('C', true), k(','), k('e'), k('c', true, false)]).toEqual(['export', 'cite', 'settings', null, null]);
  });

  it('keeps a citation’s formatting and drops what could run or load', () => {
    const html = '<div class="csl-entry"><i>Nature</i>, <b>5</b><script>alert(1)</script><img src="http://x/y.png" onerror="alert(2)"><span style="color:red" onclick="x()">a</span> <a href="javascript:alert(3)">doi</a></div>';
    const safe = safeCitationHtml(html);
    expect(safe).toContain('<div class="csl-entry"><i>Nature</i>, <b>5</b>');
    expect(safe).not.toMatch(/script|img|onerror|onclick|style=|javascript:/);
  });

  it('reads a refused pattern’s column from the error', () => {
    expect(errorColumn(new LecternError('INVALID_INPUT', 'unknown field [foo]', { column: 7 }))).toBe(7);
    expect(errorColumn(new Error('x'))).toBeNull();
  });

  it('reads a paste as a page when the detector cannot tell', () => {
    expect(referenceFormatOf('   ')).toBeNull();
    // The detector is h-refs' work; until it lands it throws, and the paste is read as a page.
    const format = referenceFormatOf('Jane Doe\nProfessor of Things\nCited by 1,234');
    expect(format).toBeNull();
  });
});
