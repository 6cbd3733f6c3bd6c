/**
 * Test fixtures: a fresh Lectern server and library per test, a page that fails the test on any
 * console error or uncaught exception, and helpers to paste text and to take screenshots in both themes.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as base, expect, type Locator, type Page } from '@playwright/test';
import { LecternServer } from './lectern-server';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SCREENSHOT_DIR = join(ROOT, 'test-results', 'screenshots');

/** The shared profile fixtures (../shared/profiles beside the repo). */
export const PROFILES_DIR = join(ROOT, '..', 'shared', 'profiles');
export const SEED_PROFILE = readFileSync(join(PROFILES_DIR, 'seed-profile.txt'), 'utf8');

interface Fixtures {
  lectern: LecternServer;
  /** Console errors and page errors seen so far; the test fails at the end when any were seen. */
  consoleErrors: string[];
}

export const test = base.extend<Fixtures>({
  lectern: async ({ page }, use) => {
    const server = new LecternServer();
    await server.start();
    try {
      await use(server);
    } finally {
      // The window saves its layout (view, panes, sort) a moment after a change: close it before the
      // server stops, so that save cannot meet a stopped server and log a connection error.
      await page.close();
      await server.dispose();
    }
  },
  consoleErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on('console', (message) => {
        // The window polls the library's events (renderer/api/library-events.ts); a poll that meets a
        // server a test has stopped or is restarting is refused, and the browser logs that: expected.
        if (message.type() === 'error' && /ERR_CONNECTION_REFUSED/.test(message.text()) && message.location().url.includes('/api/events')) return;
        if (message.type() === 'error') errors.push(`console.error: ${message.text()}`);
      });
      page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
      await use(errors);
      expect(errors, 'the page logged errors').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** Open the app the way a user does: the printed URL, token included. */
export async function openApp(page: Page, server: LecternServer): Promise<void> {
  await page.goto(server.url);
  await expect(page.locator('.status-bar')).toBeVisible();
  // The library has answered (the status bar counts its papers): the window is drawn from real data.
  await expect(page.getByTestId('status-text')).toHaveText(/\d/);
}

/**
 * Import the seed profile by pasting it (as a user does), then show the whole library with any notice
 * dismissed: the 18 papers are the table's rows.
 */
export async function importSeed(page: Page): Promise<void> {
  await page.locator('body').click();
  await pasteText(page, SEED_PROFILE);
  const dialog = page.getByRole('dialog', { name: 'Import a profile page' });
  await dialog.getByRole('button', { name: /Import 18 papers/ }).click();
  await expect(dialog).toBeHidden();
  await page.getByRole('button', { name: /My Library/ }).click();
  const dismiss = page.getByRole('button', { name: 'Dismiss' });
  if (await dismiss.count()) await dismiss.first().click();
  await expect(page.locator('.papers-table tbody tr[data-paper-id]')).toHaveCount(18);
}

/**
 * Dispatch a real paste event (as Ctrl/Cmd+V does) on whatever has focus, with `text` on the
 * event's clipboard data. Runs in the page, so it touches DOM globals through a narrow local type.
 */
export async function pasteText(page: Page, text: string): Promise<void> {
  await page.evaluate((pasted) => {
    interface PageGlobals {
      DataTransfer: new () => { setData(format: string, data: string): void };
      ClipboardEvent: new (type: string, init: { clipboardData: unknown; bubbles: boolean; cancelable: boolean }) => unknown;
      document: { activeElement: { dispatchEvent(event: unknown): boolean } | null; body: { dispatchEvent(event: unknown): boolean } };
    }
    const g = globalThis as unknown as PageGlobals;
    const data = new g.DataTransfer();
    data.setData('text/plain', pasted);
    const event = new g.ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true });
    (g.document.activeElement ?? g.document.body).dispatchEvent(event);
  }, text);
}

/**
 * Save `<name>-light.png` and `<name>-dark.png`, then leave the page in the light theme. `height`
 * makes the window that tall for the shot, so a scrolling pane (the author's charts) fits whole;
 * `pane` also saves that element alone as `<name>-pane-<theme>.png`.
 */
export async function screenshotBothThemes(page: Page, name: string, options: { height?: number; pane?: string } = {}): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const viewport = page.viewportSize();
  if (options.height && viewport) await page.setViewportSize({ width: viewport.width, height: options.height });
  // Park the pointer on the status bar so no hover highlight lands in the picture.
  await page.mouse.move(5, (options.height ?? viewport?.height ?? 900) - 5);
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await page.waitForTimeout(150);
    await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}-${colorScheme}.png`) });
    if (options.pane) await page.locator(options.pane).screenshot({ path: join(SCREENSHOT_DIR, `${name}-pane-${colorScheme}.png`) });
  }
  await page.emulateMedia({ colorScheme: 'light' });
  if (options.height && viewport) await page.setViewportSize(viewport);
}

/**
 * Where a control's label is drawn, in real pixels: the rows of ink of its first character (a capital,
 * so the cap band from cap height to baseline) against the control's inside (within its borders).
 * Returns the empty rows above and below; a centred label has them equal or one apart (whole pixels).
 */
export async function labelInkGaps(page: Page, control: Locator): Promise<{ above: number; below: number }> {
  const geometry = await control.evaluate((el) => {
    interface Rect { x: number; y: number; width: number; height: number }
    interface El { getBoundingClientRect(): Rect }
    interface PageGlobals {
      document: {
        createTreeWalker(root: unknown, show: number): { nextNode(): { textContent: string | null } | null };
        createRange(): { setStart(n: unknown, o: number): void; setEnd(n: unknown, o: number): void; getBoundingClientRect(): Rect };
      };
      getComputedStyle(el: unknown): { borderTopWidth: string; borderBottomWidth: string };
    }
    const g = globalThis as unknown as PageGlobals;
    const walker = g.document.createTreeWalker(el, 4 /* NodeFilter.SHOW_TEXT */);
    let node = walker.nextNode();
    while (node && !node.textContent?.trim()) node = walker.nextNode();
    if (!node?.textContent) throw new Error('The control has no text label.');
    const offset = node.textContent.search(/\S/);
    const range = g.document.createRange();
    range.setStart(node, offset);
    range.setEnd(node, offset + 1);
    const glyph = range.getBoundingClientRect();
    const box = (el as unknown as El).getBoundingClientRect();
    const style = g.getComputedStyle(el);
    return { glyph: { x: glyph.x, width: glyph.width }, box: { y: box.y, height: box.height }, borderTop: parseFloat(style.borderTopWidth), borderBottom: parseFloat(style.borderBottomWidth) };
  });
  // Painting snaps boxes to whole pixels; measure against the snapped box.
  const top = Math.round(geometry.box.y);
  const bottom = Math.round(geometry.box.y + geometry.box.height);
  const clip = { x: Math.floor(geometry.glyph.x), y: top, width: Math.max(1, Math.ceil(geometry.glyph.width)), height: bottom - top };
  const png = (await page.screenshot({ clip })).toString('base64');
  const inkRows = await page.evaluate(async (data) => {
    interface Img { src: string; width: number; height: number; decode(): Promise<void> }
    interface Ctx { drawImage(i: Img, x: number, y: number): void; getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray } }
    interface PageGlobals {
      Image: new () => Img;
      document: { createElement(tag: 'canvas'): { width: number; height: number; getContext(kind: '2d'): Ctx } };
    }
    const g = globalThis as unknown as PageGlobals;
    const img = new g.Image();
    img.src = `data:image/png;base64,${data}`;
    await img.decode();
    const canvas = g.document.createElement('canvas');
    canvas.width = img.width;
    canvas.height = img.height;
    const ctx = canvas.getContext('2d');
    ctx.drawImage(img, 0, 0);
    const px = ctx.getImageData(0, 0, img.width, img.height).data;
    const lum = (x: number, y: number) => {
      const i = (y * img.width + x) * 4;
      return ((px[i] ?? 0) + (px[i + 1] ?? 0) + (px[i + 2] ?? 0)) / 3;
    };
    // The background: the clip's left edge at mid-height is the glyph's side bearing; ink differs clearly.
    const bg = lum(0, Math.floor(img.height / 2));
    const rows: number[] = [];
    for (let y = 0; y < img.height; y++) {
      let ink = 0;
      for (let x = 0; x < img.width; x++) if (Math.abs(lum(x, y) - bg) > 60) ink++;
      // Skip border rows (ink across the whole clip).
      if (ink > 0 && ink < img.width) rows.push(y);
    }
    return rows;
  }, png);
  const inside = bottom - top - geometry.borderTop - geometry.borderBottom;
  const first = (inkRows[0] ?? 0) - geometry.borderTop;
  const last = (inkRows[inkRows.length - 1] ?? 0) - geometry.borderTop;
  return { above: first, below: inside - (last + 1) };
}
