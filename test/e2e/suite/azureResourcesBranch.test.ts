// The Azure Resources sidebar's branch (our registry items under its Container Registry resources), in the real
// extension host. The sidebar extension cannot be installed here, so the test plays its part: it asks the branch for
// the item of a registry, as the sidebar does (with a subscription whose sessions come from the emulator's service
// principal), then checks that the item follows what our own view learns — a flow's fresh reading, a key access mark,
// a refreshed subscription, a full refresh — instead of keeping what it first showed.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { RegistryBranchDataProvider } from '../../../src/azureResources/RegistryBranchDataProvider';
import type { TelemetryRunner } from '../../../src/azext/AzExtRuntime';
import { KeyAccessMarks } from '../../../src/tree/keyAccessMarks';
import type { RegistryChange } from '../../../src/tree/registryChanges';
import { RegistryNode } from '../../../src/tree/RegistryNode';
import type { TreeNode } from '../../../src/tree/TreeNode';
import { setupFactory, stateNow } from './wizardBranchesWorld';

describe('Azure Resources sidebar branch: follows the changes and marks of our own view (real extension host)', function () {
    this.timeout(60000);

    it('redraws the item a flow changed or marked, and drops its lists on a refresh', async () => {
        const factory = await setupFactory();
        const state = await stateNow();
        const registry = Object.values(state.registries).find((candidate) => candidate.encryption.status === 'enabled')!;
        const subscriptionId = registry.id.split('/')[2]!;
        const token = async (scopes: readonly string[]) => (await factory.connection.credential.getToken([...scopes]))!.token;
        const authentication = {
            getSession: async () => ({ id: 's', accessToken: await token([`${factory.cloud.resourceManagerAudience}.default`]), account: { id: 'sp', label: 'sp' }, scopes: [] }),
            getSessionWithScopes: async (scopes: readonly string[]) => ({ id: 's', accessToken: await token(scopes), account: { id: 'sp', label: 'sp' }, scopes }),
        };
        const resource = { id: registry.id, name: registry.name, resourceType: 'microsoft.containerregistry/registries', subscription: { subscriptionId, tenantId: factory.cloud.tenantId, authentication } };

        const keyAccessMarks = new KeyAccessMarks();
        const changes = new vscode.EventEmitter<RegistryChange>();
        const telemetry = { callWithTelemetryAndErrorHandling: async (_id: string, run: (context: { telemetry: { suppressIfSuccessful: boolean } }) => unknown) => run({ telemetry: { suppressIfSuccessful: false } }) };
        const branch = new RegistryBranchDataProvider(telemetry as unknown as TelemetryRunner, { keyAccessMarks, onDidChangeRegistries: changes.event });
        const redrawn: (TreeNode | undefined)[] = [];
        const listening = branch.onDidChangeTreeData((node) => redrawn.push(node ?? undefined));
        try {
            const item = await branch.getResourceItem(resource as never);
            assert.ok(item instanceof RegistryNode, 'the item is our registry node');
            assert.equal(item.registry.id.toLowerCase(), registry.id.toLowerCase());
            assert.doesNotMatch(String(branch.getTreeItem(item).description), /key access/);
            const skuAsListed = item.registry.sku;

            // A flow read the registry back after changing it: the sidebar's item shows that reading, redrawn.
            changes.fire({ scope: 'registry', registryId: registry.id, registry: { ...item.registry, sku: 'Standard' } });
            assert.deepEqual(redrawn.splice(0), [item]);
            assert.equal(item.registry.sku, 'Standard', 'the item holds the fresh reading');

            // Revoke / Diagnose marked it: the same mark as in our view.
            keyAccessMarks.set(registry.id, { kind: 'problem', severity: 'error', summary: 'lost access' });
            changes.fire({ scope: 'registry', registryId: registry.id });
            assert.deepEqual(redrawn.splice(0), [item]);
            const marked = branch.getTreeItem(item);
            assert.match(String(marked.description), /key access problem/);
            assert.match(String(marked.contextValue), /keyAccess:error/);

            // Its subscription refreshed: redrawn; another subscription's refresh leaves it alone.
            changes.fire({ scope: 'subscription', subscriptionId: subscriptionId.toUpperCase() });
            assert.deepEqual(redrawn.splice(0), [item]);
            changes.fire({ scope: 'subscription', subscriptionId: '00000000-0000-0000-0000-000000000000' });
            assert.deepEqual(redrawn.splice(0), []);

            // Everything refreshed: the whole branch redraws and lists again (the item of a new call reads afresh).
            changes.fire({ scope: 'all' });
            assert.deepEqual(redrawn.splice(0), [undefined]);
            const again = await branch.getResourceItem(resource as never) as RegistryNode;
            assert.notEqual(again, item, 'a new item after the lists were dropped');
            assert.equal(again.registry.sku, skuAsListed, 'read again from Azure, not the flow\'s old reading');
        } finally {
            listening.dispose();
            branch.dispose();
            changes.dispose();
        }
    });
});
