// A real VS Code workbench in Chromium for UI-level tests: opens code-server (started by
// test/runner/e2e.mjs) with the extension under development loaded, and gives small, waiting helpers.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';

// The one Chromium recipe lives with the runner (ESM); a dynamic import keeps this CommonJS test file legal.
const browserRecipe = () => import('../../runner/e2e/browser.mjs');

export interface Workbench { browser: Browser; page: Page; close(): Promise<void> }

export function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the UI tests through test/runner/e2e.mjs (npm run test:e2e)`);
  return value;
}

export async function openWorkbench(): Promise<Workbench> {
  const { launchChromium, workbenchUrl } = await browserRecipe();
  const browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const url = workbenchUrl(requiredEnv('E2E_SERVER_URL'), { folder: requiredEnv('E2E_WORKSPACE'), extensionDevelopmentPath: requiredEnv('E2E_EXTENSION_DIR') });
  await page.goto(url);
  await page.locator('.monaco-workbench .part.activitybar').waitFor({ timeout: 60000 });
  return { browser, page, close: () => browser.close() };
}

/** The activity-bar title of the extension's view container, resolved through package.nls.json. */
export function viewContainerTitle(containerId = 'acrCmk'): string {
  const extensionDir = requiredEnv('E2E_EXTENSION_DIR');
  const manifest = JSON.parse(fs.readFileSync(path.join(extensionDir, 'package.json'), 'utf8'));
  const container = (manifest.contributes?.viewsContainers?.activitybar ?? []).find((c: { id: string }) => c.id === containerId);
  if (!container) throw new Error(`package.json contributes no activity-bar container '${containerId}'`);
  const key = /^%(.+)%$/.exec(container.title)?.[1];
  if (!key) return container.title;
  const nls = JSON.parse(fs.readFileSync(path.join(extensionDir, 'package.nls.json'), 'utf8'));
  return nls[key];
}

export function activityBarEntry(page: Page, title: string): Locator {
  return page.locator(`.part.activitybar .action-item a.action-label[aria-label^="${title.replace(/"/g, '\\"')}"]`);
}

export function treeRow(page: Page, text: string | RegExp): Locator {
  return page.locator('.part.sidebar .monaco-list-row').filter({ hasText: text });
}

/** F1, then a command by its palette title (`>` keeps the palette in command mode). */
export async function runCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`>${title}`);
  await page.locator('.quick-input-widget .monaco-list-row.focused').filter({ hasText: title }).waitFor();
  await page.keyboard.press('Enter');
}

/** Picks the Quick Pick item showing `text`: waits for it, filters by it, checks it is focused, Enter. */
export async function pickQuickPickItem(page: Page, text: string): Promise<void> {
  const rows = page.locator('.quick-input-widget .monaco-list-row');
  await rows.filter({ hasText: text }).first().waitFor({ timeout: 60000 });
  await page.locator('.quick-input-widget .quick-input-box input').fill(text);
  await rows.and(page.locator('.focused')).filter({ hasText: text }).waitFor();
  await page.keyboard.press('Enter');
}

export async function screenshot(page: Page, name: string): Promise<string> {
  const file = path.join(requiredEnv('E2E_SCREENSHOT_DIR'), `${name}.png`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  await page.screenshot({ path: file });
  return file;
}
