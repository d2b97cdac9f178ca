// Helpers for the installed-VSIX tests: a workbench opened without any development-extension payload, the
// server's index of installed extensions, the Extensions view's "@installed" list, and tree row toggling.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { requiredEnv, type Workbench } from '../ui/workbench';

export interface InstalledEntry {
    identifier: { id: string };
    version: string;
    metadata?: { source?: string };
}

/** Opens `?folder=` only: the extension can come from nowhere but the extensions dir. */
export async function openInstalledWorkbench(): Promise<Workbench> {
    const { launchChromium } = await import('../../runner/e2e/browser.mjs');
    const browser = await launchChromium();
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${requiredEnv('E2E_SERVER_URL')}?folder=${encodeURIComponent(requiredEnv('E2E_WORKSPACE'))}`);
    await page.locator('.monaco-workbench .part.activitybar').waitFor({ timeout: 60000 });
    return { browser, page, close: () => browser.close() };
}

/** The entry of `<extensions dir>/extensions.json` (code-server's record of installed extensions) for `id`. */
export function installedEntry(id: string): InstalledEntry | undefined {
    const index = JSON.parse(fs.readFileSync(path.join(requiredEnv('E2E_EXTENSIONS_DIR'), 'extensions.json'), 'utf8')) as InstalledEntry[];
    return index.find((entry) => entry.identifier.id.toLowerCase() === id);
}

/** Extensions view, search `@installed`, the row showing `displayName`. */
export async function showInstalledExtensions(page: Page, displayName: string): Promise<Locator> {
    await page.keyboard.press('Control+Shift+X');
    const searchBox = page.locator('.extensions-viewlet .suggest-input-container').first();
    await searchBox.waitFor({ timeout: 30000 });
    await searchBox.click();
    await page.keyboard.type('@installed ');
    const row = page.locator('.extensions-viewlet .monaco-list-row').filter({ hasText: displayName }).first();
    await row.waitFor({ timeout: 30000 });
    return row;
}

/** Expands (or collapses) a tree row; a click toggles, so a row already in the wanted state is left alone. */
export async function toggleTreeRow(row: Locator, expanded: boolean): Promise<void> {
    await row.waitFor({ timeout: 60000 });
    if ((await row.getAttribute('aria-expanded')) !== String(expanded)) await row.click();
    await row.and(row.page().locator(`[aria-expanded="${expanded}"]`)).waitFor({ timeout: 30000 });
}
