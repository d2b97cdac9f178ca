// Journey (Playwright on the real workbench, answered from the UI's text alone): Rotate Key from each key source.
// Each test rotates a registry of its own (journeyWorld.ts). Back at every step of the wizard keeps the answer and
// the count stays n/4; Escape at every step changes nothing; each run ends with the information notification that
// names the key, vault, version and identity, and the tree shows the new key.
import * as assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { getEmulatorJson } from '../emulatorState';
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
import {
    createJourneyRegistry,
    deleteJourneyRegistries,
    type JourneyRegistry,
    journeySubscription,
    removeEncryptionIdentityOutsideTheExtension,
} from './journeyWorld';
import { waitForModal } from './quickInput';
import { escapeAtEveryStep, walkWithBack, type JourneyStep } from './walk';

const suffix = Date.now().toString(36).slice(-5);
const command = 'Rotate Key...';

async function registryKeyNow(id: string): Promise<{ keyIdentifier: string; identity: string }> {
    const world = await getEmulatorJson<{
        registries: Record<string, { id: string; encryption: { keyVaultProperties: { keyIdentifier: string; identity: string } } }>;
    }>('state');
    const registry = Object.values(world.registries).find((candidate) => candidate.id.toLowerCase() === id.toLowerCase());
    if (!registry) throw new Error(`no registry ${id}`);
    return registry.encryption.keyVaultProperties;
}

/**
 * The confirmation of a rotation of `r` (versionless on its own key, keeping its identity) names what it uses now and
 * `after` (a pattern for the key part), the identity by its name on both lines.
 */
async function confirmationShows(page: Page, r: JourneyRegistry, after: string): Promise<void> {
    const modal = await waitForModal(page, new RegExp(`^Change the encryption of registry "${r.name}"\\?$`));
    const identity = `identity "${r.identity}" \\(user-assigned\\)`;
    assert.match(modal.detail, new RegExp(`Now: key "${r.key}" in key vault "${r.vault}" \\(versionless, now version [0-9a-f]{8}…\\), ${identity}`));
    assert.match(modal.detail, new RegExp(`After: ${after}, ${identity}`));
}

const pickRegistry = (name: string): JourneyStep[] => [
    { name: 'subscription', asks: /^Select a subscription$/, answer: { pick: journeySubscription }, noBack: true },
    { name: 'registry', asks: /^Select a container registry$/, answer: { pick: name }, noBack: true },
];

/** The versionless key of another registry's vault, keeping the current identity: the wizard's steps up to its questions. */
const anotherVaultSteps = (other: JourneyRegistry): JourneyStep[] => [
    { name: 'key-source', asks: /^Which key should the registry use\?$/, answer: { pick: 'A key in another key vault' }, count: [1, 4], noBack: true },
    { name: 'vault-subscription', asks: /^Select a subscription$/, answer: { pick: journeySubscription }, count: [1, 4] },
    { name: 'vault', asks: /^Select the key vault for the encryption key$/, answer: { pick: other.vault }, count: [1, 4] },
    { name: 'key', asks: /^Select the encryption key$/, answer: { pick: other.key }, count: [1, 4] },
    { name: 'version-mode', asks: /^How should the registry follow the key\?$/, answer: { pick: 'Versionless — automatic rotation' }, count: [2, 4] },
    {
        name: 'identity',
        asks: /^Select the identity the registry uses to reach its key$/,
        answer: { pick: 'Keep the current identity' },
        count: [3, 4],
    },
];

describe('Journey: Rotate Key', function () {
    this.timeout(10 * 60 * 1000);
    let workbench: Workbench | undefined;
    const registries: Record<string, JourneyRegistry> = {};
    before(async () => {
        const [sameVault, newVersion, otherVault, typed, removed] = await Promise.all([
            createJourneyRegistry(`djrot${suffix}s`, { secondKey: true }),
            createJourneyRegistry(`djrot${suffix}n`, { permissionModel: 'rbac', versionless: false }),
            createJourneyRegistry(`djrot${suffix}o`),
            createJourneyRegistry(`djrot${suffix}t`, { secondKey: true }),
            createJourneyRegistry(`djrot${suffix}r`),
        ]);
        // The field pitfall: the encryption identity taken off the registry outside the extension.
        await removeEncryptionIdentityOutsideTheExtension(removed);
        Object.assign(registries, { sameVault, newVersion, otherVault, typed, removed });
        workbench = await openWorkbenchAtSubscription(journeySubscription);
    });
    // The suite's registries go with it: the shared subscription's list stays short for the suites that follow.
    after(async () => {
        await workbench?.close();
        await deleteJourneyRegistries(Object.values(registries));
    });
    const notifications = screenshotOnFailure(() => workbench);

    const sameVaultSteps = (r: JourneyRegistry): JourneyStep[] => [
        {
            name: 'key-source',
            asks: /^Which key should the registry use\?$/,
            answer: { pick: `Another key in key vault "${r.vault}"` },
            count: [1, 4],
            noBack: true,
        },
        { name: 'key', asks: /^Select the encryption key$/, answer: { pick: `${r.key}-2` }, count: [1, 4] },
        { name: 'version-mode', asks: /^How should the registry follow the key\?$/, answer: { pick: 'Pinned version — manual rotation' }, count: [2, 4] },
        { name: 'identity', asks: /^Select the identity the registry uses to reach its key$/, answer: { pick: 'Keep the current identity' }, count: [3, 4] },
        {
            name: 'confirm',
            asks: new RegExp(`^Change the encryption of registry "${r.name}"\\?$`),
            answer: { button: 'Change Encryption' },
            // The summary names things first; the full identifiers follow on their own lines.
            check: async (page) => {
                await confirmationShows(page, r, `key "${r.key}-2" in key vault "${r.vault}" \\(version [0-9a-f]{8}…\\)`);
                await screenshot(page, 'journey-rotate-same-vault-confirm');
            },
        },
    ];

    it('another key of the same vault, from the palette: Back at every step, n/4 throughout, the notification names the new key', async () => {
        const page = workbench!.page;
        const r = registries.sameVault!;
        await runCommand(page, command);
        const steps = [...pickRegistry(r.name), ...sameVaultSteps(r)];
        await walkWithBack(page, 'rotate-same-vault', steps);
        const done = await waitForNotification(
            page,
            new RegExp(
                `^Registry "${r.name}" now uses key "${r.key}-2" in key vault "${r.vault}" \\(version [0-9a-f]{8}…\\), identity "${r.identity}" \\(user-assigned\\)\\.$`,
            ),
            notifications.seen,
        );
        assert.deepEqual(done.actions, ['Show Encryption']);
        assert.match((await registryKeyNow(r.id)).keyIdentifier, new RegExp(`/keys/${r.key}-2/[0-9a-f]{32}$`));
        // The changed registry is selected in the tree, its row already showing the new reading.
        const row = treeRowNamed(page, r.name);
        await waitUntil('the rotated registry selected', async () => (await row.getAttribute('aria-selected')) === 'true');
        await screenshot(page, 'journey-rotate-same-vault-done');
    });

    it('Escape at every step changes nothing and shows no notification', async () => {
        const page = workbench!.page;
        const r = registries.typed!;
        const steps = [...pickRegistry(r.name), ...sameVaultSteps(r)];
        await escapeAtEveryStep(page, () => runCommand(page, command), steps);
    });

    it("a new version, from the registry's context menu: ends with the notification and the new version in use", async () => {
        const page = workbench!.page;
        const r = registries.newVersion!;
        const before = await registryKeyNow(r.id);
        await runContextMenu(page, treeRowNamed(page, r.name), command);
        await walkWithBack(page, 'rotate-new-version', [
            {
                name: 'key-source',
                asks: /^Which key should the registry use\?$/,
                answer: { pick: `New version of key "${r.key}"` },
                count: [1, 4],
                noBack: true,
            },
            { name: 'version-mode', asks: /^How should the registry follow the key\?$/, answer: { pick: 'Pinned version — manual rotation' }, count: [2, 4] },
            {
                name: 'identity',
                asks: /^Select the identity the registry uses to reach its key$/,
                answer: { pick: 'Keep the current identity' },
                count: [3, 4],
            },
            { name: 'confirm', asks: new RegExp(`^Change the encryption of registry "${r.name}"\\?$`), answer: { button: 'Change Encryption' } },
        ]);
        await waitForNotification(
            page,
            new RegExp(`^Registry "${r.name}" now uses key "${r.key}" in key vault "${r.vault}" \\(version [0-9a-f]{8}…\\)`),
            notifications.seen,
        ).catch(async (error: Error) => {
            throw new Error(
                `${error.message}; seen: ${JSON.stringify(notifications.seen)}; registry now: ${JSON.stringify(await registryKeyNow(r.id))}; requests: ${JSON.stringify(
                    (await getEmulatorJson<{ requests: { method: string; path: string; status: number }[] }>('requests')).requests
                        .filter((q) => q.path.includes(r.name) || q.path.includes('operation'))
                        .slice(-12)
                        .map((q) => `${q.method} ${q.path} ${q.status}`),
                )}`,
            );
        });
        const after = await registryKeyNow(r.id);
        assert.notEqual(after.keyIdentifier, before.keyIdentifier, 'the registry uses another version');
    });

    it('a key of another vault, from the palette: the missing access is asked for, named, and granted', async () => {
        const page = workbench!.page;
        const r = registries.otherVault!;
        const other = registries.sameVault!;
        await runCommand(page, command);
        await walkWithBack(page, 'rotate-other-vault', [
            ...pickRegistry(r.name),
            ...anotherVaultSteps(other),
            { name: 'grant', asks: new RegExp(`^Grant identity "${r.identity}" access to key vault "${other.vault}"\\?$`), answer: { button: 'Grant Access' } },
            {
                name: 'confirm',
                asks: new RegExp(`^Change the encryption of registry "${r.name}"\\?$`),
                answer: { button: 'Change Encryption' },
                backTo: 'identity',
            },
        ]);
        await waitForNotification(
            page,
            new RegExp(`^Registry "${r.name}" now uses key "${other.key}" in key vault "${other.vault}" \\(versionless, now version [0-9a-f]{8}…\\)`),
            notifications.seen,
        );
    });

    it('a key of another vault for a registry whose identity was removed: both consents asked up front, in the order of the changes, nothing written before the last', async () => {
        const page = workbench!.page;
        const r = registries.removed!;
        const other = registries.sameVault!;
        const assignedNow = async () => {
            const world = await getEmulatorJson<{
                registries: Record<string, { id: string; identity?: { userAssignedIdentities?: Record<string, unknown> } }>;
            }>('state');
            const registry = Object.values(world.registries).find((candidate) => candidate.id.toLowerCase() === r.id.toLowerCase())!;
            return Object.keys(registry.identity?.userAssignedIdentities ?? {}).some((id) => id.toLowerCase() === r.identityId.toLowerCase());
        };
        assert.equal(await assignedNow(), false, 'the encryption identity is off the registry before the journey');
        await runCommand(page, command);
        await walkWithBack(page, 'rotate-two-consents', [
            ...pickRegistry(r.name),
            ...anotherVaultSteps(other),
            {
                name: 'reassign',
                asks: new RegExp(`^The encryption identity of "${r.name}" was removed from the registry$`),
                answer: { button: 'Re-assign Identity' },
                check: async () => assert.equal(await assignedNow(), false, 'nothing is written before the first consent'),
            },
            {
                name: 'grant',
                asks: new RegExp(`^Grant identity "${r.identity}" access to key vault "${other.vault}"\\?$`),
                answer: { button: 'Grant Access' },
                backTo: 'identity',
                // The re-assignment the first answer allowed waits for the last question: no write, no planning again in between.
                check: async () => assert.equal(await assignedNow(), false, 'the identity is not re-assigned while a consent is still open'),
            },
            {
                name: 'confirm',
                asks: new RegExp(`^Change the encryption of registry "${r.name}"\\?$`),
                answer: { button: 'Change Encryption' },
                backTo: 'identity',
                // The removed identity is named as the facts found it, now and after, not once by name and once by client ID.
                check: async (page) => {
                    await confirmationShows(page, r, `key "${other.key}" in key vault "${other.vault}" \\(versionless\\)`);
                    await screenshot(page, 'journey-rotate-two-consents-confirm');
                },
            },
        ]);
        await waitForNotification(
            page,
            new RegExp(
                `^Registry "${r.name}" now uses key "${other.key}" in key vault "${other.vault}" \\(versionless, now version [0-9a-f]{8}…\\), identity "${r.identity}" \\(user-assigned\\)\\.$`,
            ),
            notifications.seen,
        );
        assert.equal(await assignedNow(), true, 'the encryption identity is assigned again');
        assert.match((await registryKeyNow(r.id)).keyIdentifier, new RegExp(`/keys/${other.key}$`), "the registry follows the other vault's versionless key");
    });

    it('a typed key identifier: refused as typed when it is not one, then rotated', async () => {
        const page = workbench!.page;
        const r = registries.typed!;
        const keyId = (await registryKeyNow(r.id)).keyIdentifier.replace(/\/keys\/[^/]+.*$/, `/keys/${r.key}-2`);
        await runCommand(page, command);
        await walkWithBack(page, 'rotate-typed', [
            ...pickRegistry(r.name),
            { name: 'key-source', asks: /^Which key should the registry use\?$/, answer: { pick: 'Enter a key identifier…' }, count: [1, 4], noBack: true },
            { name: 'key-id', asks: /^Key identifier \(https:/, answer: { type: keyId }, count: [1, 4] },
            { name: 'version-mode', asks: /^How should the registry follow the key\?$/, answer: { pick: 'Versionless — automatic rotation' }, count: [2, 4] },
            {
                name: 'identity',
                asks: /^Select the identity the registry uses to reach its key$/,
                answer: { pick: 'Keep the current identity' },
                count: [3, 4],
            },
            { name: 'confirm', asks: new RegExp(`^Change the encryption of registry "${r.name}"\\?$`), answer: { button: 'Change Encryption' } },
        ]);
        await waitForNotification(
            page,
            new RegExp(`^Registry "${r.name}" now uses key "${r.key}-2" in key vault "${r.vault}" \\(versionless`),
            notifications.seen,
        );
    });
});
