/**
 * The detail pane's bibliographic record (issue 10 section 1): type, venue split into volume, issue and
 * pages, each source's citation count with its date, DOI / arXiv / URL links, and the Code flag linking
 * to the code. The library is filled by another process while the window is open (it follows live).
 */
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, openApp, SCREENSHOT_DIR, test } from './fixtures';

const HERE = dirname(fileURLToPath(import.meta.url));

test('the detail pane shows the whole record of a Google Scholar paper, with links and per-source citations', async ({ page, lectern }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await openApp(page, lectern);
  execFileSync(process.execPath, ['--import', 'tsx', join(HERE, 'record-library.ts'), lectern.libraryFile], { cwd: join(HERE, '..', '..') });
  const rows = page.locator('.papers-table tbody tr[data-paper-id]');
  await expect(rows).toHaveCount(31);

  await page.getByRole('button', { name: /My Library/ }).click();
  await rows.filter({ hasText: 'Scaling Laws for Robotic Grasping' }).click();
  const detail = page.locator('#paper-detail');
  const fields = detail.getByTestId('record-fields');
  await expect(fields.getByTestId('record-type')).toHaveText('TypeJournal article');
  await expect(fields.getByTestId('record-venue')).toHaveText('Published inComputational Linguistics, 59 (11), pp. 713-726');
  await expect(fields.getByTestId('record-citations')).toHaveText('Citationscited by 402 (Semantic Scholar, 2026-12-08)cited by 390 (Google Scholar, 2026-12-07)');
  await page.screenshot({ path: join(SCREENSHOT_DIR, 'paper-record-google-scholar.png') });

  await rows.filter({ hasText: 'Linked record of a speech corpus' }).click();
  await expect(fields.getByTestId('record-type')).toHaveText('TypeConference paper');
  await expect(fields.getByTestId('record-venue')).toHaveText("Published inINTERSPEECH '24: Proceedings of the Annual Conference, article 118, pp. 1201–1205");
  const doi = fields.getByTestId('record-doi').getByRole('link');
  await expect(doi).toHaveAttribute('href', 'https://doi.org/10.21437/Interspeech.2024-118');
  await expect(doi).toHaveAttribute('target', '_blank');
  await expect(fields.getByTestId('record-arxiv').getByRole('link')).toHaveAttribute('href', 'https://arxiv.org/abs/2406.01234v2');
  await expect(fields.getByTestId('record-url').getByRole('link')).toHaveAttribute('href', 'https://www.isca-archive.org/interspeech_2024/x24_interspeech.html');
  await expect(detail.getByTestId('code-link')).toHaveAttribute('href', 'https://github.com/example/speech-corpus');
  // A link opens outside the window (a new tab in browser mode; the OS browser in the desktop app).
  // Offline here: the resolver's answer is stubbed.
  await page.context().route('https://doi.org/**', (route) => route.fulfill({ status: 200, contentType: 'text/plain', body: 'resolved' }));
  const popup = page.waitForEvent('popup');
  await doi.click();
  const opened = await popup;
  expect(opened.url()).toContain('doi.org/10.21437/Interspeech.2024-118');
  await opened.close();
  await detail.screenshot({ path: join(SCREENSHOT_DIR, 'paper-record-links.png') });
});
