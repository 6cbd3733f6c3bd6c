/**
 * Focus returns to where the user was (issue 8, item 9): after closing the tag picker, saving or
 * cancelling a note, leaving "Annotate a passage…", opening an author card, and every other dialog,
 * popover, menu and editor, focus lands on the control that opened it (or the nearest sensible one),
 * never on the page's body.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, importSeed, openApp, test } from './fixtures';

const PROVER = 'DeepSeek-Prover-V1.5: Harnessing Proof Assistant Feedback for Reinforcement Learning and Monte-Carlo Tree Search';

const rows = (page: Page) => page.locator('.papers-table tbody tr[data-paper-id]');
const detail = (page: Page) => page.locator('#paper-detail');
const sidebar = (page: Page) => page.getByRole('navigation', { name: 'Library' });


/** What has focus, in words (for messages): the body or the element's tag and label. */
async function focusedName(page: Page): Promise<string> {
  return page.evaluate(() => {
    interface El { tagName: string; getAttribute(n: string): string | null; textContent: string | null }
    const active = (globalThis as unknown as { document: { activeElement: El | null; body: El } }).document;
    const el = active.activeElement;
    if (!el || el === active.body) return 'body';
    return `${el.tagName.toLowerCase()} ${el.getAttribute('aria-label') ?? el.textContent?.slice(0, 40) ?? ''}`;
  });
}

/** Focus is on `target`; the message says where it went instead. */
async function expectFocusOn(page: Page, target: Locator): Promise<void> {
  await expect(target, `focus is on ${await focusedName(page)}`).toBeFocused();
}

async function expectFocusNotLost(page: Page): Promise<void> {
  await expect.poll(() => focusedName(page)).not.toBe('body');
}

test('Escape from the tag picker gives focus back to the row, or to "+ Tag" in the detail pane', async ({ page, lectern }) => {
  await openApp(page, lectern);
  await importSeed(page);
  const row = rows(page).nth(2);
  await row.click();
  await page.keyboard.press('t');
  const picker = page.getByRole('dialog', { name: 'Tag papers' });
  await expect(picker.getByRole('combobox')).toBeFocused();
  await picker.getByRole('combobox').fill('later');
  await page.keyboard.press('Enter');
  await expect(picker.getByRole('option', { name: 'later' })).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Escape');
  await expect(picker).toBeHidden();
  await expectFocusOn(page, row);
  // The keys work again at once: ArrowDown moves on from this row.
  await page.keyboard.press('ArrowDown');
  await expectFocusOn(page, rows(page).nth(3));

  const add = detail(page).getByRole('button', { name: '+ Tag' });
  await add.click();
  await expect(picker.getByRole('combobox')).toBeFocused();
  await page.keyboard.press('Escape');
  await expectFocusOn(page, add);
});

test('Ctrl+Enter in a note gives focus to the saved note; Escape to the button that opened the editor', async ({ page, lectern }) => {
  await openApp(page, lectern);
  await importSeed(page);
  await rows(page).filter({ hasText: PROVER }).click();
  const notes = detail(page).getByRole('region', { name: /^Notes/ });
  await notes.getByRole('button', { name: 'Add note' }).click();
  await page.keyboard.type('First thoughts.');
  await page.keyboard.press('Control+Enter');
  const note = notes.getByTestId('note');
  await expect(note).toHaveCount(1);
  await expectFocusOn(page, note.getByRole('button', { name: 'Edit' }));

  // Edit, Ctrl+Enter: back on its Edit button.
  await page.keyboard.press('Enter');
  await expect(notes.getByLabel('Note (Markdown)')).toBeFocused();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type(' More.');
  await page.keyboard.press('Control+Enter');
  await expect(note).toContainText('First thoughts. More.');
  await expectFocusOn(page, note.getByRole('button', { name: 'Edit' }));

  // Escape from a new note: back on "Add note".
  await notes.getByRole('button', { name: 'Add note' }).click();
  await expect(notes.getByLabel('Note (Markdown)')).toBeFocused();
  await page.keyboard.press('Escape');
  await expectFocusOn(page, notes.getByRole('button', { name: 'Add note' }));
});

test('Escape from "Annotate a passage…" and from its popover gives focus back to the button', async ({ page, lectern }) => {
  await openApp(page, lectern);
  await importSeed(page);
  await rows(page).filter({ hasText: PROVER }).click();
  const open = detail(page).getByRole('button', { name: 'Annotate a passage…' });
  await open.focus();
  await page.keyboard.press('Enter');
  await expect(detail(page).getByLabel('Words from the abstract to annotate')).toBeFocused();
  await page.keyboard.press('Escape');
  await expectFocusOn(page, open);

  // Find the words, then Escape from the popover.
  await page.keyboard.press('Enter');
  await page.keyboard.type('rmaxts');
  await page.keyboard.press('Enter');
  const popover = page.getByRole('dialog', { name: 'Annotate the selected text' });
  await expect(popover.getByLabel('Comment (optional)')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(popover).toBeHidden();
  await expectFocusOn(page, open);

  // And after saving with Ctrl+Enter.
  await page.keyboard.press('Enter');
  await page.keyboard.type('rmaxts');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Control+Enter');
  await expect(popover).toBeHidden();
  await expect(detail(page).getByTestId('annotation')).toHaveCount(1);
  await expectFocusOn(page, open);
});

test('Enter on an author card gives focus to the author\'s papers in the table', async ({ page, lectern }) => {
  await openApp(page, lectern);
  await importSeed(page);
  await page.getByRole('group', { name: 'View' }).getByRole('button', { name: 'Authors', exact: true }).click();
  const card = page.getByTestId('author-card').filter({ has: page.getByRole('heading', { name: 'Chong Ruan', exact: true }) });
  await card.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('status-text')).toContainText('by Chong Ruan');
  await expectFocusOn(page, rows(page).first());
  // From there the keys work: ArrowDown selects the next paper.
  await page.keyboard.press('ArrowDown');
  await expect(rows(page).nth(1)).toHaveAttribute('aria-selected', 'true');
});

test('dialogs, menus and popovers give focus back: prompt, context menu, column chooser, import, confirm, clear filters', async ({ page, lectern }) => {
  await openApp(page, lectern);
  await importSeed(page);

  // The import dialog: Escape returns to "Import…".
  const importButton = page.getByRole('button', { name: 'Import…' });
  await importButton.click();
  await expect(page.getByRole('dialog', { name: 'Import a profile page' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expectFocusOn(page, importButton);

  // The column chooser from a right-click on a header: Escape returns to that header.
  const header = page.getByRole('columnheader', { name: /^Title/ }).getByRole('button');
  await header.click({ button: 'right' });
  await expect(page.getByRole('dialog', { name: 'Columns' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expectFocusOn(page, header);

  // A new tag from the sidebar's "+", then its context menu: rename (focus follows the renamed entry) and delete.
  const addTag = sidebar(page).getByRole('button', { name: 'New tag' });
  await addTag.click();
  await page.getByRole('dialog', { name: 'New tag' }).getByLabel('Name').fill('draft');
  await page.keyboard.press('Enter');
  await expect(sidebar(page).locator('button[data-tag="draft"]')).toBeVisible();
  await expectFocusOn(page, addTag);

  await sidebar(page).locator('button[data-tag="draft"]').click({ button: 'right' });
  await page.getByRole('menu', { name: 'Tag draft' }).getByRole('menuitem', { name: 'Rename…' }).click();
  await page.getByRole('dialog', { name: 'Rename “draft”' }).getByLabel('Name').fill('final');
  await page.keyboard.press('Enter');
  await expectFocusOn(page, sidebar(page).locator('button[data-tag="final"]'));

  await page.keyboard.press('Shift+F10');
  await page.getByRole('menu', { name: 'Tag final' }).getByRole('menuitem', { name: 'Delete…' }).click();
  await page.getByRole('dialog', { name: 'Delete tag “final”?' }).getByRole('button', { name: 'Delete tag' }).click();
  await expect(sidebar(page).locator('button[data-tag="final"]')).toHaveCount(0);
  await expectFocusNotLost(page);

  // Clear filters removes its own button: focus goes to the filter bar, not the body.
  await page.getByTestId('facet-code').click();
  await page.getByRole('group', { name: 'Code filter' }).getByLabel('With code').check();
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(page.getByRole('button', { name: 'Clear filters' })).toHaveCount(0);
  await expectFocusNotLost(page);

  // Confirm dialogs: Empty trash disables its own button; focus stays in the window.
  await rows(page).first().click();
  await page.keyboard.press('Delete');
  await sidebar(page).getByRole('button', { name: /^Trash/ }).click();
  await page.getByRole('region', { name: 'Trash' }).getByRole('button', { name: 'Empty trash…' }).click();
  await page.getByRole('dialog', { name: 'Empty the trash?' }).getByRole('button', { name: 'Empty trash' }).click();
  await expect(sidebar(page).getByRole('button', { name: /^Trash/ })).toHaveText('Trash0');
  await expectFocusNotLost(page);
});

test('an author chip in the paper detail opens the author and focus goes to the Author tab', async ({ page, lectern }) => {
  await openApp(page, lectern);
  await importSeed(page);
  await rows(page).filter({ hasText: PROVER }).click();
  await detail(page).getByRole('button', { name: 'Huajian Xin' }).click();
  await expect(page.getByRole('tab', { name: 'Author' })).toHaveAttribute('aria-selected', 'true');
  await expectFocusOn(page, page.getByRole('tab', { name: 'Author' }));
});
