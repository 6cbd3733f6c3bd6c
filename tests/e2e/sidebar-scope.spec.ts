/**
 * The sidebar and the filter bar are one model of what the table shows (issue 9, "Sidebar scope"):
 * My Library is highlighted only when nothing narrows the list and clicking it shows everything; every
 * constraint (a tag's too) is a chip with its own remove button; clicking a sidebar entry changes the
 * list without closing the paper open in the detail pane.
 */
import type { Page } from '@playwright/test';
import { expect, importSeed, openApp, screenshotBothThemes, test } from './fixtures';

const rows = (page: Page) => page.locator('.papers-table tbody tr[data-paper-id]');
const selectedRows = (page: Page) => page.locator('.papers-table tbody tr[aria-selected="true"]');
const sidebar = (page: Page) => page.getByRole('navigation', { name: 'Library' });
const myLibrary = (page: Page) => sidebar(page).getByRole('button', { name: /My Library/ });
const tagEntry = (page: Page, path: string) => sidebar(page).locator(`button[data-tag="${path}"]`);
const bar = (page: Page) => page.getByRole('toolbar', { name: 'Filters' });
const chips = (page: Page) => bar(page).locator('.filter-chip');
const detailTitle = (page: Page) => page.locator('#paper-detail-title');

/** Tag rows `indexes` (of the whole library's list) with `name` through the T picker. */
async function tagRows(page: Page, indexes: number[], name: string): Promise<void> {
  await rows(page).nth(indexes[0]!).click();
  for (const i of indexes.slice(1)) await rows(page).nth(i).click({ modifiers: ['Control'] });
  await page.keyboard.press('t');
  const picker = page.getByRole('dialog', { name: 'Tag papers' });
  await picker.getByRole('combobox', { name: 'Tag name' }).fill(name);
  await expect(picker.getByRole('option', { name: new RegExp(`Create tag “${name.replace('/', '\\/')}”`) })).toBeVisible();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
  await expect(picker).toBeHidden();
}

async function titleOf(page: Page, index: number): Promise<string> {
  return ((await rows(page).nth(index).getAttribute('aria-label')) ?? '').replace(/, \d{4}$/, '');
}

test('My Library is highlighted only when nothing narrows the list, and clicking it clears a year or a category', async ({ page, lectern }) => {
  await openApp(page, lectern);
  await importSeed(page);
  await expect(myLibrary(page)).toHaveAttribute('aria-current', 'page');
  await expect(chips(page)).toHaveCount(0);

  // A year from the sidebar: that year is highlighted, not My Library, and a chip says so.
  const years = sidebar(page).getByRole('list', { name: 'Years' }).getByRole('button');
  const year = years.first();
  const yearText = (await year.locator('.nav-label').textContent()) ?? '';
  await year.click();
  await expect(year).toHaveAttribute('aria-current', 'true');
  await expect(myLibrary(page)).not.toHaveAttribute('aria-current', /.*/);
  await expect(chips(page)).toHaveText([`Year: ${yearText}`]);
  const inYear = await rows(page).count();
  expect(inYear).toBeLessThan(18);

  // My Library shows everything again (the old window kept the year and highlighted My Library).
  await myLibrary(page).click();
  await expect(rows(page)).toHaveCount(18);
  await expect(myLibrary(page)).toHaveAttribute('aria-current', 'page');
  await expect(year).not.toHaveAttribute('aria-current', /.*/);
  await expect(chips(page)).toHaveCount(0);

  // A category picked in the filter bar narrows the list: My Library is no longer highlighted.
  await page.getByTestId('facet-category').click();
  const categories = page.getByRole('group', { name: 'Category filter' });
  await categories.getByRole('checkbox').first().check();
  await page.keyboard.press('Escape');
  await expect(chips(page)).toHaveCount(1);
  await expect(chips(page).first()).toContainText('Category: ');
  await expect(myLibrary(page)).not.toHaveAttribute('aria-current', /.*/);
  expect(await rows(page).count()).toBeLessThan(18);
  await myLibrary(page).click();
  await expect(rows(page)).toHaveCount(18);
  await expect(chips(page)).toHaveCount(0);
  await expect(page.getByTestId('status-text')).toHaveText('18 papers');
});

test('a tag filter shows as a chip in the filter bar, whose button removes it', async ({ page, lectern }) => {
  await openApp(page, lectern);
  await importSeed(page);
  await tagRows(page, [0, 1, 2], 'method/rl');
  await tagEntry(page, 'method/rl').click();
  await expect(rows(page)).toHaveCount(3);
  await expect(tagEntry(page, 'method/rl')).toHaveAttribute('aria-current', 'true');
  const chip = chips(page).filter({ hasText: 'Tag: method/rl' });
  await expect(chip).toHaveCount(1);
  await expect(chips(page)).toHaveCount(1);

  // Ctrl+click a second tag: both show, joined by the Any / All switch's word.
  await tagRows(page, [0], 'survey');
  await tagEntry(page, 'survey').click({ modifiers: ['Control'] });
  await expect(chips(page)).toHaveText(['Tag: method/rl', 'or tag: survey']);
  await sidebar(page).getByRole('group', { name: 'Papers with' }).getByRole('button', { name: 'All' }).click();
  await expect(chips(page)).toHaveText(['Tag: method/rl', 'and tag: survey']);
  await expect(rows(page)).toHaveCount(1);

  await chips(page).filter({ hasText: 'survey' }).getByRole('button', { name: 'Remove the tag filter (survey)' }).click();
  await expect(chips(page)).toHaveText(['Tag: method/rl']);
  await expect(rows(page)).toHaveCount(3);
  await chip.getByRole('button', { name: 'Remove the tag filter (method/rl)' }).click();
  await expect(rows(page)).toHaveCount(18);
  await expect(chips(page)).toHaveCount(0);
  await expect(myLibrary(page)).toHaveAttribute('aria-current', 'page');
});

test('clicking a tag in the sidebar keeps the open paper open, in the new list or not', async ({ page, lectern }) => {
  await openApp(page, lectern);
  await importSeed(page);
  await tagRows(page, [0, 1, 2], 'method/rl');

  // A paper the tag shows: it stays open and selected.
  const tagged = await titleOf(page, 1);
  await rows(page).nth(1).click();
  await expect(detailTitle(page)).toHaveText(tagged);
  await tagEntry(page, 'method/rl').click();
  await expect(rows(page)).toHaveCount(3);
  await expect(detailTitle(page)).toHaveText(tagged);
  await expect(page.getByRole('tab', { name: 'Paper' })).toHaveAttribute('aria-selected', 'true');
  await expect(selectedRows(page)).toHaveCount(1);

  // A paper the tag hides: it stays open in the detail pane, but the table selects nothing it does not show.
  await myLibrary(page).click();
  await expect(rows(page)).toHaveCount(18);
  const other = await titleOf(page, 10);
  await rows(page).nth(10).click();
  await expect(detailTitle(page)).toHaveText(other);
  await tagEntry(page, 'method/rl').click();
  await expect(rows(page)).toHaveCount(3);
  await expect(detailTitle(page)).toHaveText(other);
  await expect(selectedRows(page)).toHaveCount(0);
  await expect(page.getByTestId('status-text')).not.toContainText('selected');

  // A collection or My Library does not close it either.
  await myLibrary(page).click();
  await expect(detailTitle(page)).toHaveText(other);
});

test('several chips in the filter bar line up and wrap cleanly at 900 and 1920 px, in both themes', async ({ page, lectern }) => {
  await openApp(page, lectern);
  await importSeed(page);
  // Papers far apart in the list, so their years make a range.
  await tagRows(page, [0, 6, 12, 17], 'method/rl');
  await tagRows(page, [3], 'survey');
  await tagEntry(page, 'method/rl').click();
  await tagEntry(page, 'survey').click({ modifiers: ['Control'] });
  await page.getByTestId('facet-year').click();
  const yearMenu = page.getByRole('group', { name: 'Year filter' });
  const yearValues = await yearMenu.getByLabel('From').locator('option').evaluateAll((os) => os.map((o) => (o as unknown as { value: string }).value).filter(Boolean));
  await yearMenu.getByLabel('From').selectOption(yearValues[0]!);
  await yearMenu.getByLabel('To').selectOption(yearValues[yearValues.length - 1]!);
  await page.keyboard.press('Escape');
  await page.getByTestId('facet-code').click();
  await page.getByRole('group', { name: 'Code filter' }).getByLabel('With code').check();
  await page.keyboard.press('Escape');
  await page.getByTestId('facet-marks').click();
  await page.getByRole('group', { name: 'Marks filter' }).getByLabel('Starred only').check();
  await page.keyboard.press('Escape');
  await page.getByLabel('Filter papers by title, author or abstract').fill('reinforcement learning');
  const [first, last] = [yearValues[0]!, yearValues[yearValues.length - 1]!];
  await expect(chips(page)).toHaveText([
    'Tag: method/rl',
    'or tag: survey',
    `Year: ${first === last ? first : `${first}–${last}`}`,
    'With code',
    'Starred',
    'Search: reinforcement learning',
  ]);
  await expect(myLibrary(page)).not.toHaveAttribute('aria-current', /.*/);
  await expect(tagEntry(page, 'method/rl')).not.toHaveAttribute('aria-current', /.*/);

  for (const width of [900, 1920]) {
    await page.setViewportSize({ width, height: 800 });
    await page.waitForTimeout(200);
    // A narrow window shows the open paper as a drawer over the table: close it to see the bar.
    const close = page.getByRole('button', { name: 'Close the details pane' });
    if (await close.isVisible()) await close.click();
    const geometry = await bar(page).evaluate((el) => {
      const box = el.getBoundingClientRect();
      const items = [...el.querySelectorAll('.facet-button, .filter-chip, :scope > .button')].map((c) => {
        const r = c.getBoundingClientRect();
        const value = c.querySelector('.filter-chip-value');
        return { top: r.top, bottom: r.bottom, left: r.left, right: r.right, clipped: value ? value.scrollWidth > value.clientWidth + 1 : false };
      });
      return { box: { left: box.left, right: box.right }, overflow: el.scrollWidth > el.clientWidth, items };
    });
    expect(geometry.overflow).toBe(false);
    for (const item of geometry.items) {
      expect(item.left).toBeGreaterThanOrEqual(geometry.box.left);
      expect(item.right).toBeLessThanOrEqual(geometry.box.right);
      expect(item.clipped).toBe(false);
    }
    // Every control sits on a line with the others: same height, and lines do not overlap.
    const tops = [...new Set(geometry.items.map((i) => Math.round(i.top)))].sort((a, b) => a - b);
    for (const item of geometry.items) expect(Math.round(item.bottom - item.top)).toBe(24);
    for (let i = 1; i < tops.length; i++) expect(tops[i]! - tops[i - 1]!).toBeGreaterThanOrEqual(24);
    if (width === 900) expect(tops.length).toBeGreaterThan(1);
    if (width === 1920) expect(tops.length).toBe(1);
    await screenshotBothThemes(page, `scope-chips-${width}`, { pane: '.facet-bar' });
  }
});
