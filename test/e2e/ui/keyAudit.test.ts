// UI level (Playwright on the real workbench): key usage audit from the Keys view. A vault row says its audit logs are
// off; Send Key Vault Audit Logs to Log Analytics… picks the subscription's workspace, confirms in a modal naming both,
// and the row then names the workspace; Open Key Usage Query opens the KQL for a key and its registries' identities.
// What the emulator holds afterwards (the diagnostic setting) is checked too.
import * as assert from 'node:assert/strict';
import { getEmulatorJson } from '../emulatorState';
import { cmkRegistries, type EmulatorWorld, type WorldRegistry } from '../worldExpectations';
import { waitForNotification } from './notifications';
import {
    activityBarEntry,
    modalDialog,
    openWorkbench,
    pickQuickPickItem,
    runContextMenu,
    screenshot,
    screenshotOnFailure,
    viewContainerTitle,
    waitUntil,
    widenSideBar,
    withNotificationsOnFailure,
    type Workbench,
} from './workbench';

interface AuditWorld extends EmulatorWorld {
    registries: Record<string, WorldRegistry & { identity?: { principalId?: string; userAssignedIdentities?: Record<string, { principalId: string }> } }>;
    workspaces?: Record<string, { id: string; name: string; subscriptionId: string }>;
    diagnosticSettings?: Record<string, { resourceId: string; name: string; workspaceId?: string; logs: { category?: string; enabled: boolean }[] }>;
}

const vaultAndKeyOf = (registry: WorldRegistry) => /^https:\/\/([^.]+)\.[^/]+\/keys\/([^/]+)/i.exec(registry.encryption.keyVaultProperties!.keyIdentifier)!;

describe('UI: key usage audit (Key Vault audit logs to Log Analytics, the key usage query)', () => {
    let workbench: Workbench;
    before(async () => {
        workbench = await openWorkbench();
    });
    after(async () => workbench?.close());
    const notifications = screenshotOnFailure(() => workbench);

    it('a vault row says audit logs off; Send… to the workspace, confirmed, then the row names it; the query names the key and identities', async () => {
        const { page } = workbench;
        const world = await getEmulatorJson<AuditWorld>('state');
        const workspace = Object.values(world.workspaces ?? {})[0]!;
        assert.ok(workspace, 'the sample world has a Log Analytics workspace');
        assert.deepEqual(Object.values(world.diagnosticSettings ?? {}), [], 'and no diagnostic settings');
        // The first vault (by name) in the workspace's subscription whose keys registries use: the rows on screen.
        const inSubscription = cmkRegistries(world).filter((r) => r.subscriptionId.toLowerCase() === workspace.subscriptionId.toLowerCase());
        const vaultName = inSubscription.map((r) => vaultAndKeyOf(r)[1]!).sort()[0]!;
        const users = inSubscription.filter((r) => vaultAndKeyOf(r)[1] === vaultName);
        const keyName = vaultAndKeyOf(users[0]!)[2]!;
        const keyUsers = users.filter((r) => vaultAndKeyOf(r)[2]!.toLowerCase() === keyName.toLowerCase()).map((r) => world.registries[r.id.toLowerCase()]!);

        await activityBarEntry(page, viewContainerTitle()).click();
        await widenSideBar(page, 700);
        const keysHeader = page.locator('.pane-header', { hasText: /^Keys/ });
        await keysHeader.waitFor({ timeout: 60000 });
        if ((await keysHeader.getAttribute('aria-expanded')) === 'false') await keysHeader.click();
        const registriesHeader = page.locator('.pane-header', { hasText: /^Registries/ });
        if ((await registriesHeader.getAttribute('aria-expanded')) === 'true') await registriesHeader.click();
        const rows = page.locator('.pane').filter({ has: keysHeader }).locator('.monaco-list-row');
        const vaultRow = rows.filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${vaultName}$`) }) }).first();
        await vaultRow.waitFor({ timeout: 90000 });
        await waitUntil('the vault row to say its audit logs are off', async () => /audit logs: off/.test(await vaultRow.innerText()), 60000);
        await screenshot(page, 'key-audit-off');

        await runContextMenu(page, vaultRow, 'Send Key Vault Audit Logs to Log Analytics…');
        await withNotificationsOnFailure(page, () => pickQuickPickItem(page, workspace.name));
        const confirm = modalDialog(page, `Send the audit logs of key vault "${vaultName}" to Log Analytics workspace "${workspace.name}"?`);
        await withNotificationsOnFailure(page, () => confirm.waitFor({ timeout: 60000 }));
        assert.match(
            (await confirm.innerText()).replace(/\s+/g, ' '),
            /A diagnostic setting "acr-cmk-key-audit" on the key vault sends its audit logs \(AuditEvent/,
        );
        await screenshot(page, 'key-audit-confirm');
        await confirm.getByRole('button', { name: 'Send Audit Logs' }).click();
        const done = await waitForNotification(
            page,
            new RegExp(`Key vault "${vaultName}" sends its audit logs to Log Analytics workspace "${workspace.name}"`),
            notifications.seen,
        );
        assert.equal(done.severity, 'info');
        await waitUntil('the vault row to name the workspace', async () => (await vaultRow.innerText()).includes(`audit logs → ${workspace.name}`), 30000);
        await screenshot(page, 'key-audit-on');
        const settings = Object.values((await getEmulatorJson<AuditWorld>('state')).diagnosticSettings ?? {});
        assert.equal(settings.length, 1);
        assert.equal(settings[0]!.name, 'acr-cmk-key-audit');
        assert.equal(settings[0]!.workspaceId?.toLowerCase(), workspace.id.toLowerCase());
        assert.ok(settings[0]!.resourceId.endsWith(`/vaults/${vaultName.toLowerCase()}`), settings[0]!.resourceId);
        assert.deepEqual(
            settings[0]!.logs.map((l) => [l.category, l.enabled]),
            [['AuditEvent', true]],
        );

        const keyRow = rows.filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${keyName}$`, 'i') }) }).first();
        await keyRow.waitFor({ timeout: 60000 });
        await runContextMenu(page, keyRow, 'Open Key Usage Query (Log Analytics)');
        // The editor renders spaces as no-break spaces: compare its text with whitespace folded.
        const editorText = async () =>
            (
                await page
                    .locator('.editor-instance .view-lines')
                    .innerText()
                    .catch(() => '')
            ).replace(/\s+/g, ' ');
        await waitUntil('the KQL document', async () => (await editorText()).includes('AzureDiagnostics'), 30000);
        const text = await editorText();
        assert.ok(text.includes(`Run it in Log Analytics workspace "${workspace.name}"`), text);
        assert.ok(text.includes(`/keys/${keyName}/"`), text);
        assert.ok(text.includes('OperationName in ("KeyWrap", "KeyUnwrap")'), text);
        for (const registry of keyUsers) {
            const principal = registry.identity?.principalId ?? Object.values(registry.identity?.userAssignedIdentities ?? {})[0]?.principalId;
            assert.ok(principal && text.includes(principal.toLowerCase()), `${registry.name}'s principal ${principal} in ${text}`);
            assert.ok(text.includes(registry.name), text);
        }
        await screenshot(page, 'key-audit-query');
    });
});
