/**
 * Issue 10 section 3 in a real browser: the preview names the source it read the paste as and reads it
 * as another on request, the import uses that choice, its whole report opens later from the Imports
 * list, and the metrics panel sets the page's figures beside the library's own with citations per year.
 * Screenshots of each at 900 and 1920 px wide, in both themes.
 */
import Database from 'better-sqlite3';
import type { Page } from '@playwright/test';
import { expect, openApp, pasteText, screenshotBothThemes, SEED_PROFILE, test } from './fixtures';

/** Save `<name>-900-*` and `<name>-1920-*` in both themes, then restore the window's width. */
async function shotsAtWidths(page: Page, name: string, options: { height?: number; pane?: string; before?: () => Promise<void> } = {}): Promise<void> {
  const viewport = page.viewportSize()!;
  for (const width of [900, 1920]) {
    await page.setViewportSize({ width, height: viewport.height });
    await page.waitForTimeout(200);
    await options.before?.();
    await screenshotBothThemes(page, `${name}-${width}`, options);
  }
  await page.setViewportSize(viewport);
}

const dialogOf = (page: Page) => page.getByRole('dialog', { name: 'Import a profile page' });

test('the preview names the source, reads the paste as another, and the import keeps its report', async ({ page, lectern, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openApp(page, lectern);
  await page.locator('body').click();
  await pasteText(page, SEED_PROFILE);
  const dialog = dialogOf(page);
  const preview = dialog.getByTestId('paste-preview');
  await expect(preview.getByTestId('preview-detection')).toHaveText('Source: scholarfeed author page, sure');
  await expect(preview.getByTestId('preview-counts')).toContainText('18 papers recognised');
  await expect(preview.getByTestId('preview-no-author')).toHaveCount(0);
  const picker = dialog.getByLabel('Read as');
  await expect(picker).toHaveValue('');
  // Every source is offered, the generic parser in words.
  await expect(picker.locator('option')).toContainText(['The detected source', 'scholarfeed author page', 'Google Scholar profile', 'Other page (guess papers)']);
  await shotsAtWidths(page, 'paste-preview-source');

  // Read as Google Scholar: the preview changes (this page has no Google Scholar articles).
  await picker.selectOption({ label: 'Google Scholar profile' });
  await expect(dialog.getByText(/This looks like a Google Scholar profile, but no papers were found|Google Scholar profile, chosen by you/)).toBeVisible();
  await expect(dialog.getByText('scholarfeed author page, sure')).toHaveCount(0);
  await shotsAtWidths(page, 'paste-preview-other-source');

  // Back to scholarfeed, chosen by hand: the import uses that choice.
  await picker.selectOption({ label: 'scholarfeed author page' });
  await expect(preview.getByTestId('preview-detection')).toHaveText('Source: scholarfeed author page, chosen by you');
  await expect(preview.getByTestId('preview-counts')).toContainText('18 papers recognised');
  await dialog.getByRole('button', { name: 'Import 18 papers' }).click();
  await expect(dialog).toBeHidden();
  for (const dismiss of await page.locator('.notices').getByRole('button', { name: 'Dismiss' }).all()) await dismiss.click();

  // The report, from the Imports list.
  await page.getByRole('button', { name: /^Report of the import Chong Ruan/ }).click();
  const report = page.getByRole('dialog', { name: /Import report/ });
  await expect(report).toBeVisible();
  await expect(report.getByTestId('import-report')).toContainText('Source: scholarfeed author page, chosen by you · profile of Chong Ruan');
  await expect(report.getByRole('list', { name: 'What the import did' })).toHaveText(/18\s*added\s*0\s*updated\s*0\s*unchanged\s*0\s*lines skipped/);
  await expect(report.getByTestId('report-added')).toContainText('DeepSeek-Prover-V1.5: Harnessing Proof Assistant Feedback');
  await shotsAtWidths(page, 'import-report');
  await report.getByRole('button', { name: 'Copy' }).click();
  await expect(page.locator('.notices')).toContainText('Copied the import report.');
  const copied = await page.evaluate(() => (globalThis as unknown as { navigator: { clipboard: { readText(): Promise<string> } } }).navigator.clipboard.readText());
  expect(copied).toContain('Added (18)');
  expect(copied).toContain('Source: scholarfeed author page, chosen by you');
  await report.getByRole('button', { name: 'Close' }).last().click();
  await expect(report).toBeHidden();
});

test('a paste without the profile header says no author card is made', async ({ page, lectern }) => {
  await openApp(page, lectern);
  await page.locator('body').click();
  await pasteText(page, SEED_PROFILE.slice(SEED_PROFILE.indexOf('CLAug 15, 2024Code')));
  const preview = dialogOf(page).getByTestId('paste-preview');
  await expect(preview.getByTestId('preview-no-author')).toHaveText('This page lists papers; no author card is made.');
  await expect(preview.getByTestId('preview-counts')).toContainText('18 papers recognised');
});

test("the metrics panel sets the page's figures beside the library's and charts citations per year", async ({ page, lectern }) => {
  await openApp(page, lectern);
  await page.locator('body').click();
  await pasteText(page, SEED_PROFILE);
  const dialog = dialogOf(page);
  await dialog.getByRole('button', { name: 'Import 18 papers' }).click();
  await expect(dialog).toBeHidden();
  for (const dismiss of await page.locator('.notices').getByRole('button', { name: 'Dismiss' }).all()) await dismiss.click();

  // A Google Scholar capture with a histogram missing 2021, and citation counts on four papers, as a
  // Google Scholar import will store them (written here while the parsers are being written).
  const db = new Database(lectern.libraryFile);
  try {
    const owner = db.prepare("SELECT id FROM authors WHERE name = 'Chong Ruan'").pluck().get() as number;
    db.prepare(
      `INSERT INTO author_metric_snapshots (author_id, source, captured_at, h_index, citations, i10_index, h_index_recent, citations_recent, i10_index_recent, recent_since_year, other_metrics, citations_per_year)
       VALUES (?, 'google_scholar', '2026-12-06T09:00:00.000Z', 41, 16020, 60, 36, 12500, 52, 2021, '{}', '{"2024":6100,"2019":310,"2020":900,"2022":2400,"2023":4100,"2025":2210}')`,
    ).run(owner);
    const ids = db.prepare('SELECT id FROM papers ORDER BY title LIMIT 4').pluck().all() as number[];
    [120, 40, 11, 2].forEach((n, i) => db.prepare('UPDATE papers SET citations = ? WHERE id = ?').run(n, ids[i]));
  } finally {
    db.close();
  }
  await page.reload();
  await page.getByRole('button', { name: /^Chong Ruan/ }).first().click();

  const table = page.getByTestId('page-vs-library');
  const row = (label: string) => table.locator('tbody tr', { has: page.getByRole('rowheader', { name: label, exact: true }) });
  await expect(table).toBeVisible();
  // Newest capture first: the scholarfeed import is from today.
  await expect(table.getByRole('columnheader')).toHaveText(['Figure', /^scholarfeed\d{4}-\d{2}-\d{2}$/, 'Google Scholar2026-12-06', 'Library4 papers counted']);
  await expect(row('h-index')).toHaveText(/h-index\s*38\s*41\s*3/);
  await expect(row('Citations')).toHaveText(/Citations\s*14,139\s*16,020\s*173/);
  await expect(row('g-index')).toHaveText(/g-index\s*—\s*—\s*4/);
  await expect(row('h-index since 2021')).toHaveText(/since 2021\s*—\s*36\s*—/);
  const chart = page.getByRole('figure', { name: /^Citations per year \(Google Scholar/ });
  await expect(chart).toHaveAccessibleDescription('2019: 310 citations, 2020: 900 citations, 2021: not shown, 2022: 2,400 citations, 2023: 4,100 citations, 2024: 6,100 citations, 2025: 2,210 citations');
  await expect(chart.locator('.recharts-bar-rectangle path, .recharts-bar-rectangle .recharts-rectangle')).toHaveCount(6);
  // In a narrow window the detail pane is a drawer: open it for the picture.
  const showPane = async () => {
    if (!(await table.isVisible())) await page.getByRole('button', { name: 'Details' }).click();
    await expect(table).toBeVisible();
  };
  await shotsAtWidths(page, 'metrics-page-vs-library', { height: 1600, pane: '.detail-pane', before: showPane });
});
