/**
 * Notes, annotations and search (issue 4, the window's half): write a Markdown note, annotate a span
 * of an abstract, find the paper by a word only in the note, a malformed query's message, highlighted
 * matches, and the Markdown export (copy and save). Runs the real renderer against browser mode.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, importSeed, openApp, screenshotBothThemes, test } from './fixtures';

const PROVER_TITLE = 'DeepSeek-Prover-V1.5: Harnessing Proof Assistant Feedback for Reinforcement Learning and Monte-Carlo Tree Search';
const NOTE = 'Compare with **zanzibarite** tactics.\n\n- the bound $x^2 + y_1$ holds\n- see [the paper](https://arxiv.org/abs/2408.08152)';

const rows = (page: Page) => page.locator('.papers-table tbody tr[data-paper-id]');
const detail = (page: Page) => page.locator('#paper-detail');
const searchBox = (page: Page) => page.getByLabel('Filter papers by title, author or abstract');

/**
 * Select from the start of `from` to the end of `to` (found after it) in the abstract, as a mouse drag
 * would, then release the mouse there. The two may sit in different text nodes (math splits the text).
 */
async function selectInAbstract(page: Page, from: string, to = from): Promise<void> {
  await page.locator('[data-testid="abstract"]').evaluate(
    (root, { first, last }) => {
      interface TextNode {
        data: string;
        parentElement: { dispatchEvent(e: unknown): boolean };
      }
      interface G {
        document: { createTreeWalker(r: unknown, s: number): { nextNode(): TextNode | null }; createRange(): { setStart(n: unknown, o: number): void; setEnd(n: unknown, o: number): void } };
        getSelection(): { removeAllRanges(): void; addRange(r: unknown): void };
        MouseEvent: new (type: string, init: { bubbles: boolean }) => unknown;
      }
      const g = globalThis as unknown as G;
      const walker = g.document.createTreeWalker(root, 4);
      const range = g.document.createRange();
      let started = false;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        let from = 0;
        if (!started) {
          const at = node.data.indexOf(first);
          if (at < 0) continue;
          range.setStart(node, at);
          started = true;
          from = at;
        }
        const end = node.data.indexOf(last, from);
        if (end < 0) continue;
        range.setEnd(node, end + last.length);
        const sel = g.getSelection();
        sel.removeAllRanges();
        sel.addRange(range);
        node.parentElement.dispatchEvent(new g.MouseEvent('mouseup', { bubbles: true }));
        return;
      }
      throw new Error(`"${first}" … "${last}" is not in the abstract`);
    },
    { first: from, last: to },
  );
}

test('write a note, annotate the abstract, find the paper by a word of the note, and export both as Markdown', async ({ page, context, lectern }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openApp(page, lectern);
  await importSeed(page);
  await rows(page).filter({ hasText: PROVER_TITLE }).click();
  await expect(page.locator('#paper-detail-title')).toHaveText(PROVER_TITLE);

  // A note: write, preview, add.
  const notes = detail(page).getByRole('region', { name: /^Notes/ });
  await expect(notes).toContainText('No notes yet.');
  await notes.getByRole('button', { name: 'Add note' }).click();
  const editor = notes.getByLabel('Note (Markdown)');
  await expect(editor).toBeFocused();
  await editor.fill(NOTE);
  await notes.getByRole('button', { name: 'Preview' }).click();
  await expect(notes.locator('.note-preview strong')).toHaveText('zanzibarite');
  await expect(notes.locator('.note-preview .katex')).toHaveCount(1);
  await screenshotBothThemes(page, 'note-preview', { pane: '.detail-pane' });
  await notes.getByRole('button', { name: 'Write' }).click();
  await notes.getByRole('button', { name: 'Add note' }).click();
  const note = notes.getByTestId('note');
  await expect(note).toHaveCount(1);
  await expect(note.locator('strong')).toHaveText('zanzibarite');
  await expect(note.getByRole('link', { name: 'the paper' })).toHaveAttribute('target', '_blank');
  await expect(notes.getByRole('heading')).toHaveText('Notes (1)');

  // Edit it: the change shows at once.
  await note.getByRole('button', { name: 'Edit' }).click();
  await notes.getByLabel('Note (Markdown)').fill(`${NOTE}\n\nEdited.`);
  await notes.getByRole('button', { name: 'Save' }).click();
  await expect(note).toContainText('Edited.');

  // An annotation on a span after the abstract's first formula ($63.5\%$): raw offsets stay right.
  await selectInAbstract(page, 'ProofNet benchmark');
  const popover = page.getByRole('dialog', { name: 'Annotate the selected text' });
  await expect(popover).toBeVisible();
  await expect(popover).toContainText('“ProofNet benchmark”');
  await expect(popover.getByLabel('Comment (optional)')).toBeFocused();
  await popover.getByRole('radio', { name: 'Green' }).click();
  await expect(popover.getByRole('radio', { name: 'Green' })).toHaveAttribute('aria-checked', 'true');
  await popover.getByLabel('Comment (optional)').fill('the harder benchmark');
  await screenshotBothThemes(page, 'annotation-popover', { pane: '.detail-pane' });
  await popover.getByRole('button', { name: 'Annotate' }).click();
  await expect(popover).toBeHidden();
  const mark = detail(page).locator('[data-testid="abstract"] mark.annotation-mark');
  await expect(mark).toHaveText('ProofNet benchmark');
  await expect(mark).toHaveAttribute('title', 'the harder benchmark');
  // The formulas around it are still typeset.
  await expect(detail(page).locator('[data-testid="abstract"] .katex')).toHaveCount(2);

  // A second one across a formula: the whole formula is taken.
  // (The selection ends inside KaTeX's output of $63.5\%$.)
  await selectInAbstract(page, 'miniF2F benchmark', '6');
  await expect(popover).toContainText('“miniF2F benchmark ($63.5\\%$”');
  await popover.getByRole('button', { name: 'Annotate' }).click();
  const annotations = detail(page).getByTestId('annotation');
  await expect(annotations).toHaveCount(2);
  // The list typesets the quote's math too.
  await expect(annotations.first().locator('.annotation-quote')).toContainText('“miniF2F benchmark (63.5%');
  await expect(annotations.first().locator('.annotation-quote .katex')).toHaveCount(1);
  await expect(detail(page).locator('[data-testid="abstract"] mark.annotation-mark .katex')).toHaveCount(1);
  await expect(annotations.nth(1)).toContainText('“ProofNet benchmark”');
  await expect(annotations.nth(1)).toContainText('the harder benchmark');
  await expect(annotations.nth(1)).toContainText('Green');

  // Click a quote in the list: its highlight flashes.
  await annotations.nth(1).getByRole('button', { name: '“ProofNet benchmark”', exact: true }).click();
  await expect(detail(page).locator('[data-testid="abstract"] mark.annotation-mark', { hasText: 'ProofNet benchmark' })).toHaveClass(/is-flashing/);
  // Edit its comment, then delete the first one.
  await annotations.nth(1).getByRole('button', { name: /^Edit the annotation/ }).click();
  await annotations.nth(1).getByLabel('Comment').fill('harder: undergraduate level');
  await annotations.nth(1).getByRole('button', { name: 'Save' }).click();
  await expect(annotations.nth(1)).toContainText('harder: undergraduate level');
  await annotations.first().getByRole('button', { name: /^Delete the annotation/ }).click();
  await expect(annotations).toHaveCount(1);
  await screenshotBothThemes(page, 'paper-notes-annotations', { height: 1400, pane: '.detail-pane' });

  // Search for a word that is only in the note: the paper is found, ranked, with the query in words.
  await searchBox(page).fill('zanzibarite');
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page).first().locator('td.col-title')).toHaveText(PROVER_TITLE);
  await expect(page.getByTestId('status-text')).toHaveText('1 of 18 papers · matching “zanzibarite” · 1 selected');
  // And by a word of the annotation's comment.
  await searchBox(page).fill('annotation:undergraduate');
  await expect(rows(page)).toHaveCount(1);

  // Matched words are marked in the table's titles and in the detail pane (accents and case folded).
  await searchBox(page).fill('prover');
  await expect(rows(page)).toHaveCount(3);
  await expect(rows(page).locator('td.col-title mark.search-hit')).toHaveText(['Prover', 'Prover', 'Prover']);
  await expect(page.locator('#paper-detail-title mark.search-hit')).toHaveText('Prover');
  await expect(detail(page).locator('[data-testid="abstract"] mark.search-hit').first()).toHaveText('Prover');
  await screenshotBothThemes(page, 'search-highlight');

  // Export: copy to the clipboard, and save a .md file.
  const exportGroup = detail(page).getByRole('group', { name: 'Export notes and annotations as Markdown' });
  await exportGroup.getByRole('button', { name: 'Copy' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Copied the notes' })).toBeVisible();
  const copied = await page.evaluate(() => (globalThis as unknown as { navigator: { clipboard: { readText(): Promise<string> } } }).navigator.clipboard.readText());
  expect(copied).toContain(`# ${PROVER_TITLE}`);
  expect(copied).toContain('Compare with **zanzibarite** tactics.');
  expect(copied).toContain('## Annotations\n\n> ProofNet benchmark\n\nharder: undergraduate level\n');
  const [download] = await Promise.all([page.waitForEvent('download'), exportGroup.getByRole('button', { name: 'Save .md' }).click()]);
  expect(download.suggestedFilename()).toBe('DeepSeek-Prover-V1-5-Harnessing-Proof-Assistant-Feedback-for-notes.md');
  expect(readFileSync(await download.path(), 'utf8')).toBe(copied);
});

test('a malformed query says what is wrong and where, and the table keeps the last search that worked', async ({ page, lectern }) => {
  await openApp(page, lectern);
  await importSeed(page);
  const box = searchBox(page);
  await box.fill('prover');
  await expect(rows(page)).toHaveCount(3);

  await box.fill('autor:ruan');
  const error = page.getByTestId('query-error');
  await expect(error).toContainText("Unknown field 'autor:' at column 1 — did you mean author:?");
  await expect(error.locator('.query-error-fault')).toHaveText('autor:');
  await expect(box).toHaveAttribute('aria-invalid', 'true');
  await expect(rows(page)).toHaveCount(3);
  await expect(page.getByTestId('status-text')).toHaveText('3 of 18 papers · matching “prover”');
  await screenshotBothThemes(page, 'query-error');

  await box.fill('"proof assistant');
  await expect(error).toContainText('Unclosed quote at column 1.');

  // Fixed: the phrase search runs, and the message goes.
  await box.fill('"proof assistant"');
  await expect(error).toHaveCount(0);
  await expect(box).toHaveAttribute('aria-invalid', 'false');
  await expect(rows(page)).toHaveCount(1);
  await expect(page.locator('td.col-title mark.search-hit')).toHaveText('Proof Assistant');

  // Fielded: author: and year: work from the same box.
  await box.fill('author:"Chong Ruan" year:2025');
  await expect(rows(page)).toHaveCount(7);
});

test('a note cannot run scripts or load remote images, and a note over 1 MB is refused with the reason', async ({ page, lectern }) => {
  const remote: string[] = [];
  page.on('request', (r) => {
    if (!r.url().startsWith(lectern.url.slice(0, lectern.url.indexOf('/', 8)))) remote.push(r.url());
  });
  await openApp(page, lectern);
  await importSeed(page);
  await rows(page).first().click();
  const notes = detail(page).getByRole('region', { name: /^Notes/ });
  await notes.getByRole('button', { name: 'Add note' }).click();
  await notes
    .getByLabel('Note (Markdown)')
    .fill('Hostile: <img src="https://example.com/a.png" onerror="window.__pwned=1"> <script>window.__pwned=2</script> ![pixel](http://example.com/p.gif) [x](javascript:window.__pwned=3)');
  await notes.getByRole('button', { name: 'Add note' }).click();
  const note = notes.getByTestId('note');
  await expect(note).toContainText('Hostile:');
  await expect(note.locator('script')).toHaveCount(0);
  await expect(note.locator('img[src]')).toHaveCount(0);
  // The typed HTML is shown as typed; the Markdown image is kept as its alt text, never loaded.
  await expect(note).toContainText('<img src="https://example.com/a.png" onerror="window.__pwned=1">');
  await expect(note.locator('img')).toHaveCount(0);
  await expect(note.locator('.note-image-blocked')).toHaveText('Image: pixel');
  await expect(note.locator('[onerror]')).toHaveCount(0);
  await expect(note.locator('a').first()).not.toHaveAttribute('href', /javascript/);
  await note.locator('a').first().click();
  expect(await page.evaluate(() => (globalThis as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(remote).toEqual([]);

  // Over 1 MB: the library's reason under the editor, the text kept.
  await notes.getByRole('button', { name: 'Add note' }).click();
  const big = 'x'.repeat(1_100_000);
  await notes.getByLabel('Note (Markdown)').fill(big);
  await notes.getByRole('button', { name: 'Add note' }).click();
  await expect(notes.getByRole('alert')).toHaveText('The note is 1.10 MB; a note can hold at most 1 MB. Split it into several notes.');
  await expect(notes.getByLabel('Note (Markdown)')).toHaveValue(big);
  await screenshotBothThemes(page, 'note-too-big', { pane: '.detail-pane' });
});

test('from the keyboard: annotate a passage by typing its words, and save with Ctrl+Enter', async ({ page, lectern }) => {
  await openApp(page, lectern);
  await importSeed(page);
  await rows(page).filter({ hasText: PROVER_TITLE }).click();
  const open = detail(page).getByRole('button', { name: 'Annotate a passage…' });
  await open.focus();
  await page.keyboard.press('Enter');
  const words = detail(page).getByLabel('Words from the abstract to annotate');
  await expect(words).toBeFocused();
  await words.fill('no such words');
  await page.keyboard.press('Enter');
  await expect(detail(page).getByRole('status')).toHaveText('These words are not in the abstract as typed.');
  await words.fill('rmaxts');
  await page.keyboard.press('Enter');
  const popover = page.getByRole('dialog', { name: 'Annotate the selected text' });
  await expect(popover).toContainText('“RMaxTS”');
  await expect(popover.getByLabel('Comment (optional)')).toBeFocused();
  await page.keyboard.type('their tree search');
  await page.keyboard.press('Control+Enter');
  await expect(popover).toBeHidden();
  await expect(detail(page).locator('[data-testid="abstract"] mark.annotation-mark')).toHaveText('RMaxTS');
  await expect(detail(page).getByTestId('annotation')).toContainText('their tree search');
  await screenshotBothThemes(page, 'annotation-keyboard', { pane: '.detail-pane' });
});
