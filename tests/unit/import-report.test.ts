/** The whole report of an import, kept with it and read back by imports.report (old imports included). */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openLibrary, type Library } from '../../db/open';
import { importProfile } from '../../db/library/import-profile';
import { buildImportReport, guessedFields } from '../../db/library/import-report';
import { call } from '../../electron/handlers/dispatch';
import { createHandlers, type Handlers } from '../../electron/handlers/handlers';
import { detectAndParse } from '../../shared/paste/detect';
import type { ParseOutcome } from '../../shared/paste/parsed';
import { fixtureText, tempLibraryFile } from './helpers/fixtures';

const seed = fixtureText('seed-profile');
/** The seed page cut inside its last abstract, with a stray line in the header. */
const cut = seed.replace('AI Score53', 'AI Score53\nFollow this author').slice(0, -40);

let lib: Library;
let h: Handlers;
beforeEach(() => {
  lib = openLibrary(tempLibraryFile());
  h = createHandlers(lib);
});
afterEach(() => lib.close());

describe('the kept import report', () => {
  it('round trip: papers added, then updated and unchanged, with ids and titles; skipped lines, tail and warnings', async () => {
    const first = await call(h, 'paste.import', { text: cut });
    const report = await call(h, 'imports.report', { id: first.importId });
    expect(report.complete).toBe(true);
    expect(report.format).toBe('scholarfeed');
    expect(report.author?.name).toBe('Chong Ruan');
    expect(report.detection).toMatchObject({ format: 'scholarfeed', confidence: 'sure' });
    expect(report.papers.added).toHaveLength(17);
    expect(report.papers.updated).toEqual([]);
    const ids = (await call(h, 'papers.list', { importId: first.importId, limit: 100 })).rows.map((r) => r.id).sort((a, b) => a - b);
    expect(report.papers.added.map((p) => p.id).sort((a, b) => a - b)).toEqual(ids);
    expect(report.papers.added[0]!.title).toBe('DeepSeek-Prover-V1.5: Harnessing Proof Assistant Feedback for Reinforcement Learning and Monte-Carlo Tree Search');
    expect(report.skipped).toEqual([{ line: 9, text: 'Follow this author', reason: 'not part of the scholarfeed profile header' }]);
    expect(report.incompleteTail).toMatchObject({ missing: 'the end of its abstract' });
    expect(report.warnings).toEqual(['The page header says 18 papers; the paste holds 17. The page may load more papers as you scroll.']);
    expect(report.guessed).toEqual([]);

    // The full page now: the 17 are unchanged, the cut one is added.
    const second = await call(h, 'paste.import', { text: seed });
    const again = await call(h, 'imports.report', { id: second.importId });
    expect(again.papers.unchanged.map((p) => p.id).sort((a, b) => a - b)).toEqual(ids);
    expect(again.papers.added).toHaveLength(1);
    expect(again.skipped).toEqual([]);
    expect(again.incompleteTail).toBeNull();
  });

  it('keeps the fields the generic parser guessed, per paper', () => {
    const outcome: ParseOutcome = detectAndParse(seed);
    outcome.profile.papers[0]!.extra.guessed = ['authors', 'date'];
    outcome.profile.papers[2]!.extra.guessed = { venue: 'from a line near the title' };
    const result = importProfile(lib.db, seed, outcome);
    const stored = JSON.parse((lib.db.$client.prepare('SELECT report FROM imports WHERE id = ?').get(result.importId) as { report: string }).report);
    expect(stored.version).toBe(2);
    expect(stored.guessed.map((g: { title: string; fields: string[] }) => [g.title.slice(0, 20), g.fields])).toEqual([
      ['DeepSeek-Prover-V1.5', ['authors', 'date']],
      [outcome.profile.papers[2]!.title.slice(0, 20), ['venue']],
    ]);
    expect(stored.guessed[0].id).toBe(stored.papers.added[0].id);
  });

  it('opens an import kept in the older shape, its papers read from the library', async () => {
    const first = await call(h, 'paste.import', { text: cut });
    const old = { skipped: [{ line: 9, text: 'Follow this author', reason: 'before the first paper' }], incompleteTail: null, warnings: ['An old warning.'] };
    lib.db.$client.prepare('UPDATE imports SET report = ? WHERE id = ?').run(JSON.stringify(old), first.importId);
    const report = await call(h, 'imports.report', { id: first.importId });
    expect(report).toMatchObject({ complete: false, detection: null, guessed: [], incompleteTail: null, warnings: ['An old warning.'], skipped: old.skipped });
    expect(report.papers.added).toHaveLength(17);
    expect(report.papers.added[0]!.title).toMatch(/^DeepSeek-Prover-V1\.5/);
  });

  it('opens an import whose report is empty or not JSON', async () => {
    const first = await call(h, 'paste.import', { text: seed });
    for (const text of ['{}', 'not json', '[]']) {
      lib.db.$client.prepare('UPDATE imports SET report = ? WHERE id = ?').run(text, first.importId);
      const report = await call(h, 'imports.report', { id: first.importId });
      expect(report).toMatchObject({ complete: false, skipped: [], warnings: [], incompleteTail: null });
      expect(report.papers.added).toHaveLength(18);
    }
  });

  it('says NOT_FOUND for an import that does not exist', async () => {
    await expect(call(h, 'imports.report', { id: 4242 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('buildImportReport', () => {
  it('lists papers by action in page order and reads every form of the guessed mark', () => {
    const outcome = detectAndParse(seed);
    const [a, b, c] = outcome.profile.papers;
    const kept = buildImportReport(outcome, [
      { paper: a!, id: 5, action: 'unchanged' },
      { paper: b!, id: 3, action: 'added' },
      { paper: c!, id: 9, action: 'added' },
    ]);
    expect(kept.papers).toEqual({ added: [{ id: 3, title: b!.title }, { id: 9, title: c!.title }], updated: [], unchanged: [{ id: 5, title: a!.title }] });
    expect(guessedFields(true)).toEqual(['the whole record']);
    expect(guessedFields(['title', 7, ''])).toEqual(['title']);
    expect(guessedFields({ year: 1 })).toEqual(['year']);
    expect(guessedFields(undefined)).toEqual([]);
  });
});
