// UI level (Playwright on the real workbench): the Keys view lists, across every subscription, key vault → key → the
// registries that use it — read through Resource Graph — with each key's state from Key Vault, and a registry row opens
// its encryption. What it shows is checked against the emulator's own state.
import * as assert from 'node:assert/strict';
import { getEmulatorJson } from '../emulatorState';
import { cmkRegistries, type EmulatorWorld } from '../worldExpectations';
import { createJourneyRegistry, keyExpiresOutsideTheExtension, newKeyVersionOutsideTheExtension } from '../journey/journeyWorld';
import { keyAccessNow } from '../emulatorState';
import { registryNow } from '../worldExpectations';
import { clickNotificationAction, waitForNotification } from './notifications';
import {
    activityBarEntry,
    answerInputBox,
    expandTreeRow,
    modalDialog,
    openWorkbench,
    pickQuickPickItem,
    runCommand,
    runContextMenu,
    screenshot,
    screenshotOnFailure,
    viewContainerTitle,
    waitUntil,
    widenSideBar,
    withNotificationsOnFailure,
    type Workbench,
} from './workbench';

/** vault name → key name → registry names, from the registries' key identifiers. */
function expectedUsage(world: EmulatorWorld): Map<string, Map<string, string[]>> {
    const usage = new Map<string, Map<string, string[]>>();
    for (const registry of cmkRegistries(world)) {
        const match = /^https:\/\/([^.]+)\.[^/]+\/keys\/([^/]+)/i.exec(registry.encryption.keyVaultProperties!.keyIdentifier);
        if (!match) continue;
        const keys = usage.get(match[1]!) ?? new Map<string, string[]>();
        usage.set(match[1]!, keys);
        keys.set(match[2]!.toLowerCase(), [...(keys.get(match[2]!.toLowerCase()) ?? []), registry.name].sort());
    }
    return usage;
}

describe('UI: the Keys view (key vault → key → registries, across subscriptions)', () => {
    let workbench: Workbench;
    before(async () => {
        workbench = await openWorkbench();
    });
    after(async () => workbench?.close());
    const notifications = screenshotOnFailure(() => workbench);

    it('lists every key in use with the registries of every subscription that use it, and its state from Key Vault', async () => {
        const { page } = workbench;
        const world = await getEmulatorJson<EmulatorWorld>('state');
        const usage = expectedUsage(world);
        assert.ok(usage.size > 0, 'the sample world has CMK registries');
        await activityBarEntry(page, viewContainerTitle()).click();
        await widenSideBar(page, 700);
        const keysPane = page.locator('.pane').filter({ has: page.locator('.pane-header', { hasText: /^Keys/ }) });
        await keysPane.locator('.pane-header').waitFor({ timeout: 60000 });
        if ((await keysPane.locator('.pane-header').getAttribute('aria-expanded')) === 'false') await keysPane.locator('.pane-header').click();
        // The registries pane folded away, as a person does to give the Keys view the side bar's height.
        const registriesHeader = page.locator('.pane-header', { hasText: /^Registries/ });
        if ((await registriesHeader.getAttribute('aria-expanded')) === 'true') await registriesHeader.click();
        const rows = keysPane.locator('.monaco-list-row');
        // The view sorts vaults and keys by name: the first vault's rows are the ones on screen (the list renders what shows).
        const [vaultName, keys] = [...usage.entries()].sort((a, b) => a[0].localeCompare(b[0]))[0]!;
        const vaultRow = rows.filter({ hasText: vaultName }).first();
        await vaultRow.waitFor({ timeout: 90000 });
        const registryCount = [...keys.values()].flat().length;
        assert.match(await vaultRow.innerText(), new RegExp(`${keys.size} keys? in use · ${registryCount} registr(y|ies)`));
        assert.match(await keysPane.locator('.pane-header').innerText(), /Resource Graph/, 'the view says it read the fleet through Resource Graph');
        for (const [keyName, registries] of keys) {
            const keyRow = rows.filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${keyName}$`, 'i') }) }).first();
            await keyRow.waitFor({ timeout: 60000 });
            await waitUntil(`the state of key ${keyName}`, async () => /enabled|disabled|deleted|not found|not readable/.test(await keyRow.innerText()), 30000);
            assert.match(await keyRow.innerText(), new RegExp(`${registries.length} registr(y|ies)`));
            for (const name of registries) await rows.filter({ hasText: name }).first().waitFor({ timeout: 30000 });
        }
        await screenshot(page, 'keys-view');
    });

    it("Show Registries Using This Key from a registry's context menu opens the Keys view on its key, every registry using it listed", async () => {
        const { page } = workbench;
        const world = await getEmulatorJson<EmulatorWorld>('state');
        const usage = expectedUsage(world);
        // A registry whose key other registries share, when the world has one: the blast radius is the point.
        const registry = cmkRegistries(world).sort((a, b) => keyUsers(usage, b).length - keyUsers(usage, a).length)[0]!;
        const users = keyUsers(usage, registry);
        const registriesHeader = page.locator('.pane-header', { hasText: /^Registries/ });
        if ((await registriesHeader.getAttribute('aria-expanded')) === 'false') await registriesHeader.click();
        const keysHeader = page.locator('.pane-header', { hasText: /^Keys/ });
        if ((await keysHeader.getAttribute('aria-expanded')) === 'true') await keysHeader.click();
        const registriesPane = page.locator('.pane').filter({ has: registriesHeader });
        const subscription = world.subscriptions[registry.subscriptionId.toLowerCase()]!;
        await expandTreeRow(registriesPane.locator('.monaco-list-row').filter({ hasText: subscription.displayName }).first());
        const row = registriesPane
            .locator('.monaco-list-row')
            .filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${registry.name}$`) }) })
            .first();
        await runContextMenu(page, row, 'Show Registries Using This Key');
        const keysPane = page.locator('.pane').filter({ has: keysHeader });
        await waitUntil('the Keys view open', async () => (await keysHeader.getAttribute('aria-expanded')) === 'true', 30000);
        const keyName = /\/keys\/([^/]+)/.exec(registry.encryption.keyVaultProperties!.keyIdentifier)![1]!;
        const selected = keysPane.locator('.monaco-list-row[aria-selected="true"]');
        await waitUntil(
            `the key ${keyName} selected`,
            async () =>
                new RegExp(`^${keyName}`, 'i').test(
                    (
                        await selected
                            .first()
                            .innerText()
                            .catch(() => '')
                    ).trim(),
                ),
            60000,
        );
        for (const name of users) await keysPane.locator('.monaco-list-row').filter({ hasText: name }).first().waitFor({ timeout: 30000 });
        await screenshot(page, 'keys-view-show-usage');
    });

    it("a versionless registry not yet on its key's new version says so (ACR picks a new version up within an hour)", async () => {
        const { page } = workbench;
        const registry = await createJourneyRegistry(`djkvn${Date.now().toString(36).slice(-5)}`);
        const version = await newKeyVersionOutsideTheExtension(registry);
        await runCommand(page, 'Azure Container Registry Keys: Refresh');
        const registriesHeader = page.locator('.pane-header', { hasText: /^Registries/ });
        if ((await registriesHeader.getAttribute('aria-expanded')) === 'true') await registriesHeader.click();
        const keysHeader = page.locator('.pane-header', { hasText: /^Keys/ });
        if ((await keysHeader.getAttribute('aria-expanded')) === 'false') await keysHeader.click();
        const keysPane = page.locator('.pane').filter({ has: keysHeader });
        const row = keysPane
            .locator('.monaco-list-row')
            .filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${registry.name}$`) }) })
            .first();
        await row.waitFor({ timeout: 60000 });
        await waitUntil(
            'the registry row saying it is not on the new version yet',
            async () =>
                new RegExp(`versionless, still on version [0-9a-f]{8}…: new version ${version.slice(0, 8)}… is picked up within an hour`).test(
                    await row.innerText(),
                ),
            30000,
        );
        await screenshot(page, 'keys-view-version-not-picked-up');
    });

    it('Rotate All Registries Using This Key: one confirmation names every registry, the notification what happened to each', async () => {
        const { page } = workbench;
        const suffix = Date.now().toString(36).slice(-5);
        const pinned = await createJourneyRegistry(`djrap${suffix}`, { versionless: false });
        const follower = await createJourneyRegistry(`djraf${suffix}`, { shareWith: pinned, versionless: true });
        await runCommand(page, 'Azure Container Registry Keys: Refresh');
        const keysHeader = page.locator('.pane-header', { hasText: /^Keys/ });
        if ((await keysHeader.getAttribute('aria-expanded')) === 'false') await keysHeader.click();
        const keysPane = page.locator('.pane').filter({ has: keysHeader });
        const keyRow = keysPane
            .locator('.monaco-list-row')
            .filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${pinned.key}$`) }) })
            .first();
        await keyRow.waitFor({ timeout: 60000 });
        await waitUntil('the key row to count both registries', async () => /2 registries/.test(await keyRow.innerText()), 30000);
        await runContextMenu(page, keyRow, 'Rotate All Registries Using This Key…');
        await withNotificationsOnFailure(page, () => pickQuickPickItem(page, `New version of key "${pinned.key}"`));
        await pickQuickPickItem(page, 'Versionless — automatic rotation');
        const confirm = modalDialog(page, `Rotate the 2 registries using key "${pinned.key}" to a new version of key "${pinned.key}" (versionless)?`);
        await withNotificationsOnFailure(page, () => confirm.waitFor({ timeout: 60000 }));
        const text = await confirm.innerText();
        assert.ok(text.includes(`"${pinned.name}": switches to a new version of key "${pinned.key}" (versionless)`), text);
        assert.ok(text.includes(`"${follower.name}": versionless, picks up the new version by itself within an hour`), text);
        assert.ok(text.includes('A registry whose change fails stays on its previous key'), text);
        await screenshot(page, 'keys-view-rotate-all-confirm');
        await confirm.getByRole('button', { name: 'Rotate All' }).click();
        const done = await waitForNotification(
            page,
            new RegExp(
                `Rotate All for key "${pinned.key}": 1 rotated, 1 pick up the new version within an hour, 0 unchanged, 0 left as they were, 0 failed\\.`,
            ),
            notifications.seen,
        );
        assert.equal(done.severity, 'info');
        const now = await registryNow(pinned.id);
        assert.match(now?.encryption.keyVaultProperties?.keyIdentifier ?? '', new RegExp(`/keys/${pinned.key}$`), 'the pinned registry is versionless now');
        assert.equal((await keyAccessNow(pinned.id)).accessible, true);
        assert.equal((await keyAccessNow(follower.id)).accessible, true);
        const pinnedRow = keysPane
            .locator('.monaco-list-row')
            .filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${pinned.name}$`) }) })
            .first();
        await waitUntil('the Keys view to show the registry versionless', async () => /versionless/.test(await pinnedRow.innerText().catch(() => '')), 30000);
        await screenshot(page, 'keys-view-rotate-all-after');
        await clickNotificationAction(page, /Rotate All for key/, 'Show Details');
        // The editor renders spaces as no-break spaces and wraps long lines: compare its text with whitespace folded.
        const editorText = async () =>
            (
                await page
                    .locator('.editor-instance .view-lines')
                    .innerText()
                    .catch(() => '')
            ).replace(/\s+/g, ' ');
        await waitUntil('the details document', async () => (await editorText()).includes(`"${pinned.name}": rotated`), 30000);
        assert.ok((await editorText()).includes(`"${follower.name}": picks up the new version within an hour`), await editorText());
        await screenshot(page, 'keys-view-rotate-all-details');
    });

    it('Enable Automatic Rotation for All Registries Using This Key: the policy asked once, one confirmation, both pinned registries versionless', async () => {
        const { page } = workbench;
        const suffix = Date.now().toString(36).slice(-5);
        const first = await createJourneyRegistry(`djaup${suffix}`, { versionless: false });
        const second = await createJourneyRegistry(`djauq${suffix}`, { shareWith: first, versionless: false });
        await runCommand(page, 'Azure Container Registry Keys: Refresh');
        const keysHeader = page.locator('.pane-header', { hasText: /^Keys/ });
        if ((await keysHeader.getAttribute('aria-expanded')) === 'false') await keysHeader.click();
        const keysPane = page.locator('.pane').filter({ has: keysHeader });
        const keyRow = keysPane
            .locator('.monaco-list-row')
            .filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${first.key}$`) }) })
            .first();
        await keyRow.waitFor({ timeout: 60000 });
        await waitUntil('the key row to count both registries', async () => /2 registries/.test(await keyRow.innerText()), 30000);
        await runContextMenu(page, keyRow, 'Enable Automatic Rotation for All Registries Using This Key…');
        await withNotificationsOnFailure(page, () => pickQuickPickItem(page, 'Also set a Key Vault rotation policy'));
        await answerInputBox(page, /Rotate the key every how many days\?/, '60');
        await answerInputBox(page, /Notify how many days before a key version expires\?/, '20');
        const confirm = modalDialog(page, `Enable automatic rotation for the 2 registries using key "${first.key}"?`);
        await withNotificationsOnFailure(page, () => confirm.waitFor({ timeout: 60000 }));
        const text = (await confirm.innerText()).replace(/\s+/g, ' ');
        assert.ok(text.includes(`Key "${first.key}" gets a rotation policy: a new version every 60 days, each expiring after 120 days`), text);
        assert.match(
            text,
            new RegExp(`your access policy on key vault "${first.vault}" first gets the key permissions [a-z, ]*setrotationpolicy`),
            'the user may not write rotation policies yet',
        );
        for (const name of [first.name, second.name]) assert.ok(text.includes(`"${name}": switches to key "${first.key}"`), text);
        await screenshot(page, 'keys-view-auto-rotate-all-confirm');
        await confirm.getByRole('button', { name: 'Enable for All' }).click();
        const done = await waitForNotification(
            page,
            new RegExp(
                `^Automatic rotation for key "${first.key}": rotation policy set \\(every 60 days\\); 2 switched to the versionless key, 0 already versionless, 0 left as they were, 0 failed\\.`,
            ),
            notifications.seen,
        );
        assert.equal(done.severity, 'info');
        for (const registry of [first, second]) {
            const now = await registryNow(registry.id);
            assert.match(now?.encryption.keyVaultProperties?.keyIdentifier ?? '', new RegExp(`/keys/${first.key}$`), `${registry.name} is versionless now`);
            assert.equal((await keyAccessNow(registry.id)).accessible, true);
        }
        const refreshedKeyRow = keysPane
            .locator('.monaco-list-row')
            .filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${first.key}$`) }) })
            .first();
        await waitUntil(
            'the key row to show its rotation policy',
            async () => /rotation policy: P60D/.test(await refreshedKeyRow.innerText().catch(() => '')),
            30000,
        );
        await screenshot(page, 'keys-view-auto-rotate-all-after');
    });

    it('Export Fleet Key Report from the Keys view: the Markdown report with its expiry timeline in the preview, then CSV', async () => {
        const { page } = workbench;
        const world = await getEmulatorJson<EmulatorWorld>('state');
        const names = cmkRegistries(world).map((registry) => registry.name);
        // A key that expires in ten days, set in Key Vault by someone else: the report's warning and its orange bar.
        const expiring = await createJourneyRegistry(`djexp${Date.now().toString(36).slice(-5)}`, { versionless: true });
        names.push(expiring.name);
        await keyExpiresOutsideTheExtension(expiring, new Date(Date.now() + 10 * 86_400_000 + 3_600_000));
        await runCommand(page, 'Azure Container Registry Keys: Refresh');
        const keysHeader = page.locator('.pane-header', { hasText: /^Keys/ });
        if ((await keysHeader.getAttribute('aria-expanded')) === 'false') await keysHeader.click();
        const keysPane = page.locator('.pane').filter({ has: keysHeader });
        const keyRow = keysPane
            .locator('.monaco-list-row')
            .filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${expiring.key}$`) }) })
            .first();
        await keyRow.waitFor({ timeout: 60000 });
        await waitUntil('the key row to warn of the expiry', async () => /expires .* \(in 10 days\)/.test(await keyRow.innerText()), 30000);
        await keysHeader.hover();
        await keysHeader.locator('.action-label[aria-label="Export Fleet Key Report…"]').click();
        await pickQuickPickItem(page, 'Markdown report');
        // The preview is a webview: an iframe holding the active frame with the rendered Markdown.
        const preview = page.frameLocator('iframe.webview').frameLocator('#active-frame');
        await preview.getByRole('heading', { name: 'Fleet key report' }).waitFor({ timeout: 60000 });
        const timeline = preview.locator('img[alt="Timeline of the keys in use and their expiry"]');
        await waitUntil(
            'the timeline picture to be drawn',
            async () =>
                (await timeline
                    .evaluate((element) => {
                        const img = element as unknown as { complete: boolean; naturalWidth: number };
                        return img.complete ? img.naturalWidth : 0;
                    })
                    .catch(() => 0)) > 0,
            30000,
        );
        const body = await preview.locator('body').innerText();
        assert.match(body, new RegExp(`: ${names.length} registries with a customer-managed key, `), 'every CMK registry of the world is in the report');
        for (const name of names) assert.ok(body.includes(name), `${name} in the report`);
        assert.match(body, /Warnings \(\d+\)/);
        assert.ok(body.includes(`${expiring.vault}/${expiring.key}: The key expires in 10 days`), body);
        await timeline.scrollIntoViewIfNeeded();
        await screenshot(page, 'fleet-report-markdown');

        // Again from the view's title bar (the preview keeps the focus, which a palette opened now would lose to it).
        await keysHeader.hover();
        await keysHeader.locator('.action-label[aria-label="Export Fleet Key Report…"]').click();
        await pickQuickPickItem(page, 'CSV');
        const done = await waitForNotification(page, /^Fleet key report \(CSV\): \d+ registries on \d+ keys, \d+ warnings\.$/, notifications.seen);
        assert.equal(done.severity, 'info');
        assert.equal(Number(/(\d+) registries/.exec(done.message)![1]), names.length, done.message);
        const editorText = async () =>
            (
                await page
                    .locator('.editor-instance .view-lines')
                    .innerText()
                    .catch(() => '')
            ).replace(/\s+/g, ' ');
        await waitUntil('the CSV document', async () => (await editorText()).includes('registry,subscriptionId,subscription,resourceGroup'), 30000);
        const csv = await editorText();
        assert.ok(
            names.some((name) => csv.includes(` ${name},`) || csv.startsWith(`${name},`)),
            csv,
        );
        await screenshot(page, 'fleet-report-csv');
    });
});

/** The registries that use the same key as `registry` (itself included). */
function keyUsers(usage: Map<string, Map<string, string[]>>, registry: ReturnType<typeof cmkRegistries>[number]): string[] {
    const match = /^https:\/\/([^.]+)\.[^/]+\/keys\/([^/]+)/i.exec(registry.encryption.keyVaultProperties!.keyIdentifier)!;
    return usage.get(match[1]!)?.get(match[2]!.toLowerCase()) ?? [];
}
