/**
 * Organising the library from the window (issue 4): tags by the T picker and by drag, filtering by
 * tags with Any/All, status, rating and star from the keyboard and sorting by rating, collections,
 * the trash with restore and undo, and Ctrl+Z undoing a tag removal.
 */
import type { Page } from '@playwright/test';
import { expect, importSeed, openApp, screenshotBothThemes, test } from './fixtures';

const rows = (page: Page) => page.locator('.papers-table tbody tr[data-paper-id]');
const status = (page: Page) => page.getByTestId('status-text');
const sidebar = (page: Page) => page.getByRole('navigation', { name: 'Library' });

/** Turn on columns in the chooser (they start hidden). */
async function showColumns(page: Page, names: string[]): Promise<void> {
  await page.getByRole('button', { name: 'Columns…' }).click();
  const chooser = page.getByRole('dialog', { name: 'Columns' });
  for (const name of names) await chooser.getByRole('checkbox', { name, exact: true }).check();
  await chooser.getByRole('button', { name: 'Done' }).click();
}

async function titlesOf(page: Page, indexes: number[]): Promise<string[]> {
  const out: string[] = [];
  for (const i of indexes) out.push((await rows(page).nth(i).getAttribute('aria-label'))?.replace(/, \d{4}$/, '') ?? '');
  return out;
}

async function shownTitles(page: Page): Promise<string[]> {
  const labels = await rows(page).evaluateAll((trs) => trs.map((tr) => tr.getAttribute('aria-label') ?? ''));
  return labels.map((l) => l.replace(/, \d{4}$/, '')).sort();
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}


const tagEntry = (page: Page, path: string) => sidebar(page).locator(`button[data-tag="${path}"]`);

test('tags: the T picker and a drag tag papers, and the sidebar filters by tags with Any and All', async ({ page, lectern }) => {
  await openApp(page, lectern);
  await importSeed(page);
  await showColumns(page, ['Tags']);
  const [a, b, c, d] = await titlesOf(page, [0, 1, 2, 3]);

  // T on three selected papers: type a new name, Enter creates it and tags all three.
  await rows(page).nth(0).click();
  await rows(page).nth(2).click({ modifiers: ['Shift'] });
  await page.keyboard.press('t');
  const picker = page.getByRole('dialog', { name: 'Tag papers' });
  await expect(picker).toBeVisible();
  await expect(picker.getByText('Tag 3 papers')).toBeVisible();
  await picker.getByRole('combobox', { name: 'Tag name' }).fill('method/rl');
  await expect(picker.getByRole('option', { name: /Create tag “method\/rl”/ })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(picker.getByRole('option', { name: 'method/rl' })).toHaveAttribute('aria-selected', 'true');
  await screenshotBothThemes(page, 'organise-tag-picker');
  await page.keyboard.press('Escape');
  await expect(picker).toBeHidden();
  for (const i of [0, 1, 2]) await expect(rows(page).nth(i).locator('td.col-tags')).toHaveText('method/rl');
  await expect(rows(page).nth(3).locator('td.col-tags')).toHaveText('');
  // The tree: "method" groups "rl". Only the tag counts its papers; the bare level "method" (no tag of
  // its own) shows no count, since its children's papers may overlap, but clicking it shows them.
  await expect(tagEntry(page, 'method')).toHaveText('method');
  await expect(tagEntry(page, 'method/rl')).toContainText('rl3');
  await tagEntry(page, 'method').click();
  await expect(rows(page)).toHaveCount(3);
  await page.getByRole('button', { name: /My Library/ }).click();
  await expect(rows(page)).toHaveCount(18);

  // A new tag from the sidebar's "+": the library's message for an empty name shows in the dialog.
  await sidebar(page).getByRole('button', { name: 'New tag' }).click();
  const dialog = page.getByRole('dialog', { name: 'New tag' });
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('A tag needs a name.');
  await dialog.getByLabel('Name').fill('x'.repeat(101));
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('The tag name is 101 characters long; the limit is 100.');
  await screenshotBothThemes(page, 'organise-tag-dialog');
  await dialog.getByLabel('Name').fill('survey');
  await dialog.getByRole('radio', { name: 'Green' }).click();
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(dialog).toBeHidden();
  await expect(tagEntry(page, 'survey')).toContainText('0');

  // Drag papers 3 and 4 (c, d) onto "survey".
  await rows(page).nth(2).click();
  await rows(page).nth(3).click({ modifiers: ['Control'] });
  await rows(page).nth(3).dragTo(tagEntry(page, 'survey'));
  await expect(tagEntry(page, 'survey')).toContainText('2');
  await expect(rows(page).nth(2).locator('td.col-tags')).toHaveText('method/rlsurvey');
  await expect(rows(page).nth(3).locator('td.col-tags')).toHaveText('survey');
  await expect(rows(page).nth(3).locator('.tag-chip')).toHaveAttribute('style', '--tag-colour: #3fa37a;');

  // Filter: a parent level takes in its children; Ctrl+click adds a tag; Any (OR) and All (AND).
  await tagEntry(page, 'method').click();
  await expect(rows(page)).toHaveCount(3);
  expect(await shownTitles(page)).toEqual([a, b, c].sort());
  await tagEntry(page, 'survey').click({ modifiers: ['Control'] });
  await expect(rows(page)).toHaveCount(4);
  expect(await shownTitles(page)).toEqual([a, b, c, d].sort());
  await expect(status(page)).toContainText('tagged method/rl or survey');
  await sidebar(page).getByRole('group', { name: 'Papers with' }).getByRole('button', { name: 'All' }).click();
  await expect(rows(page)).toHaveCount(1);
  expect(await shownTitles(page)).toEqual([c]);
  await expect(status(page)).toContainText('1 of 18 papers · tagged method/rl and survey');
  await screenshotBothThemes(page, 'organise-tags-sidebar');

  // Rename from the entry's context menu: the chips follow.
  await tagEntry(page, 'survey').click({ button: 'right' });
  await page.getByRole('menu', { name: 'Tag survey' }).getByRole('menuitem', { name: 'Rename…' }).click();
  const rename = page.getByRole('dialog', { name: 'Rename “survey”' });
  await rename.getByLabel('Name').fill('review/survey');
  await rename.getByRole('button', { name: 'Rename' }).click();
  await expect(rename).toBeHidden();
  await expect(tagEntry(page, 'review/survey')).toContainText('2');
  await expect(rows(page).nth(0).locator('td.col-tags')).toHaveText('method/rlreview/survey');
});

test('status, rating and star from the keyboard and by clicking a cell; sort and filter by them', async ({ page, lectern }) => {
  await openApp(page, lectern);
  await importSeed(page);
  await showColumns(page, ['Star', 'Status', 'Rating']);
  const [first, second, third] = await titlesOf(page, [0, 1, 2]);

  await rows(page).nth(1).click();
  await page.keyboard.press('4');
  await page.keyboard.press('s');
  await page.keyboard.press('r');
  await expect(rows(page).nth(1).getByRole('group', { name: 'Rated 4 of 5' })).toBeVisible();
  await expect(rows(page).nth(1).getByRole('button', { name: 'Starred' })).toHaveAttribute('aria-pressed', 'true');
  await expect(rows(page).nth(1).locator('td.col-status')).toHaveText('Read');

  // 1-5 on a selection of two, 0 clears; I marks them reading.
  await rows(page).nth(2).click();
  await rows(page).nth(0).click({ modifiers: ['Shift'] });
  await page.keyboard.press('2');
  await page.keyboard.press('i');
  await expect(rows(page).nth(0).getByRole('group', { name: 'Rated 2 of 5' })).toBeVisible();
  await expect(rows(page).nth(1).getByRole('group', { name: 'Rated 2 of 5' })).toBeVisible();
  await expect(rows(page).nth(2).locator('td.col-status')).toHaveText('Reading');
  await rows(page).nth(1).click();
  await page.keyboard.press('5');
  await expect(rows(page).nth(1).getByRole('group', { name: 'Rated 5 of 5' })).toBeVisible();

  // Clicking a cell acts on that paper: the third star of row 0 rates it 3.
  await rows(page).nth(0).getByRole('button', { name: '3 of 5' }).click();
  await expect(rows(page).nth(0).getByRole('group', { name: 'Rated 3 of 5' })).toBeVisible();

  // Keys typed in a text field stay there.
  // (Checked once the box is cleared again: while "1" filters the table, row 0 may be another paper.)
  await page.getByRole('searchbox').first().focus();
  await page.keyboard.press('1');
  await expect(page.getByRole('searchbox').first()).toHaveValue('1');
  await page.getByRole('searchbox').first().fill('');
  await expect(rows(page)).toHaveCount(18);
  await expect(rows(page).nth(0).getByRole('group', { name: 'Rated 3 of 5' })).toBeVisible();

  // Sort by rating: ascending, then descending (highest first).
  const ratingHeader = page.getByRole('columnheader', { name: /^Rating/ }).getByRole('button');
  await ratingHeader.click();
  await ratingHeader.click();
  await expect(page.getByRole('columnheader', { name: /^Rating/ })).toHaveAttribute('aria-sort', 'descending');
  expect(await titlesOf(page, [0, 1, 2])).toEqual([second, first, third]);
  await expect(status(page)).toContainText('sorted by Rating (highest first)');

  // Filter: starred only, then rated 3 or more.
  await page.getByTestId('facet-marks').click();
  const marks = page.getByRole('group', { name: 'Marks filter' });
  await marks.getByLabel('Rating').selectOption('3');
  await expect(rows(page)).toHaveCount(2);
  await marks.getByLabel('Starred only').check();
  await expect(rows(page)).toHaveCount(1);
  await expect(status(page)).toContainText('1 of 18 papers · rated 3+, starred');
  await screenshotBothThemes(page, 'organise-marks');
});

test('collections: create, add by the row menu and by drag, filter by one', async ({ page, lectern }) => {
  await openApp(page, lectern);
  await importSeed(page);
  const [a, b, c] = await titlesOf(page, [0, 1, 2]);

  await sidebar(page).getByRole('button', { name: 'New collection' }).click();
  const dialog = page.getByRole('dialog', { name: 'New collection' });
  await dialog.getByLabel('Name').fill('Reading list');
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(dialog).toBeHidden();
  const entry = sidebar(page).locator('button[data-collection="Reading list"]');
  await expect(entry).toContainText('0');

  // The row menu on two selected papers.
  await rows(page).nth(0).click();
  await rows(page).nth(1).click({ modifiers: ['Shift'] });
  await rows(page).nth(1).click({ button: 'right' });
  const menu = page.getByRole('menu', { name: 'Actions for 2 papers' });
  await expect(menu).toBeVisible();
  await screenshotBothThemes(page, 'organise-row-menu');
  await menu.getByRole('group', { name: 'Add to collection' }).getByRole('menuitem', { name: 'Reading list' }).click();
  await expect(menu).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'Added 2 papers to “Reading list”.' })).toBeVisible();
  await expect(entry).toContainText('2');

  // Drag a third onto it.
  await rows(page).nth(2).click();
  await rows(page).nth(2).dragTo(entry);
  await expect(entry).toContainText('3');

  // A sub-collection from the entry's context menu.
  await entry.click({ button: 'right' });
  await page.getByRole('menu', { name: 'Collection Reading list' }).getByRole('menuitem', { name: 'New sub-collection…' }).click();
  const sub = page.getByRole('dialog', { name: 'New sub-collection' });
  await sub.getByLabel('Name').fill('Theory');
  await sub.getByRole('button', { name: 'Create' }).click();
  await expect(sidebar(page).locator('button[data-collection="Theory"]')).toContainText('0');

  await entry.click();
  await expect(rows(page)).toHaveCount(3);
  expect(await shownTitles(page)).toEqual([a, b, c].sort());
  await expect(status(page)).toContainText('3 of 18 papers · in Reading list');
  await screenshotBothThemes(page, 'organise-collections');
});

test('Delete moves papers to the trash with Undo; the trash restores and empties', async ({ page, lectern }) => {
  await openApp(page, lectern);
  await importSeed(page);
  const [a, b] = await titlesOf(page, [0, 1]);
  const trash = sidebar(page).getByRole('button', { name: /^Trash/ });
  await expect(trash).toHaveText('Trash0');

  await rows(page).nth(0).click();
  await page.keyboard.press('Delete');
  await expect(rows(page)).toHaveCount(17);
  // The notice names the paper (its title, shortened), not just a count.
  const notice = page.getByRole('status').filter({ hasText: new RegExp(`^Moved “${escapeRegExp((a ?? '').slice(0, 12))}[^”]*” to the trash\\.`) });
  await expect(notice).toBeVisible();
  await expect(trash).toHaveText('Trash1');
  // Undo in the notice brings it back.
  await notice.getByRole('button', { name: 'Undo' }).click();
  await expect(rows(page)).toHaveCount(18);
  await expect(trash).toHaveText('Trash0');
  await expect(page.getByRole('status').filter({ hasText: 'Undid: delete 1 paper' })).toBeVisible();

  // Backspace on two.
  await rows(page).nth(0).click();
  await rows(page).nth(1).click({ modifiers: ['Shift'] });
  await page.keyboard.press('Backspace');
  await expect(rows(page)).toHaveCount(16);
  await expect(page.getByRole('status').filter({ hasText: new RegExp(`^Moved 2 papers to the trash: “${escapeRegExp((b ?? '').slice(0, 12))}[^”]*” and 1 more\\.`) })).toBeVisible();
  await expect(trash).toHaveText('Trash2');

  await trash.click();
  await expect(rows(page)).toHaveCount(2);
  expect(await shownTitles(page)).toEqual([a, b].sort());
  await expect(page.getByRole('region', { name: 'Trash' })).toContainText('2 papers in the trash.');
  // The trashed papers are not counted as "of" the library's 16.
  await expect(status(page)).toHaveText(/^2 papers · in the trash/);
  await screenshotBothThemes(page, 'organise-trash');
  await rows(page).filter({ hasText: a }).click();
  await page.getByRole('region', { name: 'Trash' }).getByRole('button', { name: 'Restore' }).click();
  await expect(rows(page)).toHaveCount(1);
  await expect(trash).toHaveText('Trash1');

  await page.getByRole('region', { name: 'Trash' }).getByRole('button', { name: 'Empty trash…' }).click();
  const confirm = page.getByRole('dialog', { name: 'Empty the trash?' });
  await expect(confirm).toContainText('1 paper will be deleted for good');
  await confirm.getByRole('button', { name: 'Empty trash' }).click();
  await expect(trash).toHaveText('Trash0');
  await expect(rows(page)).toHaveCount(0);
  await page.getByRole('button', { name: /My Library/ }).click();
  await expect(rows(page)).toHaveCount(17);
});

test('Ctrl+Z undoes a tag removal and Ctrl+Shift+Z redoes it', async ({ page, lectern }) => {
  await openApp(page, lectern);
  await importSeed(page);
  await showColumns(page, ['Tags']);
  await rows(page).nth(0).click();
  await page.keyboard.press('t');
  const picker = page.getByRole('dialog', { name: 'Tag papers' });
  await picker.getByRole('combobox', { name: 'Tag name' }).fill('to-read');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
  const cell = rows(page).nth(0).locator('td.col-tags');
  await expect(cell).toHaveText('to-read');

  // Remove it in the detail pane.
  const detail = page.locator('#paper-detail');
  await expect(detail.getByRole('list', { name: 'Tags' })).toContainText('to-read');
  await screenshotBothThemes(page, 'organise-detail', { pane: '#detail-pane' });
  await detail.getByRole('button', { name: 'Remove tag to-read' }).click();
  await expect(cell).toHaveText('');

  await rows(page).nth(0).click();
  await page.keyboard.press('Control+z');
  await expect(cell).toHaveText('to-read');
  await expect(page.getByRole('status').filter({ hasText: 'Undid: untag 1 paper' })).toBeVisible();
  await page.keyboard.press('Control+Shift+z');
  await expect(cell).toHaveText('');
  await expect(page.getByRole('status').filter({ hasText: 'Redid: untag 1 paper' })).toBeVisible();
  await page.keyboard.press('Control+y');
  await expect(page.getByRole('status').filter({ hasText: 'Nothing to redo.' })).toBeVisible();
});

test('a saved search keeps the current filters and follows the library as it changes', async ({ page, lectern }) => {
  await openApp(page, lectern);
  await importSeed(page);
  const [a, b] = await titlesOf(page, [0, 1]);
  await rows(page).nth(0).click();
  await page.keyboard.press('5');
  await expect(page.locator('#paper-detail').getByRole('group', { name: 'Rated 5 of 5' })).toBeVisible();

  await page.getByTestId('facet-marks').click();
  await page.getByRole('group', { name: 'Marks filter' }).getByLabel('Rating').selectOption('4');
  await page.keyboard.press('Escape');
  await expect(rows(page)).toHaveCount(1);

  await sidebar(page).getByRole('button', { name: 'Save the current search' }).click();
  const dialog = page.getByRole('dialog', { name: 'Save search' });
  await expect(dialog).toContainText('Papers matching rating:>=4.');
  await dialog.getByLabel('Name').fill('Best');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  const entry = sidebar(page).getByRole('button', { name: 'Best' });
  await expect(entry).toHaveAttribute('aria-current', 'true');
  await expect(rows(page)).toHaveCount(1);
  expect(await shownTitles(page)).toEqual([a]);
  await expect(status(page)).toContainText('1 of 18 papers · saved search “Best”');

  // Rate another paper 4 in the whole library: the saved search now finds it too.
  await page.getByRole('button', { name: /My Library/ }).click();
  await expect(rows(page)).toHaveCount(18);
  await rows(page).filter({ hasText: b }).click();
  await page.keyboard.press('4');
  await expect(page.locator('#paper-detail').getByRole('group', { name: 'Rated 4 of 5' })).toBeVisible();
  await entry.click();
  await expect(rows(page)).toHaveCount(2);
  expect(await shownTitles(page)).toEqual([a, b].sort());
});
