// Journey (Playwright on the real workbench): Sign In to Azure and Select Subscriptions as a person uses them — the
// sign-in's notification for the configured credential, the subscriptions' multi-select (a checkbox clicked, OK), the
// view following the choice, Escape changing nothing, and every subscription shown again at the end. Runs last of the
// journeys (file order): it changes what the view shows, and puts it back.
import * as assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { getEmulatorJson } from '../emulatorState';
import { waitForNotification } from '../ui/notifications';
import {
    activityBarEntry,
    openWorkbench,
    runCommand,
    screenshot,
    screenshotOnFailure,
    treeRow,
    viewContainerTitle,
    waitUntil,
    type Workbench,
} from '../ui/workbench';
import { pressEscape, waitForNoPrompt, waitForPrompt } from './quickInput';

const command = 'Select Subscriptions...';

/** The subscription rows the view shows now (top-level rows only). */
async function shownSubscriptions(page: Page, names: string[]): Promise<string[]> {
    const shown: string[] = [];
    for (const name of names) {
        if ((await treeRow(page, name).count()) > 0) shown.push(name);
    }
    return shown;
}

/** The view's "Loading subscriptions…" message goes once the rows are there (it must not stay over finished rows). */
async function noLoadingMessage(page: Page): Promise<void> {
    await waitUntil(
        'no loading message over the rows',
        async () => !(await page.locator('.part.sidebar').getByText('Loading subscriptions…').isVisible()),
        10000,
    );
}

/** Opens Select Subscriptions, clicks the checkbox of `name` so that it reads `checked`, then OK. */
async function setShown(page: Page, name: string, checked: boolean, ticked: () => number): Promise<void> {
    await runCommand(page, command);
    const view = await waitForPrompt(page, /^Select the subscriptions to show/);
    assert.ok(view.multi, 'several subscriptions can be chosen');
    assert.equal(
        await page.locator('.quick-input-widget .quick-input-list .monaco-list-row[aria-checked="true"]').count(),
        ticked(),
        'the subscriptions the view shows are the ticked ones',
    );
    const row = page.locator('.quick-input-widget .quick-input-list .monaco-list-row').filter({ hasText: name });
    const box = row.locator('.monaco-checkbox').first();
    const isChecked = async () => (await row.getAttribute('aria-checked')) === 'true';
    if ((await isChecked()) !== checked) await box.click();
    await waitUntil(`"${name}" ${checked ? 'checked' : 'unchecked'}`, async () => (await isChecked()) === checked, 10000);
    await page.locator('.quick-input-widget .quick-input-action .monaco-button').filter({ hasText: /^OK$/ }).click();
    await waitForNoPrompt(page);
}

describe('Journey: Sign In to Azure and Select Subscriptions', function () {
    this.timeout(5 * 60 * 1000);
    let workbench: Workbench | undefined;
    let names: string[] = [];
    before(async () => {
        const world = await getEmulatorJson<{ subscriptions: Record<string, { displayName: string }> }>('state');
        names = Object.values(world.subscriptions)
            .map((s) => s.displayName)
            .sort();
        workbench = await openWorkbench();
        await activityBarEntry(workbench.page, viewContainerTitle()).click();
    });
    after(async () => {
        // Whatever happened, the next run of the view shows every subscription again.
        const page = workbench?.page;
        if (page && names[0] && (await shownSubscriptions(page, names)).length !== names.length) {
            await setShown(page, names[0], true, () => names.length - 1).catch(() => undefined);
        }
        await workbench?.close();
    });
    const notifications = screenshotOnFailure(() => workbench);

    it('Sign In to Azure says how the configured credential signs in, and the view lists every subscription', async () => {
        const page = workbench!.page;
        await runCommand(page, 'Sign In to Azure');
        const said = await waitForNotification(
            page,
            /^The "environment" credential uses AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET/,
            notifications.seen,
        );
        assert.equal(said.severity, 'info');
        await waitUntil('every subscription in the view', async () => (await shownSubscriptions(page, names)).length === names.length);
        await screenshot(page, 'journey-sign-in');
    });

    it('Select Subscriptions: a subscription unticked leaves the view, Escape changes nothing, ticked again it returns', async () => {
        const page = workbench!.page;
        const hidden = names[0]!;
        await setShown(page, hidden, false, () => names.length);
        await waitUntil(`the view without "${hidden}"`, async () => JSON.stringify(await shownSubscriptions(page, names)) === JSON.stringify(names.slice(1)));
        await noLoadingMessage(page);
        await screenshot(page, 'journey-select-subscriptions-one-hidden');

        await runCommand(page, command);
        await waitForPrompt(page, /^Select the subscriptions to show/);
        await pressEscape(page);
        await waitForNoPrompt(page);
        assert.deepEqual(await shownSubscriptions(page, names), names.slice(1), 'Escape kept the choice');

        await setShown(page, hidden, true, () => names.length - 1);
        await waitUntil('every subscription in the view again', async () => (await shownSubscriptions(page, names)).length === names.length);
        await noLoadingMessage(page);
        await screenshot(page, 'journey-select-subscriptions-all');
    });
});
