/**
 * Test fixtures: a fresh Lectern server and library per test, a page that fails the test on any
 * console error or uncaught exception, and helpers to paste text and to take screenshots in both themes.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as base, expect, type Page } from '@playwright/test';
import { LecternServer } from './lectern-server';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SCREENSHOT_DIR = join(ROOT, 'test-results', 'screenshots');

export const SEED_PROFILE = readFileSync('/work/shared/profiles/seed-profile.txt', 'utf8');

interface Fixtures {
  lectern: LecternServer;
  /** Console errors and page errors seen so far; the test fails at the end when any were seen. */
  consoleErrors: string[];
}

export const test = base.extend<Fixtures>({
  lectern: async ({}, use) => {
    const server = new LecternServer();
    await server.start();
    try {
      await use(server);
    } finally {
      await server.dispose();
    }
  },
  consoleErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on('console', (message) => {
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
