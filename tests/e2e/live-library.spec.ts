/**
 * The window follows the library live (issue 9): an import from the command line shows in the open
 * window within 2 s, without a reload, keeping the selection and the open paper; two tabs on one
 * library stay in step both ways, and a paper deleted in one tab is said to be "deleted elsewhere"
 * in the other. The theme is kept in the library, not in the page origin's storage.
 */
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { expect, openApp, PROFILES_DIR, test } from './fixtures';
import { LecternServer } from './lectern-server';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const LIVE_MS = 2_000;

const rows = (page: Page) => page.locator('.papers-table tbody tr');
const status = (page: Page) => page.getByTestId('status-text');
const sidebar = (page: Page) => page.getByRole('navigation', { name: 'Library' });

/** `lectern import FILE` in a process of its own, on the same library file. */
function cliImport(libraryFile: string, profile: string): void {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'lectern.js'), 'import', join(PROFILES_DIR, profile)], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, LECTERN_LIBRARY: libraryFile },
  });
  expect(r.status, r.stderr).toBe(0);
}

async function importSample(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Try a sample profile' }).click();
  await expect(rows(page)).toHaveCount(24);
  await page.getByRole('button', { name: /My Library/ }).click();
  await expect(status(page)).toHaveText(/^24 papers/);
}

test('an import from the command line shows in the open window within 2 s, keeping the selection and the open paper', async ({ page, lectern }) => {
  await openApp(page, lectern);
  await importSample(page);
  await rows(page).nth(2).click();
  const title = (await rows(page).nth(2).locator('td.col-title').textContent()) ?? '';
  await expect(page.locator('#paper-detail-title')).toHaveText(title);
  const requests: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/api/')) requests.push(r.url());
  });

  const start = Date.now();
  cliImport(lectern.libraryFile, 'seed-profile.txt');
  const imported = Date.now();
  // The table, the counts and the sidebar, without a reload.
  await expect(status(page)).toHaveText(/^42 papers/, { timeout: LIVE_MS });
  // The table is virtualised (it draws the rows in view): more rows than before, the new ones among them.
  await expect.poll(() => rows(page).count(), { timeout: LIVE_MS }).toBeGreaterThan(24);
  await expect(rows(page).filter({ hasText: 'DeepSeek' }).first()).toBeVisible({ timeout: LIVE_MS });
  await expect(sidebar(page).getByRole('button', { name: /My Library\s*42/ })).toBeVisible({ timeout: LIVE_MS });
  await expect(sidebar(page).getByRole('button', { name: /Chong Ruan\s*18/ })).toBeVisible({ timeout: LIVE_MS });
  const shown = Date.now();
  expect(shown - imported, 'from the end of the import to the window showing it').toBeLessThan(LIVE_MS);
  test.info().annotations.push({ type: 'live update', description: `${shown - imported} ms after the command ended (${shown - start} ms with the command)` });
  expect(requests.some((u) => u.endsWith('/index.html') || u.endsWith('/'))).toBe(false);

  // What the user was looking at stays: the open paper, the selected row, and no notice.
  await expect(page.locator('#paper-detail-title')).toHaveText(title);
  await expect(rows(page).filter({ hasText: title })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('paper-gone')).toHaveCount(0);
});

test('two tabs on one library stay in step both ways; a paper deleted in one is "deleted elsewhere" in the other', async ({ page, lectern, context }) => {
  await openApp(page, lectern);
  await importSample(page);
  const other = await context.newPage();
  try {
    await openApp(other, lectern);
    await other.getByRole('button', { name: /My Library/ }).click();
    await expect(status(other)).toHaveText(/^24 papers/);

    // The first tab has a paper open; the second deletes it.
    const title = (await rows(page).nth(0).locator('td.col-title').textContent()) ?? '';
    await rows(page).nth(0).click();
    await expect(page.locator('#paper-detail-title')).toHaveText(title);
    const there = rows(other).filter({ hasText: title });
    await there.click();
    await other.keyboard.press('Delete');
    await expect(rows(other)).toHaveCount(23);

    await expect(rows(page)).toHaveCount(23, { timeout: LIVE_MS });
    await expect(status(page)).toHaveText(/^23 papers/, { timeout: LIVE_MS });
    await expect(sidebar(page).getByRole('button', { name: /^Trash/ })).toHaveText('Trash1', { timeout: LIVE_MS });
    await expect(page.getByTestId('paper-gone')).toHaveText('This paper was deleted elsewhere. It is in the trash, where it can be restored.', { timeout: LIVE_MS });
    // Calmly: no error in the pane, no alert.
    await expect(page.locator('.pane-error')).toHaveCount(0);
    await expect(page.getByRole('alert')).toHaveCount(0);
    // Emptied from the trash by a script on the library: gone for good, said the same calm way.
    const url = new URL(lectern.url);
    const emptied = await other.request.post(`${url.origin}/api/trash.empty`, { headers: { 'x-lectern-token': url.searchParams.get('token') ?? '' }, data: {} });
    expect(await emptied.json()).toMatchObject({ ok: true, value: { deleted: 1 } });
    await expect(page.getByTestId('paper-gone')).toHaveText('This paper was deleted elsewhere.', { timeout: LIVE_MS });
    await expect(sidebar(page).getByRole('button', { name: /^Trash/ })).toHaveText('Trash0', { timeout: LIVE_MS });
    await expect(page.locator('.pane-error')).toHaveCount(0);

    // The other way: a tag made in the first tab shows in the second's sidebar, and a deletion there follows.
    const second = (await rows(page).nth(0).locator('td.col-title').textContent()) ?? '';
    await rows(page).nth(0).click();
    await page.keyboard.press('Delete');
    await expect(rows(page)).toHaveCount(22);
    await expect(rows(other)).toHaveCount(22, { timeout: LIVE_MS });
    await expect(rows(other).filter({ hasText: second })).toHaveCount(0);
    await expect(sidebar(other).getByRole('button', { name: /^Trash/ })).toHaveText('Trash1', { timeout: LIVE_MS });
    // The tab that deleted it says nothing of "elsewhere".
    await expect(page.getByTestId('paper-gone')).toHaveCount(0);
  } finally {
    await other.close();
  }
});

test('the theme is kept in the library: a new browser profile (another origin storage) opens in it, and other tabs follow', async ({ page, lectern, browser }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await openApp(page, lectern);
  const second = await page.context().newPage();
  try {
    await openApp(second, lectern);
    await page.getByText('Dark', { exact: true }).click();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await expect(second.locator('html')).toHaveAttribute('data-theme', 'dark', { timeout: LIVE_MS });
  } finally {
    await second.close();
  }
  const fresh = await browser.newContext();
  try {
    const tab = await fresh.newPage();
    await openApp(tab, lectern);
    await expect(tab.locator('html')).toHaveAttribute('data-theme', 'dark');
    expect(await tab.evaluate(() => (globalThis as unknown as { localStorage: { length: number } }).localStorage.length)).toBe(0);
  } finally {
    await fresh.close();
  }
});

test('after a restart the open tab works again without a reload (same port and token) and follows the library again', async ({ page }) => {
  const server = new LecternServer({}, { keepPort: true });
  await server.start();
  try {
    const before = server.url;
    await openApp(page, server);
    await importSample(page);
    await server.stop();
    await server.start();
    expect(server.url).toBe(before);
    // The first thing the user does reaches the restarted server, with the token this tab kept.
    await sidebar(page).getByRole('button', { name: /Marisol Quintero-Vance\s*24/ }).click();
    await expect(status(page)).toHaveText(/^24 of 24 papers/);
    await expect(page.getByRole('alert')).toHaveCount(0);
    // And the tab hears of changes again: a command-line import shows without a reload.
    await page.getByRole('button', { name: /My Library/ }).click();
    await expect(status(page)).toHaveText(/^24 papers/);
    cliImport(server.libraryFile, 'seed-profile.txt');
    await expect(status(page)).toHaveText(/^42 papers/, { timeout: LIVE_MS });
  } finally {
    await page.close();
    await server.dispose();
  }
});

test('seven tabs on one library all load, answer and follow (following the library holds none of the browser\'s six connections to the server)', async ({ page, lectern, context }) => {
  await openApp(page, lectern);
  await importSample(page);
  const tabs: Page[] = [page];
  for (let i = 1; i < 7; i++) {
    const tab = await context.newPage();
    await openApp(tab, lectern);
    await expect(status(tab)).toHaveText(/^24 papers/);
    tabs.push(tab);
  }
  // Every tab still answers a call of its own (a filter), and hears of a change made in another.
  const last = tabs[6]!;
  await last.getByLabel('Filter papers by title, author or abstract').fill('weather');
  await expect(status(last)).toHaveText(/ of 24 papers/);
  cliImport(lectern.libraryFile, 'seed-profile.txt');
  for (const tab of tabs.slice(0, 6)) await expect(status(tab)).toHaveText(/^42 papers/, { timeout: LIVE_MS });
  for (const tab of tabs.slice(1)) await tab.close();
});
