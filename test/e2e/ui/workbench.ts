// A real VS Code workbench in Chromium for UI-level tests: opens code-server (started by
// test/runner/e2e.mjs) with the extension under development loaded, and gives small, waiting helpers.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { guardNotifications, type NotificationGuard } from './notifications';

// The one Chromium recipe lives with the runner (ESM); a dynamic import keeps this CommonJS test file legal.
const browserRecipe = () => import('../../runner/e2e/browser.mjs');

export interface Workbench {
    browser: Browser;
    page: Page;
    close(): Promise<void>;
}

export function requiredEnv(name: string): string {
    const value = process.env[name];
    if (!value) throw new Error(`${name} is not set: run the UI tests through test/runner/e2e.mjs (npm run test:e2e)`);
    return value;
}

/** `trustCertificatePem`: a server certificate the browser accepts (see launchChromium), for tabs opened at the emulator. */
export async function openWorkbench(options: { trustCertificatePem?: string } = {}): Promise<Workbench> {
    const { launchChromium, workbenchUrl } = await browserRecipe();
    const browser = await launchChromium(options);
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const url = workbenchUrl(requiredEnv('E2E_SERVER_URL'), {
        folder: requiredEnv('E2E_WORKSPACE'),
        extensionDevelopmentPath: requiredEnv('E2E_EXTENSION_DIR'),
    });
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
    const input = page.locator('.quick-input-widget .quick-input-box input');
    // A webview that had focus (the Markdown preview) can take it back as the palette opens, which closes the palette
    // again: a person then presses F1 once more, and so does this.
    for (let attempt = 1; ; attempt++) {
        await page.keyboard.press('F1');
        await input.waitFor({ state: 'visible' });
        const filled = await input.fill(`>${title}`, { timeout: attempt < 3 ? 5000 : 30000 }).then(
            () => true,
            (error: Error) => {
                if (attempt >= 3) throw error;
                return false;
            },
        );
        if (filled) break;
    }
    // Several commands can match what was typed (Enable Automatic Rotation… and Enable Automatic Rotation for All…): a
    // person moves down to the one they mean, and so does this.
    const focused = page.locator('.quick-input-widget .monaco-list-row.focused').filter({ hasText: title });
    await page.locator('.quick-input-widget .monaco-list-row').filter({ hasText: title }).first().waitFor();
    for (let moves = 0; moves < 10 && (await focused.count()) === 0; moves++) await page.keyboard.press('ArrowDown');
    await focused.waitFor();
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

/** The open Quick Input (pick or input box) once it shows `text` (its prompt, placeholder, title or a validation message). */
export function quickInputShowing(page: Page, text: string | RegExp): Locator {
    return page.locator('.quick-input-widget').filter({ hasText: text });
}

/** Types `value` into the input box whose prompt shows `prompt`, then Enter. */
export async function answerInputBox(page: Page, prompt: string | RegExp, value: string): Promise<void> {
    await quickInputShowing(page, prompt).waitFor({ timeout: 60000 });
    await page.locator('.quick-input-widget .quick-input-box input').fill(value);
    await page.keyboard.press('Enter');
}

/** A modal dialog (VS Code's own, drawn in the page) showing `text`. */
export function modalDialog(page: Page, text: string | RegExp): Locator {
    return page.locator('.monaco-dialog-box').filter({ hasText: text });
}

/**
 * Right-click on a tree row, then the context-menu entry `label`: hovered until the menu has focused it, run with
 * Enter (a mouse click racing the menu's own open animation can be swallowed), and the menu must then close — so a
 * Quick Pick that does not follow is the command's doing, not a lost click.
 */
export async function runContextMenu(page: Page, row: Locator, label: string): Promise<void> {
    await scrollToRow(row);
    await row.click({ button: 'right' });
    const menu = page.locator('.monaco-menu').first();
    const item = menu.locator('.action-item').filter({ hasText: label }).first();
    await item.waitFor({ timeout: 30000 });
    await item.hover();
    await waitUntil(
        `the context-menu entry "${label}" to take focus`,
        () =>
            item.evaluate((element) => {
                // The menu may live in a shadow root: its activeElement, not the document's, is the focused entry.
                const root = element.getRootNode() as unknown as { activeElement: typeof element | null };
                return element.classList.contains('focused') || element.contains(root.activeElement);
            }),
        10000,
    );
    await page.keyboard.press('Enter');
    await menu.waitFor({ state: 'hidden', timeout: 10000 });
}

/** A tree row whose label is exactly `name` (a plain text filter would also match longer names that contain it). */
export function treeRowNamed(page: Page, name: string): Locator {
    const exact = new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
    return page.locator('.part.sidebar .monaco-list-row').filter({ has: page.locator('.label-name', { hasText: exact }) });
}

/**
 * Scrolls the side bar's tree to a row as a person does: the tree draws only the rows that fit, so a registry below
 * the fold (a subscription that many suites added to) is not in the page until the list is scrolled to it. Scrolls
 * down, then back up, a half list at a time, until the row is drawn; waits for rows still loading meanwhile.
 */
export async function scrollToRow(row: Locator, timeoutMs = 30000): Promise<void> {
    const page = row.page();
    const deadline = Date.now() + timeoutMs;
    const list = page
        .locator('.part.sidebar .monaco-list')
        .filter({ has: page.locator('.monaco-list-row') })
        .first();
    // The index of the topmost row drawn (rows are reused and positioned as the list scrolls, not kept in order).
    const firstDrawn = () =>
        list
            .locator('.monaco-list-row')
            .evaluateAll((rows) => Math.min(...rows.map((element) => Number(element.getAttribute('data-index')))))
            .catch(() => undefined);
    let step = 1;
    while (!(await row.first().isVisible())) {
        if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms scrolling the side bar's tree to a row (${row.toString()})`);
        const box = await list.boundingBox();
        if (box) {
            const before = await firstDrawn();
            await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
            await page.mouse.wheel(0, (step * box.height) / 2);
            // The list redraws on the next frame: the row, or a moved list, is what is waited for.
            const drawn = await row
                .first()
                .waitFor({ state: 'visible', timeout: 1000 })
                .then(() => true)
                .catch(() => false);
            if (!drawn && (await firstDrawn()) === before) step = -step; // an end of the list: the other way
        } else {
            await row
                .first()
                .waitFor({ state: 'visible', timeout: 1000 })
                .catch(() => undefined);
        }
    }
}

/**
 * Saves `failed-<test title>.png` when the current test failed: what the workbench showed, for the log. Also guards
 * the suite: an error notification a test did not expect fails it (see notifications.ts).
 */
export function screenshotOnFailure(workbench: () => Workbench | undefined): NotificationGuard {
    afterEach(async function () {
        const page = workbench()?.page;
        if (this.currentTest?.state !== 'failed' || !page) return;
        await screenshot(
            page,
            `failed-${this.currentTest
                .fullTitle()
                .replace(/[^\w-]+/g, '-')
                .slice(0, 80)}`,
        ).catch(() => undefined);
        // A dialog in front of the workbench (the product's modal, or one of VS Code's own) explains most timeouts.
        const dialogs = await page
            .locator('.monaco-dialog-box')
            .allInnerTexts()
            .catch(() => [] as string[]);
        if (dialogs.length > 0) {
            console.log(
                `[e2e] dialog open when "${this.currentTest.title}" failed: ${dialogs.map((text) => JSON.stringify(text.replace(/\s+/g, ' ').trim())).join(', ')}`,
            );
        }
    });
    return guardNotifications(() => workbench()?.page);
}

/** A fresh workbench with the extension's view open, widened, and the subscription row `subscriptionName` expanded. */
export async function openWorkbenchAtSubscription(subscriptionName: string): Promise<Workbench> {
    const workbench = await openWorkbench();
    const { page } = workbench;
    await activityBarEntry(page, viewContainerTitle()).click();
    await widenSideBar(page);
    await expandTreeRow(treeRow(page, subscriptionName).first());
    return workbench;
}

/** Expands a collapsed tree row (a click toggles, so an expanded row is left alone). */
export async function expandTreeRow(row: Locator): Promise<void> {
    await scrollToRow(row, 60000);
    if ((await row.getAttribute('aria-expanded')) === 'false') await row.click();
    await row.and(row.page().locator('[aria-expanded="true"]')).waitFor({ timeout: 30000 });
}

/** Polls `check` until it returns a value (not undefined/false); rejects with `what` at the deadline. */
export async function waitUntil<T>(what: string, check: () => Promise<T | undefined | false>, timeoutMs = 60000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
        const value = await check();
        if (value !== undefined && value !== false) return value;
        if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
        await new Promise((resolve) => setTimeout(resolve, 250));
    }
}

/** Drags the side bar's edge so tree descriptions (SKU · encryption, key versions) fit in screenshots. */
export async function widenSideBar(page: Page, width = 560): Promise<void> {
    const sideBar = page.locator('.part.sidebar');
    const box = await sideBar.boundingBox();
    if (!box) throw new Error('the side bar is not visible');
    if (box.width >= width) return;
    const y = box.y + box.height / 2;
    await page.mouse.move(box.x + box.width + 1, y);
    await page.mouse.down();
    await page.mouse.move(box.x + width, y, { steps: 8 });
    await page.mouse.up();
    await waitUntil('the side bar to widen', async () => ((await sideBar.boundingBox())?.width ?? 0) >= width - 10, 10000);
}

/**
 * Waits for `locator`; if an error dialog shows first (a flow's failure report is modal), fails at once with its
 * text instead of waiting out the deadline.
 */
export async function waitForUnlessErrorDialog(page: Page, locator: Locator, timeout = 60000): Promise<void> {
    const errorDialog = page
        .locator('.monaco-dialog-box')
        .filter({ has: page.locator('.codicon-dialog-error') })
        .first();
    const outcome = await Promise.race([
        locator.waitFor({ timeout }).then(() => 'shown' as const),
        errorDialog.waitFor({ timeout }).then(
            () => 'error' as const,
            () => new Promise<never>(() => {}),
        ),
    ]);
    if (outcome === 'error') throw new Error(`an error dialog showed instead: ${await errorDialog.innerText()}`);
}

/** The notification centre's messages: smoke-test mode hides toasts, but the centre keeps them. */
export async function notificationMessages(page: Page): Promise<string[]> {
    await runCommand(page, 'Notifications: Show Notifications');
    await page.locator('.notifications-center').waitFor({ timeout: 10000 });
    return page.locator('.notifications-center .notification-list-item-message').allInnerTexts();
}

/** Runs `step`; if it fails, the error also lists the notifications (a failed command reports itself there). */
export async function withNotificationsOnFailure<T>(page: Page, step: () => Promise<T>): Promise<T> {
    try {
        return await step();
    } catch (error) {
        const messages = await notificationMessages(page).catch((reason: Error) => [`(notifications unavailable: ${reason.message})`]);
        throw new Error(`${error instanceof Error ? error.message : String(error)}
notifications: ${JSON.stringify(messages)}`);
    }
}
