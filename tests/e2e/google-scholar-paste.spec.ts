/**
 * Issue 10 end to end: a Google Scholar profile pasted as a researcher would: the preview names the
 * source, the import stores the full record, and the detail pane shows the venue with its volume and
 * pages and the citation count with where and when it was read.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, openApp, pasteText, PROFILES_DIR, screenshotBothThemes, test } from './fixtures';

const SCHOLAR = readFileSync(join(PROFILES_DIR, 'google-scholar.txt'), 'utf8');

test('a Google Scholar paste: detected source, import, and a paper with its venue, pages and citation count', async ({ page, lectern }) => {
  await openApp(page, lectern);
  await page.locator('body').click();
  await pasteText(page, SCHOLAR);
  const dialog = page.getByRole('dialog', { name: 'Import a profile page' });
  await expect(dialog.getByTestId('preview-detection')).toHaveText('Source: Google Scholar profile, sure');
  await expect(dialog.getByTestId('preview-counts')).toContainText('30 papers recognised');
  await dialog.getByRole('button', { name: 'Import 30 papers' }).click();
  await expect(dialog).toBeHidden();
  await page.getByRole('button', { name: /My Library/ }).click();
  for (const dismiss of await page.locator('.notices').getByRole('button', { name: 'Dismiss' }).all()) await dismiss.click();
  await expect(page.locator('.papers-table tbody tr[data-paper-id]')).toHaveCount(30);

  await page.locator('.papers-table tbody tr[data-paper-id]', { hasText: 'Scaling Laws for Robotic Grasping' }).first().click();
  const record = page.getByTestId('record-venue');
  await expect(record).toContainText('Computational Linguistics');
  await expect(record).toContainText('713');
  await expect(record).toContainText('726');
  const today = new Date().toISOString().slice(0, 10);
  await expect(page.getByTestId('record-citations')).toHaveText(`Citationscited by 390 (Google Scholar, ${today})`);
  await expect(page.getByTestId('record-type')).toHaveText("TypeJournal article");
  await screenshotBothThemes(page, 'google-scholar-paper-detail');
});
