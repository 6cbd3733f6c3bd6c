/**
 * References in the window (browser mode): a .bib dropped on the window is previewed with its broken
 * entry named by line, then imported; a collection is exported as BibTeX (saved) and as RIS (copied);
 * an APA citation is copied. With UI_SHOTS set to a folder, each dialog is photographed in both themes
 * at 900 and 1920 px wide (kept out of the repository).
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { expect, openApp, pasteText, test } from './fixtures';

const BIB = `@article{smith2020,
  author = {Smith, Jane and Doe, John},
  title = {A Study of Things},
  journal = {Journal of Tests},
  year = {2020},
  volume = {3},
  pages = {1--10},
  doi = {10.1000/xyz123}
}

@article{broken2021,
  author = {Broken, Bob},
  title = {An Entry Without Its End
  year = {2021}


@book{knuth1984,
  author = {Knuth, Donald E.},
  title = {The {TeX}book},
  publisher = {Addison-Wesley},
  year = {1984}
}

@inproceedings{lamport1978,
  author = {Lamport, Leslie},
  title = {Time, Clocks, and the Ordering of Events},
  booktitle = {Communications of the ACM},
  year = {1978}
}
`;

const STYLES = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'interop', 'styles');
const rows = (page: Page) => page.locator('.papers-table tbody tr[data-paper-id]');
const sidebar = (page: Page) => page.getByRole('navigation', { name: 'Library' });
const clipboardText = (page: Page) => page.evaluate(() => (globalThis as unknown as { navigator: { clipboard: { readText(): Promise<string> } } }).navigator.clipboard.readText());

/** Drag a file over the window and drop it, as the system does (a DataTransfer holding a File). */
async function dropFile(page: Page, name: string, text: string): Promise<void> {
  const data = await page.evaluateHandle(
    ({ name, text }) => {
      const g = globalThis as unknown as { DataTransfer: new () => { items: { add(f: unknown): void } }; File: new (parts: string[], name: string) => unknown };
      const dt = new g.DataTransfer();
      dt.items.add(new g.File([text], name));
      return dt;
    },
    { name, text },
  );
  await page.dispatchEvent('main', 'dragenter', { dataTransfer: data });
  await expect(page.getByTestId('drop-overlay')).toContainText('Drop a .bib, .ris or CSL-JSON file to import');
  await shots(page, 'drop-overlay');
  await page.dispatchEvent('main', 'dragover', { dataTransfer: data });
  await page.dispatchEvent('main', 'drop', { dataTransfer: data });
  await expect(page.getByTestId('drop-overlay')).toBeHidden();
}

/** With UI_SHOTS set: `<name>-<width>-<theme>.png` in that folder for 900 and 1920 px. */
async function shots(page: Page, name: string): Promise<void> {
  const dir = process.env.UI_SHOTS;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  const before = page.viewportSize()!;
  for (const width of [900, 1920]) {
    await page.setViewportSize({ width, height: width === 900 ? 700 : 1080 });
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await page.waitForTimeout(150);
      await page.screenshot({ path: join(dir, `${name}-${width}-${colorScheme}.png`) });
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize(before);
}

/** Drop the .bib, check the preview and import it: the three well-formed entries become the table's rows. */
async function importBib(page: Page): Promise<void> {
  await dropFile(page, 'refs.bib', BIB);
  const dialog = page.getByRole('dialog', { name: 'Import refs.bib' });
  await expect(dialog.getByTestId('reference-read')).toHaveText('Read 3 of 4 entries (BibTeX, UTF-8) from refs.bib');
  const problems = dialog.getByTestId('reference-problems');
  await expect(problems).toContainText('1 entry could not be read and will be left out');
  await expect(problems.locator('.problem-line')).toHaveText([/^refs\.bib:13:\d+: entry 'broken2021' has no closing brace.*read up to line \d+/]);
  await expect(dialog.locator('.preview-papers li')).toHaveCount(3);
  await shots(page, 'reference-preview');
  await dialog.getByRole('button', { name: 'Import 3 references' }).click();
  const report = page.getByRole('dialog', { name: 'Imported refs.bib' });
  await expect(report.getByRole('list', { name: 'What the import did' })).toHaveText(/3 added.*0 updated.*0 unchanged/);
  await expect(report.getByTestId('reference-problems')).toContainText('1 entry could not be read and was left out');
  await shots(page, 'reference-report');
  await report.getByRole('button', { name: 'Close' }).last().click();
  await expect(report).toBeHidden();
  await expect(rows(page)).toHaveCount(3);
  await expect(page.locator('.papers-table tbody')).toContainText('A Study of Things');
  await expect(page.locator('.papers-table tbody')).toContainText('The TeXbook');
}

test('a dropped .bib is previewed with its broken entry by line, imported, and a collection exported as BibTeX and RIS', async ({ page, context, lectern }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openApp(page, lectern);
  await importBib(page);

  // A collection with two of the three papers.
  await sidebar(page).getByRole('button', { name: 'New collection' }).click();
  const create = page.getByRole('dialog', { name: 'New collection' });
  await create.getByLabel('Name').fill('Thesis');
  await create.getByRole('button', { name: 'Create' }).click();
  await expect(create).toBeHidden();
  const entry = sidebar(page).locator('button[data-collection="Thesis"]');
  for (const title of ['A Study of Things', 'The TeXbook']) {
    const row = rows(page).filter({ hasText: title });
    await row.click();
    await row.click({ button: 'right' });
    await page.getByRole('menu', { name: 'Actions for 1 paper' }).getByRole('group', { name: 'Add to collection' }).getByRole('menuitem', { name: 'Thesis' }).click();
  }
  await expect(entry).toContainText('2');

  // Export (Ctrl+Shift+E): the collection as BibTeX, saved as a download.
  await page.locator('body').click();
  await page.keyboard.press('Control+Shift+E');
  const dialog = page.getByRole('dialog', { name: 'Export references' });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('A collection').check();
  await dialog.getByLabel('Collection', { exact: true }).selectOption({ label: 'Thesis (2)' });
  await dialog.getByLabel('Format', { exact: true }).selectOption('bibtex');
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Save…' }).click();
  const saved = await (await download).path();
  const bibtex = await readFile(saved, 'utf8');
  expect(bibtex).toMatch(/@article\{smith2020,/);
  expect(bibtex).toMatch(/@book\{knuth1984,/);
  expect(bibtex).toMatch(/title\s*=\s*\{A Study of Things\}/);
  expect(bibtex).toMatch(/author\s*=\s*\{Smith, Jane and Doe, John\}/);
  expect(bibtex).not.toContain('Lamport');
  await expect(dialog.getByTestId('export-outcome')).toHaveText(/^2 papers saved as BibTeX/);
  await shots(page, 'export-dialog');

  // The same collection as RIS, copied.
  await dialog.getByLabel('Format', { exact: true }).selectOption('ris');
  await dialog.getByRole('button', { name: 'Copy', exact: true }).click();
  await expect(dialog.getByTestId('export-outcome')).toHaveText(/^2 papers copied as RIS/);
  const ris = await clipboardText(page);
  const records = ris.split(/\r?\nER {2}- ?\r?\n?/).filter((r) => r.trim());
  expect(records).toHaveLength(2);
  expect(ris).toMatch(/^TY {2}- JOUR$/m);
  expect(ris).toMatch(/^TY {2}- BOOK$/m);
  // One AU line per author, in order, within each record.
  const authorsOf = (record: string | undefined) => record?.match(/^AU {2}- .*$/gm);
  expect(authorsOf(records.find((r) => r.includes('A Study of Things')))).toEqual(['AU  - Smith, Jane', 'AU  - Doe, John']);
  expect(authorsOf(records.find((r) => r.includes('TeXbook')))).toEqual(['AU  - Knuth, Donald E.']);
  expect(ris).toMatch(/^ER {2}- ?$/m);
  expect(ris).not.toContain('Lamport');

  // A Markdown reference list in APA (the style picker shows for lists only).
  await expect(dialog.getByLabel('Style of the list')).toHaveCount(0);
  await dialog.getByLabel('Format', { exact: true }).selectOption('markdown');
  await dialog.getByLabel('Style of the list').selectOption('apa');
  await dialog.getByRole('button', { name: 'Copy', exact: true }).click();
  await expect(dialog.getByTestId('export-outcome')).toHaveText(/^2 papers copied as Markdown list/);
  const list = await clipboardText(page);
  expect(list).toContain('Knuth, D. E. (1984). *The TeXbook*. Addison-Wesley.');
  expect(list).toContain('Smith, J., & Doe, J. (2020). A Study of Things. *Journal of Tests*, *3*, 1–10.');

  // Keep it exported: a path typed by hand, written at once.
  await dialog.getByLabel('File (full path)').fill(join(lectern.dir, 'thesis.bib'));
  await dialog.getByRole('button', { name: 'Keep exported' }).click();
  await expect(dialog.getByTestId('kept-list')).toContainText('thesis.bib');
  await expect(dialog.getByTestId('kept-list')).toContainText(/Thesis/);
  await expect.poll(async () => (await readFile(join(lectern.dir, 'thesis.bib'), 'utf8').catch(() => '')).includes('@book{knuth1984,')).toBe(true);
  await expect(dialog.getByTestId('kept-list')).toContainText(/last written \d\d:\d\d/);
  await shots(page, 'export-kept');

  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});

test('Copy citation formats the selection in APA and copies it; the key and the pattern are set by hand', async ({ page, context, lectern }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openApp(page, lectern);
  await importBib(page);

  const row = rows(page).filter({ hasText: 'A Study of Things' });
  await row.click();
  await page.keyboard.press('Control+Shift+C');
  const dialog = page.getByRole('dialog', { name: 'Copy citation' });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('Style').selectOption('apa');
  const entryText = 'Smith, J., & Doe, J. (2020). A Study of Things. Journal of Tests, 3, 1–10. https://doi.org/10.1000/xyz123';
  await expect(dialog.getByTestId('cite-preview')).toHaveText(entryText);
  await expect(dialog.getByTestId('cite-preview').locator('i').first()).toHaveText('Journal of Tests');
  await shots(page, 'cite-dialog');
  await dialog.getByRole('button', { name: 'Copy as plain text' }).click();
  await expect.poll(() => clipboardText(page)).toBe(entryText);
  // Rich text: HTML with the journal in italics, and the plain text beside it.
  await dialog.getByRole('button', { name: 'Copy as rich text' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Copied the bibliography entry as rich text.' })).toBeVisible();
  const rich = await page.evaluate(async () => {
    const nav = (globalThis as unknown as { navigator: { clipboard: { read(): Promise<{ types: string[]; getType(t: string): Promise<{ text(): Promise<string> }> }[]> } } }).navigator;
    const [item] = await nav.clipboard.read();
    return { types: item!.types, html: await (await item!.getType('text/html')).text(), plain: await (await item!.getType('text/plain')).text() };
  });
  expect(rich.html).toMatch(/<i>Journal of Tests<\/i>/);
  expect(rich.html).not.toContain('<script');
  expect(rich.plain).toBe(entryText);
  await dialog.getByRole('button', { name: 'Copy as Markdown' }).click();
  // A Markdown bibliography is a list: each entry a list item, so pasted entries do not run together.
  await expect.poll(() => clipboardText(page)).toBe('- Smith, J., & Doe, J. (2020). A Study of Things. *Journal of Tests*, *3*, 1–10. <https://doi.org/10.1000/xyz123>');
  // Vancouver: the number stands on the line of its entry, in the preview and in the copied HTML.
  await dialog.getByLabel('Style').selectOption('vancouver');
  const preview = dialog.getByTestId('cite-preview');
  await expect(preview).toHaveText(/^\s*1\. Smith J, Doe J\. A Study of Things\./);
  const label = await preview.locator('.csl-left-margin').boundingBox();
  const body = await preview.locator('.csl-right-inline').boundingBox();
  expect(Math.abs(label!.y - body!.y)).toBeLessThan(4);
  expect(label!.x).toBeLessThan(body!.x);
  if (process.env.FIX2_SHOTS) await dialog.screenshot({ path: join(process.env.FIX2_SHOTS, 'cite-vancouver.png') });
  await dialog.getByRole('button', { name: 'Copy as rich text' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Copied the bibliography entry as rich text.' }).last()).toBeVisible();
  const vancouverHtml = await page.evaluate(async () => {
    const nav = (globalThis as unknown as { navigator: { clipboard: { read(): Promise<{ getType(t: string): Promise<{ text(): Promise<string> }> }[]> } } }).navigator;
    const [item] = await nav.clipboard.read();
    return (await item!.getType('text/html')).text();
  });
  expect(vancouverHtml).toContain('<span class="csl-left-margin">1.</span> <span class="csl-right-inline">Smith J, Doe J.');
  await dialog.getByLabel('Style').selectOption('apa');
  await dialog.getByLabel('In-text citation').check();
  await expect(dialog.getByTestId('cite-preview')).toHaveText('(Smith & Doe, 2020)');
  await dialog.getByRole('button', { name: 'Copy as plain text' }).click();
  await expect.poll(() => clipboardText(page)).toBe('(Smith & Doe, 2020)');
  // A broken style file is refused with a message, not a crash.
  const chooser = page.waitForEvent('filechooser');
  await dialog.getByRole('button', { name: 'Add style…' }).click();
  await (await chooser).setFiles({ name: 'broken.csl', mimeType: 'application/xml', buffer: Buffer.from('<style xmlns="http://purl.org/net/xbiblio/csl"><info>') });
  await expect(dialog.getByTestId('style-error')).toContainText('broken.csl was not added:');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(row).toBeFocused();

  // The detail pane: the key kept from the file, set by hand, a clash refused inline.
  await page.keyboard.press('Enter');
  const key = page.getByTestId('citation-key');
  await expect(key.getByLabel('Citation key')).toHaveValue('smith2020');
  await key.getByLabel('Citation key').fill('knuth1984');
  await key.getByRole('button', { name: 'Set' }).click();
  await expect(key.locator('.field-error')).toBeVisible();
  await key.getByLabel('Citation key').fill('smithdoe2020');
  await key.getByRole('button', { name: 'Set' }).click();
  await expect(key.getByRole('status')).toHaveText('Key set: smithdoe2020');
  // A long key fits the field whole (vanderwaalsStudyEquation2020 was cut to vanderwaalsStudyEc).
  await key.getByLabel('Citation key').fill('vanderwaalsStudyEquation2020abcd');
  const fits = await key.getByLabel('Citation key').evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
  expect(fits.scroll).toBeLessThanOrEqual(fits.client);
  if (process.env.FIX2_SHOTS) await page.screenshot({ path: join(process.env.FIX2_SHOTS, 'detail-pane.png') });
  await key.getByLabel('Citation key').fill('smithdoe2020');

  // Settings (Ctrl+,): the pattern, with an unknown field refused at its column.
  await page.locator('body').click();
  await page.keyboard.press('Control+,');
  const settings = page.getByRole('dialog', { name: 'Settings' });
  const pattern = settings.getByLabel('Pattern for new keys');
  await expect(pattern).toHaveValue('[auth:lower][year][shorttitle:lower]');
  await pattern.fill('[auth][nosuchfield]');
  await settings.getByRole('button', { name: 'Save pattern' }).click();
  // The caret stands under the unknown field's first letter.
  await expect(settings.getByTestId('pattern-error').locator('.pattern-caret')).toHaveText('[auth][nosuchfield]\n       ^');
  await expect(settings.getByTestId('pattern-error')).toContainText("unknown field 'nosuchfield' at column 8");
  await shots(page, 'settings-dialog');
  await pattern.fill('[auth:lower][year]');
  await settings.getByRole('button', { name: 'Save pattern' }).click();
  await expect(settings.getByTestId('pattern-example')).toHaveText(/^Saved\. A key it gives: \S+$/);
  await page.keyboard.press('Escape');
  await expect(settings).toBeHidden();
});

const RIS = `TY  - JOUR
AU  - Curie, Marie
TI  - Recherches sur les substances radioactives
PY  - 1903
ER  - 

TY  - BOOK
AU  - Darwin, Charles
TI  - On the Origin of Species
PY  - 1859
PB  - John Murray
ER  - 
`;

test('a RIS paste is read as references in the paste box; Import file… takes a CSL-JSON file; Escape gives focus back', async ({ page, lectern }) => {
  await openApp(page, lectern);
  // The paste box: RIS text is previewed as references (not as a profile page) and imported as a file.
  await page.locator('body').click();
  await pasteText(page, RIS);
  const box = page.getByRole('dialog', { name: 'Import references' });
  await expect(box.getByTestId('paste-reference-format')).toHaveText('Source: RIS references');
  await expect(box.getByTestId('reference-read')).toHaveText('Read 2 entries (RIS, UTF-8) from pasted text');
  await shots(page, 'paste-box-references');
  await box.getByRole('button', { name: 'Import 2 references' }).click();
  await expect(box).toBeHidden();
  const report = page.getByRole('dialog', { name: 'Imported pasted text' });
  await expect(report.getByRole('list', { name: 'What the import did' })).toHaveText(/2 added/);
  await page.keyboard.press('Escape');
  await expect(report).toBeHidden();
  await expect(rows(page)).toHaveCount(2);

  // References ▾ → Import file… with a CSL-JSON file; the same paper again is matched, not duplicated.
  const menuButton = page.getByRole('button', { name: 'References', exact: true });
  await menuButton.click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('menu', { name: 'References' }).getByRole('menuitem', { name: 'Import file…' }).click();
  const csl = JSON.stringify([
    { id: 'darwin1859', type: 'book', title: 'On the Origin of Species', author: [{ family: 'Darwin', given: 'Charles' }], issued: { 'date-parts': [[1859]] }, publisher: 'John Murray' },
    { id: 'noether1921', type: 'article-journal', title: 'Idealtheorie in Ringbereichen', author: [{ family: 'Noether', given: 'Emmy' }], issued: { 'date-parts': [[1921]] } },
  ]);
  await (await chooser).setFiles({ name: 'library.json', mimeType: 'application/json', buffer: Buffer.from(csl) });
  const dialog = page.getByRole('dialog', { name: 'Import library.json' });
  await expect(dialog.getByTestId('reference-read')).toHaveText('Read 2 entries (CSL-JSON, UTF-8) from library.json');
  await expect(dialog.getByRole('list', { name: 'What importing will do' })).toHaveText(/1 new.*(1 updated.*0 unchanged|0 updated.*1 unchanged)/);
  await dialog.getByRole('button', { name: 'Import 2 references' }).click();
  const fileReport = page.getByRole('dialog', { name: 'Imported library.json' });
  await expect(fileReport.getByRole('button', { name: 'Close' }).last()).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(fileReport).toBeHidden();
  await expect(rows(page)).toHaveCount(3);
  await expect(menuButton).toBeFocused();

  // A .csl dropped on the window becomes a style the Cite dialog offers.
  await dropFile(page, 'ieee-like.csl', readFileSync(join(STYLES, 'ieee-like.csl'), 'utf8'));
  await expect(page.getByRole('status').filter({ hasText: 'Added the citation style “Lectern IEEE-like”.' })).toBeVisible();
  await rows(page).first().click();
  await page.keyboard.press('Control+Shift+C');
  const cite = page.getByRole('dialog', { name: 'Copy citation' });
  await expect(cite.getByLabel('Style').locator('optgroup[label="Added by you"] option')).toHaveText(['Lectern IEEE-like']);
  await page.keyboard.press('Escape');
  await expect(cite).toBeHidden();

  // The References menu by keyboard: Enter opens it on its first item, arrows move, Escape gives focus back.
  await menuButton.focus();
  await page.keyboard.press('Enter');
  const refMenu = page.getByRole('menu', { name: 'References' });
  await expect(refMenu.getByRole('menuitem', { name: 'Import file…' })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(refMenu.getByRole('menuitem', { name: /^Export…/ })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(refMenu).toBeHidden();
  await expect(menuButton).toBeFocused();

  // The keyboard: Ctrl+Shift+E opens Export on its scope, Escape closes it, focus comes back.
  await rows(page).first().click();
  await page.keyboard.press('Control+Shift+E');
  const exportDialog = page.getByRole('dialog', { name: 'Export references' });
  await expect(exportDialog.getByLabel(/The selection/)).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(exportDialog).toBeHidden();
  await expect(rows(page).first()).toBeFocused();
});
