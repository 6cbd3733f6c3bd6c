/**
 * Backups in the window (browser mode): Back up now and Restore from the Backups dialog, and the banner
 * of a damaged library with its two ways back. Screenshots of the dialog and the banner in both themes
 * at 900 and 1920 px wide.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { openLibrary } from '../../db/open';
import { call } from '../../electron/handlers/dispatch';
import { createHandlers } from '../../electron/handlers/handlers';
import { generateLibrary } from '../bench/generate-library';
import { damagePages, leafPages } from '../unit/helpers/libraries';
import { expect, importSeed, openApp, screenshotBothThemes, test } from './fixtures';
import { LecternServer } from './lectern-server';

const rows = (page: Page) => page.locator('.papers-table tbody tr[data-paper-id]');
const sidebar = (page: Page) => page.getByRole('navigation', { name: 'Library' });
const papersIn = (file: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare('SELECT COUNT(*) FROM papers WHERE deleted_at IS NULL').pluck().get() as number;
  } finally {
    db.close();
  }
};

/** Both themes at 900 and 1920 px wide: `<name>-900-light.png` ... */
async function screenshotWidths(page: Page, name: string): Promise<void> {
  const before = page.viewportSize()!;
  for (const width of [900, 1920]) {
    await page.setViewportSize({ width, height: width === 900 ? 700 : 1080 });
    await screenshotBothThemes(page, `${name}-${width}`);
  }
  await page.setViewportSize(before);
}

test('Back up now, then Restore… brings the library back and keeps what it replaced', async ({ page, lectern }) => {
  await openApp(page, lectern);
  await importSeed(page);

  await sidebar(page).getByRole('button', { name: 'Backups…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Backups' });
  await expect(dialog.getByTestId('backups-empty')).toHaveText('No backups yet. “Back up now” makes the first.');
  await expect(dialog.getByTestId('backups-folder')).toHaveText(join(lectern.dir, 'backups'));
  await dialog.getByRole('button', { name: 'Back up now' }).click();
  await expect(dialog.getByTestId('backups-outcome')).toContainText(/^Backed up 18 papers \(\d+(\.\d)? kB\)\.Saved as library-\d{8}-\d{6}-manual\.sqlite, checked after writing\.$/);
  const table = dialog.getByRole('table', { name: 'Backups, newest first' });
  await expect(table.locator('tbody tr')).toHaveCount(1);
  await expect(table.locator('tbody tr').first()).toContainText('Backed up on request');
  await expect(table.locator('tbody tr').first().locator('td').nth(2)).toHaveText('18');
  await dialog.getByRole('button', { name: 'Close' }).first().click();
  await expect(dialog).toBeHidden();

  // Three papers to the trash, and the trash emptied (a backup is made before that, too).
  await rows(page).nth(0).click();
  await rows(page).nth(2).click({ modifiers: ['Shift'] });
  await page.keyboard.press('Delete');
  await expect(rows(page)).toHaveCount(15);
  expect(papersIn(lectern.libraryFile)).toBe(15);
  // Emptying the trash says what it keeps (a backup first), in the right number; cancelled here.
  await sidebar(page).getByRole('button', { name: /^Trash/ }).click();
  await page.getByRole('region', { name: 'Trash' }).getByRole('button', { name: 'Empty trash…' }).click();
  const empty = page.getByRole('dialog', { name: 'Empty the trash?' });
  await expect(empty).toContainText(
    '3 papers will be deleted for good, with their tags, notes and annotations. This cannot be undone here, but Lectern first keeps a backup of the library as it is now: Backups… (at the bottom of the sidebar) can restore it.',
  );
  await screenshotWidths(page, 'backups-empty-trash-confirm');
  await empty.getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('button', { name: /My Library/ }).click();

  await sidebar(page).getByRole('button', { name: 'Backups…' }).click();
  await expect(table.locator('tbody tr')).toHaveCount(1);
  await screenshotWidths(page, 'backups-dialog');
  await table.getByRole('button', { name: /^Restore the backup of / }).click();
  const confirm = page.getByRole('dialog', { name: /^Restore the backup of \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\?$/ });
  await expect(confirm).toContainText('The library will hold what it held then: 18 papers (it holds 15 papers now).');
  await confirm.getByRole('button', { name: 'Restore' }).click();
  await expect(confirm).toBeHidden();
  const outcome = dialog.getByTestId('backups-outcome');
  await expect(outcome).toContainText(/^Restored the backup of [\d-]+ \d\d:\d\d:\d\d: 18 papers\./);
  await expect(outcome).toContainText(/The library as it was \(15 papers\) is kept as the backup of [\d-]+ \d\d:\d\d:\d\d: restore that to undo this\.$/);
  // The two backups it names are told apart (made within the same minute here), as the rows are.
  const named = [...((await outcome.textContent()) ?? '').matchAll(/the backup of ([\d-]+ [\d:]+)/g)].map((m) => m[1]);
  expect(named).toHaveLength(2);
  expect(named[0]).not.toBe(named[1]);
  // A screen reader hears what happened: focus is on the sentence saying so, not on a row's button.
  await expect(outcome).toBeFocused();
  await expect(table.locator('tbody tr')).toHaveCount(2);
  await expect(table.locator('tbody tr').first()).toContainText('The library as it was before a restore');
  await expect(table.locator('tbody tr').first().locator('td').nth(2)).toHaveText('15');
  await screenshotWidths(page, 'backups-dialog-restored');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // Every view follows: the table, the status bar, the file itself.
  await expect(rows(page)).toHaveCount(18);
  await expect(page.getByTestId('status-text')).toHaveText(/^18 papers/);
  expect(papersIn(lectern.libraryFile)).toBe(18);
  // Undo history described the replaced library: Ctrl+Z now has nothing to undo.
  expect((await (await page.request.post(`${new URL(lectern.url).origin}/api/undo.state`, { headers: { 'x-lectern-token': new URL(lectern.url).searchParams.get('token')! }, data: {} })).json()).value).toEqual({ undo: null, redo: null });
});

test('a damaged library shows a banner with the two ways back; recovering keeps what can be read', async ({ page, lectern }) => {
  // A library of 300 papers with a good backup, then random bytes over one page of papers.
  await lectern.stop();
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${lectern.libraryFile}${suffix}`, { force: true });
  generateLibrary(lectern.libraryFile, { papers: 300, seed: 2, notes: 40, tags: 5 });
  const good = openLibrary(lectern.libraryFile);
  await call(createHandlers(good, { readsInProcess: true }), 'backups.create', {});
  good.close();
  const papersPages = leafPages(lectern.libraryFile, 'papers');
  const hit = papersPages[Math.floor(papersPages.length / 2)]!;
  damagePages(lectern.libraryFile, [hit.pageno]);
  await lectern.start();

  await page.goto(lectern.url);
  const banner = page.getByTestId('damage-banner');
  await expect(banner).toBeVisible();
  await expect(banner).toContainText(/^This library file is damaged\. Lectern's check found \d+ problems? in it: [^.]+\. Lectern will not write to it/);
  await expect(banner.getByRole('button', { name: /^Restore the backup of [\d-]+ \d\d:\d\d:\d\d…$/ })).toBeVisible();
  await screenshotWidths(page, 'backups-damage-banner');

  await banner.getByRole('button', { name: 'Recover what can be read…' }).click();
  const confirm = page.getByRole('dialog', { name: 'Recover what can be read?' });
  await confirm.getByRole('button', { name: 'Recover' }).click();
  const notice = page.getByRole('status').filter({ hasText: 'Recovered what could be read' });
  await expect(notice).toContainText(`Recovered what could be read: ${300 - hit.ncell} papers.`);
  await expect(notice).toContainText(`papers: ${300 - hit.ncell} kept, ${hit.ncell} lost`);
  await expect(banner).toBeHidden();
  await expect(page.getByTestId('status-text')).toHaveText(new RegExp(`^${300 - hit.ncell} papers`));

  // The backup from before the damage is still there to restore.
  await page.getByRole('button', { name: 'Dismiss' }).first().click();
  await sidebar(page).getByRole('button', { name: 'Backups…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Backups' });
  await expect(dialog.locator('tbody tr')).toHaveCount(2);
  await expect(dialog.locator('tbody tr').first()).toContainText('The damaged library file, kept as it was');
  await dialog.getByRole('button', { name: /^Restore the backup of / }).click();
  await page.getByRole('dialog', { name: /^Restore the backup of / }).getByRole('button', { name: 'Restore' }).click();
  await expect(dialog.getByTestId('backups-outcome')).toContainText('Restored the backup of');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('status-text')).toHaveText(/^300 papers/);
});

test('a damaged library with no backups: the Backups dialog offers what applies (recover), not Back up now', async ({ page, lectern }) => {
  await lectern.stop();
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${lectern.libraryFile}${suffix}`, { force: true });
  generateLibrary(lectern.libraryFile, { papers: 120, seed: 3, notes: 10, tags: 3 });
  const papersPages = leafPages(lectern.libraryFile, 'papers');
  const hit = papersPages[Math.floor(papersPages.length / 2)]!;
  damagePages(lectern.libraryFile, [hit.pageno]);
  await lectern.start();
  await page.goto(lectern.url);
  await expect(page.getByTestId('damage-banner')).toBeVisible();

  await sidebar(page).getByRole('button', { name: 'Backups…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Backups' });
  await expect(dialog.getByTestId('backups-empty')).toHaveText(
    'There are no backups of this library, and a damaged library is not backed up (the copy would be damaged too). “Recover what can be read…” makes a new library of every paper, note, tag and annotation Lectern can still read.',
  );
  await expect(dialog.getByRole('button', { name: 'Back up now' })).toHaveCount(0);
  await expect(dialog.getByRole('status').filter({ hasText: 'The library is damaged' })).toHaveText('The library is damaged: recover what can be read.');
  await screenshotWidths(page, 'backups-dialog-damaged-empty');

  await dialog.getByRole('button', { name: 'Recover what can be read…' }).click();
  await page.getByRole('dialog', { name: 'Recover what can be read?' }).getByRole('button', { name: 'Recover' }).click();
  const outcome = dialog.getByTestId('backups-outcome');
  await expect(outcome).toContainText(`Recovered what could be read: ${120 - hit.ncell} papers.`);
  await expect(outcome).toContainText(`papers: ${120 - hit.ncell} kept, ${hit.ncell} lost`);
  await expect(outcome).toBeFocused();
  await expect(dialog.locator('tbody tr')).toHaveCount(1);
  await expect(dialog.locator('tbody tr').first()).toContainText('The damaged library file, kept as it was');
  // Sound again: Back up now is back.
  await expect(dialog.getByRole('button', { name: 'Back up now' })).toBeEnabled();
  await screenshotWidths(page, 'backups-dialog-recovered');
});

test('the built upkeep thread sits beside the main bundle and checks a library', async () => {
  const out = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'out', 'main');
  const scratch = new LecternServer();
  const library = openLibrary(scratch.libraryFile);
  try {
    const worker = new Worker(join(out, 'upkeep-worker.js'));
    try {
      const reply = await new Promise<{ id: number; ok: boolean; value?: { ok: boolean } }>((resolve, reject) => {
        worker.once('message', resolve);
        worker.once('error', reject);
        worker.postMessage({ id: 3, task: { op: 'check', file: library.file, full: false } });
      });
      expect(reply).toMatchObject({ id: 3, ok: true, value: { ok: true, problems: [] } });
    } finally {
      await worker.terminate();
    }
  } finally {
    library.close();
    await scratch.dispose();
  }
});
