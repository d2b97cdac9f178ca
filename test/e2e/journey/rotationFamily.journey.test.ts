// Journey (Playwright on the real workbench, answered from the UI's text alone): Use System-Assigned Identity and
// Enable Automatic Rotation, each on a registry of its own (journeyWorld.ts), from the context menu and the palette:
// Back at every step, the count stable, the notification that names what the registry now uses.
import * as assert from 'node:assert/strict';
import { getEmulatorJson, keyAccessNow } from '../emulatorState';
import { waitForNotification } from '../ui/notifications';
import {
    openWorkbenchAtSubscription,
    runCommand,
    runContextMenu,
    screenshot,
    screenshotOnFailure,
    treeRowNamed,
    waitUntil,
    type Workbench,
} from '../ui/workbench';
import { waitForModal } from './quickInput';
import { createJourneyRegistry, deleteJourneyRegistries, type JourneyRegistry, journeySubscription } from './journeyWorld';
import { walkWithBack } from './walk';

const suffix = Date.now().toString(36).slice(-5);

async function encryptionNow(id: string): Promise<{ keyIdentifier: string; identity: string }> {
    const world = await getEmulatorJson<{
        registries: Record<string, { id: string; encryption: { keyVaultProperties: { keyIdentifier: string; identity: string } } }>;
    }>('state');
    return Object.values(world.registries).find((candidate) => candidate.id.toLowerCase() === id.toLowerCase())!.encryption.keyVaultProperties;
}

describe('Journey: Use System-Assigned Identity, Enable Automatic Rotation, Key Vault Firewall', function () {
    this.timeout(10 * 60 * 1000);
    let workbench: Workbench | undefined;
    let system: JourneyRegistry;
    /** Encrypts with the same key through the same identity as `system`: removing that identity's access cuts it off too. */
    let sharer: JourneyRegistry;
    let auto: JourneyRegistry;
    let firewall: JourneyRegistry;
    let firewalledVault: string;
    before(async () => {
        [system, auto, firewall] = await Promise.all([
            createJourneyRegistry(`djsys${suffix}`),
            createJourneyRegistry(`djaut${suffix}`, { versionless: false }),
            createJourneyRegistry(`djfwp${suffix}`),
        ]);
        sharer = await createJourneyRegistry(`djshr${suffix}`, { shareWith: system });
        // The sample world's firewalled vault in this subscription (default action Deny, trusted services allowed, RBAC).
        const world = await getEmulatorJson<{
            subscriptions: Record<string, { subscriptionId: string; displayName: string }>;
            vaults: Record<string, { name: string; subscriptionId: string; properties: { networkAcls?: { defaultAction: string } } }>;
        }>('state');
        const subscriptionId = Object.values(world.subscriptions).find((candidate) => candidate.displayName === journeySubscription)!.subscriptionId;
        firewalledVault = Object.values(world.vaults).find(
            (vault) => vault.subscriptionId === subscriptionId && vault.properties.networkAcls?.defaultAction === 'Deny',
        )!.name;
        workbench = await openWorkbenchAtSubscription(journeySubscription);
    });
    // The suite's registries go with it: the shared subscription's list stays short for the suites that follow.
    after(async () => {
        await workbench?.close();
        await deleteJourneyRegistries([system, auto, firewall, sharer]);
    });
    const notifications = screenshotOnFailure(() => workbench);

    it('Use System-Assigned Identity from the context menu: Back at every step, then the registry encrypts through its own identity', async () => {
        const page = workbench!.page;
        await runContextMenu(page, treeRowNamed(page, system.name), 'Use System-Assigned Identity...');
        await walkWithBack(page, 'system-identity', [
            {
                name: 'previous-grant',
                asks: new RegExp(`^After switching to the system-assigned identity, what about "${system.identity}"\\?$`),
                answer: { pick: `Remove the access of "${system.identity}" to the key vault` },
                count: [1, 2],
            },
            // The first step's modal offers no Back (nothing comes before it); Cancel ends the flow.
            {
                name: 'remove-confirm',
                asks: new RegExp(`^Remove the key vault access of "${system.identity}"\\?$`),
                answer: { button: 'Remove Access' },
                noBack: true,
                // The blast radius, named: the other registry that reaches the vault through the same identity.
                check: async (page) => {
                    const modal = await waitForModal(page, new RegExp(`^Remove the key vault access of "${system.identity}"\\?$`));
                    assert.match(
                        modal.detail,
                        new RegExp(
                            `These registries also reach key vault "${system.vault}" through "${system.identity}" and lose their key with it: ${sharer.name}\\.`,
                        ),
                    );
                    await screenshot(page, 'journey-system-identity-blast-radius');
                },
            },
            {
                name: 'confirm',
                asks: new RegExp(`^Change the encryption of registry "${system.name}"\\?$`),
                answer: { button: 'Change Encryption' },
                backTo: 'previous-grant',
            },
        ]);
        await waitForNotification(
            page,
            new RegExp(
                `^Registry "${system.name}" now uses key "${system.key}" in key vault "${system.vault}" \\(versionless, now version [0-9a-f]{8}…\\), system-assigned identity\\.$`,
            ),
            notifications.seen,
        );
        assert.equal((await encryptionNow(system.id)).identity, 'system');
        assert.equal((await keyAccessNow(system.id)).accessible, true);
        // The registry sharing the identity lost its key, as the confirmation said: named once more, and marked in the tree.
        await waitForNotification(
            page,
            new RegExp(`^Also without key access now \\(they used "${system.identity}"\\): ${sharer.name}\\.$`),
            notifications.seen,
        );
        assert.equal((await keyAccessNow(sharer.id)).accessible, false);
        await waitUntil('the sharing registry marked', async () => /key access problem/.test(await treeRowNamed(page, sharer.name).innerText()), 30000);
        await screenshot(page, 'journey-system-identity-done');
    });

    it('Enable Automatic Rotation from the palette with a rotation policy: Back at every step, n/2 throughout', async () => {
        const page = workbench!.page;
        await runCommand(page, 'Enable Automatic Rotation...');
        await walkWithBack(page, 'auto-rotation', [
            { name: 'subscription', asks: /^Select a subscription$/, answer: { pick: journeySubscription }, noBack: true },
            { name: 'registry', asks: /^Select a container registry$/, answer: { pick: auto.name }, noBack: true },
            {
                name: 'policy',
                asks: /^Rotate the key automatically on a schedule\?$/,
                answer: { pick: 'Also set a Key Vault rotation policy' },
                count: [1, 2],
                noBack: true,
            },
            { name: 'interval', asks: /^Rotate the key every how many days\?$/, answer: { type: '60' }, count: [1, 2] },
            { name: 'notify', asks: /^Notify how many days before a key version expires\?/, answer: { type: '14' }, count: [1, 2] },
            { name: 'rights', asks: /^Give yourself the key permissions to manage the rotation policy\?$/, answer: { button: 'Add Permissions' } },
            {
                name: 'confirm',
                asks: new RegExp(`^Change the encryption of registry "${auto.name}"\\?$`),
                answer: { button: 'Change Encryption' },
                backTo: 'notify',
            },
        ]);
        await waitForNotification(
            page,
            new RegExp(`^Registry "${auto.name}" now uses key "${auto.key}" in key vault "${auto.vault}" \\(versionless, now version [0-9a-f]{8}…\\)`),
            notifications.seen,
        );
        assert.match((await encryptionNow(auto.id)).keyIdentifier, new RegExp(`/keys/${auto.key}$`), 'the registry follows the versionless key');
    });

    it('Key Vault Firewall from the context menu: rotates to a key in a firewalled vault through the system-assigned identity', async () => {
        const page = workbench!.page;
        await runContextMenu(page, treeRowNamed(page, firewall.name), 'Key Vault Firewall: Use System Identity and Trusted Services...');
        await walkWithBack(page, 'firewall', [
            {
                name: 'target',
                asks: /^Key vault firewall: what should be done\?$/,
                answer: { pick: 'Rotate to a key in a firewalled key vault' },
                count: [1, 2],
                noBack: true,
            },
            { name: 'vault-subscription', asks: /^Select a subscription$/, answer: { pick: journeySubscription }, count: [1, 2] },
            { name: 'vault', asks: /^Select the key vault for the encryption key$/, answer: { pick: firewalledVault }, count: [1, 2] },
            { name: 'key', asks: /^Select the encryption key$/, answer: { pick: 'cmk-key-1' }, count: [1, 2] },
            { name: 'version-mode', asks: /^How should the registry follow the key\?$/, answer: { pick: 'Versionless — automatic rotation' }, count: [1, 2] },
            { name: 'confirm', asks: new RegExp(`^Change the encryption of registry "${firewall.name}"\\?$`), answer: { button: 'Change Encryption' } },
        ]);
        await waitForNotification(
            page,
            new RegExp(
                `^Registry "${firewall.name}" now uses key "cmk-key-1" in key vault "${firewalledVault}" \\(versionless, now version [0-9a-f]{8}…\\), system-assigned identity\\.$`,
            ),
            notifications.seen,
        );
        assert.equal((await encryptionNow(firewall.id)).identity, 'system');
        assert.equal((await keyAccessNow(firewall.id)).accessible, true, 'the registry reaches the firewalled key as a trusted service');
        await screenshot(page, 'journey-firewall-done');
    });
});
