/**
 * The issue's end-to-end scenario in a real browser against the browser-mode server: paste a
 * profile, preview it, import it, sort the table, read the author card, and find the papers again
 * after a restart. Plus the empty library, an unrecognised paste, the sample profile and the theme.
 */
import type { Page } from '@playwright/test';
import { FILTER_MAX_LENGTH } from '../../shared/contract';
import { expect, labelInkGaps, openApp, pasteText, screenshotBothThemes, SEED_PROFILE, test } from './fixtures';

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
  await expect(preview.getByTestId('preview-detection')).toHaveText('Source: scholarfeed author page, sure');
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
  await expect(page.getByRole('status').filter({ hasText: 'Imported Chong Ruan' })).toHaveText("Imported Chong Ruan's profile: 18 new papers.");

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

  // Restart the server on the same library file: the papers are still there. The window is closed
  // first, as a user quitting would: an open tab would poll the stopped server, which the browser logs.
  await page.goto('about:blank');
  await lectern.stop();
  await lectern.start();
  await openApp(page, lectern);
  await expect(rows).toHaveCount(18);
  // The window reopens where it was left: the whole library (chosen above), not the profile's author again.
  await expect(page.getByRole('button', { name: /My Library/ })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByTestId('status-text')).toHaveText('18 papers');
  // The author's card is one click away, its figures intact.
  await page.getByRole('navigation', { name: 'Library' }).getByRole('button', { name: /Chong Ruan\s*18/ }).click();
  await expect(page.locator('.author-card').getByRole('heading', { name: 'Chong Ruan' })).toBeVisible();
  await expect(page.locator('.author-card').getByTestId('metric-citations')).toHaveText(/Citations\s*14,139/);
  await expect(page.getByTestId('status-text')).toHaveText('18 of 18 papers · by Chong Ruan');
});

test('an unrecognised paste shows a clear error and imports nothing', async ({ page, lectern }) => {
  await openApp(page, lectern);
  await page.locator('body').click();
  await page.mouse.move(5, 895);
  const invitation = page.getByTestId('empty-state');
  const before = await invitation.boundingBox();
  expect(before).not.toBeNull();
  await pasteText(page, 'Dear colleague,\nthanks for the draft.\nBest, Ana');
  const dialog = page.getByRole('dialog', { name: 'Import a profile page' });
  // The invitation stays where it was, under the dialog (the centred dialog covers it; nothing replaces it).
  await expect(dialog).toBeVisible();
  await expect(page.getByTestId('empty-state').getByRole('heading', { name: "Paste a scholar's profile page here (Ctrl/Cmd+V)" })).toBeAttached();
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
  // The invitation is where it was, at the same size (a pixel comparison here broke on focus rings and font hinting).
  expect(await invitation.boundingBox(), 'the window behind the dialog is as it was').toEqual(before);
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
  const nowcastingRow = page.locator('.papers-table tbody tr').filter({ hasText: 'Bounds for Weather Nowcasting' });
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

test('re-importing the same page offers nothing to import; changed metrics add a snapshot and a chart over time', async ({ page, lectern }) => {
  await openApp(page, lectern);
  const dialog = page.getByRole('dialog', { name: 'Import a profile page' });
  const status = page.getByRole('status').filter({ hasText: /Imported|Nothing imported/ });
  const preview = async (text: string, expectedCounts: RegExp, expectedSnapshot: string) => {
    await page.getByRole('button', { name: 'Import a profile…' }).click();
    await dialog.getByLabel('Pasted page').fill(text);
    await expect(dialog.getByRole('list', { name: 'What importing will do' })).toHaveText(expectedCounts);
    await expect(dialog.getByTestId('preview-snapshot')).toHaveText(expectedSnapshot);
  };

  await preview(SEED_PROFILE, /18\s*new\s*0\s*updated\s*0\s*unchanged/, 'New profile metrics will be recorded.');
  await expect(dialog.getByTestId('preview-nothing-new')).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Import 18 papers' }).click();
  await expect(dialog).toBeHidden();
  await expect(status).toHaveText("Imported Chong Ruan's profile: 18 new papers.");

  // The identical text again: nothing would change, so there is nothing to import.
  await preview(SEED_PROFILE, /0\s*new\s*0\s*updated\s*18\s*unchanged/, 'Metrics unchanged since the last import.');
  await expect(dialog.getByTestId('preview-nothing-new')).toHaveText(
    "You imported this exact page before: 18 papers in it are already in your library, unchanged, and the profile's metrics are the same. Importing it again would change nothing.",
  );
  await expect(dialog.getByRole('button', { name: 'Already in your library' })).toBeDisabled();
  await expect(dialog.getByRole('button', { name: /^Import \d/ })).toHaveCount(0);
  await screenshotBothThemes(page, 'import-already-imported');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();

  // A different copy of the same page (one more line break): still nothing new, but it can be recorded.
  await preview(`${SEED_PROFILE}\n`, /0\s*new\s*0\s*updated\s*18\s*unchanged/, 'Metrics unchanged since the last import.');
  await expect(dialog.getByTestId('preview-nothing-new')).toHaveText("Nothing in this paste is new: 18 papers in it are already in your library, unchanged, and the profile's metrics are the same.");
  await dialog.getByRole('button', { name: 'Import again (nothing new)' }).click();
  await expect(dialog).toBeHidden();
  await expect(status).toHaveText("Imported Chong Ruan's profile: nothing new; 18 papers already up to date.");
  await expect(page.locator('.papers-table tbody tr')).toHaveCount(18);
  await expect(page.getByRole('figure', { name: 'Profile metrics over time' })).toHaveCount(0);

  // The same page a while later: more citations, a higher h-index.
  const later = SEED_PROFILE.replace('h-index38', 'h-index39').replace('14,139citations', '14,502citations');
  await preview(later, /0\s*new\s*0\s*updated\s*18\s*unchanged/, 'New profile metrics will be recorded.');
  await dialog.getByRole('button', { name: 'Record the new metrics' }).click();
  await expect(dialog).toBeHidden();
  const card = page.locator('.author-card');
  await expect(card.getByTestId('metric-h-index')).toHaveText(/h-index\s*39/);
  await expect(card.getByTestId('metric-citations')).toHaveText(/Citations\s*14,502/);
  await expect(card.getByTestId('citation-trend')).toHaveText('+363 citations over 2 captures');
  await expect(card.getByRole('img', { name: 'Citations over time: 14,139, 14,502' })).toBeVisible();
  const overTime = page.getByRole('figure', { name: 'Profile metrics over time' });
  await expect(overTime).toHaveAccessibleDescription(/14139 citations, h-index 38; .*14502 citations, h-index 39$/);
  await expect(overTime.locator('.recharts-line')).toHaveCount(2);
  await expect(status).toHaveText(
    "Imported Chong Ruan's profile: no new papers; 18 papers already up to date. The profile's metrics changed; the new values were kept alongside the old.",
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
  // The notice names what was left out as the preview did, and stays until dismissed.
  const notice = page.getByRole('status').filter({ hasText: 'Imported Chong Ruan' });
  await expect(notice.locator('.notice-text > strong, .notice-text > span')).toHaveText(["Imported Chong Ruan's profile:", '7 new papers.']);
  await expect(notice.getByRole('listitem')).toHaveText([
    '1 paper cut off at the end of the paste was not imported (“Some Cut Off Title”); copy the whole page again to include it.',
    '1 line that could not be read was skipped (the full paste is kept with the import).',
    'The page header says 18 papers; the paste holds 7. The page may load more papers as you scroll.',
  ]);
  await expect(notice).toHaveClass(/notice-warning/);
  await screenshotBothThemes(page, 'import-partial-done');
  await page.waitForTimeout(6_500); // longer than a plain confirmation stays
  await expect(notice).toBeVisible();
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
  // The table keeps what it last showed rather than going blank, and the status bar describes those
  // rows (not the filter that could not be applied) and says the list was not updated.
  await expect(page.locator('.papers-table tbody tr')).toHaveCount(24);
  await expect(page.getByTestId('status-text')).toHaveText('24 of 24 papers · by Marisol Quintero-Vance · not updated: the last change could not be shown');
  await expect(alert).toContainText('The table still shows the last list that loaded.');
  await screenshotBothThemes(page, 'server-gone');
  // Chromium itself logs each refused request; those are expected here and nothing else is.
  const unexpected = consoleErrors.filter((e) => !/ERR_CONNECTION_REFUSED/.test(e));
  expect(unexpected).toEqual([]);
  consoleErrors.length = 0;
});

/** Paste the seed profile outside a text field and import it; ends on the table with 18 rows. */
async function importSeed(page: Page): Promise<void> {
  await page.locator('body').click();
  await pasteText(page, SEED_PROFILE);
  const dialog = page.getByRole('dialog', { name: 'Import a profile page' });
  await dialog.getByRole('button', { name: 'Import 18 papers' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.locator('.papers-table tbody tr')).toHaveCount(18);
}

/** Width of a column as laid out (its header cell). */
async function columnWidth(page: Page, name: string): Promise<number> {
  const box = await page.getByRole('columnheader', { name: new RegExp(`^${name}`) }).boundingBox();
  return box?.width ?? 0;
}

test('a whole page pasted into the filter is cut to the filter limit, and can go to the import box instead', async ({ page, context, lectern, consoleErrors }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openApp(page, lectern);
  await importSeed(page);
  await page.getByRole('button', { name: 'Dismiss' }).click();

  const filter = page.getByLabel('Filter papers by title, author or abstract');
  await expect(filter).toHaveAttribute('maxlength', String(FILTER_MAX_LENGTH));
  await page.evaluate((text) => (globalThis as unknown as { navigator: { clipboard: { writeText(t: string): Promise<void> } } }).navigator.clipboard.writeText(text), SEED_PROFILE);
  await filter.click();
  await page.keyboard.press('Control+V');

  // A one-line field turns line breaks into spaces; then only the first FILTER_MAX_LENGTH characters are kept.
  const kept = SEED_PROFILE.replace(/\r?\n/g, ' ').slice(0, FILTER_MAX_LENGTH);
  await expect(filter).toHaveValue(kept);
  await expect(page.getByRole('status').filter({ hasText: 'Only the first' })).toHaveText(`Only the first ${FILTER_MAX_LENGTH} characters are used to filter. Import the pasted text instead`);
  // No error: the library was asked for a filter it accepts, and the table and the status bar agree.
  await expect(page.locator('.papers-table tbody tr')).toHaveCount(0);
  const shownFilter = `${kept.slice(0, 59).trimEnd()}…`;
  await expect(page.locator('.table-empty')).toContainText('No papers match “');
  await expect(page.getByTestId('status-text')).toHaveText(`0 of 18 papers · by Chong Ruan · matching “${shownFilter}”`);
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.locator('body')).not.toContainText('could not read the library');
  await screenshotBothThemes(page, 'filter-long-paste');

  // The page was meant for the import box: one click moves it there and clears the filter.
  await page.getByRole('button', { name: 'Import the pasted text instead' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import a profile page' });
  await expect(dialog.getByLabel('Pasted page')).toHaveValue(SEED_PROFILE);
  await expect(dialog.getByRole('button', { name: 'Already in your library' })).toBeDisabled();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(filter).toHaveValue('');
  await expect(page.locator('.papers-table tbody tr')).toHaveCount(18);
  await expect(page.getByTestId('status-text')).toHaveText('18 of 18 papers · by Chong Ruan');
  expect(consoleErrors).toEqual([]);
});

test('a filter the library refuses leaves the rows and the status bar in agreement and says what was wrong', async ({ page, lectern, consoleErrors }) => {
  await openApp(page, lectern);
  await importSeed(page);
  await page.getByRole('button', { name: 'Dismiss' }).click();
  const rows = page.locator('.papers-table tbody tr');
  const filter = page.getByLabel('Filter papers by title, author or abstract');

  // The library refuses this filter as invalid input (as it does a filter over the length limit).
  const message = `The filter is over ${FILTER_MAX_LENGTH} characters.`;
  await page.route('**/api/papers.list', async (route) => {
    // The box's text goes to the library as `query` (the full search syntax).
    const body = route.request().postDataJSON() as { query?: string };
    if (body.query !== 'prover') return route.continue();
    return route.fulfill({
      status: 200,
      contentType: 'application/json',
      body: JSON.stringify({
        ok: false,
        error: { code: 'INVALID_INPUT', message: `Invalid input for "papers.list": filter: ${message}.`, details: { issues: [{ path: ['filter'], message }] } },
      }),
    });
  });
  await filter.fill('prover');
  const alert = page.getByRole('alert');
  await expect(alert).toHaveText(`The filter could not be applied. ${message} The table still shows the last list that loaded. Shorten the filter to try again.`);
  await expect(alert).not.toContainText('could not read the library');
  await expect(alert).not.toContainText('Invalid input for');
  // The rows are the previous ones, and the status bar describes those rows, not the refused filter.
  await expect(rows).toHaveCount(18);
  await expect(page.getByTestId('status-text')).toHaveText('18 of 18 papers · by Chong Ruan · not updated: the last change could not be shown');
  await screenshotBothThemes(page, 'filter-refused');

  // The next filter works: its rows, its words, and the error is withdrawn.
  await filter.fill('janus');
  await expect(rows).toHaveCount(3);
  await expect(page.getByTestId('status-text')).toHaveText('3 of 18 papers · by Chong Ruan · matching “janus”');
  await expect(alert).toHaveCount(0);
  // Chromium logs nothing for a fulfilled route; nothing else may be logged either.
  expect(consoleErrors).toEqual([]);
});

test('the papers table keeps a readable title and whole author lists at 1440, 1024 and 800 px wide', async ({ page, lectern }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await openApp(page, lectern);
  await importSeed(page);
  await page.getByRole('button', { name: 'Dismiss' }).click();
  const rows = page.locator('.papers-table tbody tr');
  const authorsOf = (title: string) => rows.filter({ hasText: title }).locator('td.col-authors .cell-text');
  const fits = (cell: ReturnType<typeof authorsOf>) => cell.evaluate((el) => (el as unknown as { scrollWidth: number; clientWidth: number }).scrollWidth <= (el as unknown as { clientWidth: number }).clientWidth);

  // 1440 × 900: every column, the author lists whole, the title the widest column.
  const prover = authorsOf('DeepSeek-Prover-V1.5');
  await expect(prover).toHaveText('Xin, Ren, Song et al.');
  expect(await fits(prover), '"Xin, Ren, Song et al." is not cut').toBe(true);
  const authorCells = page.locator('td.col-authors .cell-text');
  const cut = await authorCells.evaluateAll((cells) =>
    (cells as unknown as { scrollWidth: number; clientWidth: number; textContent: string }[]).filter((c) => c.scrollWidth > c.clientWidth).map((c) => c.textContent),
  );
  expect(cut, 'author lists cut at 1440 px').toEqual([]);
  const affiliations = rows.filter({ hasText: 'DeepSeek-VL: Towards' }).locator('td.col-affiliations .cell-text');
  await expect(affiliations).toHaveText('microsoft-research, pku');
  expect(await fits(affiliations), 'affiliations are not cut').toBe(true);
  for (const name of ['Authors', 'Date', 'Categories', 'Code', 'Affiliations']) await expect(page.getByRole('columnheader', { name: new RegExp(`^${name}`) })).toBeVisible();
  expect(await columnWidth(page, 'Title')).toBeGreaterThanOrEqual(240);
  await expect(page.locator('.detail-pane')).toBeVisible();
  await screenshotBothThemes(page, 'window-1440');

  // 1024 × 700: the detail pane becomes a drawer (open after the import, closable); the title keeps its room.
  await page.setViewportSize({ width: 1024, height: 700 });
  const drawer = page.locator('.detail-pane.is-drawer');
  await expect(drawer).toBeVisible();
  await expect(drawer.getByRole('heading', { name: 'Chong Ruan' })).toBeVisible();
  await drawer.getByRole('button', { name: 'Close the details pane' }).click();
  await expect(drawer).toHaveCount(0);
  const toggle = page.getByRole('button', { name: 'Details', exact: true });
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await expect(toggle).toBeFocused();
  expect(await columnWidth(page, 'Title')).toBeGreaterThanOrEqual(240);
  await expect(page.getByRole('columnheader', { name: /^Affiliations/ })).toBeHidden();
  await expect(page.getByRole('columnheader', { name: /^Categories/ })).toBeVisible();
  expect(await fits(prover)).toBe(true);
  await screenshotBothThemes(page, 'window-1024');

  // 800 × 600: the title is still the widest column; the drawer opens over the table and closes with Escape.
  await page.setViewportSize({ width: 800, height: 600 });
  const titleWidth = await columnWidth(page, 'Title');
  expect(titleWidth).toBeGreaterThanOrEqual(240);
  expect(titleWidth).toBeGreaterThan(await columnWidth(page, 'Authors'));
  await expect(page.getByRole('columnheader', { name: /^Categories/ })).toBeHidden();
  await expect(page.getByRole('columnheader', { name: /^Code/ })).toBeVisible();
  expect(await fits(prover)).toBe(true);
  await screenshotBothThemes(page, 'window-800');
  await toggle.click();
  await expect(drawer).toBeVisible();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  expect(await columnWidth(page, 'Title'), 'the drawer lies over the table, which keeps its columns').toBe(titleWidth);
  await screenshotBothThemes(page, 'window-800-details');
  await drawer.getByRole('tab', { name: 'Author' }).focus();
  await page.keyboard.press('Escape');
  await expect(drawer).toHaveCount(0);

  // Enter on a row opens the drawer on that paper.
  await rows.first().click();
  await page.keyboard.press('Enter');
  await expect(drawer.locator('#paper-detail')).toBeFocused();

  // Back in a wide window the pane is beside the table again.
  await page.setViewportSize({ width: 1440, height: 900 });
  await expect(page.locator('.detail-pane')).toBeVisible();
  await expect(page.locator('.detail-pane')).not.toHaveClass(/is-drawer/);
});

test('sorting by Authors orders by the first author\'s surname as the column shows it', async ({ page, lectern }) => {
  await openApp(page, lectern);
  await importSeed(page);
  const rows = page.locator('.papers-table tbody tr');
  const authorsHeader = page.getByRole('columnheader', { name: /^Authors/ });
  await expect(authorsHeader.getByRole('button')).toHaveAttribute('title', /sorts by the first author's surname/);
  // The first surname as each row shows it, compared the way people read names: case and accents aside.
  const fold = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
  const firstSurnames = async () => (await rows.locator('td.col-authors .cell-text').allTextContents()).map((t) => fold(t.split(',')[0]?.replace(/ et al\.$/, '').trim() ?? ''));
  const sorted = (list: string[], desc: boolean) => [...list].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0) * (desc ? -1 : 1));

  await authorsHeader.getByRole('button').click();
  await expect(authorsHeader).toHaveAttribute('aria-sort', 'ascending');
  await expect(page.getByTestId('status-text')).toHaveText('18 of 18 papers · by Chong Ruan · sorted by First author (A to Z)');
  const ascending = await firstSurnames();
  expect(ascending).toHaveLength(18);
  expect(ascending, 'rows in order of the first surname shown').toEqual(sorted(ascending, false));

  await authorsHeader.getByRole('button').click();
  await expect(authorsHeader).toHaveAttribute('aria-sort', 'descending');
  await expect(page.getByTestId('status-text')).toHaveText('18 of 18 papers · by Chong Ruan · sorted by First author (Z to A)');
  const descending = await firstSurnames();
  expect(descending, 'rows in reverse order of the first surname shown').toEqual(sorted(descending, true));
});

test('button, tab and header labels sit in the middle of their controls', async ({ page, lectern }) => {
  await openApp(page, lectern);
  await importSeed(page);
  await page.getByRole('button', { name: 'Dismiss' }).click();
  await page.mouse.move(5, 895);
  const controls = [
    page.locator('.toolbar').getByRole('button', { name: 'Import…' }),
    page.getByRole('button', { name: 'Import a profile…' }),
    page.getByRole('tab', { name: 'Author' }),
    page.getByRole('columnheader', { name: /^Authors/ }).getByRole('button'),
    page.getByRole('button', { name: /My Library/ }),
  ];
  for (const control of controls) {
    const gaps = await labelInkGaps(page, control);
    // Whole pixels: an odd leftover puts one more row on one side, never more.
    expect(Math.abs(gaps.above - gaps.below), `label of ${await control.textContent()} (${gaps.above} px above, ${gaps.below} px below)`).toBeLessThanOrEqual(1);
    expect(gaps.above, 'the label was found').toBeGreaterThan(2);
  }
});
