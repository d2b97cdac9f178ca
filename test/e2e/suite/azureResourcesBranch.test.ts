// The Azure Resources sidebar's branch (our registry items under its Container Registry resources), in the real
// extension host. The sidebar extension is not installed here, so the test plays its part with the branch the
// extension made (the one it registers when the sidebar is there): it asks for the item of a registry as the sidebar
// does (a subscription whose sessions come from the emulator's service principal), runs the extension's commands, and
// checks that the item is redrawn with what the Registries view shows — key access marks, fleet warnings, a flow's change.
import * as assert from 'node:assert/strict';
import type * as vscode from 'vscode';
import type { AzureClientFactory } from '../../../src/domain/clients/AzureClientFactory';
import type { WorldRegistry } from '../worldExpectations';
import { runCommandWithInputs } from './commandInputs';
import { activateExtension, type AcrCmkTestApi, type SidebarBranch } from './extensionApi';
import { accessibleCmkRegistry, findRow, keyAccess, revoke } from './keyAccessWorld';
import { rotation } from './rotationInputs';
import { registryIn, setupFactory, stateNow } from './wizardBranchesWorld';

/** What the sidebar hands a branch for a registry: the resource and its subscription's VS Code sessions (here, the service principal's tokens). */
function resourceOf(registry: WorldRegistry, factory: AzureClientFactory): unknown {
    const token = async (scopes: readonly string[]) => (await factory.connection.credential.getToken([...scopes]))!.token;
    const authentication = {
        getSession: async () => ({
            id: 's',
            accessToken: await token([`${factory.cloud.resourceManagerAudience}.default`]),
            account: { id: 'sp', label: 'sp' },
            scopes: [],
        }),
        getSessionWithScopes: async (scopes: readonly string[]) => ({ id: 's', accessToken: await token(scopes), account: { id: 'sp', label: 'sp' }, scopes }),
    };
    return {
        id: registry.id,
        name: registry.name,
        resourceType: 'microsoft.containerregistry/registries',
        subscription: { subscriptionId: registry.id.split('/')[2]!, tenantId: factory.cloud.tenantId, authentication },
    };
}

/**
 * Resolves once the branch redraws `item` (or the whole branch) and the redrawn item satisfies `check`, as the sidebar
 * would see it; rejects after `timeoutMs` with the last row seen.
 */
function redrawnUntil(
    branch: SidebarBranch,
    item: object,
    what: string,
    check: (row: vscode.TreeItem) => boolean,
    timeoutMs = 60000,
): Promise<vscode.TreeItem> {
    return new Promise((resolve, reject) => {
        let last: vscode.TreeItem | undefined;
        const listening = branch.onDidChangeTreeData((changed) => {
            if (changed && changed !== item) return;
            last = branch.getTreeItem(item);
            if (check(last)) {
                clearTimeout(timer);
                listening.dispose();
                resolve(last);
            }
        });
        const timer = setTimeout(() => {
            listening.dispose();
            reject(
                new Error(
                    `the sidebar's item was not redrawn ${what} within ${timeoutMs / 1000} s; last drawn: ${String(last?.description)} | ${String(last?.contextValue)}`,
                ),
            );
        }, timeoutMs);
    });
}

describe("Azure Resources sidebar branch: the Registries view's marks and changes (real extension host)", function () {
    this.timeout(180000);
    let api: AcrCmkTestApi;
    let factory: AzureClientFactory;
    let registry: WorldRegistry;

    before(async () => {
        api = await activateExtension();
        factory = await setupFactory();
        // Two other suites revoke and diagnose the first two accessible registries from the end.
        registry = await accessibleCmkRegistry(2);
        await api.refresh();
    });

    it("after Revoke Key Access the item is redrawn revoked, then with the disabled key's fleet warning; after Restore with neither — as the Registries view draws it", async () => {
        const branch = api.sidebarBranch;
        const item = await branch.getResourceItem(resourceOf(registry, factory));
        const first = branch.getTreeItem(item);
        assert.equal(first.label, registry.name);
        assert.doesNotMatch(String(first.contextValue), /keyAccess:|fleet:error/);
        const revokedAndWarned = redrawnUntil(branch, item, 'revoked with a fleet error', (row) =>
            /;fleet:error;keyAccess:revoked$/.test(String(row.contextValue)),
        );
        await runCommandWithInputs('acrCmk.revokeKeyAccess', [registry.id], [revoke.disableKeyInUse, revoke.proceed, registry.name]);
        try {
            assert.equal((await keyAccess(registry.id)).accessible, false, 'the emulator says the registry cannot reach its key');
            const revoked = branch.getTreeItem(item);
            assert.match(String(revoked.contextValue), /;keyAccess:revoked$/, 'the revoked mark, redrawn by the command itself');
            assert.equal((revoked.iconPath as vscode.ThemeIcon).id, 'circle-slash');
            const row = await revokedAndWarned;
            assert.match(String(row.description), /⚠ \d+ fleet warnings? · key access revoked$/);
            // appendText escapes the spaces of a mark's line (&nbsp;).
            assert.match((row.tooltip as vscode.MarkdownString).value.replace(/&nbsp;/g, ' '), /\$\(error\) The key's latest version is disabled\./);
            // The Registries view draws the same row (one presentation for both).
            const ours = findRow(await api.getTreeSnapshot(), registry.id);
            assert.equal(ours?.description, row.description);
            assert.equal(ours?.contextValue, row.contextValue);
            assert.equal(ours?.tooltip, (row.tooltip as vscode.MarkdownString).value);
        } finally {
            const cleared = redrawnUntil(branch, item, 'without marks', (row) => !/keyAccess:|fleet:error/.test(String(row.contextValue)));
            await runCommandWithInputs('acrCmk.restoreKeyAccess', [registry.id], []);
            assert.equal((await keyAccess(registry.id)).accessible, true);
            await cleared;
        }
    });

    it("after Rotate Key the item is redrawn with the registry's new state: pinned to the new version, or rotating automatically (both ways, back to how it was)", async () => {
        const branch = api.sidebarBranch;
        const item = await branch.getResourceItem(resourceOf(registry, factory));
        const pinnedAtFirst = /;rotation:manual/.test(String(branch.getTreeItem(item).contextValue));
        for (const pin of [!pinnedAtFirst, pinnedAtFirst]) {
            const redrawn = redrawnUntil(branch, item, pin ? 'pinned' : 'rotating automatically', (row) =>
                String(row.contextValue).includes(`;rotation:${pin ? 'manual' : 'automatic'}`),
            );
            await runCommandWithInputs(
                'acrCmk.rotateKey',
                [registry.id],
                [rotation.newVersion, pin ? rotation.pinned : rotation.versionless, rotation.keepIdentity, rotation.confirm],
            );
            const row = await redrawn;
            const now = registryIn(await stateNow(), registry.id)!.encryption.keyVaultProperties!;
            // The tooltip names the key as the registry now has it: the new version when pinned, the versionless key otherwise.
            assert.ok(
                (row.tooltip as vscode.MarkdownString).value.includes(`\`${pin ? now.versionedKeyIdentifier : now.keyIdentifier}\``),
                `${pin ? 'pinned' : 'versionless'} key in the tooltip`,
            );
            assert.equal(now.keyIdentifier === now.versionedKeyIdentifier, pin);
        }
        assert.equal((await keyAccess(registry.id)).accessible, true);
    });
});
