/**
 * Every notice after a deletion says what went (issue 8, item 8): a note by its first words and its
 * paper, an annotation by its quote, a tag, a collection and a saved search by name, papers restored
 * from the trash by title. Screenshots of each in both themes.
 */
import type { Page } from '@playwright/test';
import { expect, importSeed, openApp, screenshotBothThemes, test } from './fixtures';

const PROVER = 'DeepSeek-Prover-V1.5: Harnessing Proof Assistant Feedback for Reinforcement Learning and Monte-Carlo Tree Search';

const rows = (page: Page) => page.locator('.papers-table tbody tr[data-paper-id]');
const detail = (page: Page) => page.locator('#paper-detail');
const sidebar = (page: Page) => page.getByRole('navigation', { name: 'Library' });
const notice = (page: Page, text: string) => page.locator('.notices [role="status"]').filter({ hasText: text });


test('deleting a note, an annotation, a tag, a collection or a saved search, and restoring papers, name what was touched', async ({ page, lectern }) => {
  await openApp(page, lectern);
  await importSeed(page);
  await rows(page).filter({ hasText: PROVER }).click();

  // A note, then its deletion.
  const notes = detail(page).getByRole('region', { name: /^Notes/ });
  await notes.getByRole('button', { name: 'Add note' }).click();
  await page.keyboard.type('Compare **RMaxTS** with plain best-first search over proof states.');
  await page.keyboard.press('Control+Enter');
  await notes.getByTestId('note').getByRole('button', { name: 'Delete' }).click();
  await expect(notice(page, 'Deleted the note “Compare RMaxTS with plain best-first…” from “DeepSeek-Prover-V1.5: Harnessing Proof…”.')).toBeVisible();
  await screenshotBothThemes(page, 'toast-note-deleted');

  // An annotation, then its deletion.
  await detail(page).getByRole('button', { name: 'Annotate a passage…' }).click();
  await page.keyboard.type('ProofNet benchmark');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Control+Enter');
  await detail(page).getByTestId('annotation').getByRole('button', { name: /^Delete the annotation/ }).click();
  await expect(notice(page, 'Deleted the annotation “ProofNet benchmark”.')).toBeVisible();
  await screenshotBothThemes(page, 'toast-annotation-deleted');

  // A tag on two papers, then its deletion from the sidebar.
  await rows(page).nth(0).click();
  await rows(page).nth(1).click({ modifiers: ['Shift'] });
  await page.keyboard.press('t');
  await page.getByRole('dialog', { name: 'Tag papers' }).getByRole('combobox').fill('method/search');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
  await sidebar(page).locator('button[data-tag="method/search"]').click({ button: 'right' });
  await page.getByRole('menu', { name: 'Tag method/search' }).getByRole('menuitem', { name: 'Delete…' }).click();
  await page.getByRole('dialog', { name: 'Delete tag “method/search”?' }).getByRole('button', { name: 'Delete tag' }).click();
  await expect(notice(page, 'Deleted the tag “method/search”; 2 papers lost it.')).toBeVisible();
  await screenshotBothThemes(page, 'toast-tag-deleted');

  // A collection with a sub-collection.
  await sidebar(page).getByRole('button', { name: 'New collection' }).click();
  await page.getByRole('dialog', { name: 'New collection' }).getByLabel('Name').fill('Provers');
  await page.keyboard.press('Enter');
  const provers = sidebar(page).locator('button[data-collection="Provers"]');
  await provers.click({ button: 'right' });
  await page.getByRole('menu', { name: 'Collection Provers' }).getByRole('menuitem', { name: 'New sub-collection…' }).click();
  await page.getByRole('dialog', { name: 'New sub-collection' }).getByLabel('Name').fill('Lean');
  await page.keyboard.press('Enter');
  await expect(sidebar(page).locator('button[data-collection="Lean"]')).toBeVisible();
  await provers.click({ button: 'right' });
  await page.getByRole('menu', { name: 'Collection Provers' }).getByRole('menuitem', { name: 'Delete…' }).click();
  await page.getByRole('dialog', { name: 'Delete “Provers”?' }).getByRole('button', { name: 'Delete collection' }).click();
  await expect(notice(page, 'Deleted the collection “Provers” and its sub-collection; the papers stay in the library.')).toBeVisible();
  await screenshotBothThemes(page, 'toast-collection-deleted');

  // A saved search.
  await page.getByLabel('Filter papers by title, author or abstract').fill('prover');
  await expect(rows(page)).toHaveCount(3);
  await sidebar(page).getByRole('button', { name: 'Save the current search' }).click();
  await page.getByRole('dialog', { name: 'Save search' }).getByLabel('Name').fill('Provers to read');
  await page.keyboard.press('Enter');
  const saved = sidebar(page).getByRole('button', { name: 'Provers to read' });
  await saved.click({ button: 'right' });
  await page.getByRole('menu', { name: 'Saved search Provers to read' }).getByRole('menuitem', { name: 'Delete…' }).click();
  await page.getByRole('dialog', { name: 'Delete saved search “Provers to read”?' }).getByRole('button', { name: 'Delete' }).click();
  await expect(notice(page, 'Deleted the saved search “Provers to read”; no paper changed.')).toBeVisible();
  await screenshotBothThemes(page, 'toast-saved-search-deleted');

  // Restoring from the trash.
  await page.getByRole('button', { name: /My Library/ }).click();
  await rows(page).filter({ hasText: PROVER }).click();
  await page.keyboard.press('Delete');
  await sidebar(page).getByRole('button', { name: /^Trash/ }).click();
  await rows(page).first().click();
  await page.getByRole('region', { name: 'Trash' }).getByRole('button', { name: 'Restore' }).click();
  await expect(notice(page, 'Restored “DeepSeek-Prover-V1.5: Harnessing Proof…” to the library.')).toBeVisible();
  await screenshotBothThemes(page, 'toast-restored');
});
