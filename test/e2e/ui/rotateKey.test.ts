// UI level (Playwright on the real workbench): Rotate Key from the right-click menu of a CMK registry row, to a
// new, pinned version of its key. The tree shows the version before and after; the confirmation modal shows both.
// Screenshots only after the content they show was asserted.
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

const versionOf = (keyId: string) => keyId.split('/keys/')[1]?.split('/')[1] ?? '';

/** A pinned, user-assigned CMK registry that reaches its key; not the first or last by name (other UI suites take those). */
async function pinnedRegistry(world: EmulatorWorld): Promise<WorldRegistry> {
    const middle = cmkRegistries(world)
        .slice(1, -1)
        .filter(
            (r) =>
                r.encryption.keyVaultProperties?.identity !== 'system' &&
                r.encryption.keyVaultProperties?.keyIdentifier === r.encryption.keyVaultProperties?.versionedKeyIdentifier,
        );
    for (const registry of middle.reverse()) {
        if ((await keyAccessNow(registry.id)).accessible) return registry;
    }
    throw new Error('the emulator world has no accessible, pinned, user-assigned CMK registry');
}

describe("UI: Rotate Key from the registry's context menu", () => {
    let workbench: Workbench;
    let registry: WorldRegistry;
    let oldVersion: string;

    before(async () => {
        const world = await getEmulatorJson<EmulatorWorld>('state');
        registry = await pinnedRegistry(world);
        oldVersion = versionOf(registry.encryption.keyVaultProperties!.keyIdentifier);
        assert.match(oldVersion, /^[0-9a-f]{32}$/);
        workbench = await openWorkbenchAtSubscription(world.subscriptions[registry.subscriptionId.toLowerCase()]!.displayName);
    });
    after(async () => workbench?.close());
    screenshotOnFailure(() => workbench);

    it('shows the pinned version in the tree before', async () => {
        const { page } = workbench;
        await expandTreeRow(treeRowNamed(page, registry.name));
        await treeRow(page, 'Version').filter({ hasText: oldVersion }).waitFor({ timeout: 60000 });
        await screenshot(page, 'rotate-key-before');
    });

    it('rotates to a new pinned version; the modal shows now and after, the tree the new version', async () => {
        const { page } = workbench;
        await runContextMenu(page, treeRowNamed(page, registry.name), 'Rotate Key');
        const keyName = registry.encryption.keyVaultProperties!.keyIdentifier.split('/keys/')[1]!.split('/')[0]!;
        await withNotificationsOnFailure(page, () => pickQuickPickItem(page, `New version of key "${keyName}"`));
        await pickQuickPickItem(page, 'Pinned version — manual rotation');
        await pickQuickPickItem(page, 'Keep the current identity');

        const confirm = modalDialog(page, `Change the encryption of registry "${registry.name}"?`);
        // A refusal while planning (read-only checks) is reported as a notification, hidden in smoke-test mode.
        await withNotificationsOnFailure(page, () => confirm.waitFor({ timeout: 30000 }));
        const text = await confirm.innerText();
        // Names first, then the full identifiers on their own lines.
        assert.match(text, new RegExp(`Now: key "${keyName}" in key vault "[^"]+" \\(version [0-9a-f]{8}…\\)`), text);
        assert.match(text, new RegExp(`After: key "${keyName}" in key vault "[^"]+" \\(a new version created now\\)`), text);
        assert.ok(text.includes(`Now: ${registry.encryption.keyVaultProperties!.keyIdentifier}`), text);
        assert.ok(text.includes(`/keys/${keyName}/<new version>`), text);
        await screenshot(page, 'rotate-key-confirm');
        await confirm.getByRole('button', { name: 'Change Encryption' }).click();

        const newVersion = await withNotificationsOnFailure(page, () =>
            waitUntil(
                'the registry to use a new key version',
                async () => {
                    const version = versionOf((await registryNow(registry.id))?.encryption.keyVaultProperties?.keyIdentifier ?? '');
                    return version && version !== oldVersion ? version : undefined;
                },
                30000,
            ),
        );
        assert.strictEqual((await keyAccessNow(registry.id)).accessible, true, 'the registry reaches its new key version');
        await treeRow(page, 'Version').filter({ hasText: newVersion }).waitFor({ timeout: 60000 });
        assert.strictEqual(await treeRow(page, oldVersion).count(), 0, 'the old version is no longer shown');
        await screenshot(page, 'rotate-key-after');
    });
});
