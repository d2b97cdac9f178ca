// UI level (Playwright on the real workbench): Use System-Assigned Identity from the right-click menu of a CMK
// registry that encrypts with a user-assigned identity: the follow-up Quick Pick answered, the modal confirmation
// clicked, then the tree shows the system-assigned identity. Screenshots only after their content was asserted.
import * as assert from 'node:assert';
import { getEmulatorJson, keyAccessNow } from '../emulatorState';
import { cmkRegistries, registryNow, type EmulatorWorld, type WorldRegistry } from '../worldExpectations';
import {
    expandTreeRow,
    modalDialog,
    openWorkbenchAtSubscription,
    pickQuickPickItem,
    runContextMenu,
    screenshot,
    screenshotOnFailure,
    treeRow,
    treeRowNamed,
    waitUntil,
    withNotificationsOnFailure,
    type Workbench,
} from './workbench';

/**
 * A versionless, user-assigned CMK registry that reaches its key; not the first or last by name (other UI suites
 * take those), and not pinned (the Rotate Key UI suite takes a pinned one).
 */
async function userAssignedRegistry(world: EmulatorWorld): Promise<WorldRegistry> {
    const middle = cmkRegistries(world)
        .slice(1, -1)
        .filter(
            (r) =>
                r.encryption.keyVaultProperties?.identity !== 'system' &&
                r.encryption.keyVaultProperties?.keyIdentifier !== r.encryption.keyVaultProperties?.versionedKeyIdentifier,
        );
    for (const registry of middle) {
        if ((await keyAccessNow(registry.id)).accessible) return registry;
    }
    throw new Error('the emulator world has no accessible, versionless, user-assigned CMK registry');
}

describe("UI: Use System-Assigned Identity from the registry's context menu", () => {
    let workbench: Workbench;
    let registry: WorldRegistry;

    before(async () => {
        const world = await getEmulatorJson<EmulatorWorld>('state');
        registry = await userAssignedRegistry(world);
        workbench = await openWorkbenchAtSubscription(world.subscriptions[registry.subscriptionId.toLowerCase()]!.displayName);
    });
    after(async () => workbench?.close());
    screenshotOnFailure(() => workbench);

    it('shows the user-assigned identity in the tree before', async () => {
        const { page } = workbench;
        await expandTreeRow(treeRowNamed(page, registry.name));
        await treeRow(page, 'Identity').filter({ hasText: '(user-assigned, client ID' }).waitFor({ timeout: 60000 });
        await screenshot(page, 'use-system-identity-before');
    });

    it('switches to the system-assigned identity after the modal confirmation', async () => {
        const { page } = workbench;
        await runContextMenu(page, treeRowNamed(page, registry.name), 'Use System-Assigned Identity');
        await withNotificationsOnFailure(page, () => pickQuickPickItem(page, 'Keep the access of'));

        const confirm = modalDialog(page, `Change the encryption of registry "${registry.name}"?`);
        // A refusal while planning (read-only checks) is reported as a notification, hidden in smoke-test mode.
        await withNotificationsOnFailure(page, () => confirm.waitFor({ timeout: 30000 }));
        const text = await confirm.innerText();
        assert.match(text, /After: key "[^"]+" in key vault "[^"]+" \([^)]*\), system-assigned identity/, text);
        assert.match(text, /Steps: .*/, text);
        await screenshot(page, 'use-system-identity-confirm');
        await confirm.getByRole('button', { name: 'Change Encryption' }).click();

        const after = await withNotificationsOnFailure(page, () =>
            waitUntil(
                'the registry to encrypt with its system-assigned identity',
                async () => {
                    const now = await registryNow(registry.id);
                    return now?.encryption.keyVaultProperties?.identity === 'system' ? now : undefined;
                },
                30000,
            ),
        );
        assert.strictEqual(after.encryption.keyVaultProperties?.keyIdentifier, registry.encryption.keyVaultProperties?.keyIdentifier, 'same key');
        assert.strictEqual((await keyAccessNow(registry.id)).accessible, true, 'the system identity reaches the key');
        await treeRow(page, 'Identity').filter({ hasText: 'system-assigned identity' }).waitFor({ timeout: 60000 });
        await screenshot(page, 'use-system-identity-after');
    });
});
