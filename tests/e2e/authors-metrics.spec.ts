/**
 * The Authors view and the metrics panels in a real browser against the browser-mode server: the
 * seed profile and the sample profile imported, the grid of every author (count, sorting, filter,
 * opening a card), and the metrics of the seed author's papers. Screenshots in both themes.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, openApp, pasteText, PROFILES_DIR, screenshotBothThemes, SEED_PROFILE, test } from './fixtures';

const SAMPLE_PROFILE = readFileSync(join(PROFILES_DIR, 'scholarfeed.txt'), 'utf8');

/** Paste a profile outside any text field and import it from the dialog. */
async function importProfile(page: Page, text: string, papers: number): Promise<void> {
  await page.evaluate(() => (globalThis as unknown as { document: { activeElement: { blur?: () => void } | null } }).document.activeElement?.blur?.());
  await pasteText(page, text);
  const dialog = page.getByRole('dialog', { name: 'Import a profile page' });
  await dialog.getByRole('button', { name: `Import ${papers} papers` }).click();
  await expect(dialog).toBeHidden();
}

async function openAuthorsView(page: Page): Promise<void> {
  await page.getByRole('group', { name: 'View' }).getByRole('button', { name: 'Authors', exact: true }).click();
  await expect(page.getByTestId('author-grid')).toBeVisible();
}

const cards = (page: Page) => page.getByTestId('author-card');
const cardNamed = (page: Page, name: string) => cards(page).filter({ has: page.getByRole('heading', { name, exact: true }) });

test.describe('with the seed and the sample profile', () => {
test.beforeEach(async ({ page, lectern }) => {
  await openApp(page, lectern);
  await importProfile(page, SEED_PROFILE, 18);
  await importProfile(page, SAMPLE_PROFILE, 24);
  await expect(page.getByTestId('status-text')).toContainText('42');
  // The import confirmations are read; out of the way of the screenshots.
  for (const dismiss of await page.locator('.notices').getByRole('button', { name: 'Dismiss' }).all()) await dismiss.click();
});

test('the authors grid shows every author, sorts, filters, and opens an author', async ({ page }) => {
  await openAuthorsView(page);
  await expect(page.getByTestId('author-grid-count')).toHaveText('64 authors in the library');

  // Sorted by papers in the library (most first).
  const first = cards(page).first();
  await expect(first.getByTestId('author-card-name')).toHaveText('Marisol Quintero-Vance');
  await expect(first.getByTestId('author-card-papers')).toHaveText('24 papers in library');
  await expect(first).toContainText('h-index19');
  await expect(first).toContainText('Citations1,482');
  await expect(first).toContainText(/as of \d{4}-\d{2}-\d{2}/);
  // An author with no imported profile says so.
  await expect(cardNamed(page, 'DeepSeek-AI')).toContainText('No profile imported');
  // Only the rows in view are drawn.
  expect(await cards(page).count()).toBeLessThan(64);

  // By h-index: Chong Ruan (38) first.
  await page.getByLabel('Sort by').selectOption('hIndex');
  await expect(first.getByTestId('author-card-name')).toHaveText('Chong Ruan');
  await expect(first).toContainText('h-index38');
  await expect(first).toContainText('Citations14,139');
  await expect(first.locator('.badge')).toHaveText('CL');
  await expect(first).toContainText('pku · stanford · tsinghua');
  await screenshotBothThemes(page, 'authors-grid');

  // Reversing the direction puts Marisol Quintero-Vance's 19 last among profiles: first come the authors with one.
  await page.getByRole('button', { name: /^Sort direction: Highest first/ }).click();
  await expect(page.getByRole('button', { name: /^Sort direction: Lowest first/ })).toBeVisible();
  await expect(first.getByTestId('author-card-name')).toHaveText('Marisol Quintero-Vance');
  await page.getByRole('button', { name: /^Sort direction: Lowest first/ }).click();

  // By name, A to Z.
  await page.getByLabel('Sort by').selectOption('name');
  await expect(page.getByRole('button', { name: /^Sort direction: A to Z/ })).toBeVisible();
  // The first of the 64 names by folded name (computed from the two fixtures); wait for the new page.
  await expect(first.getByTestId('author-card-name')).toHaveText('Ahmad bin Yusof');

  // Filter by name, accents folded: "lef" finds François Lefèvre only.
  await page.getByLabel('Filter authors by name').fill('lef');
  await expect(page.getByTestId('author-grid-count')).toHaveText('1 author matching “lef”');
  await expect(cards(page)).toHaveCount(1);
  await expect(first.getByTestId('author-card-name')).toHaveText('François Lefèvre');
  await page.getByLabel('Filter authors by name').fill('zzzz');
  await expect(page.getByTestId('author-grid')).toContainText('No author’s name contains “zzzz”.');
  await page.getByRole('button', { name: 'Clear the filter' }).click();
  await expect(page.getByTestId('author-grid-count')).toHaveText('64 authors in the library');

  // Opening Chong Ruan's card lists his 18 papers and shows his card.
  await page.getByLabel('Sort by').selectOption('hIndex');
  await expect(first.getByTestId('author-card-name')).toHaveText('Chong Ruan');
  await cardNamed(page, 'Chong Ruan').click();
  await expect(page.getByTestId('status-text')).toContainText('18 of 42 papers');
  await expect(page.locator('#author-card-name')).toHaveText('Chong Ruan');
  await expect(page.locator('.papers-table')).toBeVisible();
  await expect(page.locator('body')).not.toContainText(/undefined|NaN/);
});

// Issue 9: a source prints affiliations per paper, never whose, so a co-author's cards show the
// affiliations of their papers labelled as the papers' ("On papers with"), not as the person's.
test("a co-author's cards show their papers' affiliations as the papers', in the grid and the detail pane", async ({ page }) => {
  await openAuthorsView(page);
  await page.getByLabel('Filter authors by name').fill('wrobel');
  await expect(page.getByTestId('author-grid-count')).toHaveText('1 author matching “wrobel”');
  const card = cardNamed(page, 'Łukasz Wróbel');
  await expect(card.locator('.grid-card-facts dt')).toHaveText(['On papers with', 'Co-authors']);
  await expect(card.getByTestId('author-card-paper-affiliations')).toHaveText('fjordhavn · harbourview · kestrel-labs');
  await expect(card.getByTestId('author-card-paper-affiliations')).toHaveAttribute('title', /^Affiliations printed on their papers \(the papers list them, not whose they are\):\nfjordhavn: on 1 paper\n/);
  for (const width of [900, 1920]) {
    await page.setViewportSize({ width, height: 900 });
    await screenshotBothThemes(page, `authors-grid-coauthor-${width}`);
  }

  await card.click();
  const section = page.getByTestId('author-paper-affiliations');
  await expect(page.locator('#author-card-name')).toHaveText('Łukasz Wróbel');
  await expect(section.getByRole('heading')).toHaveText('On papers with');
  await expect(section).toContainText("not per author, so they may be a co-author's");
  await expect(section.locator('li')).toHaveText([/^fjordhavn\s*1$/, /^harbourview\s*1$/, /^kestrel-labs\s*1$/]);
  await expect(page.locator('.author-card')).not.toContainText('Affiliations on their papers');
  for (const width of [900, 1920]) {
    await page.setViewportSize({ width, height: 900 });
    await screenshotBothThemes(page, `author-card-coauthor-${width}`, { pane: '.detail-pane' });
  }
});

test('the grid is usable from the keyboard', async ({ page }) => {
  // Tall enough that the first two pages of cards load at once, the last one only after End.
  await page.setViewportSize({ width: 1280, height: 1100 });
  await openAuthorsView(page);
  await page.locator('body').press('ControlOrMeta+f');
  await expect(page.getByLabel('Filter authors by name')).toBeFocused();
  await expect(cards(page).first().getByTestId('author-card-name')).toHaveText('Marisol Quintero-Vance');
  await cards(page).first().focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('[data-testid="author-card"]:focus')).toHaveAttribute('aria-posinset', '2');
  await expect(page.locator('[data-testid="author-card"]:focus').getByTestId('author-card-name')).toHaveText('Chong Ruan');
  // The last cards answer slowly (a busy machine): the card that had focus scrolls out and is removed
  // before the last card is drawn. Focus waits for the last card; it never goes to another card or
  // the filter box meanwhile (a card taking focus there would become the active one).
  await page.route('**/api/authors.grid', async (route) => {
    const { offset } = JSON.parse(route.request().postData() ?? '{}') as { offset: number };
    if (offset >= 48) await new Promise((resolve) => setTimeout(resolve, 1000));
    await route.continue();
  });
  await page.evaluate(() => {
    interface Focused { id: string; getAttribute(name: string): string | null }
    interface PageGlobals {
      focusSeen: string[];
      document: { addEventListener(type: string, listener: (e: { target: Focused }) => void, capture: boolean): void };
    }
    const g = globalThis as unknown as PageGlobals;
    g.focusSeen = [];
    g.document.addEventListener('focusin', (e) => g.focusSeen.push(e.target.getAttribute('aria-posinset') ?? e.target.id), true);
  });
  await page.keyboard.press('End');
  await expect(page.locator('[data-testid="author-card"]:focus')).toHaveAttribute('aria-posinset', '64');
  expect(await page.evaluate(() => (globalThis as unknown as { focusSeen: string[] }).focusSeen)).toEqual(['64']);
  await page.unroute('**/api/authors.grid');
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('status-text')).toContainText('18 of 42 papers');
  await expect(page.locator('#author-card-name')).toHaveText('Chong Ruan');
});

test('metrics for the seed author: papers per year and category, share with code, no citation counts', async ({ page }) => {
  await openAuthorsView(page);
  await cardNamed(page, 'Chong Ruan').click();
  await expect(page.getByTestId('status-text')).toContainText('18 of 42 papers');

  await page.getByRole('group', { name: 'View' }).getByRole('button', { name: 'Metrics', exact: true }).click();
  const panel = page.getByTestId('selection-metrics');
  await expect(panel.getByTestId('selection-papers')).toHaveText('18 papers');
  const perYear = panel.getByRole('figure', { name: 'Papers per year' });
  await expect(perYear).toContainText('2024: 11 papers, 2025: 7 papers');
  await expect(perYear.locator('.recharts-bar-rectangle')).toHaveCount(2);
  await expect(perYear).toContainText('Year');
  const perCategory = panel.getByRole('figure', { name: 'Papers per category' });
  await expect(perCategory).toContainText('CL: 10 papers, AI: 3 papers, CV: 3 papers, DC: 1 paper, SE: 1 paper');
  await expect(panel.getByTestId('code-share')).toHaveText('9 of 18 (50%)');
  // Scholarfeed pages carry no per-paper citations: the block says so instead of showing zeros.
  await expect(panel.getByTestId('no-citations')).toContainText('None of these 18 papers carries a citation count');
  await expect(panel.getByTestId('figure-h-index')).toHaveCount(0);
  await expect(panel.getByTestId('selection-coauthors')).toContainText('DeepSeek-AI');
  await expect(panel).not.toContainText(/undefined|NaN/);

  // Values on hover.
  await perYear.locator('.recharts-bar-rectangle').first().hover();
  await expect(perYear.locator('.chart-tooltip')).toContainText('11 papers');

  // The author's own panel in the details pane agrees.
  const detail = page.locator('#detail-pane');
  await expect(detail.getByRole('figure', { name: 'Papers per year' })).toContainText('2024: 11 papers, 2025: 7 papers');
  await expect(detail.getByTestId('code-share')).toHaveText('9 of 18 (50%)');
  await screenshotBothThemes(page, 'metrics-selection', { height: 1100 });
});
});

test('about 30,000 authors: only the cards in view are drawn and fetched, and a jump to the end fills in', async ({ page, lectern }) => {
  test.setTimeout(120_000);
  // A large synthetic library (tests/bench/generate-library.ts) on the fixture's library file.
  await lectern.stop();
  execFileSync(process.execPath, ['--import', 'tsx', 'tests/bench/generate-library.ts', lectern.libraryFile, '--papers', '20000'], { stdio: 'ignore' });
  await lectern.start();
  const fetched: number[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/api/authors.grid')) fetched.push((JSON.parse(request.postData() ?? '{}') as { offset: number }).offset);
  });
  await openApp(page, lectern);
  await openAuthorsView(page);
  // Every author with a paper in the library (the generator's pool is 30,000 names).
  await expect(page.getByTestId('author-grid-count')).toHaveText(/^2\d,\d{3} authors in the library$/);
  const total = (await page.getByTestId('author-grid-count').textContent())?.split(' ')[0] ?? '';
  expect(await cards(page).count()).toBeLessThan(100);

  const grid = page.getByTestId('author-grid');
  await grid.evaluate((el) => {
    el.scrollTop = el.scrollHeight;
  });
  await expect(page.locator(`[data-testid="author-card"][aria-posinset="${total.replace(',', '')}"]`)).toBeVisible();
  await expect(page.locator('.grid-card-placeholder')).toHaveCount(0);
  expect(await cards(page).count()).toBeLessThan(100);
  // The first page and the last ones, not the 29,000 authors in between.
  expect(fetched.length).toBeLessThanOrEqual(4);
  await page.getByLabel('Sort by').selectOption('name');
  await expect(cards(page).first()).toHaveAttribute('aria-posinset', '1');
});
