/**
 * Editing by hand (issue 10 §2): Edit mode on the open paper, with a field check's message, Save,
 * the "edited" mark and Ctrl+Z restoring the title; New paper filled from a pasted arXiv address.
 * Screenshots of both at 1920 and 900 px wide, in both themes.
 */
import type { Page } from '@playwright/test';
import { expect, importSeed, openApp, pasteText, screenshotBothThemes, SEED_PROFILE, test } from './fixtures';

const rows = (page: Page) => page.locator('.papers-table tbody tr[data-paper-id]');
const detail = (page: Page) => page.locator('#paper-detail, .paper-editor').first();

test('edit a title in the detail pane, see a bad date refused, then undo the edit', async ({ page, lectern }) => {
  await page.setViewportSize({ width: 1920, height: 1000 });
  await openApp(page, lectern);
  await importSeed(page);
  await rows(page).nth(0).click();
  const original = (await rows(page).nth(0).getAttribute('aria-label'))!.replace(/, \d{4}$/, '');
  await expect(page.locator('#paper-detail-title')).toHaveText(original);

  await page.getByRole('button', { name: 'Edit', exact: true }).click();
  const form = page.getByRole('form', { name: 'Edit the paper' });
  await expect(form).toBeVisible();
  const title = form.getByLabel('Title', { exact: true });
  await expect(title).toHaveValue(original);
  await expect(title).toBeFocused();

  const date = form.getByLabel('Date', { exact: true });
  const originalDate = await date.inputValue();
  await date.fill('2023-02-30');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form.getByText('“2023-02-30” does not exist: February 2023 has 28 days.')).toBeVisible();
  await expect(date).toBeFocused();
  await form.getByLabel('Pages', { exact: true }).fill('12-');
  await form.getByLabel('Pages', { exact: true }).blur();
  await expect(form.getByText('The page range “12-” has no last page.')).toBeVisible();
  await screenshotBothThemes(page, 'paper-edit-messages', { pane: '#detail-pane' });
  await form.getByLabel('Pages', { exact: true }).fill('');
  await date.fill(originalDate);
  // Backspace or Delete on a button of the form does not trash the paper (nor does S star it).
  await form.getByRole('button', { name: /^Remove author 1/ }).focus();
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Delete');
  await page.keyboard.press('s');
  await expect(rows(page)).toHaveCount(18);
  await expect(page.getByText(/to the trash/)).toHaveCount(0);

  await title.fill('A title typed by hand');
  await page.keyboard.press('Control+Enter');
  await expect(form).toBeHidden();
  await expect(page.locator('#paper-detail-title')).toHaveText('A title typed by hand');
  await expect(rows(page).filter({ hasText: 'A title typed by hand' })).toHaveCount(1);
  await expect(page.getByText('Saved: edit title.')).toBeVisible();

  // Edit mode again: the title carries the "edited" mark.
  await page.keyboard.press('e');
  await expect(form).toBeVisible();
  await expect(form.locator('.record-field').filter({ has: page.getByLabel('Title', { exact: true }) }).getByText('edited', { exact: true })).toBeVisible();
  await page.setViewportSize({ width: 900, height: 900 });
  await screenshotBothThemes(page, 'paper-edit-900', { pane: '#detail-pane' });
  await page.setViewportSize({ width: 1920, height: 1000 });
  await page.keyboard.press('Escape');
  await expect(form).toBeHidden();

  await page.getByRole('button', { name: 'Edit', exact: true }).focus();
  await page.keyboard.press('Control+z');
  await expect(page.locator('#paper-detail-title')).toHaveText(original);
  await expect(rows(page).filter({ hasText: 'A title typed by hand' })).toHaveCount(0);
  await expect(detail(page)).toBeVisible();
});

test('New paper from an arXiv address fills the identifiers and the type, and the paper shows in the table', async ({ page, lectern }) => {
  await page.setViewportSize({ width: 1920, height: 1000 });
  await openApp(page, lectern);
  await importSeed(page);
  await page.getByRole('button', { name: 'New paper…' }).click();
  const dialog = page.getByRole('dialog', { name: 'New paper' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('DOI, arXiv id or address')).toBeFocused();
  // A DOI pasted while a button of the form has focus goes to the identifier box (no import starts).
  await dialog.getByRole('button', { name: 'Cancel' }).focus();
  await pasteText(page, 'https://doi.org/10.1145/3597503');
  await expect(dialog.getByLabel('DOI, arXiv id or address')).toHaveValue('https://doi.org/10.1145/3597503');
  await expect(dialog.getByLabel('DOI', { exact: true })).toHaveValue('10.1145/3597503');
  await expect(dialog.getByLabel('Type', { exact: true })).toHaveValue('article-journal');
  await expect(page.getByRole('dialog', { name: 'Import a profile page' })).toBeHidden();
  // The arXiv address typed over it replaces what the DOI filled.
  await dialog.getByLabel('DOI, arXiv id or address').fill('https://arxiv.org/abs/2401.01234v2');
  await expect(dialog.getByLabel('arXiv id', { exact: true })).toHaveValue('2401.01234v2');
  await expect(dialog.getByLabel('URL', { exact: true })).toHaveValue('https://arxiv.org/abs/2401.01234v2');
  await expect(dialog.getByLabel('DOI', { exact: true })).toHaveValue('');
  await expect(dialog.getByLabel('Type', { exact: true })).toHaveValue('article');
  await expect(dialog.getByText(/arXiv 2401\.01234v2: identifier, address and type \(Preprint\) filled/)).toBeVisible();

  // Create without a title: the form says what is missing and stays open.
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(dialog.getByText('A paper needs a title.')).toBeVisible();
  await dialog.getByLabel('Title', { exact: true }).fill('A paper typed in by hand');
  await dialog.getByLabel('Date', { exact: true }).fill('2024-01');
  await dialog.getByRole('button', { name: '+ Add author' }).click();
  await expect(dialog.getByLabel(/Author 1, name as printed/)).toBeFocused();
  await page.keyboard.type('Ada Lovelace');
  await dialog.getByRole('button', { name: '+ Add author' }).click();
  await page.keyboard.type('Charles Babbage');
  // Alt+Up moves the second author above the first.
  await page.keyboard.press('Alt+ArrowUp');
  await expect(dialog.getByLabel(/Author 1, name as printed/)).toHaveValue('Charles Babbage');
  await screenshotBothThemes(page, 'paper-new-1920');
  await page.setViewportSize({ width: 900, height: 900 });
  await screenshotBothThemes(page, 'paper-new-900');
  await page.setViewportSize({ width: 1920, height: 1000 });
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(dialog).toBeHidden();

  await expect(rows(page)).toHaveCount(19);
  const row = rows(page).filter({ hasText: 'A paper typed in by hand' });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('Babbage');
  await expect(page.locator('#paper-detail-title')).toHaveText('A paper typed in by hand');
  await page.getByRole('button', { name: 'Edit', exact: true }).click();
  const form = page.getByRole('form', { name: 'Edit the paper' });
  await expect(form.getByLabel('arXiv id', { exact: true })).toHaveValue('2401.01234v2');
  await expect(form.getByLabel('Type', { exact: true })).toHaveValue('article');
  await screenshotBothThemes(page, 'paper-edit-1920', { pane: '#detail-pane' });
});

test('a re-import keeps the edited title and offers the page\'s newer one, which Accept takes', async ({ page, lectern }) => {
  await openApp(page, lectern);
  await importSeed(page);
  const prover = 'DeepSeek-Prover-V1.5: Harnessing Proof Assistant Feedback for Reinforcement Learning and Monte-Carlo Tree Search';
  await rows(page).filter({ hasText: prover }).click();
  await page.keyboard.press('e');
  const form = page.getByRole('form', { name: 'Edit the paper' });
  await form.getByLabel('Title', { exact: true }).fill('Prover 1.5, my title');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form).toBeHidden();

  // The page now prints the title in capitals: the import matches the paper and keeps the user's title.
  await page.locator('body').click();
  await pasteText(page, SEED_PROFILE.replace(prover, prover.toUpperCase()));
  const dialog = page.getByRole('dialog', { name: 'Import a profile page' });
  await dialog.getByRole('button', { name: /^Import/ }).click();
  await expect(dialog).toBeHidden();
  await rows(page).filter({ hasText: 'Prover 1.5, my title' }).click();
  await expect(page.getByTestId('source-value-hint')).toContainText('A later import read another title than you set by hand.');
  await page.getByTestId('source-value-hint').getByRole('button', { name: 'Review' }).click();
  const offer = form.getByTestId('source-value-title');
  await expect(offer).toContainText(`The page now says: ${prover.toUpperCase()}`);
  await screenshotBothThemes(page, 'paper-edit-source-value', { pane: '#detail-pane' });
  await offer.getByRole('button', { name: 'Accept' }).click();
  await expect(form.getByLabel('Title', { exact: true })).toHaveValue(prover.toUpperCase());
  await expect(offer).toBeHidden();
  await page.keyboard.press('Escape');
  await expect(page.locator('#paper-detail-title')).toHaveText(prover.toUpperCase());
});
