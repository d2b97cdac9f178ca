// UI level (Playwright on the real workbench): the Diagnose report as users see it (Markdown preview), and the
// Revoke confirmation's input box refusing a wrong registry name. Screenshots only after the content was asserted.
import * as assert from 'node:assert';
import type { Page } from 'playwright-core';
import { getEmulatorJson, keyAccessNow } from '../emulatorState';
import { cmkRegistries, type EmulatorWorld, type WorldRegistry } from '../worldExpectations';
import {
    activityBarEntry,
    openWorkbench,
    pickQuickPickItem,
    runCommand,
    screenshot,
    screenshotOnFailure,
    treeRow,
    viewContainerTitle,
    type Workbench,
} from './workbench';

async function pickRegistryFromPalette(page: Page, world: EmulatorWorld, registry: WorldRegistry): Promise<void> {
    await pickQuickPickItem(page, world.subscriptions[registry.subscriptionId.toLowerCase()]!.displayName);
    await pickQuickPickItem(page, registry.name);
}

describe('UI: Diagnose Key Access report and the Revoke confirmation', () => {
    let workbench: Workbench;
    let world: EmulatorWorld;
    let registry: WorldRegistry;

    before(async () => {
        world = await getEmulatorJson<EmulatorWorld>('state');
        const last = cmkRegistries(world).at(-1);
        assert.ok(last, 'the sample world has a CMK registry');
        registry = last;
        workbench = await openWorkbench();
        // The palette answers only once the workbench is up: wait for the extension's view to list the registry's subscription.
        await activityBarEntry(workbench.page, viewContainerTitle()).click();
        await treeRow(workbench.page, world.subscriptions[registry.subscriptionId.toLowerCase()]!.displayName).first().waitFor({ timeout: 60000 });
    });
    after(async () => workbench?.close());
    screenshotOnFailure(() => workbench);

    it('opens the Diagnose report in the Markdown preview', async () => {
        const { page } = workbench;
        await runCommand(page, 'Diagnose Key Access');
        await pickRegistryFromPalette(page, world, registry);
        // The preview is a webview: an iframe holding the active frame with the rendered Markdown.
        const preview = page.frameLocator('iframe.webview').frameLocator('#active-frame');
        await preview.getByText('Key access diagnosis').first().waitFor({ timeout: 60000 });
        await preview.getByText('Key permissions').first().waitFor();
        assert.match(await preview.locator('body').innerText(), new RegExp(registry.name));
        await screenshot(page, 'diagnose-report');
    });

    it('Revoke asks in a modal naming the registry, then refuses a wrong typed name', async () => {
        const { page } = workbench;
        await page.keyboard.press('Escape');
        await runCommand(page, 'Revoke Key Access');
        await pickRegistryFromPalette(page, world, registry);
        await pickQuickPickItem(page, 'Remove the identity');
        const dialog = page.locator('.monaco-dialog-box');
        await dialog.filter({ hasText: registry.name }).waitFor({ timeout: 60000 });
        await screenshot(page, 'revoke-modal');
        await dialog.getByRole('button', { name: 'Continue' }).click();
        const input = page.locator('.quick-input-widget .quick-input-box input');
        await input.waitFor({ state: 'visible' });
        await input.fill(`${registry.name}x`);
        await page
            .locator('.quick-input-widget')
            .filter({ hasText: `Type "${registry.name}" exactly.` })
            .waitFor({ timeout: 10000 });
        await page.keyboard.press('Enter');
        // Still asking: a wrong name is not accepted.
        await page
            .locator('.quick-input-widget')
            .filter({ hasText: `Type "${registry.name}" exactly.` })
            .waitFor({ timeout: 10000 });
        await screenshot(page, 'revoke-typed-name-refused');
        await page.keyboard.press('Escape');
        await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 10000 });
        const access = await keyAccessNow(registry.id);
        assert.strictEqual(access.accessible, true, 'nothing was revoked');
    });
});
