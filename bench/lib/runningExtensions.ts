import type { Page } from 'playwright-core';
import { runCommand } from '../../test/e2e/ui/workbench';

/**
 * VS Code's own activation figure per extension, as "Developer: Show Running Extensions" shows it: the extension
 * host's activationTimes codeLoadingTime + activateCallTime (loading the main module + the synchronous activate call),
 * in whole milliseconds. `undefined` while an extension shows "Activating...".
 */
export type ActivationTimes = Map<string, number | undefined>;

const editor = (page: Page) => page.locator('.runtime-extensions-editor');

export async function openRunningExtensions(page: Page): Promise<void> {
    if (await editor(page).isVisible()) {
        return;
    }
    await runCommand(page, 'Developer: Show Running Extensions');
    await editor(page).locator('.extension').first().waitFor({ timeout: 60_000 });
}

/** Reads every row of the open Running Extensions editor (name → activation ms). */
export async function readActivationTimes(page: Page): Promise<ActivationTimes> {
    const rows = await editor(page)
        .locator('.extension')
        .evaluateAll((elements) =>
            elements.map((element) => ({
                name: element.querySelector('.name')?.textContent ?? '',
                time: element.querySelector('.activation-time')?.textContent ?? '',
            })),
        );
    const times: ActivationTimes = new Map();
    for (const { name, time } of rows) {
        const ms = /Activation:\s*(\d+)\s*ms/.exec(time)?.[1];
        times.set(name, ms === undefined ? undefined : Number(ms));
    }
    return times;
}

/** Polls until `displayName` shows an activation time; rejects at the deadline. */
export async function waitForActivationTime(page: Page, displayName: string, timeoutMs = 60_000): Promise<number> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
        const ms = (await readActivationTimes(page)).get(displayName);
        if (ms !== undefined) {
            return ms;
        }
        if (Date.now() > deadline) {
            throw new Error(`${displayName} showed no activation time in Running Extensions within ${timeoutMs} ms`);
        }
        await page.waitForTimeout(100);
    }
}

/**
 * Waits until the extension host has finished its own startup activations: every listed extension has its time and
 * the list has not changed for `stableMs` (the built-in extensions activate on startup events, in waves).
 */
export async function waitForQuietHost(page: Page, stableMs = 2_000, timeoutMs = 60_000): Promise<ActivationTimes> {
    const deadline = Date.now() + timeoutMs;
    let last = '';
    let since = Date.now();
    for (;;) {
        const times = await readActivationTimes(page);
        const key = JSON.stringify([...times]);
        if (key !== last) {
            last = key;
            since = Date.now();
        }
        const settled = [...times.values()].every((ms) => ms !== undefined);
        if (settled && Date.now() - since >= stableMs) {
            return times;
        }
        if (Date.now() > deadline) {
            throw new Error(`the extension host's startup activations did not settle within ${timeoutMs} ms: ${key}`);
        }
        await page.waitForTimeout(250);
    }
}
