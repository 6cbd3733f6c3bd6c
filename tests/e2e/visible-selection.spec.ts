/**
 * Keys and menus act on the papers the user can see (issue 8, item 8): a selected paper that a
 * filter, a search or a change of the library hides is dropped from the selection, moving focus to a
 * visible row makes that row the selection, and every destructive notice names what it acted on.
 */
import type { Page } from '@playwright/test';
import { expect, importSeed, openApp, screenshotBothThemes, test } from './fixtures';

const PROVER = 'DeepSeek-Prover-V1.5: Harnessing Proof Assistant Feedback for Reinforcement Learning and Monte-Carlo Tree Search';
const R1 = 'DeepSeek-R1: Incentivizing Reasoning Capability in LLMs via Reinforcement Learning';
const V2 = 'DeepSeek-V2: A Strong, Economical, and Efficient Mixture-of-Experts Language Model';

const rows = (page: Page) => page.locator('.papers-table tbody tr[data-paper-id]');
const row = (page: Page, title: string) => rows(page).filter({ has: page.locator(`xpath=self::*[starts-with(@aria-label, ${JSON.stringify(title)})]`) });
const status = (page: Page) => page.getByTestId('status-text');
const sidebar = (page: Page) => page.getByRole('navigation', { name: 'Library' });
const searchBox = (page: Page) => page.getByLabel('Filter papers by title, author or abstract');
const notice = (page: Page) => page.locator('.notices [role="status"]');


async function shownTitles(page: Page): Promise<string[]> {
  const labels = await rows(page).evaluateAll((trs) => trs.map((tr) => tr.getAttribute('aria-label') ?? ''));
  return labels.map((l) => l.replace(/, \d{4}$/, '')).sort();
}

/** The titles in the trash (opens the Trash view, then goes back to the whole library). */
async function trashTitles(page: Page): Promise<string[]> {
  await sidebar(page).getByRole('button', { name: /^Trash/ }).click();
  await expect(page.getByRole('region', { name: 'Trash' })).toBeVisible();
  await expect(status(page)).toContainText('in the trash');
  const titles = await shownTitles(page);
  await page.getByRole('button', { name: /My Library/ }).click();
  return titles;
}

test('Delete after a search hid the selected paper trashes the visible row focused, and says which', async ({ page, lectern }) => {
  await openApp(page, lectern);
  await importSeed(page);
  await row(page, PROVER).click();
  await expect(status(page)).toHaveText('18 papers · 1 selected');

  // A search that hides it: the hidden paper is no longer selected.
  await searchBox(page).fill('incentivizing');
  await expect(rows(page)).toHaveCount(1);
  expect(await shownTitles(page)).toEqual([R1]);
  await expect(status(page)).not.toContainText('selected');

  // Tab moves focus to the visible row (from the header's last control): that row is the selection now.
  await page.locator('.papers-table thead [tabindex="0"], .papers-table thead button').last().focus();
  await page.keyboard.press('Tab');
  await expect(rows(page).first()).toBeFocused();
  await expect(rows(page).first()).toHaveAttribute('aria-selected', 'true');
  await expect(status(page)).toContainText('1 selected');
  await page.keyboard.press('Delete');
  await expect(notice(page).filter({ hasText: 'Moved “DeepSeek-R1: Incentivizing Reasoning…” to the trash.' })).toBeVisible();
  await screenshotBothThemes(page, 'toast-trash-one');
  await searchBox(page).fill('');
  await expect(rows(page)).toHaveCount(17);
  expect(await trashTitles(page)).toEqual([R1]);
});

test('a filter keeps the visible part of a selection; Delete and T act on that part only', async ({ page, lectern }) => {
  await openApp(page, lectern);
  await importSeed(page);
  // Three papers, the Prover (the lead, shown in the detail pane) among them.
  await row(page, R1).click();
  await row(page, V2).click({ modifiers: ['Control'] });
  await row(page, PROVER).click({ modifiers: ['Control'] });
  await expect(status(page)).toHaveText('18 papers · 3 selected');

  // "deepseek-ai" is an author of R1 and V2, not of the Prover.
  await searchBox(page).fill('author:"DeepSeek-AI"');
  await expect(status(page)).toContainText('2 selected');
  await expect(page.locator('.papers-table tbody tr[aria-selected="true"]')).toHaveCount(2);

  // T tags the two visible papers only.
  await page.locator('.papers-table tbody tr[aria-selected="true"]').first().focus();
  await page.keyboard.press('t');
  const picker = page.getByRole('dialog', { name: 'Tag papers' });
  await expect(picker.getByText('Tag 2 papers')).toBeVisible();
  await page.keyboard.press('Escape');

  await page.keyboard.press('Delete');
  await expect(notice(page).filter({ hasText: /^Moved 2 papers to the trash: “DeepSeek-(R1|V2): [^”]*…” and 1 more\./ })).toBeVisible();
  await screenshotBothThemes(page, 'toast-trash-several');
  await searchBox(page).fill('');
  await expect(rows(page)).toHaveCount(16);
  expect(await trashTitles(page)).toEqual([R1, V2].sort());
});

test('a change of the library that hides a selected paper drops it from the selection', async ({ page, lectern }) => {
  await openApp(page, lectern);
  await importSeed(page);
  // Only unread papers; marking the selected one read hides it.
  await page.getByTestId('facet-marks').click();
  await page.getByRole('group', { name: 'Marks filter' }).getByLabel('Reading status').selectOption('unread');
  await page.keyboard.press('Escape');
  await expect(rows(page)).toHaveCount(18);
  await row(page, PROVER).click();
  await page.keyboard.press('r');
  await expect(rows(page)).toHaveCount(17);
  await expect(status(page)).not.toContainText('selected');
  // Delete now has nothing to act on: the read paper stays out of the trash.
  await page.keyboard.press('Delete');
  await page.getByTestId('facet-marks').click();
  await page.getByRole('group', { name: 'Marks filter' }).getByLabel('Reading status').selectOption('');
  await page.keyboard.press('Escape');
  await expect(rows(page)).toHaveCount(18);
  expect(await trashTitles(page)).toEqual([]);
});

test('the row menu and a drag act on the visible selection, and removing a tag and emptying the trash say what they touched', async ({ page, lectern }) => {
  await openApp(page, lectern);
  await importSeed(page);
  await row(page, PROVER).click();
  await row(page, R1).click({ modifiers: ['Control'] });
  await searchBox(page).fill('incentivizing');
  await expect(rows(page)).toHaveCount(1);
  await rows(page).first().click({ button: 'right' });
  const menu = page.getByRole('menu', { name: 'Actions for 1 paper' });
  await expect(menu).toBeVisible();
  await menu.getByRole('menuitem', { name: 'Tags…' }).click();
  const picker = page.getByRole('dialog', { name: 'Tag papers' });
  await picker.getByRole('combobox', { name: 'Tag name' }).fill('reasoning');
  await page.keyboard.press('Enter');
  await expect(picker.getByRole('option', { name: 'reasoning' })).toHaveAttribute('aria-selected', 'true');
  // Enter again takes it off: the notice names the tag and the paper.
  await page.keyboard.press('Enter');
  await expect(notice(page).filter({ hasText: 'Removed the tag “reasoning” from “DeepSeek-R1: Incentivizing Reasoning…”.' })).toBeVisible();
  await screenshotBothThemes(page, 'toast-untag');
  await page.keyboard.press('Escape');

  // Drag the visible row onto the trash: only it goes.
  await rows(page).first().dragTo(sidebar(page).getByRole('button', { name: /^Trash/ }));
  await expect(notice(page).filter({ hasText: 'Moved “DeepSeek-R1: Incentivizing Reasoning…” to the trash.' })).toBeVisible();
  await searchBox(page).fill('');
  await expect(rows(page)).toHaveCount(17);
  expect(await trashTitles(page)).toEqual([R1]);

  // Emptying the trash names what went.
  await sidebar(page).getByRole('button', { name: /^Trash/ }).click();
  await page.getByRole('region', { name: 'Trash' }).getByRole('button', { name: 'Empty trash…' }).click();
  await page.getByRole('dialog', { name: 'Empty the trash?' }).getByRole('button', { name: 'Empty trash' }).click();
  await expect(notice(page).filter({ hasText: 'Deleted “DeepSeek-R1: Incentivizing Reasoning…” for good.' })).toBeVisible();
  await screenshotBothThemes(page, 'toast-empty-trash');
});
