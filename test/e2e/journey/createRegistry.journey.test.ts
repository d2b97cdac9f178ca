// Journey (Playwright on the real workbench, answered from the UI's text alone): Create Registry with
// Customer-Managed Key. From the palette: Back at every step (answer kept), the step count stable from the first
// prompt, then the registry created, the information notification that ends the flow and the new row revealed and
// selected in the tree. Escape at every step: no notification, Azure (the emulator's state) unchanged. From the
// subscription's context menu: a run with existing resources.
import * as assert from 'node:assert/strict';
import { getEmulatorJson, keyAccessNow } from '../emulatorState';
import type { EmulatorWorld } from '../worldExpectations';
import {
    openWorkbenchAtSubscription,
    runCommand,
    runContextMenu,
    screenshot,
    screenshotOnFailure,
    treeRow,
    treeRowNamed,
    waitUntil,
    type Workbench,
} from '../ui/workbench';
import { waitForNotification } from '../ui/notifications';
import { escapeAtEveryStep, walkWithBack, type JourneyStep } from './walk';

const subscriptionName = 'Fabrikam Shared';
const command = 'Create Registry with Customer-Managed Key';
const suffix = Date.now().toString(36).slice(-5);

/** Every prompt of an all-new Create from the palette, with the count each must show (8 questions: the last is the summary modal). */
function allNewSteps(names: { group: string; registry: string; identity: string; vault: string; key: string }): JourneyStep[] {
    return [
        { name: 'subscription', asks: /^Select a subscription$/, answer: { pick: subscriptionName }, count: [1, 8] },
        { name: 'resource-group', asks: /^Select a resource group for the new registry$/, answer: { pick: 'Create new resource group' }, count: [2, 8] },
        { name: 'resource-group-name', asks: /^Name of the new resource group/, answer: { type: names.group }, count: [2, 8] },
        { name: 'location', asks: /^Select a location$/, answer: { pick: 'westeurope' }, count: [2, 8] },
        { name: 'registry-name', asks: /^Registry name/, answer: { type: names.registry }, count: [3, 8] },
        {
            name: 'identity',
            asks: /^Select the identity the registry uses to reach its key$/,
            answer: { pick: 'Create new user-assigned managed identity' },
            count: [4, 8],
        },
        { name: 'identity-name', asks: /^Name of the new user-assigned managed identity/, answer: { type: names.identity }, count: [4, 8] },
        { name: 'vault', asks: /^Select the key vault for the encryption key$/, answer: { pick: 'Create new key vault' }, count: [5, 8] },
        { name: 'vault-name', asks: /^Name of the new key vault/, answer: { type: names.vault }, count: [5, 8] },
        // Its own step: it once showed the vault's name (the wizard keeps one typed answer per step).
        { name: 'vault-retention', asks: /^Soft-delete retention in days/, answer: { type: '7' }, count: [5, 8], initially: '90' },
        { name: 'key', asks: /^Select the encryption key$/, answer: { pick: 'Create new RSA key' }, count: [6, 8] },
        { name: 'key-name', asks: /^Name of the new key$/, answer: { type: names.key }, count: [6, 8] },
        { name: 'key-size', asks: /^Select the key type and size$/, answer: { pick: 'RSA 3072' }, count: [6, 8] },
        {
            name: 'versioning',
            asks: /^How should the registry follow new key versions\?$/,
            answer: { pick: 'Versionless key (automatic rotation)' },
            count: [7, 8],
        },
        { name: 'summary', asks: new RegExp(`^Create registry "${names.registry}" encrypted with a customer-managed key\\?$`), answer: { button: 'Create' } },
    ];
}

/** Azure as the emulator holds it, for "nothing changed" comparisons. */

describe('Journey: Create Registry with Customer-Managed Key', function () {
    this.timeout(10 * 60 * 1000);
    let workbench: Workbench | undefined;
    before(async () => {
        workbench = await openWorkbenchAtSubscription(subscriptionName);
    });
    after(async () => workbench?.close());
    const notifications = screenshotOnFailure(() => workbench);

    it('from the palette: Back at every step keeps the answer, the count stays n/8, and Create ends with a notification and the new row selected', async () => {
        const page = workbench!.page;
        const names = {
            group: `rg-jrn-${suffix}`,
            registry: `djrn${suffix}a`,
            identity: `id-jrn-${suffix}`,
            vault: `kv-jrn-${suffix}`,
            key: `key-jrn-${suffix}`,
        };
        await runCommand(page, command);
        await walkWithBack(page, 'create', allNewSteps(names));

        const done = await waitForNotification(
            page,
            new RegExp(
                `^Created registry "${names.registry}" encrypted with key "${names.key}" of key vault "${names.vault}", through user-assigned identity "${names.identity}"\\.`,
            ),
            notifications.seen,
        );
        assert.equal(done.severity, 'info');
        assert.deepEqual(done.actions, ['Show Encryption', 'Diagnose Key Access']);

        const row = treeRowNamed(page, names.registry);
        await waitUntil('the new registry row, selected', async () => (await row.count()) === 1 && (await row.getAttribute('aria-selected')) === 'true');
        await row.filter({ hasText: 'customer-managed key' }).waitFor({ timeout: 30000 });
        await screenshot(page, 'journey-create-done-row-selected');

        const world = await getEmulatorJson<EmulatorWorld>('state');
        const registry = Object.values(world.registries).find((r) => r.name === names.registry);
        assert.ok(registry, 'the emulator has the registry');
        assert.equal(registry.encryption.status, 'enabled');
        assert.equal((await keyAccessNow(registry.id)).accessible, true);
    });

    it('Escape at every step closes the wizard with no notification and changes nothing in Azure', async () => {
        const page = workbench!.page;
        const names = {
            group: `rg-jrn-${suffix}e`,
            registry: `djrn${suffix}e`,
            identity: `id-jrn-${suffix}e`,
            vault: `kv-jrn-${suffix}e`,
            key: `key-jrn-${suffix}e`,
        };
        const steps = allNewSteps(names);
        await escapeAtEveryStep(page, () => runCommand(page, command), steps);
        await screenshot(page, 'journey-create-escaped');
    });

    it("from the subscription's context menu with existing resources: ends with the notification and the row selected", async () => {
        const page = workbench!.page;
        const world = await getEmulatorJson<{
            subscriptions: Record<string, { subscriptionId: string; displayName: string }>;
            identities: Record<string, { name: string; subscriptionId: string }>;
            vaults: Record<string, { name: string; subscriptionId: string; properties: { enableRbacAuthorization: boolean; networkAcls?: unknown } }>;
        }>('state');
        const subscriptionId = Object.values(world.subscriptions).find((s) => s.displayName === subscriptionName)!.subscriptionId;
        const identity = Object.values(world.identities)
            .filter((i) => i.subscriptionId === subscriptionId)
            .map((i) => i.name)
            .sort()[0]!;
        const vault = Object.values(world.vaults).find(
            (v) => v.subscriptionId === subscriptionId && !v.properties.enableRbacAuthorization && !v.properties.networkAcls,
        )!.name;
        const registryName = `djrn${suffix}m`;
        await runContextMenu(page, treeRow(page, subscriptionName).first(), 'Create Registry with Customer-Managed Key...');
        const steps: JourneyStep[] = [
            { name: 'resource-group', asks: /^Select a resource group for the new registry$/, answer: { pick: 'rg-registries-3a' }, count: [1, 7] },
            { name: 'registry-name', asks: /^Registry name/, answer: { type: registryName }, count: [2, 7] },
            { name: 'identity', asks: /^Select the identity the registry uses to reach its key$/, answer: { pick: identity }, count: [3, 7] },
            { name: 'vault', asks: /^Select the key vault for the encryption key$/, answer: { pick: vault }, count: [4, 7] },
            { name: 'key', asks: /^Select the encryption key$/, answer: { pick: 'cmk-key-1' }, count: [5, 7] },
            {
                name: 'versioning',
                asks: /^How should the registry follow new key versions\?$/,
                answer: { pick: 'Pinned key version (manual rotation)' },
                count: [6, 7],
            },
            { name: 'summary', asks: new RegExp(`^Create registry "${registryName}" encrypted`), answer: { button: 'Create' } },
        ];
        await walkWithBack(page, 'create-context-menu', steps);
        await waitForNotification(
            page,
            new RegExp(
                `^Created registry "${registryName}" encrypted with key "cmk-key-1" of key vault "${vault}", through user-assigned identity "${identity}"\\.`,
            ),
            notifications.seen,
        );
        const row = treeRowNamed(page, registryName);
        await waitUntil('the new registry row, selected', async () => (await row.count()) === 1 && (await row.getAttribute('aria-selected')) === 'true');
        await screenshot(page, 'journey-create-context-menu-done');
    });
});
