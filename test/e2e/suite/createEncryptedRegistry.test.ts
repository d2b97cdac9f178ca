// Runs "Create Registry with Customer-Managed Key" in the real extension host with every answer pre-filled
// (the wizard skips each prompt whose answer it has), then checks the emulator and the tree agree.
import * as assert from 'node:assert';
import * as vscode from 'vscode';
import { getEmulatorJson, keyAccessNow } from '../emulatorState';
import { subscriptionsOf, type EmulatorWorld } from '../worldExpectations';
import { activateExtension } from './extensionApi';

describe('Create Registry with Customer-Managed Key (scripted answers)', () => {
    it('creates a Premium CMK registry whose key is reachable, and shows it in the tree with encryption enabled', async function () {
        this.timeout(180000);
        const api = await activateExtension();
        const world = await getEmulatorJson<EmulatorWorld>('state');
        const subscription = subscriptionsOf(world)[0];
        assert.ok(subscription, 'the emulator has a subscription');
        const suffix = Date.now().toString(36).slice(-6);
        const registryName = `e2ecmk${suffix}`;
        const registryId = await vscode.commands.executeCommand<string | undefined>('acrCmk.createEncryptedRegistry', {
            subscriptionId: subscription.subscriptionId,
            resourceGroup: { name: `rg-e2e-${suffix}`, create: true },
            location: 'eastus',
            registryName,
            identity: { kind: 'new', name: `id-e2e-${suffix}` },
            vault: { kind: 'new', name: `kv-e2e-${suffix}`, softDeleteRetentionInDays: 7 },
            key: { kind: 'new', name: `key-e2e-${suffix}`, keyType: 'RSA', keySize: 2048 },
            versionless: true,
            confirmed: true,
        });
        assert.ok(registryId && registryId.endsWith(`/registries/${registryName}`), `the command returned the new registry id (${String(registryId)})`);
        const access = await keyAccessNow(registryId);
        assert.strictEqual(access.accessible, true, access.reason);

        const tree = await api.getTreeSnapshot();
        const row = tree.find((r) => r.label === subscription.displayName)?.children?.find((r) => r.label === registryName);
        assert.ok(row, `the tree shows ${registryName} under ${subscription.displayName}`);
        assert.match(row.contextValue ?? '', /^registry;encryption:cmk(;|$)/);
    });
});
