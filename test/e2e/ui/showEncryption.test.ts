// UI level, from Node with Playwright: the user's path through the real workbench — the activity-bar
// view lists the emulator's registries, and F1 → Show Encryption → Quick Pick → the JSON document.
// Screenshots are taken only after the expected content was asserted to be on screen.
import * as assert from 'node:assert';
import { getEmulatorJson } from '../emulatorState';
import {
    activityBarEntry,
    openWorkbench,
    pickQuickPickItem,
    runCommand,
    screenshot,
    screenshotOnFailure,
    treeRow,
    viewContainerTitle,
    withNotificationsOnFailure,
    type Workbench,
} from './workbench';
import { cmkRegistries, subscriptionsOf, type EmulatorWorld } from '../worldExpectations';

describe('UI: registry tree and Show Encryption in the real workbench', () => {
    let workbench: Workbench;
    let world: EmulatorWorld;

    before(async () => {
        world = await getEmulatorJson<EmulatorWorld>('state');
        workbench = await openWorkbench();
    });
    after(async () => workbench?.close());
    screenshotOnFailure(() => workbench);

    it('lists every seeded subscription in the extension view', async () => {
        const { page } = workbench;
        await activityBarEntry(page, viewContainerTitle()).click();
        const subscriptions = subscriptionsOf(world);
        assert.ok(subscriptions.length > 0, 'the sample world has subscriptions');
        for (const subscription of subscriptions) await treeRow(page, subscription.displayName).first().waitFor({ timeout: 60000 });
        await screenshot(page, 'tree-subscriptions');
    });

    it('shows a CMK registry with its encryption state', async () => {
        const { page } = workbench;
        const registry = cmkRegistries(world)[0];
        assert.ok(registry, 'the sample world has a CMK registry');
        const subscription = world.subscriptions[registry.subscriptionId.toLowerCase()];
        await treeRow(page, subscription.displayName).first().click();
        const row = treeRow(page, registry.name).first();
        await row.waitFor({ timeout: 60000 });
        assert.match(await row.innerText(), /customer|cmk/i, 'the registry row says it is encrypted with a customer-managed key');
        await screenshot(page, 'tree-cmk-registry');
    });

    it('opens the encryption JSON through the command palette and a Quick Pick', async () => {
        const { page } = workbench;
        const registry = cmkRegistries(world)[0];
        await runCommand(page, 'Show Encryption');
        // "Node or pick": from the palette it asks for the subscription, then the registry.
        // A refusal (e.g. sign-in) would be a notification, hidden in smoke-test mode: the failure lists them.
        await withNotificationsOnFailure(page, () => pickQuickPickItem(page, world.subscriptions[registry.subscriptionId.toLowerCase()].displayName));
        await pickQuickPickItem(page, registry.name);
        // The JSON the command opened (an editor another test left open, a CSV of key identifiers, may be restored too).
        const keyIdentifier = registry.encryption.keyVaultProperties?.keyIdentifier ?? '';
        const editorLines = page
            .locator('.editor-instance .monaco-editor .view-lines')
            .filter({ hasText: '"keyIdentifier"' })
            .filter({ hasText: keyIdentifier })
            .first();
        await editorLines.waitFor({ timeout: 60000 });
        assert.match(await editorLines.innerText(), /"status":\s+"enabled"/);
        await screenshot(page, 'show-encryption-json');
    });
});
