/**
 * Slow reads (issue 3, "any operation over 300 ms shows progress and can be cancelled"): the server
 * runs with LECTERN_TEST_READ_DELAY_MS so every facet count and metrics read takes as long as on a
 * huge library. The status bar must show the read with a Cancel button; Cancel stops it, the view says
 * its figures were not updated, and "Try again" brings the real counts; closing the menu drops the count.
 */
import { expect, openApp, pasteText, screenshotBothThemes, SEED_PROFILE, test } from './fixtures';
import { detectAndParse } from '../../shared/paste/detect';
import { LecternServer } from './lectern-server';

const DELAY_MS = 2500;

test('a slow facet count shows in the status bar, can be cancelled, and can be asked again', async ({ page }) => {
  const server = new LecternServer({ LECTERN_TEST_READ_DELAY_MS: String(DELAY_MS) });
  await server.start();
  try {
    await openApp(page, server);
    await page.locator('body').click();
    await pasteText(page, SEED_PROFILE);
    const dialog = page.getByRole('dialog', { name: 'Import a profile page' });
    await dialog.getByRole('button', { name: /^Import/ }).click();
    await expect(dialog).toBeHidden();
    const papers = detectAndParse(SEED_PROFILE).profile.papers;
    const clCount = papers.filter((p) => p.category.includes('CL')).length;

    const read = page.getByTestId('status-read');
    // After the import the sidebar's counts and the author's metrics (the card it lands on) are slow reads too.
    await expect(read).toHaveText(['Counting filter values…Cancel', "Computing the author's metrics…Cancel"]);
    await expect(read).toHaveCount(0, { timeout: DELAY_MS * 4 });

    await page.getByTestId('facet-category').click();
    const group = page.getByRole('group', { name: 'Category filter' });
    await expect(read).toBeVisible();
    await expect(read).toContainText('Counting filter values…');
    await screenshotBothThemes(page, 'long-read-progress');
    // Closing the menu drops the count it no longer needs.
    await page.keyboard.press('Escape');
    await expect(read).toHaveCount(0);

    await page.getByTestId('facet-category').click();
    await expect(read).toBeVisible();
    await read.getByRole('button', { name: 'Cancel' }).click();
    await expect(read).toBeHidden();
    await expect(group.getByTestId('read-problem')).toHaveText('Stopped: the counts were not updated. Try again');

    await group.getByRole('button', { name: 'Try again' }).click();
    await expect(read).toBeVisible();
    await expect(group.locator('label', { hasText: new RegExp(`^CL\\s*${clCount}$`) })).toHaveCount(1, { timeout: DELAY_MS * 4 });
    await expect(group.getByTestId('read-problem')).toHaveCount(0);
    await expect(read).toHaveCount(0);
  } finally {
    // Leave the page before its server goes, so no request of its fails against a closed port.
    await page.goto('about:blank');
    await server.dispose();
  }
});
