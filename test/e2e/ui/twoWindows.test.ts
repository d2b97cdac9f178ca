// UI level (Playwright on two real workbench windows, each with its own extension host): two people — or one person
// in two windows — act on the same registry. Window A plans Use System-Assigned Identity and waits at its
// confirmation; window B rotates the registry to a new pinned key version meanwhile. When A confirms, its plan is
// stale: it stops before changing anything and says what changed and who changed it.
import * as assert from 'node:assert';
import { getEmulatorJson, keyAccessNow } from '../emulatorState';
import { createJourneyRegistry, deleteJourneyRegistries, journeySubscription, type JourneyRegistry } from '../journey/journeyWorld';
import { registryNow } from '../worldExpectations';
import { waitForNotification } from './notifications';
import {
    modalDialog,
    openWorkbenchAtSubscription,
    pickQuickPickItem,
    runContextMenu,
    screenshot,
    screenshotOnFailure,
    treeRowNamed,
    waitUntil,
    withNotificationsOnFailure,
    type Workbench,
} from './workbench';

interface StateRegistry {
    identity?: { type: string };
    encryption: { keyVaultProperties?: { keyIdentifier: string; identity: string } };
}

describe('UI: two windows, one registry — the second confirmation finds its plan stale', () => {
    let windowA: Workbench | undefined;
    let windowB: Workbench | undefined;
    let registry: JourneyRegistry;
    const notifications = screenshotOnFailure(() => windowA);

    before(async () => {
        registry = await createJourneyRegistry(`djtwo${Date.now().toString(36).slice(-5)}`);
    });
    after(async () => {
        await windowB?.close();
        await windowA?.close();
        await deleteJourneyRegistries([registry]);
    });

    it("window A waits at its confirmation while window B rotates the registry; A's Change Encryption then stops with nothing changed, naming the change and who made it", async () => {
        windowA = await openWorkbenchAtSubscription(journeySubscription);
        const a = windowA.page;
        await runContextMenu(a, treeRowNamed(a, registry.name), 'Use System-Assigned Identity');
        await withNotificationsOnFailure(a, () => pickQuickPickItem(a, 'Keep the access of'));
        const confirmA = modalDialog(a, `Change the encryption of registry "${registry.name}"?`);
        await withNotificationsOnFailure(a, () => confirmA.waitFor({ timeout: 30000 }));

        windowB = await openWorkbenchAtSubscription(journeySubscription);
        const b = windowB.page;
        await runContextMenu(b, treeRowNamed(b, registry.name), 'Rotate Key');
        await withNotificationsOnFailure(b, () => pickQuickPickItem(b, `New version of key "${registry.key}"`));
        await pickQuickPickItem(b, 'Pinned version — manual rotation');
        await pickQuickPickItem(b, 'Keep the current identity');
        const confirmB = modalDialog(b, `Change the encryption of registry "${registry.name}"?`);
        await withNotificationsOnFailure(b, () => confirmB.waitFor({ timeout: 30000 }));
        await confirmB.getByRole('button', { name: 'Change Encryption' }).click();
        const pinned = await withNotificationsOnFailure(b, () =>
            waitUntil(
                "window B's rotation to pin a new version",
                async () => {
                    const keyId = (await registryNow(registry.id))?.encryption.keyVaultProperties?.keyIdentifier ?? '';
                    return /\/keys\/[^/]+\/[0-9a-f]{32}$/.test(keyId) ? keyId : undefined;
                },
                60000,
            ),
        );
        await windowB.close();
        windowB = undefined;
        const before = (await getEmulatorJson<{ registries: Record<string, StateRegistry> }>('state')).registries[registry.id.toLowerCase()]!;

        await screenshot(a, 'two-windows-a-confirms-stale-plan');
        await confirmA.getByRole('button', { name: 'Change Encryption' }).click();
        const stale = new RegExp(
            `Registry "${registry.name}" changed since you confirmed the plan: it used .*/keys/${registry.key} \\(${registry.identity}\\), now it uses .*/keys/${registry.key}/[0-9a-f]{32} \\(${registry.identity}\\) \\(changed by .+ at .+\\)\\. Nothing more was changed`,
        );
        notifications.expected.push(stale);
        const shown = await waitForNotification(a, stale, notifications.seen);
        assert.strictEqual(shown.severity, 'error');
        const after = (await getEmulatorJson<{ registries: Record<string, StateRegistry> }>('state')).registries[registry.id.toLowerCase()]!;
        assert.deepStrictEqual(after, before, 'window A changed nothing: no system identity, no switch');
        assert.strictEqual(after.encryption.keyVaultProperties?.keyIdentifier, pinned);
        assert.ok(!/SystemAssigned/.test(after.identity?.type ?? ''), 'the system identity was not turned on');
        assert.strictEqual((await keyAccessNow(registry.id)).accessible, true);
        await screenshot(a, 'two-windows-a-stale-message');
    });
});
