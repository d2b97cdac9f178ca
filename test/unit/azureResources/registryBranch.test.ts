import '../badInput/vscodeStandIn';
import * as assert from 'node:assert/strict';
import type { AzureResource } from '@microsoft/vscode-azureresources-api';
import type { AzureSession } from '../../../src/auth/AzureSession';
import type { SubscriptionTarget } from '../../../src/auth/SubscriptionSource';
import type { TelemetryRunner } from '../../../src/azext/AzExtRuntime';
import { RegistryBranchDataProvider } from '../../../src/azureResources/RegistryBranchDataProvider';
import type { AzureClientFactory } from '../../../src/domain/clients/AzureClientFactory';
import type { FleetWarning } from '../../../src/domain/fleet/report/fleetWarnings';
import type { RegistrySummary } from '../../../src/domain/registries/RegistryEncryption';
import type { FleetWarningsSource } from '../../../src/tree/fleetWarningMarks';
import type { RegistryInventory } from '../../../src/tree/RegistryInventory';
import { RegistryNode } from '../../../src/tree/RegistryNode';
import { RegistryTreeDataProvider } from '../../../src/tree/RegistryTreeDataProvider';
import { SubscriptionNode } from '../../../src/tree/SubscriptionNode';
import type { TreeNode } from '../../../src/tree/TreeNode';
import { registry } from '../keysView/fleetSamples';
import { nodeOf, rowOf } from '../tree/registryRows';
import { useTreeItemStandIn } from '../tree/treeItemStandIn';

/** The Registries view's cache, answering from plain lists and counting the listings (one per subscription until cleared). */
class FakeInventory {
    readonly listed: string[] = [];
    private readonly cached = new Map<string, Promise<RegistrySummary[]>>();
    constructor(public lists: Record<string, RegistrySummary[]>) {}
    getRegistries(target: { subscriptionId: string }): Promise<RegistrySummary[]> {
        const key = target.subscriptionId.toLowerCase();
        if (!this.cached.has(key)) {
            this.listed.push(key);
            this.cached.set(key, Promise.resolve(this.lists[key] ?? []));
        }
        return this.cached.get(key)!;
    }
    replaceRegistry(updated: RegistrySummary): void {
        const key = updated.subscriptionId.toLowerCase();
        const current = this.cached.get(key);
        if (current) {
            this.cached.set(
                key,
                current.then((list) => list.map((candidate) => (candidate.id === updated.id ? updated : candidate))),
            );
        }
    }
    clearSubscription(subscriptionId: string): void {
        this.cached.delete(subscriptionId.toLowerCase());
    }
    clear(): void {
        this.cached.clear();
    }
}

const telemetry = {
    callWithTelemetryAndErrorHandling: async (_id: string, run: (context: unknown) => unknown) => run({ telemetry: {}, errorHandling: {} }),
} as unknown as TelemetryRunner;
const settle = () => new Promise((resolve) => setImmediate(resolve));
const healthy = (name: string) => registry(name, { identity: { kind: 'system', principalId: `p-${name}` } });
/** What the sidebar hands a branch: the resource and its subscription's sessions (never asked here: the lists are cached). */
const resourceOf = (summary: RegistrySummary) =>
    ({
        id: summary.id,
        name: summary.name,
        resourceType: 'microsoft.containerregistry/registries',
        subscription: {
            subscriptionId: summary.subscriptionId,
            tenantId: 't',
            authentication: { getSession: async () => undefined, getSessionWithScopes: async () => undefined },
        },
    }) as unknown as AzureResource;

describe("Azure Resources sidebar branch: the Registries view's lists, marks and changes", () => {
    useTreeItemStandIn();
    const alpha = healthy('alpha');
    const beta = healthy('beta');
    let inventory: FakeInventory;
    let tree: RegistryTreeDataProvider;
    let branch: RegistryBranchDataProvider;
    let redrawn: (TreeNode | undefined)[];

    beforeEach(() => {
        inventory = new FakeInventory({ s1: [alpha, beta] });
        tree = new RegistryTreeDataProvider({} as AzureSession, inventory as unknown as RegistryInventory, telemetry);
        branch = new RegistryBranchDataProvider(telemetry, tree);
        redrawn = [];
        branch.onDidChangeTreeData((node) => redrawn.push(node ?? undefined));
    });
    afterEach(() => branch.dispose());
    const subscriptionRow = () =>
        new SubscriptionNode(
            { subscriptionId: 's1', name: 'one', tenantId: 't', factory: {} as AzureClientFactory } as unknown as SubscriptionTarget,
            inventory as unknown as RegistryInventory,
        );

    it("its items come from the view's cached list (no listing of its own) and are drawn exactly as the view draws the row", async () => {
        await inventory.getRegistries({ subscriptionId: 's1' });
        const item = (await branch.getResourceItem(resourceOf(alpha))) as RegistryNode;
        assert.ok(item instanceof RegistryNode);
        assert.deepEqual(inventory.listed, ['s1'], 'listed once, by the view');
        assert.equal(item.registry, alpha);
        tree.markKeyAccess(alpha.id, { kind: 'problem', severity: 'warning', summary: 'Key access: firewall' });
        assert.deepEqual(rowOf(branch.getTreeItem(item)), rowOf(tree.getTreeItem(nodeOf(alpha))));
    });

    it('a mark set as Revoke, Restore and the journal set it (markKeyAccess) redraws the item, which carries it; others stay', async () => {
        const item = await branch.getResourceItem(resourceOf(alpha));
        await branch.getResourceItem(resourceOf(beta));
        tree.markKeyAccess(alpha.id.toUpperCase(), { kind: 'interrupted', summary: 'Rotate Key was cut off.' });
        assert.deepEqual(redrawn.splice(0), [item]);
        const row = rowOf(branch.getTreeItem(item));
        assert.match(String(row.contextValue), /;interrupted$/);
        assert.equal(row.icon, 'debug-pause list.warningForeground');
        tree.markKeyAccess(alpha.id, undefined);
        assert.deepEqual(redrawn.splice(0), [item]);
        assert.doesNotMatch(String(rowOf(branch.getTreeItem(item)).contextValue), /interrupted/);
    });

    it("Diagnose's mark redraws the item it diagnosed (Diagnose All's, the whole branch)", async () => {
        const item = await branch.getResourceItem(resourceOf(alpha));
        tree.keyAccessMarks.set(alpha.id, { kind: 'problem', severity: 'error', summary: 'Key access: permissions' });
        tree.redrawKeyAccessMarks([alpha.id]);
        assert.deepEqual(redrawn.splice(0), [item]);
        assert.match(String(branch.getTreeItem(item).contextValue), /;keyAccess:error$/);
        tree.redrawKeyAccessMarks();
        assert.deepEqual(redrawn.splice(0), [undefined]);
    });

    it("fleet warnings read for the view's rows redraw the sidebar's item, which shows them as the view does", async () => {
        let answer!: (warnings: Map<string, FleetWarning[]>) => void;
        const fleet: FleetWarningsSource = {
            registryWarnings: () =>
                new Promise((resolve) => {
                    answer = resolve;
                }),
            onDidChangeFleet: () => ({ dispose: () => undefined }),
        };
        tree.fleetMarks.readFrom(fleet);
        const item = await branch.getResourceItem(resourceOf(alpha));
        assert.doesNotMatch(String(branch.getTreeItem(item).contextValue), /fleet:/, 'not read yet; drawing the item asked for them');
        answer(new Map([[alpha.id.toLowerCase(), [{ code: 'keyDisabled' }]]]));
        await settle();
        assert.deepEqual(redrawn.splice(0), [item]);
        const row = rowOf(branch.getTreeItem(item));
        assert.match(String(row.contextValue), /;fleet:error$/);
        assert.match(String(row.description), /⚠ 1 fleet warning$/);
        assert.equal(row.icon, 'error list.errorForeground');
    });

    it("a flow's fresh reading (showChangedRegistry) is the item's at once; a registry it has not drawn redraws the whole branch", async () => {
        const item = (await branch.getResourceItem(resourceOf(alpha))) as RegistryNode;
        const rotated = { ...alpha, sku: 'Standard' };
        tree.showChangedRegistry(rotated);
        assert.deepEqual(redrawn.splice(0), [item]);
        assert.equal(item.registry, rotated);
        tree.showChangedRegistry(healthy('gamma'));
        assert.deepEqual(redrawn.splice(0), [undefined]);
    });

    it('its subscription listed again (Refresh): the items drawn are re-read from the new list, then redrawn', async () => {
        const item = (await branch.getResourceItem(resourceOf(alpha))) as RegistryNode;
        const other = await branch.getResourceItem(resourceOf(beta));
        inventory.lists = { s1: [{ ...alpha, sku: 'Basic' }, beta] };
        await tree.refresh(subscriptionRow());
        await settle();
        assert.deepEqual(redrawn.splice(0), [item, other]);
        assert.equal(item.registry.sku, 'Basic', "the new list's reading, not the first one");
        assert.match(String(branch.getTreeItem(item).description), /^Basic · /);
        assert.deepEqual(inventory.listed, ['s1', 's1']);
    });

    it('its subscription listed again with a registry more (one created) or less: the whole branch is drawn again', async () => {
        const item = (await branch.getResourceItem(resourceOf(alpha))) as RegistryNode;
        await branch.getResourceItem(resourceOf(beta));
        inventory.lists = { s1: [{ ...alpha, sku: 'Basic' }, beta, healthy('gamma')] };
        await tree.refresh(subscriptionRow());
        await settle();
        assert.deepEqual(redrawn.splice(0), [undefined]);
        assert.equal(item.registry.sku, 'Basic');
        inventory.lists = { s1: [alpha] };
        await tree.refresh(subscriptionRow());
        await settle();
        assert.deepEqual(redrawn.splice(0), [undefined]);
    });

    it("Refresh of everything redraws the whole branch; the sidebar's next ask reads the new lists", async () => {
        await branch.getResourceItem(resourceOf(alpha));
        inventory.lists = { s1: [{ ...alpha, sku: 'Basic' }] };
        await tree.refresh();
        assert.deepEqual(redrawn.splice(0), [undefined]);
        assert.equal(((await branch.getResourceItem(resourceOf(alpha))) as RegistryNode).registry.sku, 'Basic');
    });

    it('a mark on a registry while the sidebar shows none of ours redraws nothing (the mark is read when it asks)', () => {
        tree.markKeyAccess(alpha.id, { kind: 'revoked' });
        assert.deepEqual(redrawn, []);
    });
});
