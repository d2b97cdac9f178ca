// UI level (Playwright on the real workbench), issue 18's blast radius from a key vault and from an identity, and the
// fleet warning marks of the Registries view: each command driven as a person does (right-click → menu item, or the
// palette), what appears checked against the emulator's own state, with screenshots.
import * as assert from 'node:assert/strict';
import type { Locator, Page } from 'playwright-core';
import { getEmulatorJson } from '../emulatorState';
import {
    createJourneyRegistry,
    deleteJourneyRegistries,
    journeySubscription,
    keyExpiresOutsideTheExtension,
    type JourneyRegistry,
} from '../journey/journeyWorld';
import { cmkRegistries, type EmulatorWorld, type WorldRegistry } from '../worldExpectations';
import {
    activityBarEntry,
    expandTreeRow,
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

const exactly = (text: string) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
const vaultOf = (registry: WorldRegistry) => /^https:\/\/([^.]+)\./i.exec(registry.encryption.keyVaultProperties!.keyIdentifier)![1]!.toLowerCase();
const keyOf = (registry: WorldRegistry) => /\/keys\/([^/]+)/i.exec(registry.encryption.keyVaultProperties!.keyIdentifier)![1]!.toLowerCase();

/** Opens one pane of the extension's container and folds the other, as a person gives a view the side bar's height. */
async function showPane(page: Page, name: 'Registries' | 'Keys'): Promise<Locator> {
    const other = name === 'Keys' ? 'Registries' : 'Keys';
    const header = page.locator('.pane-header', { hasText: new RegExp(`^${name}`) });
    const otherHeader = page.locator('.pane-header', { hasText: new RegExp(`^${other}`) });
    await header.waitFor({ timeout: 60000 });
    if ((await header.getAttribute('aria-expanded')) === 'false') await header.click();
    if ((await otherHeader.getAttribute('aria-expanded')) === 'true') await otherHeader.click();
    return page.locator('.pane').filter({ has: header });
}

const rowNamed = (page: Page, pane: Locator, name: string) =>
    pane
        .locator('.monaco-list-row')
        .filter({ has: page.locator('.label-name', { hasText: exactly(name) }) })
        .first();

/** The registry's row in the Registries view, its subscription expanded. */
async function registryRow(page: Page, registry: JourneyRegistry): Promise<{ pane: Locator; row: Locator }> {
    const pane = await showPane(page, 'Registries');
    await expandTreeRow(pane.locator('.monaco-list-row').filter({ hasText: journeySubscription }).first());
    const row = rowNamed(page, pane, registry.name);
    await row.waitFor({ timeout: 60000 });
    return { pane, row };
}

/** The row of the registry's encryption detail `label` (Key vault, Identity …), the registry expanded. */
async function detailRow(page: Page, registry: JourneyRegistry, label: string, value: string): Promise<Locator> {
    const { pane, row } = await registryRow(page, registry);
    await expandTreeRow(row);
    const detail = pane
        .locator('.monaco-list-row')
        .filter({ has: page.locator('.label-name', { hasText: exactly(label) }) })
        .filter({ hasText: value })
        .first();
    await detail.waitFor({ timeout: 60000 });
    return detail;
}

/** The open Quick Pick whose placeholder (what it asks, and here what it found) contains `text`. */
const pickAsking = (page: Page, text: string) =>
    page.locator('.quick-input-widget').filter({ has: page.locator(`.quick-input-box input[placeholder*='${text.replace(/'/g, "\\'")}']`) });

const selectedIn = (pane: Locator) => pane.locator('.monaco-list-row[aria-selected="true"]').first();

describe('UI: blast radius from a key vault and an identity; fleet warning marks in the Registries view', () => {
    let workbench: Workbench;
    let first: JourneyRegistry;
    let second: JourneyRegistry;
    let loner: JourneyRegistry;
    before(async () => {
        const suffix = Date.now().toString(36).slice(-5);
        // Two registries sharing one identity, vault and key (a platform team's usual set-up), and one with its own.
        first = await createJourneyRegistry(`djbra${suffix}`);
        second = await createJourneyRegistry(`djbrb${suffix}`, { shareWith: first, versionless: false });
        loner = await createJourneyRegistry(`djbrc${suffix}`);
        workbench = await openWorkbench();
        await activityBarEntry(workbench.page, viewContainerTitle()).click();
        await widenSideBar(workbench.page, 700);
        await runCommand(workbench.page, 'Azure Container Registry Keys: Refresh');
    });
    after(async () => {
        await workbench?.close();
        await deleteJourneyRegistries([first, second, loner]);
        const left = Object.values((await getEmulatorJson<EmulatorWorld>('state')).registries).filter((registry) =>
            [first, second, loner].some((made) => made?.id.toLowerCase() === registry.id.toLowerCase()),
        );
        assert.deepEqual(
            left.map((registry) => registry.name),
            [],
            "the suite's registries are deleted",
        );
    });
    screenshotOnFailure(() => workbench);

    it("Show Registries Using This Identity (a registry's Identity row): every registry whose encryption uses it, with its key; the one picked is shown in the Keys view", async () => {
        const { page } = workbench;
        const world = await getEmulatorJson<EmulatorWorld>('state');
        const clientId =
            world.registries[
                Object.keys(world.registries).find((id) => id.toLowerCase() === first.id.toLowerCase())!
            ]!.encryption.keyVaultProperties!.identity.toLowerCase();
        const expected = cmkRegistries(world)
            .filter((registry) => registry.encryption.keyVaultProperties!.identity.toLowerCase() === clientId)
            .map((registry) => registry.name)
            .sort();
        assert.deepEqual(expected, [first.name, second.name].sort(), 'the emulator holds the two registries on the shared identity');
        const identity = await detailRow(page, first, 'Identity', first.identity);
        await runContextMenu(page, identity, 'Show Registries Using This Identity');
        const pick = pickAsking(page, `Identity "${first.identity}" — registries: 2, keys: 1. Select one to show it under its key in the Keys view.`);
        await withNotificationsOnFailure(page, () => pick.waitFor({ timeout: 60000 }));
        const items = pick.locator('.monaco-list-row');
        await waitUntil('both registries listed', async () => (await items.count()) === expected.length);
        const texts = (await items.allInnerTexts()).map((text) => text.replace(/\s+/g, ' '));
        for (const name of expected) {
            const item = texts.find((text) => text.startsWith(name));
            assert.ok(item, `${name} listed: ${JSON.stringify(texts)}`);
            assert.ok(item.includes(`key "${first.key}" · key vault "${first.vault}"`), `${name} with the key it reaches: ${item}`);
            assert.ok(item.includes(`subscription "${journeySubscription}"`), item);
        }
        assert.ok(!texts.some((text) => text.startsWith(loner.name)), 'a registry with its own identity is not listed');
        await screenshot(page, 'identity-usage-pick');
        await pickQuickPickItem(page, second.name);
        const keysPane = page.locator('.pane').filter({ has: page.locator('.pane-header', { hasText: /^Keys/ }) });
        await waitUntil(
            `${second.name} selected in the Keys view`,
            async () =>
                (
                    await selectedIn(keysPane)
                        .innerText()
                        .catch(() => '')
                )
                    .trim()
                    .startsWith(second.name),
            60000,
        );
        assert.match(await selectedIn(keysPane).innerText(), new RegExp(`identity "${first.identity}"`));
        await showPane(page, 'Keys');
        await selectedIn(keysPane).scrollIntoViewIfNeeded();
        await screenshot(page, 'identity-usage-keys-view');
    });

    it('Show Registries Using This Identity from the palette, on a registry with an identity of its own: that registry alone', async () => {
        const { page } = workbench;
        await runCommand(page, 'Azure Container Registry Keys: Show Registries Using This Identity');
        // The palette asks for the registry (its subscription first when there are several).
        const subscriptionPick = pickAsking(page, 'Select a subscription');
        const registryPick = pickAsking(page, 'Select a container registry');
        await waitUntil('the subscription or registry pick', async () => (await subscriptionPick.isVisible()) || (await registryPick.isVisible()));
        if (await subscriptionPick.isVisible()) await pickQuickPickItem(page, journeySubscription);
        await pickQuickPickItem(page, loner.name);
        const pick = pickAsking(page, `Identity "${loner.identity}" — registries: 1, keys: 1.`);
        await withNotificationsOnFailure(page, () => pick.waitFor({ timeout: 60000 }));
        const rows = (await pick.locator('.monaco-list-row').allInnerTexts()).map((text) => text.replace(/\s+/g, ' ').trim());
        assert.equal(rows.length, 1, JSON.stringify(rows));
        assert.ok(rows[0]!.startsWith(loner.name) && rows[0]!.includes(`key "${loner.key}" · key vault "${loner.vault}"`), rows[0]);
        await screenshot(page, 'identity-usage-palette');
        await page.keyboard.press('Escape');
    });

    it('Show Registries Using This Key Vault (a Keys view vault row): the vault selected, every key of it expanded with every registry that uses it', async () => {
        const { page } = workbench;
        const world = await getEmulatorJson<EmulatorWorld>('state');
        // The sample world's vault holding the most keys in use: the blast radius of a vault is all its keys at once.
        const byVault = new Map<string, WorldRegistry[]>();
        for (const registry of cmkRegistries(world)) byVault.set(vaultOf(registry), [...(byVault.get(vaultOf(registry)) ?? []), registry]);
        const [vault, users] = [...byVault.entries()].sort(
            (a, b) => new Set(b[1].map(keyOf)).size - new Set(a[1].map(keyOf)).size || a[0].localeCompare(b[0]),
        )[0]!;
        const keys = [...new Set(users.map(keyOf))];
        const keysPane = await showPane(page, 'Keys');
        await rowNamed(page, keysPane, vault).or(keysPane.locator('.monaco-list-row').first()).first().waitFor({ timeout: 90000 });
        // Every vault folded first (the view's Collapse All), as a person who had closed them: one row per vault, and the
        // command opens this one again.
        const keysHeader = page.locator('.pane-header', { hasText: /^Keys/ });
        await keysHeader.hover();
        await keysHeader.locator('.action-label[aria-label="Collapse All"]').click();
        const vaultRow = rowNamed(page, keysPane, vault);
        await vaultRow.waitFor({ timeout: 30000 });
        await waitUntil('the vault row folded', async () => (await vaultRow.getAttribute('aria-expanded')) === 'false', 10000);
        await runContextMenu(page, vaultRow, 'Show Registries Using This Key Vault');
        await waitUntil(
            `vault ${vault} selected and expanded`,
            async () =>
                (
                    await selectedIn(keysPane)
                        .innerText()
                        .catch(() => '')
                )
                    .trim()
                    .startsWith(vault) && (await vaultRow.getAttribute('aria-expanded')) === 'true',
            60000,
        );
        for (const key of keys) {
            const keyRow = keysPane
                .locator('.monaco-list-row')
                .filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${key}$`, 'i') }) })
                .first();
            await keyRow.waitFor({ timeout: 30000 });
            assert.equal(await keyRow.getAttribute('aria-expanded'), 'true', `key ${key} expanded`);
        }
        for (const registry of users) await rowNamed(page, keysPane, registry.name).waitFor({ timeout: 30000 });
        await screenshot(page, 'vault-usage-keys-view');
    });

    it("Show Registries Using This Key Vault from a registry's Key vault row opens the Keys view on that vault", async () => {
        const { page } = workbench;
        const vaultDetail = await detailRow(page, first, 'Key vault', first.vault);
        await runContextMenu(page, vaultDetail, 'Show Registries Using This Key Vault');
        const keysPane = page.locator('.pane').filter({ has: page.locator('.pane-header', { hasText: /^Keys/ }) });
        await waitUntil(
            `vault ${first.vault} selected in the Keys view`,
            async () =>
                (
                    await selectedIn(keysPane)
                        .innerText()
                        .catch(() => '')
                )
                    .trim()
                    .startsWith(first.vault),
            60000,
        );
        assert.match(await selectedIn(keysPane).innerText(), /1 key in use · 2 registries/);
        for (const registry of [first, second]) await rowNamed(page, keysPane, registry.name).waitFor({ timeout: 30000 });
        await screenshot(page, 'vault-usage-from-registry');
    });

    it("a key expiring in ten days marks every registry that uses it in the Registries view (icon, description, tooltip in the Keys view's words); the others stay unmarked", async () => {
        const { page } = workbench;
        const { row: before } = await registryRow(page, first);
        await waitUntil('the registry row drawn', async () => /customer-managed key/.test(await before.innerText()), 30000);
        assert.doesNotMatch(await before.innerText(), /fleet warning/, 'no warning before the key gets an expiry');
        const expiresOn = new Date(Date.now() + 10 * 86_400_000 + 3_600_000);
        await keyExpiresOutsideTheExtension(first, expiresOn);
        await runCommand(page, 'Azure Container Registry Keys: Refresh');
        const line = `The key expires in 10 days (${expiresOn.toISOString().slice(0, 10)}).`;
        for (const registry of [first, second]) {
            const { row } = await registryRow(page, registry);
            await waitUntil(`${registry.name} marked`, async () => /⚠ 1 fleet warning/.test(await row.innerText().catch(() => '')), 60000);
            assert.equal(await row.locator('.codicon-warning').count(), 1, `${registry.name}: the warning icon`);
        }
        const { row: lonerRow } = await registryRow(page, loner);
        assert.doesNotMatch(await lonerRow.innerText(), /fleet warning/, 'a registry on another key is not marked');
        const { row } = await registryRow(page, second);
        await row.locator('.label-name').hover();
        const hover = page.locator('.monaco-hover, .workbench-hover').filter({ hasText: line }).first();
        await hover.waitFor({ timeout: 30000 });
        await screenshot(page, 'registries-fleet-warning-mark');
    });
});
