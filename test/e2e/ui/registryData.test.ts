// UI level (Playwright on the real workbench): a registry expands into its repositories and their tags, read from
// its login server through @azure/container-registry; Revoke Key Access then proves itself by reading the registry's
// data (ACR answers 403 DENIED), and Restore waits until the data is readable again. What the tree shows is checked
// against what the emulator holds.
import * as assert from 'node:assert/strict';
import { keyAccessNow } from '../emulatorState';
import { getEmulatorJson } from '../emulatorState';
import { cmkRegistries, type EmulatorWorld, type WorldRegistry } from '../worldExpectations';
import { waitForModal, clickModalButton, waitForPrompt, pick, type } from '../journey/quickInput';
import { waitForNotification } from './notifications';
import {
    expandTreeRow,
    openWorkbenchAtSubscription,
    runContextMenu,
    screenshot,
    screenshotOnFailure,
    treeRowNamed,
    waitUntil,
    type Workbench,
} from './workbench';

/** The sample world's images (test/emulator/registryData/seedImages.ts): repository → tags. */
const SEEDED = { 'hello-world': ['latest', 'v1'], 'tools/checksum': ['1.0'] } as const;

describe('UI: registry data (repositories and tags; Revoke and Restore verified by reading the data)', () => {
    let workbench: Workbench | undefined;
    let registry: WorldRegistry;
    const notifications = screenshotOnFailure(() => workbench);

    before(async () => {
        const world = await getEmulatorJson<EmulatorWorld>('state');
        // A CMK registry on an access-policy vault with a user-assigned identity: "remove the identity's access" applies.
        registry = cmkRegistries(world).find((r) => /^https:\/\/kv-ap-/i.test(r.encryption.keyVaultProperties!.keyIdentifier))!;
        assert.ok(registry, 'the sample world has a CMK registry on an access-policy vault');
        assert.equal((await keyAccessNow(registry.id)).accessible, true);
        workbench = await openWorkbenchAtSubscription(world.subscriptions[registry.subscriptionId]!.displayName);
    });
    after(async () => workbench?.close());

    const row = (name: string) => treeRowNamed(workbench!.page, name).first();
    const rowText = async (name: string) => (await row(name).innerText()).replace(/\s+/g, ' ');

    it('a registry expands into Repositories (with their count) → repositories (with tag counts) → tags', async () => {
        const page = workbench!.page;
        await expandTreeRow(row(registry.name));
        await row('Repositories').waitFor({ timeout: 60000 });
        assert.match(await rowText('Repositories'), /^Repositories\s*2 repositories$/);
        await expandTreeRow(row('Repositories'));
        await row('hello-world').waitFor({ timeout: 60000 });
        assert.match(await rowText('hello-world'), /^hello-world\s*2 tags$/);
        assert.match(await rowText('tools/checksum'), /^tools\/checksum\s*1 tag$/);
        await expandTreeRow(row('hello-world'));
        for (const tag of SEEDED['hello-world']) {
            await row(tag).waitFor({ timeout: 60000 });
            assert.match(await rowText(tag), new RegExp(`^${tag}\\s*sha256:[0-9a-f]{12}…$`));
        }
        await screenshot(page, 'registry-data-repositories-and-tags');
    });

    it("Revoke Key Access (modal, typed name) says the data is now unreachable (verified); the tree shows ACR's refusal", async () => {
        const page = workbench!.page;
        await runContextMenu(page, row(registry.name), 'Revoke Key Access...');
        await waitForPrompt(page, new RegExp(`^How should the key access of registry "${registry.name}" be revoked\\?$`));
        await pick(page, "Remove the identity's key vault access");
        await waitForModal(page, new RegExp(`^Revoke key access of registry "${registry.name}"`));
        await clickModalButton(page, 'Continue');
        await waitForPrompt(page, new RegExp(`^Type the registry name "${registry.name}" to confirm`));
        await type(page, registry.name);
        await waitForNotification(
            page,
            new RegExp(`^Key access of registry "${registry.name}" revoked: .* The registry's data is now unreachable \\(verified\\)\\.$`),
            notifications.seen,
        );
        assert.equal((await keyAccessNow(registry.id)).accessible, false);
        // The redraw after Revoke reads the data again: the Repositories row says it is unreachable, with ACR's reason.
        await waitUntil('the Repositories row to say the data is unreachable', async () => /data unreachable/.test(await rowText('Repositories')), 60000);
        await expandTreeRow(row('Repositories'));
        const refusal = page
            .locator('.part.sidebar .monaco-list-row')
            .filter({ hasText: /^The registry's data is unreachable\./ })
            .first();
        await refusal.waitFor({ timeout: 60000 });
        assert.match(await refusal.innerText(), /Azure Container Registry refused the read \(403 DENIED\): Failed to access KeyId '.+'/);
        await screenshot(page, 'registry-data-revoked-unreachable');
    });

    it('Restore Key Access waits until the data is readable again (verified); the repositories come back', async () => {
        const page = workbench!.page;
        await runContextMenu(page, row(registry.name), 'Restore Key Access');
        await waitForNotification(
            page,
            new RegExp(`^Key access of registry "${registry.name}" restored: .* The registry's data is readable again \\(verified\\)\\.$`),
            notifications.seen,
        );
        assert.equal((await keyAccessNow(registry.id)).accessible, true);
        await waitUntil('the Repositories row to count the repositories again', async () => /2 repositories/.test(await rowText('Repositories')), 60000);
        await expandTreeRow(row('Repositories'));
        await row('tools/checksum').waitFor({ timeout: 60000 });
        await screenshot(page, 'registry-data-restored-readable');
    });
});
