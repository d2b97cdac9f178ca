// Notifications as a person finds them: the notification centre (smoke-test mode hides toasts; the centre keeps
// every notification). `takeNotifications` reads and clears them, so each read sees only what came since the last.
// `guardNotifications` fails any test after which an error notification showed that the test did not expect.
import type { Page } from 'playwright-core';
import { runCommand, waitUntil } from './workbench';

export interface Notification { severity: 'error' | 'warning' | 'info'; message: string; actions: string[] }

async function openCentre(page: Page): Promise<void> {
  if (await page.locator('.notifications-center.visible').isVisible().catch(() => false)) return;
  await runCommand(page, 'Notifications: Show Notifications');
  await page.locator('.notifications-center').waitFor({ timeout: 10000 });
}

/** The status bar's bell has its dot while the centre holds a notification not yet seen. */
const bellWithDot = (page: Page) => page.locator('.part.statusbar .codicon-bell-dot, .part.statusbar .codicon-bell-slash-dot');

/** Every notification now in the centre (newest first), then clears them and closes the centre. */
export async function takeNotifications(page: Page): Promise<Notification[]> {
  // The centre does not open while empty; the bell tells. (Each read clears the centre, so nothing is "seen" but unread.)
  if ((await bellWithDot(page).count()) === 0) return [];
  await openCentre(page);
  const items = await page.locator('.notifications-center .notification-list-item').evaluateAll((rows) => rows.map((row) => {
    const icon = row.querySelector('.notification-list-item-icon');
    const severity = icon?.classList.contains('codicon-error') ? 'error' : icon?.classList.contains('codicon-warning') ? 'warning' : 'info';
    return {
      severity, message: (row.querySelector('.notification-list-item-message') as unknown as { innerText?: string } | null)?.innerText?.trim() ?? '',
      actions: [...row.querySelectorAll('.notification-list-item-buttons-container .monaco-button')].map((button) => (button as unknown as { innerText: string }).innerText.trim()),
    };
  }));
  // A finished progress notification ("Checking names, key vault and key…") can linger in the centre: it reports
  // work, not an outcome, and every progress title of the extension ends with "…".
  const outcomes = (items as Notification[]).filter((item) => !(item.severity === 'info' && item.actions.length === 0 && item.message.endsWith('…')));
  if (items.length > 0) {
    await runCommand(page, 'Notifications: Clear All Notifications');
  }
  await page.keyboard.press('Escape');
  return outcomes;
}

/** Waits for a notification whose message matches `message`; returns it (the others seen meanwhile are kept for the guard). */
export async function waitForNotification(page: Page, message: RegExp, seen: Notification[], timeoutMs = 90000): Promise<Notification> {
  return waitUntil(`a notification saying ${message}`, async () => {
    seen.push(...await takeNotifications(page));
    return seen.find((notification) => message.test(notification.message));
  }, timeoutMs);
}

/**
 * For a suite: after each test, any error notification (read from the centre, plus those a test collected in
 * `seen`) that the test did not list in `expected` fails it, with the notification's text.
 */
export interface NotificationGuard {
  /** Notifications a test already read (takeNotifications clears the centre): the guard checks them too. */
  seen: Notification[];
  /** Error notifications the current test provokes on purpose. */
  expected: RegExp[];
}

export function guardNotifications(page: () => Page | undefined): NotificationGuard {
  const state: NotificationGuard = { seen: [], expected: [] };
  beforeEach(() => { state.seen = []; state.expected = []; });
  afterEach(async function () {
    const current = page();
    if (!current || this.currentTest?.state === 'failed') return;
    const all = [...state.seen, ...await takeNotifications(current)];
    const unexpected = all.filter((n) => n.severity === 'error' && !state.expected.some((pattern) => pattern.test(n.message)));
    if (unexpected.length > 0) {
      // A failing hook fails the test's run by name (and stops the suite: nothing after an unexpected error is trusted).
      throw new Error(`"${this.currentTest?.title}" ended with unexpected error notification(s): ${unexpected.map((n) => JSON.stringify(n.message)).join(', ')}`);
    }
  });
  return state;
}
