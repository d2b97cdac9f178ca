// UI level (Playwright on the real workbench): "Create Registry with Customer-Managed Key" through the command
// palette, every answer typed into the real Quick Picks and input boxes (an invalid registry name first, refused
// as you type), the summary confirmed in its modal, then the new registry in the tree with the CMK icon and
// description. Screenshots only after the content they show was asserted.
import * as assert from 'node:assert';
import { getEmulatorJson, keyAccessNow } from '../emulatorState';
import { subscriptionsOf, type EmulatorWorld } from '../worldExpectations';
import {
    activityBarEntry,
    answerInputBox,
    modalDialog,
    openWorkbench,
    pickQuickPickItem,
    quickInputShowing,
    runCommand,
    screenshot,
    screenshotOnFailure,
    treeRow,
    viewContainerTitle,
    waitForUnlessErrorDialog,
    widenSideBar,
    type Workbench,
} from './workbench';

// "d…" sorts after the sample's "contoso…" registries and before the in-host suite's "e2ecmk…": the UI suites that
// take the first or last CMK registry by name keep getting the one they expect.
const suffix = Date.now().toString(36).slice(-5);
const names = { group: `rg-ui-${suffix}`, registry: `duicreate${suffix}`, identity: `id-ui-${suffix}`, vault: `kv-ui-${suffix}`, key: `key-ui-${suffix}` };

describe('UI: Create Registry with Customer-Managed Key through the command palette', () => {
    let workbench: Workbench;
    let subscription: { subscriptionId: string; displayName: string };

    before(async () => {
        const world = await getEmulatorJson<EmulatorWorld>('state');
        const first = subscriptionsOf(world)[0];
        assert.ok(first, 'the emulator has a subscription');
        subscription = first;
        workbench = await openWorkbench();
        await activityBarEntry(workbench.page, viewContainerTitle()).click();
        await widenSideBar(workbench.page);
        await treeRow(workbench.page, subscription.displayName).first().waitFor({ timeout: 60000 });
    });
    after(async () => workbench?.close());
    screenshotOnFailure(() => workbench);

    it('walks the whole wizard; an invalid registry name is refused as typed', async () => {
        const { page } = workbench;
        await runCommand(page, 'Create Registry with Customer-Managed Key');
        await pickQuickPickItem(page, subscription.displayName);
        await pickQuickPickItem(page, 'Create new resource group');
        await answerInputBox(page, 'Name of the new resource group', names.group);
        await pickQuickPickItem(page, 'eastus');

        await quickInputShowing(page, 'customer-managed keys are available only in the Premium SKU').waitFor({ timeout: 60000 });
        await page.locator('.quick-input-widget .quick-input-box input').fill('ab-1');
        await quickInputShowing(page, 'Registry name "ab-1" has 4 characters; it must have 5 to 50.').waitFor({ timeout: 10000 });
        await screenshot(page, 'create-registry-invalid-name');
        await page.locator('.quick-input-widget .quick-input-box input').fill('ab-12');
        await quickInputShowing(page, 'may contain only letters a-z, A-Z and digits 0-9').waitFor({ timeout: 10000 });
        // A valid name brings the prompt back (the validation message goes away); Enter then checks availability.
        await page.locator('.quick-input-widget .quick-input-box input').fill(names.registry);
        await answerInputBox(page, 'customer-managed keys are available only in the Premium SKU', names.registry);

        await pickQuickPickItem(page, 'Create new user-assigned managed identity');
        await answerInputBox(page, 'Name of the new user-assigned managed identity', names.identity);
        await pickQuickPickItem(page, 'Create new key vault');
        await answerInputBox(page, 'Name of the new key vault', names.vault);
        await answerInputBox(page, 'Soft-delete retention in days', '7');
        await pickQuickPickItem(page, 'Create new RSA key');
        await answerInputBox(page, 'Name of the new key', names.key);
        await pickQuickPickItem(page, 'RSA 2048');
        await pickQuickPickItem(page, 'Versionless key (automatic rotation)');

        const summary = modalDialog(page, `Create registry "${names.registry}" encrypted with a customer-managed key?`);
        await summary.waitFor({ timeout: 60000 });
        const text = await summary.innerText();
        for (const expected of [
            `Resource group: ${names.group} (new, eastus)`,
            `Registry: ${names.registry} (new, SKU Premium)`,
            `User-assigned managed identity: ${names.identity} (new)`,
            `Key vault: ${names.vault} (new; soft delete 7 days, purge protection on)`,
            `Key: ${names.key} (new, RSA 2048)`,
            'Key version: versionless (automatic rotation)',
            'Things to know:',
        ]) {
            assert.ok(text.includes(expected), `the summary says "${expected}":\n${text}`);
        }
        await screenshot(page, 'create-registry-summary');
        await summary.getByRole('button', { name: 'Create', exact: true }).click();
    });

    it('creates the registry with encryption enabled and shows it in the tree with the CMK icon and description', async () => {
        const { page } = workbench;
        // The wizard reveals the new registry in the view once created (the progress toast is hidden in smoke-test mode).
        const row = treeRow(page, names.registry).first();
        await waitForUnlessErrorDialog(page, row);
        await row.filter({ hasText: 'customer-managed key' }).waitFor({ timeout: 30000 });
        assert.strictEqual(await row.locator('.codicon-lock').count(), 1, 'the row has the CMK (lock) icon');

        const world = await getEmulatorJson<EmulatorWorld>('state');
        const registry = Object.values(world.registries).find((r) => r.name === names.registry);
        assert.ok(registry, 'the emulator has the registry');
        assert.strictEqual(registry.sku, 'Premium');
        assert.strictEqual(registry.encryption.status, 'enabled');
        assert.match(
            registry.encryption.keyVaultProperties?.keyIdentifier ?? '',
            new RegExp(`^https://${names.vault}\\.vault\\.localhost:\\d+/keys/${names.key}$`),
        );
        const access = await keyAccessNow(registry.id);
        assert.strictEqual(access.accessible, true, access.reason);
        await screenshot(page, 'create-registry-in-tree');
    });
});
