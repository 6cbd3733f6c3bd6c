/**
 * The end-to-end scenario in a real browser against the browser-mode server: paste a
 * profile, preview it, import it, sort the table, read the author card, and find the papers again
 * after a restart. Plus the empty library, an unrecognised paste, the sample profile and the theme.
 */
import { expect, openApp, pasteText, screenshotBothThemes, SEED_PROFILE, test } from './fixtures';

const NEWEST_TITLE = 'DeepSeek-V3.2: Pushing the Frontier of Open Large Language Models';
const OLDEST_TITLE = 'DeepSeek LLM: Scaling Open-Source Language Models with Longtermism';

test('an empty library invites a paste and explains how', async ({ page, lectern }) => {
  await openApp(page, lectern);
  const empty = page.getByTestId('empty-state');
  await expect(empty.getByRole('heading', { name: "Paste a scholar's profile page here (Ctrl/Cmd+V)" })).toBeVisible();
  await expect(empty).toContainText('select all');
  await expect(empty.getByRole('button', { name: 'Try a sample profile' })).toBeVisible();
  await expect(page.getByTestId('status-text')).toHaveText('0 papers');
  await screenshotBothThemes(page, 'empty-state');
});

test('pasting the seed profile previews, imports, sorts, shows the author card, and survives a restart', async ({ page, lectern }) => {
  await openApp(page, lectern);

  // Ctrl/Cmd+V outside a text field: the paste event opens the import dialog pre-filled.
  await page.locator('body').click();
  await pasteText(page, SEED_PROFILE);
  const dialog = page.getByRole('dialog', { name: 'Import a profile page' });
  await expect(dialog).toBeVisible();
  const pasteBox = dialog.getByLabel('Pasted page');
  await expect(pasteBox).toHaveValue(SEED_PROFILE);

  const preview = dialog.getByTestId('paste-preview');
  await expect(preview).toContainText('Recognised a Scholarfeed profile page');
  await expect(preview.getByTestId('preview-counts')).toContainText('18 papers recognised');
  await expect(preview).toContainText('Chong Ruan');
  await expect(preview).toContainText('h-index 38 · 14,139 citations · 18 papers · novelty 54% · AI score 53');
  await expect(preview.getByRole('list', { name: 'What importing will do' })).toHaveText(/18\s*new\s*0\s*updated\s*0\s*unchanged/);
  await expect(preview.getByTestId('preview-snapshot')).toHaveText('New profile metrics will be recorded.');
  await expect(preview).toContainText('DeepSeek-Prover-V1.5: Harnessing Proof Assistant Feedback for Reinforcement Learning and Monte-Carlo Tree Search');
  await expect(preview).toContainText('2024-08-15 · Xin, Ren, Song et al.');
  await expect(dialog).not.toContainText('undefined');
  await screenshotBothThemes(page, 'import-preview');

  // The same through typing into the paste box: clear it, then fill it.
  await pasteBox.fill('');
  await expect(dialog.getByRole('button', { name: 'Import', exact: true })).toBeDisabled();
  await pasteBox.fill(SEED_PROFILE);
  await expect(preview.getByTestId('preview-counts')).toContainText('18 papers recognised');

  await dialog.getByRole('button', { name: 'Import 18 papers' }).click();
  await expect(dialog).toBeHidden();

  // Landed on the table with the new author's card open.
  const rows = page.locator('.papers-table tbody tr');
  await expect(rows).toHaveCount(18);
  const rowBox = await rows.first().boundingBox();
  expect(rowBox?.height, 'dense rows of about 28 px').toBeGreaterThanOrEqual(27);
  expect(rowBox?.height, 'dense rows of about 28 px').toBeLessThanOrEqual(29);
  await expect(page.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: /Chong Ruan\s*18/ })).toHaveAttribute('aria-current', 'page');
  const card = page.locator('.author-card');
  await expect(card.getByRole('heading', { name: 'Chong Ruan' })).toBeVisible();
  await expect(card.getByTestId('metric-h-index')).toHaveText(/h-index\s*38/);
  await expect(card.getByTestId('metric-citations')).toHaveText(/Citations\s*14,139/);
  await expect(card.getByTestId('metric-papers')).toHaveText(/Papers\s*18/);
  await expect(card.getByTestId('metric-novelty')).toHaveText(/Novelty\s*54%/);
  await expect(card.getByTestId('metric-ai-score')).toHaveText(/AI score\s*53/);
  await expect(page.getByTestId('code-share')).toHaveText('9 of 18 (50%)');
  await expect(page.locator('body')).not.toContainText(/undefined|NaN|\[object /);
  await expect(page.locator('.status-bar')).toContainText('library.sqlite');
  await expect(page.getByText('Imported Chong Ruan\'s profile')).toBeVisible();

  // Authors column: surnames, "et al.", full names in the tooltip.
  const firstAuthors = page.locator('.papers-table tbody tr').filter({ hasText: 'DeepSeek-Prover-V1.5' }).locator('td.col-authors span');
  await expect(firstAuthors).toHaveText('Xin, Ren, Song et al.');
  await expect(firstAuthors).toHaveAttribute('title', /^Huajian Xin, Z\. Z\. Ren, Junxiao Song, et al\./);

  // Sorting: first click ascending, second descending, third clears.
  const dateHeader = page.getByRole('columnheader', { name: /Date/ });
  await dateHeader.getByRole('button').click();
  await expect(dateHeader).toHaveAttribute('aria-sort', 'ascending');
  await expect(rows.first().locator('td.col-title')).toHaveText(OLDEST_TITLE);
  await expect(rows.first().locator('td.col-date')).toHaveText('2024-01-05');
  await dateHeader.getByRole('button').click();
  await expect(dateHeader).toHaveAttribute('aria-sort', 'descending');
  await expect(rows.first().locator('td.col-title')).toHaveText(NEWEST_TITLE);
  await expect(rows.first().locator('td.col-date')).toHaveText('2025-12-02');
  await expect(page.getByTestId('status-text')).toHaveText('18 of 18 papers · by Chong Ruan · sorted by Date (newest first)');
  await screenshotBothThemes(page, 'papers-table');

  // Shift+click adds a second level (and cycles it away again) without touching the first.
  const titleHeader = page.getByRole('columnheader', { name: /Title/ });
  await titleHeader.getByRole('button').click({ modifiers: ['Shift'] });
  await expect(titleHeader).toHaveAttribute('aria-sort', 'ascending');
  await expect(dateHeader).toHaveAttribute('aria-sort', 'descending');
  await expect(page.getByTestId('status-text')).toHaveText('18 of 18 papers · by Chong Ruan · sorted by Date (newest first), then Title (A to Z)');
  await expect(rows.first().locator('td.col-title')).toHaveText(NEWEST_TITLE);
  await titleHeader.getByRole('button').click({ modifiers: ['Shift'] });
  await expect(titleHeader).toHaveAttribute('aria-sort', 'descending');
  await titleHeader.getByRole('button').click({ modifiers: ['Shift'] });
  await expect(titleHeader).toHaveAttribute('aria-sort', 'none');
  await expect(dateHeader).toHaveAttribute('aria-sort', 'descending');

  // The author card and every chart: a window tall enough to show the whole pane.
  await expect(page.getByRole('figure', { name: 'Papers per year' })).toHaveAccessibleDescription('2024: 11 papers, 2025: 7 papers');
  await expect(page.getByRole('figure', { name: 'Papers per category' })).toHaveAccessibleDescription('CL: 10 papers, AI: 3 papers, CV: 3 papers, DC: 1 paper, SE: 1 paper');
  await expect(page.locator('.papers-per-year .recharts-bar-rectangle')).toHaveCount(2);
  await screenshotBothThemes(page, 'author-card', { height: 1500, pane: '.detail-pane' });

  // Quick filter with Ctrl+F, the whole library in the sidebar.
  await page.getByRole('button', { name: /My Library/ }).click();
  await page.keyboard.press('Control+f');
  const filter = page.getByLabel('Filter papers by title, author or abstract');
  await expect(filter).toBeFocused();
  await filter.fill('prover');
  await expect(rows).toHaveCount(3);
  await expect(rows.first().locator('td.col-title')).toHaveText('DeepSeek-Prover-V2: Advancing Formal Mathematical Reasoning via Reinforcement Learning for Subgoal Decomposition');
  await expect(page.getByTestId('status-text')).toHaveText('3 of 18 papers · matching “prover” · sorted by Date (newest first)');

  // Selecting a row shows its abstract.
  await rows.first().click();
  await expect(page.locator('#paper-detail')).toContainText('reaching 88.9% pass ratio on the MiniF2F-test');
  await expect(page.locator('#paper-detail').getByRole('button', { name: 'Z. Z. Ren' })).toBeVisible();
  await screenshotBothThemes(page, 'paper-detail');
  // Arrow keys move the selection and the detail follows.
  await page.keyboard.press('ArrowDown');
  await expect(rows.nth(1)).toHaveAttribute('aria-selected', 'true');
  await expect(rows.nth(1)).toBeFocused();
  await expect(page.locator('#paper-detail-title')).toHaveText('DeepSeek-Prover-V1.5: Harnessing Proof Assistant Feedback for Reinforcement Learning and Monte-Carlo Tree Search');
  // Its abstract's "($63.5\%$)" is typeset by KaTeX.
  await expect(page.locator('#paper-detail .abstract .katex-html').first()).toHaveText('63.5%');
  await expect(page.locator('#paper-detail .abstract')).toContainText('miniF2F benchmark (63.5%');
  await expect(page.locator('#paper-detail .abstract')).not.toContainText('$63.5');
  await screenshotBothThemes(page, 'paper-detail-math');
  await filter.fill('');
  await expect(rows).toHaveCount(18);

  // Third click on the header clears the sort.
  await dateHeader.getByRole('button').click();
  await expect(dateHeader).toHaveAttribute('aria-sort', 'none');

  // Restart the server on the same library file: the papers are still there.
  await lectern.stop();
  await lectern.start();
  await openApp(page, lectern);
  await expect(rows).toHaveCount(18);
  await expect(page.getByTestId('status-text')).toHaveText('18 papers');
  await page.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: /Chong Ruan/ }).click();
  await expect(page.locator('.author-card').getByTestId('metric-citations')).toHaveText(/Citations\s*14,139/);
});

test('an unrecognised paste shows a clear error and imports nothing', async ({ page, lectern }) => {
  await openApp(page, lectern);
  await page.locator('body').click();
  await pasteText(page, 'Dear colleague,\nthanks for the draft.\nBest, Ana');
  const dialog = page.getByRole('dialog', { name: 'Import a profile page' });
  const error = dialog.getByTestId('paste-error');
  await expect(error).toContainText('Lectern could not read this paste.');
  await expect(error).toContainText('This text is not a page Lectern can read.');
  await expect(error).toContainText('Nothing will be imported.');
  await expect(dialog.getByRole('button', { name: 'Import', exact: true })).toBeDisabled();
  await screenshotBothThemes(page, 'import-error');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('empty-state')).toBeVisible();
  await expect(page.getByTestId('status-text')).toHaveText('0 papers');
});

test('"Try a sample profile" imports the bundled example', async ({ page, lectern }) => {
  await openApp(page, lectern);
  await page.getByRole('button', { name: 'Try a sample profile' }).click();
  await expect(page.locator('.papers-table tbody tr')).toHaveCount(24);
  const card = page.locator('.author-card');
  await expect(card.getByRole('heading', { name: 'Marisol Quintero-Vance' })).toBeVisible();
  await expect(card.getByTestId('metric-h-index')).toHaveText(/h-index\s*19/);
  await expect(card.getByTestId('metric-citations')).toHaveText(/Citations\s*1,482/);
  await expect(page.getByTestId('status-text')).toHaveText('24 of 24 papers · by Marisol Quintero-Vance');
  // Inline TeX in titles is typeset by KaTeX; the tooltip keeps the title as stored.
  const nowcastingRow = page.locator('.papers-table tbody tr').filter({ hasText: 'Weather Nowcasting' }).first();
  const nowcasting = nowcastingRow.locator('td.col-title');
  await expect(nowcasting.locator('.cell-text')).toHaveAttribute('title', 'Near-Optimal $\\ell_1$ Bounds for Weather Nowcasting');
  await expect(nowcasting.locator('.katex')).toHaveCount(1);
  // What is drawn: ℓ with a subscript 1 (KaTeX ends a sub/superscript stack with a zero-width space).
  await expect(nowcasting.locator('.katex-html')).toHaveText(/^ℓ1\u200b$/);
  await expect(nowcasting.locator('.katex-html .msupsub')).toHaveText(/^1\u200b$/);
  // The TeX source only in the MathML annotation for assistive technology, never in the drawn part.
  await expect(nowcasting.locator('.katex-mathml annotation')).toHaveText('\\ell_1');
  expect(await nowcasting.evaluate((cell) => {
    const copy = cell.cloneNode(true) as unknown as { querySelectorAll(s: string): { remove(): void }[]; textContent: string | null };
    for (const m of copy.querySelectorAll('.katex-mathml')) m.remove();
    return copy.textContent;
  })).toBe('Near-Optimal ℓ1\u200b Bounds for Weather Nowcasting');
  await expect(page.locator('.papers-table')).not.toContainText('$\\ell_1$');
  // KaTeX's own font is bundled and loaded, and the math keeps the row at about 28 px.
  expect(await nowcasting.locator('.katex').evaluate((el) => (globalThis as unknown as { getComputedStyle(e: unknown): { fontFamily: string } }).getComputedStyle(el).fontFamily)).toMatch(/^KaTeX_Main/);
  expect(await page.evaluate(() => (globalThis as unknown as { document: { fonts: { check(font: string): boolean } } }).document.fonts.check('16px KaTeX_Main'))).toBe(true);
  const mathRowBox = await nowcastingRow.boundingBox();
  expect(mathRowBox?.height, 'a row with math stays about 28 px').toBeGreaterThanOrEqual(27);
  expect(mathRowBox?.height, 'a row with math stays about 28 px').toBeLessThanOrEqual(29);
  // The detail pane typesets the title and the abstract's math too.
  await nowcastingRow.click();
  await expect(page.locator('#paper-detail-title .katex-html')).toHaveText(/^ℓ1\u200b$/);
  await expect(page.locator('#paper-detail .abstract .katex').first()).toBeVisible();
  await expect(page.locator('#paper-detail .abstract')).not.toContainText('$');
  await screenshotBothThemes(page, 'sample-math');
});

test('the theme switch overrides the OS and is remembered', async ({ page, lectern }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await openApp(page, lectern);
  // Runs in the page; DOM globals are reached through a narrow local type (the Node tsconfig has no DOM).
  const background = () =>
    page.evaluate(() => {
      const g = globalThis as unknown as { getComputedStyle(el: unknown): { backgroundColor: string }; document: { body: unknown } };
      return g.getComputedStyle(g.document.body).backgroundColor;
    });
  expect(await background()).toBe('rgb(255, 255, 255)');
  await page.getByText('Dark', { exact: true }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect(await background()).toBe('rgb(27, 28, 31)');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect(await background()).toBe('rgb(27, 28, 31)');
  await page.getByText('System', { exact: true }).click();
  await expect(page.locator('html')).not.toHaveAttribute('data-theme', /.+/);
  expect(await background()).toBe('rgb(255, 255, 255)');
});

test('re-importing the same page changes nothing; changed metrics add a snapshot and a chart over time', async ({ page, lectern }) => {
  await openApp(page, lectern);
  const dialog = page.getByRole('dialog', { name: 'Import a profile page' });
  const importOnce = async (text: string, expectedCounts: RegExp, expectedSnapshot: string) => {
    await page.getByRole('button', { name: 'Import a profile…' }).click();
    await dialog.getByLabel('Pasted page').fill(text);
    await expect(dialog.getByRole('list', { name: 'What importing will do' })).toHaveText(expectedCounts);
    await expect(dialog.getByTestId('preview-snapshot')).toHaveText(expectedSnapshot);
    await dialog.getByRole('button', { name: 'Import 18 papers' }).click();
    await expect(dialog).toBeHidden();
  };

  await importOnce(SEED_PROFILE, /18\s*new\s*0\s*updated\s*0\s*unchanged/, 'New profile metrics will be recorded.');
  await importOnce(SEED_PROFILE, /0\s*new\s*0\s*updated\s*18\s*unchanged/, 'Metrics unchanged since the last import.');
  await expect(page.getByText('0 new papers, 18 papers already up to date.')).toBeVisible();
  await expect(page.locator('.papers-table tbody tr')).toHaveCount(18);
  await expect(page.getByRole('figure', { name: 'Profile metrics over time' })).toHaveCount(0);

  // The same page a while later: more citations, a higher h-index.
  const later = SEED_PROFILE.replace('h-index38', 'h-index39').replace('14,139citations', '14,502citations');
  await importOnce(later, /0\s*new\s*0\s*updated\s*18\s*unchanged/, 'New profile metrics will be recorded.');
  const card = page.locator('.author-card');
  await expect(card.getByTestId('metric-h-index')).toHaveText(/h-index\s*39/);
  await expect(card.getByTestId('metric-citations')).toHaveText(/Citations\s*14,502/);
  await expect(card.getByTestId('citation-trend')).toHaveText('+363 citations over 2 captures');
  await expect(card.getByRole('img', { name: 'Citations over time: 14,139, 14,502' })).toBeVisible();
  const overTime = page.getByRole('figure', { name: 'Profile metrics over time' });
  await expect(overTime).toHaveAccessibleDescription(/14139 citations, h-index 38; .*14502 citations, h-index 39$/);
  await expect(overTime.locator('.recharts-line')).toHaveCount(2);
  await expect(page.getByRole('status').filter({ hasText: 'Imported Chong Ruan' })).toHaveText(
    "Imported Chong Ruan's profile 0 new papers, 18 papers already up to date. The profile's metrics changed; the new values were kept alongside the old.",
  );
  await page.getByRole('button', { name: 'Dismiss' }).click();
  await screenshotBothThemes(page, 'metrics-over-time', { height: 1700, pane: '.detail-pane' });
});

test('a co-author opens their own card and filters the table to their papers', async ({ page, lectern }) => {
  await openApp(page, lectern);
  await page.locator('body').click();
  await pasteText(page, SEED_PROFILE);
  const dialog = page.getByRole('dialog', { name: 'Import a profile page' });
  await dialog.getByRole('button', { name: 'Import 18 papers' }).click();
  await expect(dialog).toBeHidden();

  await page.locator('.author-card').getByRole('button', { name: 'Xiaokang Chen' }).click();
  const card = page.locator('.author-card');
  await expect(card.getByRole('heading', { name: 'Xiaokang Chen' })).toBeVisible();
  await expect(card).toContainText('4 papers in your library');
  await expect(card).toContainText('No profile of this author was imported');
  await expect(page.locator('.papers-table tbody tr')).toHaveCount(4);
  await expect(page.getByTestId('code-share')).toHaveText('1 of 4 (25%)');
  await expect(page.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: /Xiaokang Chen\s*4/ })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByTestId('status-text')).toHaveText('4 of 18 papers · by Xiaokang Chen');
  await screenshotBothThemes(page, 'co-author');
});

test('Ctrl+V with a real clipboard outside a text field opens the paste box', async ({ page, context, lectern }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openApp(page, lectern);
  await page.evaluate((text) => (globalThis as unknown as { navigator: { clipboard: { writeText(t: string): Promise<void> } } }).navigator.clipboard.writeText(text), SEED_PROFILE);
  await page.locator('.empty-title').click();
  await page.keyboard.press('Control+V');
  const dialog = page.getByRole('dialog', { name: 'Import a profile page' });
  await expect(dialog.getByLabel('Pasted page')).toHaveValue(SEED_PROFILE);
  await expect(dialog.getByTestId('preview-counts')).toContainText('18 papers recognised');
});

test('a partial paste shows what was skipped and what is incomplete, and imports the rest', async ({ page, lectern }) => {
  // The seed's first 60 lines (7 papers), an advert line in the header, and a paper cut after its title.
  const lines = SEED_PROFILE.split('\n');
  const partial = `${lines.slice(0, 60).join('\n')}\nCLMar 3, 2024\nSome Cut Off Title`.replace('18 Papers', '18 Papers\n>>> Sponsored: try our premium plan <<<');
  await openApp(page, lectern);
  await page.getByRole('button', { name: 'Open the paste box' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import a profile page' });
  await expect(dialog.getByLabel('Pasted page')).toBeFocused();
  await dialog.getByLabel('Pasted page').fill(partial);
  const preview = dialog.getByTestId('paste-preview');
  await expect(preview.getByTestId('preview-counts')).toContainText('7 papers recognised');
  await expect(preview).toContainText('The paste ends in the middle of a paper (line 62; its authors and abstract are missing).');
  await expect(preview).toContainText('1 line could not be read and will be skipped');
  await expect(preview).toContainText('The page header says 18 papers; the paste holds 7.');
  await preview.getByText('1 line could not be read').click();
  await expect(preview).toContainText('Line 11: not part of the scholarfeed profile header “>>> Sponsored: try our premium plan <<<”');
  await screenshotBothThemes(page, 'import-partial');
  await dialog.getByRole('button', { name: 'Import 7 papers' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.locator('.papers-table tbody tr')).toHaveCount(7);
  await expect(page.getByRole('status').filter({ hasText: 'Imported Chong Ruan' })).toHaveText(
    "Imported Chong Ruan's profile 7 new papers. 2 parts of the paste could not be read; the full text is kept with the import.",
  );
});

test('when the library stops answering, the window says so in words', async ({ page, lectern, consoleErrors }) => {
  await openApp(page, lectern);
  await page.getByRole('button', { name: 'Try a sample profile' }).click();
  await expect(page.locator('.papers-table tbody tr')).toHaveCount(24);
  await lectern.stop();
  await page.getByLabel('Filter papers by title, author or abstract').fill('weather');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Lectern could not read the library.');
  await expect(alert).toContainText("Lectern's local server did not answer");
  await expect(page.locator('body')).not.toContainText('undefined');
  // The table keeps what it last showed rather than going blank.
  await expect(page.locator('.papers-table tbody tr')).toHaveCount(24);
  await screenshotBothThemes(page, 'server-gone');
  // Chromium itself logs each refused request; those are expected here and nothing else is.
  const unexpected = consoleErrors.filter((e) => !/ERR_CONNECTION_REFUSED/.test(e));
  expect(unexpected).toEqual([]);
  consoleErrors.length = 0;
});
