// Notifications as a person finds them: the notification centre (smoke-test mode hides toasts; the centre keeps
// every notification). Reading never clears the centre (a notification arriving between a read and a clear would be
// lost); each read returns only what is new since the last read of that page. `guardNotifications` clears the
// centre before each test and fails any test after which an error notification showed that the test did not expect.
import type { Page } from 'playwright-core';
import { runCommand, screenshot, waitUntil } from './workbench';

export interface Notification {
    severity: 'error' | 'warning' | 'info';
    message: string;
    actions: string[];
}

const centre = (page: Page) => page.locator('.notifications-center.visible');
/** What each page's reads already returned (message keys, with repeats), so a read returns only what is new. */
const returned = new WeakMap<Page, string[]>();
const keyOf = (n: Notification) => `${n.severity}\u0000${n.message}`;

/** Opens the notification centre as a person does, once the prompt a flow was answered in has gone. */
export async function openCentre(page: Page): Promise<void> {
    if (await centre(page).isVisible()) return;
    // The palette would replace a prompt still closing after its answer (under load the flow then ends as cancelled):
    // like a person, look at the notifications once the prompt has gone.
    await page
        .locator('.quick-input-widget')
        .waitFor({ state: 'hidden', timeout: 30000 })
        .catch(() => undefined);
    // A webview that takes focus back (the Markdown preview of a report) can close the centre as it opens: a person
    // then opens it once more.
    for (let attempt = 1; ; attempt++) {
        await runCommand(page, 'Notifications: Show Notifications');
        // An empty centre may hide again at once (VS Code hides it when nothing is listed): empty is then the answer.
        const shown = await centre(page)
            .waitFor({ timeout: 10000 })
            .then(
                () => true,
                async (error: Error) => {
                    if ((await page.locator('.part.statusbar .codicon-bell-dot, .part.statusbar .codicon-bell-slash-dot').count()) === 0) return true;
                    if (attempt >= 3) throw error;
                    return false;
                },
            );
        if (shown) return;
    }
}

/**
 * The centre's own "Hide Notifications" button, as a person closes it. VS Code also hides the centre by itself when its
 * last notification goes (a progress that ends), so a button that vanished meanwhile is no failure.
 */
async function closeCentre(page: Page): Promise<void> {
    // A click that lands while the centre re-renders (a notification arriving, a progress ending) can be lost: a person
    // then clicks once more, and so does this.
    for (let attempt = 1; ; attempt++) {
        if (!(await centre(page).isVisible())) return;
        await page
            .locator('.notifications-center .notifications-center-header .codicon-notifications-hide')
            .click({ timeout: 5000 })
            .catch(async (error: Error) => {
                if (attempt >= 3 && (await centre(page).isVisible())) throw error;
            });
        const hidden = await centre(page)
            .waitFor({ state: 'hidden', timeout: 5000 })
            .then(
                () => true,
                () => false,
            );
        if (hidden) return;
        if (attempt >= 3) await centre(page).waitFor({ state: 'hidden', timeout: 5000 });
    }
}

/** Every notification in the centre that a running progress is not (a progress reports work, not an outcome). */
async function readCentre(page: Page): Promise<Notification[]> {
    await openCentre(page);
    const items = await page.locator('.notifications-center .notification-list-item').evaluateAll((rows) =>
        rows.map((row) => {
            const icon = row.querySelector('.notification-list-item-icon');
            const progress = row.querySelector('.monaco-progress-container') as unknown as { offsetParent: unknown } | null;
            return {
                severity: icon?.classList.contains('codicon-error') ? 'error' : icon?.classList.contains('codicon-warning') ? 'warning' : 'info',
                message: (row.querySelector('.notification-list-item-message') as unknown as { innerText?: string } | null)?.innerText?.trim() ?? '',
                actions: [...row.querySelectorAll('.notification-list-item-buttons-container .monaco-button')].map((button) =>
                    (button as unknown as { innerText: string }).innerText.trim(),
                ),
                running: !!progress && progress.offsetParent !== null,
            };
        }),
    );
    await closeCentre(page);
    // A progress that finished can stay listed ("Checking names, key vault and key…"): the extension's progress titles
    // end with "…" and carry no action, which no outcome does.
    const progress = (item: { severity: string; message: string; actions: string[]; running: boolean }) =>
        item.running || (item.severity === 'info' && item.actions.length === 0 && item.message.endsWith('…'));
    return items.filter((item) => !progress(item)).map(({ severity, message, actions }) => ({ severity, message, actions }) as Notification);
}

/** The notifications that arrived since this page's last read (oldest first). */
export async function takeNotifications(page: Page): Promise<Notification[]> {
    const now = (await readCentre(page)).reverse();
    const before = [...(returned.get(page) ?? [])];
    const fresh = now.filter((notification) => {
        const index = before.indexOf(keyOf(notification));
        if (index >= 0) {
            before.splice(index, 1);
            return false;
        }
        return true;
    });
    returned.set(page, [...(returned.get(page) ?? []), ...fresh.map(keyOf)]);
    return fresh;
}

/** Empties the centre between tests (nothing of a flow is running then) and forgets what was read. */
export async function clearNotifications(page: Page): Promise<void> {
    await runCommand(page, 'Notifications: Clear All Notifications');
    returned.set(page, []);
}

/** A reloaded page starts with an empty centre: what its earlier reads returned no longer hides a notification of the same words. */
export function forgetNotifications(page: Page): void {
    returned.set(page, []);
}

/** Waits for a notification whose message matches `message`; returns it (the others seen meanwhile are kept for the guard). */
export async function waitForNotification(page: Page, message: RegExp, seen: Notification[], timeoutMs = 90000): Promise<Notification> {
    try {
        return await waitUntil(
            `a notification saying ${message}`,
            async () => {
                seen.push(...(await takeNotifications(page)));
                return seen.find((notification) => message.test(notification.message));
            },
            timeoutMs,
        );
    } catch (error) {
        throw new Error(`${(error as Error).message}; notifications seen: ${JSON.stringify(seen.map((n) => `${n.severity}: ${n.message}`))}`);
    }
}

export interface NotificationGuard {
    /** Notifications a test already read: the guard checks them too. */
    seen: Notification[];
    /** Error notifications the current test provokes on purpose. */
    expected: RegExp[];
}

/**
 * For a suite: after each test, any error notification (read from the centre, plus those a test collected in
 * `seen`) that the test did not list in `expected` fails it, with the notification's text.
 */
export function guardNotifications(page: () => Page | undefined): NotificationGuard {
    const state: NotificationGuard = { seen: [], expected: [] };
    beforeEach(async () => {
        state.seen = [];
        state.expected = [];
        const current = page();
        if (current) await clearNotifications(current);
    });
    afterEach(async function () {
        const current = page();
        if (!current || this.currentTest?.state === 'failed') return;
        const all = [
            ...state.seen,
            ...(await takeNotifications(current).catch((error: Error) => explainHookFailure(current, this.currentTest?.fullTitle() ?? '', error))),
        ];
        const unexpected = all.filter((n) => n.severity === 'error' && !state.expected.some((pattern) => pattern.test(n.message)));
        if (unexpected.length > 0) {
            // A failing hook fails the test's run by name (and stops the suite: nothing after an unexpected error is trusted).
            throw new Error(
                `"${this.currentTest?.title}" ended with unexpected error notification(s): ${unexpected.map((n) => JSON.stringify(n.message)).join(', ')}`,
            );
        }
    });
    return state;
}

/**
 * A guard that cannot read the centre says why: a screenshot, and the text of any dialog in front of the workbench
 * (a modal of the product, or the host's "reconnecting" dialog) in the error.
 */
async function explainHookFailure(page: Page, title: string, error: Error): Promise<never> {
    await screenshot(page, `failed-guard-${title.replace(/[^\w-]+/g, '-').slice(0, 80)}`).catch(() => undefined);
    const dialogs = await page
        .locator('.monaco-dialog-box')
        .allInnerTexts()
        .catch(() => [] as string[]);
    const open = dialogs.map((text) => text.replace(/\s+/g, ' ').trim()).filter(Boolean);
    throw new Error(`${error.message}${open.length > 0 ? `\nDialog(s) open: ${open.map((text) => JSON.stringify(text)).join(', ')}` : '\nNo dialog open.'}`);
}

/** Clicks an action button of the notification whose message matches `message`, in the centre (as a person would). */
export async function clickNotificationAction(page: Page, message: RegExp, action: string): Promise<void> {
    await openCentre(page);
    const item = page
        .locator('.notifications-center .notification-list-item')
        .filter({ has: page.locator('.notification-list-item-message', { hasText: message }) })
        .first();
    await item.waitFor({ timeout: 30000 });
    await item.hover();
    await item.locator('.notification-list-item-buttons-container .monaco-button').filter({ hasText: action }).first().click();
    await closeCentre(page).catch(() => undefined);
}
