// UI level (Playwright on the real workbench): Rotate All Registries Using This Key cut off by the death of the
// extension host while Azure switches one registry of three. The next window offers the whole run once — not one
// notification per registry — and Resume All finishes every registry it had not finished, making the shared new key
// version only once. What the emulator holds is compared.
import * as assert from 'node:assert';
import { getEmulatorJson, keyAccessNow } from '../emulatorState';
import { createJourneyRegistry, deleteJourneyRegistries, type JourneyRegistry } from '../journey/journeyWorld';
import { registryNow, type EmulatorWorld } from '../worldExpectations';
import { cheapestRestart, holdRequest, journalsOf, killAtStarted, startedAt, startAgain } from './interruptions';
import { clickNotificationAction, waitForNotification } from './notifications';
import {
    activityBarEntry,
    modalDialog,
    openWorkbench,
    pickQuickPickItem,
    runContextMenu,
    screenshot,
    screenshotOnFailure,
    treeRowNamed,
    waitUntil,
    viewContainerTitle,
    widenSideBar,
    withNotificationsOnFailure,
    type Workbench,
} from './workbench';

interface StateVault {
    name: string;
    keys: Record<string, { versions: { version: string }[] }>;
}

/** How many versions key `key` of vault `vault` has in the emulator. */
async function versionCount(vault: string, key: string): Promise<number> {
    const state = await getEmulatorJson<{ vaults: Record<string, StateVault> }>('state');
    const found = Object.values(state.vaults).find((candidate) => candidate.name.toLowerCase() === vault.toLowerCase());
    return found?.keys[key.toLowerCase()]?.versions.length ?? 0;
}

describe('UI: an interrupted Rotate All is offered once for the whole run; Resume All finishes every registry', function () {
    this.timeout(8 * 60 * 1000);
    let workbench: Workbench | undefined;
    const made: JourneyRegistry[] = [];
    const notifications = screenshotOnFailure(() => workbench);

    after(async () => {
        await workbench?.close();
        await deleteJourneyRegistries(made);
    });

    it('three pinned registries on one key, the host killed while Azure switches the second: one warning names the two unfinished, Resume All finishes both, one new key version', async () => {
        const suffix = Date.now().toString(36).slice(-5);
        const first = await createJourneyRegistry(`djfia${suffix}`, { versionless: false });
        made.push(first);
        const second = await createJourneyRegistry(`djfib${suffix}`, { shareWith: first, versionless: false });
        made.push(second);
        const third = await createJourneyRegistry(`djfic${suffix}`, { shareWith: first, versionless: false });
        made.push(third);
        const world = await getEmulatorJson<EmulatorWorld>('state');
        const subscriptionName = world.subscriptions[first.id.split('/')[2]!.toLowerCase()]!.displayName;
        const versionsBefore = await versionCount(first.vault, first.key);

        // As a person starts Rotate All: from the key's row in the Keys view, the Registries view folded for its height.
        workbench = await openWorkbench();
        const { page } = workbench;
        await activityBarEntry(page, viewContainerTitle()).click();
        await widenSideBar(page, 700);
        const keysHeader = page.locator('.pane-header', { hasText: /^Keys/ });
        const registriesHeader = page.locator('.pane-header', { hasText: /^Registries/ });
        await keysHeader.waitFor({ timeout: 60000 });
        if ((await keysHeader.getAttribute('aria-expanded')) === 'false') await keysHeader.click();
        if ((await registriesHeader.getAttribute('aria-expanded')) === 'true') await registriesHeader.click();
        // No Refresh here: the window is new, so the Keys view reads the fleet (with the three registries) when it opens.
        // A Refresh would redraw the rows a second time, and a right-click on a row VS Code is replacing reaches the
        // command without its row (VS Code passes no argument for a row it no longer holds), which then asks for the key.
        const keysPane = page.locator('.pane').filter({ has: keysHeader });
        const keyRow = keysPane
            .locator('.monaco-list-row')
            .filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${first.key}$`) }) })
            .first();
        await keyRow.waitFor({ timeout: 60000 });
        await waitUntil('the key row to count the three registries', async () => /3 registries/.test(await keyRow.innerText()), 30000);

        // Azure takes its time switching the second and the third registry: their updates stay unanswered until the host is gone.
        await holdRequest({ method: 'PATCH', pathPattern: `/registries/${second.name}$` });
        await holdRequest({ method: 'PATCH', pathPattern: `/registries/${third.name}$` });
        await runContextMenu(page, keyRow, 'Rotate All Registries Using This Key…');
        await withNotificationsOnFailure(page, () => pickQuickPickItem(page, `New version of key "${first.key}"`));
        await pickQuickPickItem(page, 'Versionless — automatic rotation');
        const confirm = modalDialog(page, `Rotate the 3 registries using key "${first.key}" to a new version of key "${first.key}" (versionless)?`);
        await withNotificationsOnFailure(page, () => confirm.waitFor({ timeout: 60000 }));
        await confirm.getByRole('button', { name: 'Rotate All' }).click();

        // The window comes back as it was left: the Registries view open (its rows are read below), the Keys view folded.
        await registriesHeader.click();
        await keysHeader.click();
        // The first registry finished (its journal is gone), the second is cut off while Azure switches it.
        await waitUntil(
            'the first registry done and the second switching',
            async () => journalsOf(first.id).length === 0 && journalsOf(second.id).some((journal) => startedAt(journal, 'switchEncryption')),
            90000,
        );
        await killAtStarted(second.id, 'switchEncryption');
        workbench = await startAgain(workbench, subscriptionName, cheapestRestart);

        const offered = await waitForNotification(
            page,
            /Rotate All Registries Using This Key \(started .*\) was interrupted before it finished on 2 registries: /,
            notifications.seen,
        );
        assert.ok(offered.message.includes(second.name) && offered.message.includes(third.name), offered.message);
        assert.ok(!offered.message.includes(first.name), `the finished registry is not offered: ${offered.message}`);
        assert.deepStrictEqual(offered.actions, ['Resume All', 'Clean Up All', 'Dismiss All']);
        assert.strictEqual(offered.severity, 'warning');
        for (const name of [second.name, third.name]) {
            const row = treeRowNamed(page, name);
            await waitUntil(`the row of ${name} to be marked interrupted`, async () => /interrupted/.test(await row.innerText().catch(() => '')), 30000);
        }
        await screenshot(page, 'interrupted-fleet-offered');

        await clickNotificationAction(page, /was interrupted before it finished on 2 registries/, 'Resume All');
        await waitForNotification(page, /Rotate All Registries Using This Key: resumed on 2 of 2 registries\./, notifications.seen);
        for (const registry of [first, second, third]) {
            const now = await registryNow(registry.id);
            assert.match(now?.encryption.keyVaultProperties?.keyIdentifier ?? '', new RegExp(`/keys/${registry.key}$`), `${registry.name} is versionless now`);
            assert.strictEqual((await keyAccessNow(registry.id)).accessible, true, `${registry.name} reaches its key`);
            assert.deepStrictEqual(journalsOf(registry.id), [], `nothing of ${registry.name} left to resume`);
        }
        assert.strictEqual(await versionCount(first.vault, first.key), versionsBefore + 1, 'the run made one new key version, not one per resumed registry');
        for (const name of [second.name, third.name]) {
            const row = treeRowNamed(page, name);
            await waitUntil(`the mark of ${name} to go`, async () => !/interrupted/.test(await row.innerText().catch(() => 'interrupted')), 30000);
        }
        await screenshot(page, 'interrupted-fleet-resumed');
    });
});
