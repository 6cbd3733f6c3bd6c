/**
 * The library window (issue 3): column chooser, multi-sort, facet filters with counts, keyboard
 * selection, pane sizes, import progress and cancel, and the detail pane's import history. Expected
 * counts are computed from the fixture pages with the same parser the library uses.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { detectAndParse } from '../../shared/paste/detect';
import type { ParsedPaper } from '../../shared/paste/parsed';
import { expect, openApp, pasteText, SCREENSHOT_DIR, screenshotBothThemes, SEED_PROFILE, test } from './fixtures';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SAMPLE_PROFILE = readFileSync(join(ROOT, 'resources', 'samples', 'scholarfeed-sample.txt'), 'utf8');
const fmt = (n: number) => n.toLocaleString('en-US');

function papersOf(text: string): ParsedPaper[] {
  return detectAndParse(text).profile.papers;
}

function countBy<T>(items: T[], keys: (item: T) => (string | number)[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const item of items) for (const k of new Set(keys(item).map(String))) out.set(k, (out.get(k) ?? 0) + 1);
  return out;
}

async function importText(page: Page, text: string, button: RegExp): Promise<void> {
  await page.locator('body').click();
  await pasteText(page, text);
  const dialog = page.getByRole('dialog', { name: 'Import a profile page' });
  await dialog.getByRole('button', { name: button }).click();
  await expect(dialog).toBeHidden();
}

const rows = (page: Page) => page.locator('.papers-table tbody tr[data-paper-id]');
const status = (page: Page) => page.getByTestId('status-text');

async function wholeLibrary(page: Page): Promise<void> {
  await page.getByRole('button', { name: /My Library/ }).click();
  const dismiss = page.getByRole('button', { name: 'Dismiss' });
  if (await dismiss.count()) await dismiss.first().click();
}

test('the column chooser hides, shows and reorders columns, and the choice survives a reload', async ({ page, lectern }) => {
  await openApp(page, lectern);
  await importText(page, SEED_PROFILE, /Import 18 papers/);
  await wholeLibrary(page);
  const headers = page.locator('.papers-table thead th');
  await expect(headers).toHaveText(['Title', 'Authors', 'Date', 'Categories', 'Code', 'Affiliations']);

  // Right-click a header opens the chooser.
  await page.getByRole('columnheader', { name: /^Date/ }).click({ button: 'right' });
  const chooser = page.getByRole('dialog', { name: 'Columns' });
  await expect(chooser).toBeVisible();
  await screenshotBothThemes(page, 'column-chooser');
  await chooser.getByRole('checkbox', { name: 'Affiliations', exact: true }).uncheck();
  await chooser.getByRole('checkbox', { name: 'Citations', exact: true }).check();
  await chooser.getByRole('checkbox', { name: 'Year', exact: true }).check();
  // Keyboard reorder: Year up above Authors (Alt+Up twice from after First author).
  await chooser.getByRole('checkbox', { name: 'Year', exact: true }).focus();
  await page.keyboard.press('Alt+ArrowUp');
  await page.keyboard.press('Alt+ArrowUp');
  await expect(chooser.getByRole('checkbox', { name: 'Year', exact: true })).toBeFocused();
  await chooser.getByRole('button', { name: 'Done' }).click();
  await expect(chooser).toBeHidden();
  await expect(headers).toHaveText(['Title', 'Year', 'Authors', 'Date', 'Categories', 'Code', 'Citations']);

  // Citations are right-aligned numbers with thousands separators, as the fixture gives them.
  const seed = papersOf(SEED_PROFILE);
  const cited = seed.filter((p) => p.citations !== null).sort((a, b) => (b.citations ?? 0) - (a.citations ?? 0))[0];
  if (cited) {
    const cell = rows(page).filter({ hasText: cited.title }).locator('td.col-citations');
    await expect(cell).toHaveText(fmt(cited.citations ?? 0));
    expect(await cell.evaluate((el) => (globalThis as unknown as { getComputedStyle(e: unknown): { textAlign: string } }).getComputedStyle(el).textAlign)).toBe('right');
  }

  // Resize Authors with the keyboard: 16 px a step.
  const before = (await page.getByRole('columnheader', { name: /^Authors/ }).boundingBox())?.width ?? 0;
  await page.getByRole('separator', { name: 'Resize the Authors column' }).focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect.poll(async () => Math.round((await page.getByRole('columnheader', { name: /^Authors/ }).boundingBox())?.width ?? 0)).toBe(Math.round(before) + 32);
  await screenshotBothThemes(page, 'columns-custom');

  await page.waitForTimeout(400); // widths are saved once a resize settles
  await page.reload();
  await expect(rows(page)).toHaveCount(18);
  await expect(headers).toHaveText(['Title', 'Year', 'Authors', 'Date', 'Categories', 'Code', 'Citations']);
  await expect.poll(async () => Math.round((await page.getByRole('columnheader', { name: /^Authors/ }).boundingBox())?.width ?? 0)).toBe(Math.round(before) + 32);

  // The toolbar button opens it too; "Reset columns" restores the defaults.
  await page.getByRole('button', { name: 'Columns…' }).click();
  await page.getByRole('dialog', { name: 'Columns' }).getByRole('button', { name: 'Reset columns' }).click();
  await page.keyboard.press('Escape');
  await expect(headers).toHaveText(['Title', 'Authors', 'Date', 'Categories', 'Code', 'Affiliations']);
});

test('multi-column sort: year, then title, as the library orders them', async ({ page, lectern }) => {
  await openApp(page, lectern);
  await importText(page, SEED_PROFILE, /Import 18 papers/);
  await wholeLibrary(page);
  await page.getByRole('button', { name: 'Columns…' }).click();
  await page.getByRole('dialog', { name: 'Columns' }).getByRole('checkbox', { name: 'Year', exact: true }).check();
  await page.keyboard.press('Escape');
  await page.getByRole('columnheader', { name: /^Year/ }).getByRole('button').click();
  await page.getByRole('columnheader', { name: /^Title/ }).getByRole('button').click({ modifiers: ['Shift'] });
  await expect(status(page)).toHaveText('18 papers · sorted by Year (oldest first), then Title (A to Z)');
  const seed = papersOf(SEED_PROFILE);
  const expected = [...seed].sort((a, b) => (a.year ?? 0) - (b.year ?? 0) || (a.title.toLowerCase() < b.title.toLowerCase() ? -1 : a.title.toLowerCase() > b.title.toLowerCase() ? 1 : 0));
  // Titles drawn with math differ from the stored text; compare the rows' accessible names (title, year).
  await expect(rows(page).first()).toHaveAttribute('aria-label', `${expected[0]?.title}, ${expected[0]?.year}`);
  const years = await rows(page).evaluateAll((trs) => trs.map((tr) => Number((tr as unknown as { getAttribute(a: string): string }).getAttribute('aria-label').split(', ').pop())));
  expect(years).toEqual(expected.map((p) => p.year));
});

test('facet filters combine, show exact counts, say what they do, and clear in one click', async ({ page, lectern }) => {
  await openApp(page, lectern);
  await importText(page, SEED_PROFILE, /Import 18 papers/);
  await importText(page, SAMPLE_PROFILE, /Import 24 papers/);
  await wholeLibrary(page);
  const all = [...papersOf(SEED_PROFILE), ...papersOf(SAMPLE_PROFILE)];
  const total = all.length;
  await expect(status(page)).toHaveText(`${fmt(total)} papers`);

  // Sidebar groups: every category and year with its count.
  const byCategory = countBy(all, (p) => p.category);
  const byYear = countBy(all, (p) => (p.year === null ? [] : [p.year]));
  const nav = page.getByRole('navigation', { name: 'Library' });
  for (const [year, count] of byYear) await expect(nav.getByRole('button', { name: new RegExp(`^${year}\\s*${fmt(count)}$`) })).toBeVisible();

  // Year range: the newest year alone.
  const years = [...byYear.keys()].map(Number).sort((a, b) => a - b);
  const newest = years[years.length - 1] ?? 0;
  await page.getByTestId('facet-year').click();
  const yearGroup = page.getByRole('group', { name: 'Year filter' });
  await expect(yearGroup.getByLabel('From').locator('option')).toHaveText(['Any year', ...years.map((y) => `${y} (${fmt(byYear.get(String(y)) ?? 0)})`)]);
  await yearGroup.getByLabel('From').selectOption(String(newest));
  await yearGroup.getByLabel('To').selectOption(String(newest));
  await page.keyboard.press('Escape');
  const inYear = all.filter((p) => p.year === newest);
  await expect(rows(page)).toHaveCount(inYear.length);
  await expect(status(page)).toHaveText(`${inYear.length} of ${fmt(total)} papers · from ${newest}`);

  // Category, counted within that year.
  const catCounts = countBy(inYear, (p) => p.category);
  const [topCategory, topCount] = [...catCounts.entries()].sort((a, b) => b[1] - a[1])[0] ?? ['', 0];
  await page.getByTestId('facet-category').click();
  const catGroup = page.getByRole('group', { name: 'Category filter' });
  for (const [cat, count] of catCounts) await expect(catGroup.locator('label', { hasText: new RegExp(`^${cat}\\s*${count}$`) })).toHaveCount(1);
  await catGroup.locator('label', { hasText: new RegExp(`^${topCategory}\\s*\\d`) }).getByRole('checkbox').check();
  await page.keyboard.press('Escape');
  await expect(rows(page)).toHaveCount(topCount);
  await expect(status(page)).toHaveText(`${topCount} of ${fmt(total)} papers · from ${newest} · in ${topCategory}`);
  await screenshotBothThemes(page, 'facets-year-category');

  // Has code.
  const withCat = inYear.filter((p) => p.category.includes(topCategory));
  const withCode = withCat.filter((p) => p.has_code === true).length;
  await page.getByTestId('facet-code').click();
  const codeGroup = page.getByRole('group', { name: 'Code filter' });
  await expect(codeGroup.locator('label', { hasText: 'With code' })).toHaveText(new RegExp(`With code\\s*${withCode}$`));
  await expect(codeGroup.locator('label', { hasText: 'Without code' })).toHaveText(new RegExp(`Without code\\s*${withCat.length - withCode}$`));
  await codeGroup.getByLabel('With code').check();
  await page.keyboard.press('Escape');
  await expect(rows(page)).toHaveCount(withCode);
  await expect(status(page)).toHaveText(`${withCode} of ${fmt(total)} papers · from ${newest} · in ${topCategory} · with code`);

  // One click clears them all.
  await page.getByRole('button', { name: 'Clear filters' }).click();
  // More rows than fit: the virtualised table draws those in view, and tells assistive technology the whole count.
  await expect(page.locator('.papers-table')).toHaveAttribute('aria-rowcount', String(total + 1));
  await expect(status(page)).toHaveText(`${fmt(total)} papers`);

  // Affiliation: the most frequent one over the library.
  const byAff = countBy(all, (p) => p.affiliations);
  const [aff, affCount] = [...byAff.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0] ?? ['', 0];
  await page.getByTestId('facet-affiliation').click();
  const affGroup = page.getByRole('group', { name: 'Affiliation filter' });
  await expect(affGroup.locator('label').filter({ hasText: new RegExp(`^${aff}\\s*\\d`) })).toHaveText(new RegExp(`^${aff}\\s*${affCount}$`));
  await affGroup.locator('label').filter({ hasText: new RegExp(`^${aff}\\s*\\d`) }).getByRole('checkbox').check();
  await page.keyboard.press('Escape');
  await expect(rows(page)).toHaveCount(affCount);
  await expect(status(page)).toHaveText(`${affCount} of ${fmt(total)} papers · at ${aff}`);
  await page.getByRole('button', { name: 'Clear filters' }).click();

  // Finding an affiliation by part of its name (any case; hyphens as spaces) asks the library, so it
  // works beyond the 30 listed; a chosen one stays listed, checked, whatever is typed next.
  const foldName = (t: string) => t.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  const affMatches = (q: string) => [...byAff.entries()].filter(([n]) => foldName(n).includes(foldName(q))).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  expect(affMatches('RESEARCH')).toEqual([['microsoft-research', 2], ['orion-research', 1]]);
  await page.getByTestId('facet-affiliation').click();
  await expect(affGroup.getByLabel('Find an affiliation')).toBeFocused();
  await affGroup.getByLabel('Find an affiliation').fill('RESEARCH');
  await expect(affGroup.locator('label')).toHaveText(['microsoft-research2', 'orion-research1']);
  await affGroup.getByRole('checkbox', { name: /^orion-research/ }).check();
  await expect(rows(page)).toHaveCount(1);
  await affGroup.getByLabel('Find an affiliation').fill('Lakemont U');
  await expect(affGroup.locator('label')).toHaveText([`lakemont-u${byAff.get('lakemont-u')}`, 'orion-research1']);
  await expect(affGroup.getByRole('checkbox', { name: /^orion-research/ })).toBeChecked();
  await affGroup.getByLabel('Find an affiliation').fill('no such lab');
  await expect(affGroup.getByText('No other affiliation matches “no such lab” among these papers.')).toBeVisible();
  await expect(affGroup.locator('label')).toHaveText(['orion-research1']);
  await affGroup.getByLabel('Find an affiliation').fill('microsoft res');
  await expect(affGroup.locator('label')).toHaveText(['microsoft-research2', 'orion-research1']);
  await screenshotBothThemes(page, 'facet-affiliation-search');
  await page.keyboard.press('Escape');
  await expect(status(page)).toHaveText(`1 of ${fmt(total)} papers · at orion-research`);
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await page.getByTestId('facet-affiliation').click();
  await affGroup.getByLabel('Find an affiliation').fill('nowhere at all');
  await expect(affGroup.getByText('No affiliation matches “nowhere at all” among these papers.')).toBeVisible();
  await affGroup.getByLabel('Find an affiliation').fill('');
  await expect(affGroup.locator('label')).toHaveCount(byAff.size);
  await page.keyboard.press('Escape');

  // Author: a co-author printed on several seed papers (the facet counts printed authors).
  const seed = papersOf(SEED_PROFILE);
  const byAuthor = countBy(seed, (p) => p.authors);
  const [name, count] = [...byAuthor.entries()].filter(([n]) => n !== 'Chong Ruan').sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0] ?? ['', 0];
  await page.getByTestId('facet-author').click();
  const authorGroup = page.getByRole('group', { name: 'Author filter' });
  // Finding an author by part of the name asks the library (a big library has too many to list).
  const fold = (t: string) => t.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  const query = name.split(' ').pop() ?? name;
  const named = [...new Set([...byAuthor.keys(), 'Chong Ruan'])].filter((n) => fold(n).includes(fold(query)));
  await authorGroup.getByLabel('Find an author').fill(query);
  await expect(authorGroup.locator('label')).toHaveCount(named.length);
  const option = authorGroup.locator('label').filter({ hasText: new RegExp(`^${name.replace(/\./g, '\\.')}\\s*\\d`) });
  await expect(option).toHaveText(new RegExp(`${count}$`));
  await option.getByRole('checkbox').check();
  await page.keyboard.press('Escape');
  await expect(rows(page)).toHaveCount(count);
  await expect(status(page)).toHaveText(`${count} of ${fmt(total)} papers · with ${name}`);
  await page.getByRole('button', { name: 'Clear filters' }).click();

  // The sidebar's category entry filters the table too.
  const [sideCat, sideCount] = [...byCategory.entries()].sort((a, b) => b[1] - a[1])[0] ?? ['', 0];
  await nav.getByRole('button', { name: new RegExp(`^${sideCat}\\s*${fmt(sideCount)}$`) }).click();
  await expect(rows(page)).toHaveCount(sideCount);
  await expect(status(page)).toHaveText(`${sideCount} of ${fmt(total)} papers · in ${sideCat}`);
});

test('keyboard: arrows move, Shift+arrows extend, Enter opens the paper, Ctrl+A selects all', async ({ page, lectern }) => {
  await openApp(page, lectern);
  await importText(page, SEED_PROFILE, /Import 18 papers/);
  await wholeLibrary(page);
  await rows(page).first().click();
  await expect(status(page)).toHaveText('18 papers · 1 selected');
  await page.keyboard.press('ArrowDown');
  await expect(rows(page).nth(1)).toHaveAttribute('aria-selected', 'true');
  await expect(rows(page).nth(0)).toHaveAttribute('aria-selected', 'false');
  await expect(rows(page).nth(1)).toBeFocused();
  await page.keyboard.press('Shift+ArrowDown');
  await page.keyboard.press('Shift+ArrowDown');
  await expect(rows(page).nth(3)).toBeFocused();
  await expect(page.locator('.papers-table tbody tr[aria-selected="true"]')).toHaveCount(3);
  await expect(status(page)).toHaveText('18 papers · 3 selected');
  await page.keyboard.press('Shift+ArrowUp');
  await expect(status(page)).toHaveText('18 papers · 2 selected');
  // Ctrl-click adds one row, Shift-click selects a range.
  await rows(page).nth(6).click({ modifiers: ['Control'] });
  await expect(status(page)).toHaveText('18 papers · 3 selected');
  await rows(page).nth(9).click({ modifiers: ['Shift'] });
  await expect(status(page)).toHaveText('18 papers · 4 selected');
  await page.keyboard.press('Control+a');
  await expect(status(page)).toHaveText('18 papers · 18 selected');
  await expect(page.locator('.papers-table tbody tr[aria-selected="true"]')).toHaveCount(18);
  await screenshotBothThemes(page, 'select-all');
  // Esc drops the selection back to the row the keyboard is on.
  await page.keyboard.press('Escape');
  await expect(status(page)).toHaveText('18 papers · 1 selected');
  await expect(page.locator('.papers-table tbody tr[aria-selected="true"]')).toHaveCount(1);
  // Enter opens the lead paper in the detail pane and gives it focus.
  await rows(page).nth(2).click();
  const label = await rows(page).nth(2).getAttribute('aria-label');
  await page.keyboard.press('Enter');
  await expect(page.locator('#paper-detail')).toBeFocused();
  expect(label).toMatch(/, 20\d\d$/);
  const title = label?.replace(/, \d{4}$/, '') ?? '';
  await expect(page.locator('#paper-detail-title')).toContainText(title.slice(0, 20));
});

test('panes resize and collapse, and stay so after a reload', async ({ page, lectern }) => {
  await openApp(page, lectern);
  await importText(page, SEED_PROFILE, /Import 18 papers/);
  const sidebar = page.locator('#sidebar');
  const detail = page.locator('#detail-pane');
  const sidebarWidth = Math.round((await sidebar.boundingBox())?.width ?? 0);
  const detailWidth = Math.round((await detail.boundingBox())?.width ?? 0);
  await page.getByRole('separator', { name: 'Sidebar width' }).focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect.poll(async () => Math.round((await sidebar.boundingBox())?.width ?? 0)).toBe(sidebarWidth + 32);
  // Drag the detail pane's handle 40 px to the left: the pane grows by 40.
  const handle = page.getByRole('separator', { name: 'Details pane width' });
  const box = await handle.boundingBox();
  if (!box) throw new Error('no handle');
  await page.mouse.move(box.x + box.width / 2, box.y + 200);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 - 40, box.y + 200, { steps: 4 });
  await page.mouse.up();
  await expect.poll(async () => Math.round((await detail.boundingBox())?.width ?? 0)).toBe(detailWidth + 40);
  await screenshotBothThemes(page, 'panes-resized');
  // Collapse the sidebar (toolbar button) and the detail pane (Enter on its handle).
  await handle.focus();
  await page.keyboard.press('Enter');
  await expect(detail).toHaveCount(0);
  await page.getByRole('button', { name: 'Sidebar' }).click();
  await expect(sidebar).toHaveCount(0);
  await screenshotBothThemes(page, 'panes-collapsed');
  await page.waitForTimeout(400);
  await page.reload();
  await expect(rows(page)).toHaveCount(18);
  await expect(sidebar).toHaveCount(0);
  await expect(detail).toHaveCount(0);
  await page.getByRole('button', { name: 'Sidebar' }).click();
  await page.getByRole('button', { name: 'Details', exact: true }).click();
  await expect.poll(async () => Math.round((await sidebar.boundingBox())?.width ?? 0)).toBe(sidebarWidth + 32);
  await expect.poll(async () => Math.round((await detail.boundingBox())?.width ?? 0)).toBe(detailWidth + 40);
});

test('a big paste: its preview and its import show progress and can be stopped, storing nothing', async ({ page, lectern }) => {
  await openApp(page, lectern);
  // ~3,000 papers: the seed's cards repeated with numbered titles.
  const seed = papersOf(SEED_PROFILE);
  let big = SEED_PROFILE;
  for (let copy = 1; copy < 170; copy++) {
    let block = SEED_PROFILE;
    for (const p of seed) block = block.split(p.title).join(`${p.title} (copy ${copy})`);
    const start = block.indexOf(seed[0]?.title ?? '');
    big += `\n${block.slice(Math.max(0, block.lastIndexOf('\n', start)))}`;
  }
  await page.locator('body').click();
  await pasteText(page, big);
  const dialog = page.getByRole('dialog', { name: 'Import a profile page' });
  // The preview of so long a paste takes a while: it shows how far it got, and Stop stops it.
  const previewProgress = dialog.getByTestId('preview-progress');
  await expect(previewProgress).toContainText(/^Reading the paste: [\d,]+ of [\d,]+ papers…/);
  // Stop at once: the whole preview takes a few seconds, so it is still running.
  await previewProgress.getByRole('button', { name: 'Stop' }).click();
  await expect(dialog.getByTestId('preview-stopped')).toHaveText('Preview stopped; nothing was imported. Read it again');
  await dialog.getByRole('button', { name: 'Read it again' }).click();
  await expect(previewProgress).toBeVisible();
  // The picture only (the preview may finish while it is taken).
  await screenshotBothThemes(page, 'preview-progress');
  const importButton = dialog.getByRole('button', { name: /^Import [\d,]+ papers$/ });
  await expect(importButton).toBeVisible({ timeout: 30_000 });
  const n = Number((await importButton.textContent())?.replace(/\D/g, ''));
  expect(n).toBeGreaterThan(2500);
  await importButton.click();
  const progress = dialog.getByTestId('import-progress-text');
  await expect(progress).toHaveText(new RegExp(`^Importing [\\d,]+ of ${fmt(n)} papers…$`));
  await dialog.getByRole('button', { name: 'Cancel import' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('Import cancelled. Nothing was imported; the library is as it was.');
  await screenshotBothThemes(page, 'import-cancelled');
  await expect(status(page)).toHaveText('0 papers');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByTestId('empty-state')).toBeVisible();
});

test('the detail pane shows a paper whole: abstract, authors, affiliations, categories and import history', async ({ page, lectern }) => {
  await openApp(page, lectern);
  await importText(page, SEED_PROFILE, /Import 18 papers/);
  // A second, changed copy of the page touches every paper again.
  await importText(page, SEED_PROFILE.replace('14,139', '14,200'), /Record the new metrics|Import/);
  await wholeLibrary(page);
  const seed = papersOf(SEED_PROFILE);
  const paper = seed.find((p) => p.affiliations.length > 0 && p.abstract) ?? seed[0];
  if (!paper) throw new Error('no paper');
  await rows(page).filter({ hasText: paper.title.slice(0, 30) }).first().click();
  const detail = page.locator('#paper-detail');
  for (const a of paper.authors.slice(0, 3)) await expect(detail.getByRole('button', { name: a, exact: true })).toBeVisible();
  await expect(detail).toContainText(paper.affiliations.join(', '));
  for (const c of paper.category) await expect(detail.locator('.paper-detail-meta')).toContainText(c);
  const history = detail.getByTestId('import-history').getByRole('listitem');
  await expect(history).toHaveCount(2);
  await expect(history.nth(0)).toContainText('Added');
  await expect(history.nth(1)).toContainText('Seen again, unchanged');
  await screenshotBothThemes(page, 'paper-import-history', { pane: '.detail-pane' });
});

test('the authors and metrics views, in both themes and two window sizes', async ({ page, lectern }) => {
  await openApp(page, lectern);
  await importText(page, SEED_PROFILE, /Import 18 papers/);
  await wholeLibrary(page);
  for (const size of [{ width: 1440, height: 900 }, { width: 1024, height: 700 }]) {
    await page.setViewportSize(size);
    await page.locator('.segment', { hasText: 'Papers' }).click();
    await expect(rows(page)).toHaveCount(18);
    await screenshotBothThemes(page, `view-papers-${size.width}`);
    await page.locator('.segment', { hasText: 'Authors' }).click();
    await expect(page.getByRole('main', { name: 'Authors' })).toBeVisible();
    await screenshotBothThemes(page, `view-authors-${size.width}`);
    await page.locator('.segment', { hasText: 'Metrics' }).click();
    await expect(page.getByRole('main', { name: 'Metrics' })).toBeVisible();
    await page.waitForTimeout(500);
    await screenshotBothThemes(page, `view-metrics-${size.width}`);
  }
});

test('the author picked in the sidebar or opened from a card shows as a chip that removes it, and Clear filters drops it too', async ({ page, lectern }) => {
  await openApp(page, lectern);
  await importText(page, SEED_PROFILE, /Import 18 papers/);
  await importText(page, SAMPLE_PROFILE, /Import 24 papers/);
  await wholeLibrary(page);
  const seed = papersOf(SEED_PROFILE);
  const total = seed.length + papersOf(SAMPLE_PROFILE).length;
  const chip = page.getByTestId('author-chip');
  const nav = page.getByRole('navigation', { name: 'Library' });
  await expect(status(page)).toHaveText(`${total} papers`);
  await expect(chip).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Clear filters' })).toHaveCount(0);

  // Picked in the sidebar: the chip names the author; its button removes it (as My Library does).
  await nav.getByRole('button', { name: `Chong Ruan ${seed.length}`, exact: true }).click();
  await expect(chip).toHaveText('Author: Chong Ruan');
  await expect(rows(page)).toHaveCount(seed.length);
  await expect(status(page)).toHaveText(`${seed.length} of ${total} papers · by Chong Ruan`);
  await screenshotBothThemes(page, 'author-chip', { pane: '.facet-bar' });
  await chip.getByRole('button', { name: 'Remove the author filter (Chong Ruan)' }).click();
  await expect(chip).toHaveCount(0);
  await expect(status(page)).toHaveText(`${total} papers`);
  await expect(nav.getByRole('button', { name: /My Library/ })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByTestId('facet-year')).toBeFocused();

  // "Clear filters" drops the author with the facets, as it drops the sidebar's categories, years and imports.
  await nav.getByRole('button', { name: `Chong Ruan ${seed.length}`, exact: true }).click();
  await page.getByTestId('facet-code').click();
  await page.getByRole('group', { name: 'Code filter' }).getByLabel('With code').check();
  await page.keyboard.press('Escape');
  const withCode = seed.filter((p) => p.has_code === true).length;
  await expect(status(page)).toHaveText(`${withCode} of ${total} papers · by Chong Ruan · with code`);
  await expect(chip).toHaveText('Author: Chong Ruan');
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(chip).toHaveCount(0);
  await expect(status(page)).toHaveText(`${total} papers`);
  await expect(page.getByRole('button', { name: 'Clear filters' })).toHaveCount(0);

  // With the author alone, "Clear filters" is offered too.
  await nav.getByRole('button', { name: /^Marisol Quintero-Vance \d+$/ }).click();
  await expect(chip).toHaveText('Author: Marisol Quintero-Vance');
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(status(page)).toHaveText(`${total} papers`);

  // Opened from an author card (a co-author without a profile).
  await page.getByRole('group', { name: 'View' }).getByRole('button', { name: 'Authors', exact: true }).click();
  await page.getByLabel('Filter authors by name').fill('deepseek');
  const card = page.getByTestId('author-card').filter({ has: page.getByRole('heading', { name: 'DeepSeek-AI', exact: true }) });
  await card.click();
  await expect(chip).toHaveText('Author: DeepSeek-AI');
  const byDeepSeek = seed.filter((p) => p.authors.includes('DeepSeek-AI')).length;
  await expect(status(page)).toHaveText(`${byDeepSeek} of ${total} papers · by DeepSeek-AI`);
  // The window is still loading the first profile's card after a reload or an open; close it before
  // the server stops, so those requests cannot meet a stopped server and log connection errors.
  await page.close();
});

test('in the Authors view the status bar describes the grid: count, name filter and sort', async ({ page, lectern }) => {
  await openApp(page, lectern);
  await importText(page, SEED_PROFILE, /Import 18 papers/);
  await importText(page, SAMPLE_PROFILE, /Import 24 papers/);
  await wholeLibrary(page);
  await page.getByRole('group', { name: 'View' }).getByRole('button', { name: 'Authors', exact: true }).click();
  // 64 authors over the two fixtures (as the authors grid test counts them).
  await expect(page.getByTestId('author-grid-count')).toHaveText('64 authors in the library');
  await expect(status(page)).toHaveText('64 authors · sorted by Papers in library (highest first)');
  await page.getByLabel('Sort by').selectOption('hIndex');
  await expect(status(page)).toHaveText('64 authors · sorted by h-index (highest first)');
  await page.getByRole('button', { name: /^Sort direction/ }).click();
  await expect(status(page)).toHaveText('64 authors · sorted by h-index (lowest first)');
  await page.getByLabel('Filter authors by name').fill('LEF');
  await expect(status(page)).toHaveText('1 author · matching “LEF” · sorted by h-index (lowest first)');
  await page.getByLabel('Sort by').selectOption('name');
  await expect(status(page)).toHaveText('1 author · matching “LEF” · sorted by Name (A to Z)');
  await page.getByLabel('Filter authors by name').fill('nobody by this name');
  await expect(status(page)).toHaveText('0 authors · matching “nobody by this name” · sorted by Name (A to Z)');
  await page.getByLabel('Filter authors by name').fill('');
  await expect(status(page)).toHaveText('64 authors · sorted by Name (A to Z)');
  await screenshotBothThemes(page, 'authors-status-bar', { pane: '.status-bar' });
  // Back on the papers, the status bar describes the table again.
  await page.getByRole('group', { name: 'View' }).getByRole('button', { name: 'Papers', exact: true }).click();
  await expect(status(page)).toHaveText('42 papers');
  // The window is still loading the first profile's card after a reload or an open; close it before
  // the server stops, so those requests cannot meet a stopped server and log connection errors.
  await page.close();
});

test('dragging a column header moves the column, with a line where it lands, and the order survives a reload', async ({ page, lectern }) => {
  await openApp(page, lectern);
  await importText(page, SEED_PROFILE, /Import 18 papers/);
  await wholeLibrary(page);
  const headers = page.locator('.papers-table thead th');
  const header = (name: string) => page.getByRole('columnheader', { name: new RegExp(`^${name}`) });
  await page.getByRole('button', { name: 'Columns…' }).click();
  await page.getByRole('dialog', { name: 'Columns' }).getByRole('checkbox', { name: 'Year', exact: true }).check();
  await page.keyboard.press('Escape');
  await expect(headers).toHaveText(['Title', 'Authors', 'Year', 'Date', 'Categories', 'Code', 'Affiliations']);

  // Hold Year over the left half of Title: a line marks Title's left edge, and nothing has moved yet.
  // First in the dark theme, dropped back where it started (nothing moves); then in the light theme, dropped.
  const year = await header('Year').boundingBox();
  const title = await header('Title').boundingBox();
  if (!year || !title) throw new Error('no header boxes');
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  for (const colorScheme of ['dark', 'light'] as const) {
    await page.emulateMedia({ colorScheme });
    await page.mouse.move(year.x + year.width / 2, year.y + year.height / 2);
    await page.mouse.down();
    await page.mouse.move(title.x + 40, title.y + title.height / 2, { steps: 8 });
    await page.mouse.move(title.x + 30, title.y + title.height / 2, { steps: 2 });
    await expect(header('Title')).toHaveClass(/\bdrop-before\b/);
    await expect(header('Year')).toHaveClass(/\bis-dragged\b/);
    await expect(headers).toHaveText(['Title', 'Authors', 'Year', 'Date', 'Categories', 'Code', 'Affiliations']);
    await page.locator('.papers-table thead').screenshot({ path: join(SCREENSHOT_DIR, `column-drag-pane-${colorScheme}.png`) });
    await page.screenshot({ path: join(SCREENSHOT_DIR, `column-drag-${colorScheme}.png`) });
    if (colorScheme === 'dark') {
      await page.mouse.move(year.x + year.width / 2, year.y + year.height / 2, { steps: 8 });
      await expect(page.locator('.papers-table thead th.drop-before, .papers-table thead th.drop-after')).toHaveCount(0);
      await page.mouse.up();
      await expect(headers).toHaveText(['Title', 'Authors', 'Year', 'Date', 'Categories', 'Code', 'Affiliations']);
    } else {
      await page.mouse.up();
    }
  }
  await expect(headers).toHaveText(['Year', 'Title', 'Authors', 'Date', 'Categories', 'Code', 'Affiliations']);
  await expect(page.locator('.papers-table thead th.drop-before, .papers-table thead th.drop-after, .papers-table thead th.is-dragged')).toHaveCount(0);
  // A drag is not a click: no sort was set.
  await expect(status(page)).toHaveText('18 papers');
  // The cells follow their headers.
  const seed = papersOf(SEED_PROFILE);
  const firstLabel = (await rows(page).first().getAttribute('aria-label')) ?? '';
  await expect(rows(page).first().locator('td').first()).toHaveText(firstLabel.split(', ').pop() ?? '');
  expect(seed.some((p) => `${p.title}, ${p.year}` === firstLabel)).toBe(true);

  // Onto the right half of the last header: the column goes last.
  await header('Code').dragTo(header('Affiliations'), { targetPosition: { x: ((await header('Affiliations').boundingBox())?.width ?? 100) - 10, y: 10 } });
  await expect(headers).toHaveText(['Year', 'Title', 'Authors', 'Date', 'Categories', 'Affiliations', 'Code']);
  // Dragging a header's edge still resizes it, and moves nothing.
  const authorsBefore = (await header('Authors').boundingBox())?.width ?? 0;
  const edge = await page.getByRole('separator', { name: 'Resize the Authors column' }).boundingBox();
  if (!edge) throw new Error('no resize handle');
  // (Its left part: the next header cell, drawn later, covers the part that overhangs the edge.)
  await page.mouse.move(edge.x + 2, edge.y + edge.height / 2);
  await page.mouse.down();
  await page.mouse.move(edge.x + 42, edge.y + edge.height / 2, { steps: 5 });
  await page.mouse.up();
  await expect.poll(async () => Math.round((await header('Authors').boundingBox())?.width ?? 0)).toBe(Math.round(authorsBefore) + 40);
  await expect(headers).toHaveText(['Year', 'Title', 'Authors', 'Date', 'Categories', 'Affiliations', 'Code']);
  await expect(page.locator('.papers-table thead th.is-dragged')).toHaveCount(0);
  // The column chooser shows the same order (hidden columns keep their places).
  await page.getByRole('button', { name: 'Columns…' }).click();
  await expect(page.getByRole('dialog', { name: 'Columns' }).locator('.chooser-label')).toHaveText(['Year', 'Title', 'Authors', 'First author', 'Date', 'Categories', 'Venue', 'Affiliations', 'Code', 'Citations', 'Date added', 'Star', 'Tags', 'Status', 'Rating']);
  await page.keyboard.press('Escape');

  await page.reload();
  await expect(rows(page)).toHaveCount(18);
  await expect(headers).toHaveText(['Year', 'Title', 'Authors', 'Date', 'Categories', 'Affiliations', 'Code']);
  // The window is still loading the first profile's card after a reload or an open; close it before
  // the server stops, so those requests cannot meet a stopped server and log connection errors.
  await page.close();
});

test('with every column shown the title keeps its minimum width and the table scrolls sideways', async ({ page, lectern }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await openApp(page, lectern);
  await importText(page, SEED_PROFILE, /Import 18 papers/);
  await wholeLibrary(page);
  await page.getByRole('columnheader', { name: /^Date/ }).click({ button: 'right' });
  const chooser = page.getByRole('dialog', { name: 'Columns' });
  for (const name of ['First author', 'Year', 'Venue', 'Citations', 'Date added', 'Star', 'Tags', 'Status', 'Rating']) {
    await chooser.getByRole('checkbox', { name, exact: true }).check();
  }
  await chooser.getByRole('button', { name: 'Done' }).click();
  const title = page.getByRole('columnheader', { name: /^Title/ });
  const titleWidth = (await title.boundingBox())?.width ?? 0;
  expect(titleWidth).toBeGreaterThanOrEqual(239.5);
  const scroll = await page.locator('.papers-table-scroll').evaluate((el) => ({ client: el.clientWidth, content: el.scrollWidth }));
  expect(scroll.content).toBeGreaterThan(scroll.client);
  // A title is still there to read.
  await expect(rows(page).first().locator('td.col-title')).not.toHaveText('');
  await screenshotBothThemes(page, 'all-columns');
});

test('the author the window was on, or none, is kept across a reload', async ({ page, lectern }) => {
  await openApp(page, lectern);
  await importText(page, SEED_PROFILE, /Import 18 papers/);
  // The import lands on its author.
  await expect(status(page)).toHaveText('18 of 18 papers · by Chong Ruan');
  await page.reload();
  await expect(status(page)).toHaveText('18 of 18 papers · by Chong Ruan');
  await expect(page.getByTestId('author-chip')).toHaveText('Author: Chong Ruan');

  // Cleared, it stays cleared: nothing picks the first profile again on load.
  await page.getByTestId('author-chip').getByRole('button', { name: 'Remove the author filter (Chong Ruan)' }).click();
  await expect(status(page)).toHaveText('18 papers');
  await page.reload();
  await expect(page.getByTestId('status-text')).toHaveText('18 papers');
  await page.waitForTimeout(500);
  await expect(status(page)).toHaveText('18 papers');
  await expect(page.getByTestId('author-chip')).toHaveCount(0);
});
