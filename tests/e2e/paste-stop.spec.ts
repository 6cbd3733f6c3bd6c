/**
 * A pathological paste (issue 8 item 2, "a 2 KB paste freezes the app"): 200 KB of author lines padded
 * with runs of spaces and commas around "et al.", which took the old parser hours. It now previews at
 * once. With LECTERN_TEST_PARSE_DELAY_MS the paste thread is made as slow as the old parser was: the
 * preview shows its progress and Stop from the first moment, the window and the server keep answering
 * meanwhile, newer text replaces the preview, and Stop stops it.
 */
import type { Page } from '@playwright/test';
import { expect, openApp, pasteText, test } from './fixtures';
import { LecternServer } from './lectern-server';

/** A scholarfeed page of 100 papers whose author lines are ~2 KB of spaces and commas around the names and "et al.". */
function pathologicalPaste(): string {
  const header = 'Ann Lee\n\nCL\nh-index3\n100papers\n20citations\n\n100 Papers\n\n';
  const cards: string[] = [];
  for (let i = 1; i <= 100; i++) {
    const authors = `Ann Lee,${' '.repeat(1000)}, ,${' '.repeat(1000)}Bo Chen${' '.repeat(40)},   et al.`;
    cards.push(`CLAug ${1 + (i % 28)}, 2024Code\nPaper number ${i}\n\n${authors}\n\nAn abstract that ends.`);
  }
  return header + cards.join('\n\n');
}

/** Time for the local server to answer one API call from the page (ms). */
async function serverAnswerMs(page: Page): Promise<number> {
  return page.evaluate(async () => {
    // Runs in the page: the token the app keeps for this tab (renderer/api/client.ts).
    const token = (globalThis as unknown as { sessionStorage: { getItem(key: string): string | null } }).sessionStorage.getItem('lectern.token') ?? '';
    const started = performance.now();
    const res = await fetch('/api/search.parse', { method: 'POST', headers: { 'content-type': 'application/json', 'x-lectern-token': token }, body: JSON.stringify({ query: 'prover -survey' }) });
    const body = (await res.json()) as { ok: boolean };
    if (!body.ok) throw new Error('search.parse failed');
    return performance.now() - started;
  });
}

const text = pathologicalPaste();

test('a pathological paste previews at once', async ({ page, lectern }) => {
  expect(text.length).toBeGreaterThan(200_000);
  await openApp(page, lectern);
  await page.locator('body').click();
  await pasteText(page, text);
  const dialog = page.getByRole('dialog', { name: 'Import a profile page' });
  const preview = dialog.getByTestId('paste-preview');
  // Seconds at most (the paste thread starts through tsx in browser mode, on a busy machine); the old parser took hours.
  await expect(preview.getByTestId('preview-counts')).toContainText('100 papers recognised', { timeout: 30_000 });
  await expect(preview).toContainText('Paper number 1');
  await expect(preview).toContainText('Lee, Chen et al.');
  await expect(dialog.getByRole('button', { name: 'Import 100 papers' })).toBeEnabled();
});

test('a slow paste shows progress and Stop at once, the window and the server answer meanwhile, and Stop stops it', async ({ page }) => {
  const server = new LecternServer({ LECTERN_TEST_PARSE_DELAY_MS: '20000' });
  await server.start();
  try {
    await openApp(page, server);
    await page.locator('body').click();
    const pastedAt = Date.now();
    await pasteText(page, text);
    const dialog = page.getByRole('dialog', { name: 'Import a profile page' });
    const progress = dialog.getByTestId('preview-progress');
    await expect(progress).toContainText('Reading the paste…');
    await expect(progress.getByRole('button', { name: 'Stop' })).toBeVisible();
    expect(Date.now() - pastedAt).toBeLessThan(5_000);

    // Meanwhile the paste box takes typing (a newer paste replaces the preview) and the server answers.
    const box = dialog.getByLabel('Pasted page');
    await box.press('End');
    await box.press('Control+End');
    await box.pressSequentially(' more');
    await expect(box).toHaveValue(`${text} more`);
    await expect(progress).toContainText('Reading the paste…');
    expect(await serverAnswerMs(page)).toBeLessThan(2_000);

    await progress.getByRole('button', { name: 'Stop' }).click();
    await expect(dialog.getByTestId('preview-stopped')).toHaveText('Preview stopped; nothing was imported. Read it again');
    await expect(progress).toHaveCount(0);
    expect(await serverAnswerMs(page)).toBeLessThan(2_000);
    // The Import button never came on, and the dialog closes as usual.
    await expect(dialog.getByRole('button', { name: 'Import', exact: true })).toBeDisabled();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId('status-text')).toHaveText('0 papers');
  } finally {
    // Leave the page before its server goes, so no request of its fails against a closed port.
    await page.goto('about:blank');
    await server.dispose();
  }
});
