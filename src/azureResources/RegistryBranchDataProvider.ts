import type { AzureResource, AzureResourceBranchDataProvider } from '@microsoft/vscode-azureresources-api';
import * as vscode from 'vscode';
import type { TelemetryRunner } from '../azext/AzExtRuntime';
import { readCloudConfig } from '../auth/readCloudConfig';
import { createScopedSessionCredential } from '../auth/vscodeSubscriptionSource';
import { AzureClientFactory } from '../domain/clients/AzureClientFactory';
import { armScope, keyVaultScope } from '../domain/cloud/CloudConfig';
import { getRegistry } from '../domain/registries/getRegistry';
import { listRegistriesInSubscription } from '../domain/registries/listRegistries';
import type { RegistrySummary } from '../domain/registries/RegistryEncryption';
import { decorateKeyAccess, type KeyAccessMarks } from '../tree/keyAccessMarks';
import { subscriptionOfRegistry, type RegistryChange } from '../tree/registryChanges';
import { RegistryNode } from '../tree/RegistryNode';
import { childrenWithTelemetry } from '../tree/treeChildren';
import type { TreeNode } from '../tree/TreeNode';

/** What the branch shares with our own view: the key access marks, and every change of what is known about registries. */
export interface RegistryViewState {
    readonly keyAccessMarks: KeyAccessMarks;
    readonly onDidChangeRegistries: vscode.Event<RegistryChange>;
}

/**
 * Our registry items under the Azure Resources extension's ContainerRegistry resources: same labels, icons and
 * contextValues (hence the same menus), the same key access marks, and the same changes as our own view — a flow that
 * changed or marked a registry, or a refresh, redraws the sidebar's item too (from the flow's fresh reading, or read again).
 */
export class RegistryBranchDataProvider implements AzureResourceBranchDataProvider<TreeNode>, vscode.Disposable {
    private readonly changed = new vscode.EventEmitter<TreeNode | undefined>();
    readonly onDidChangeTreeData = this.changed.event;
    /** One list per subscription (registries are read together, as in our view), dropped when that subscription changes. */
    private readonly lists = new Map<string, Promise<RegistrySummary[]>>();
    /** The items handed to the sidebar, by registry id: a change redraws the very object it holds. */
    private readonly items = new Map<string, RegistryNode>();
    private readonly following: vscode.Disposable;

    constructor(private readonly telemetry: TelemetryRunner, private readonly view: RegistryViewState) {
        this.following = view.onDidChangeRegistries((change) => this.follow(change));
    }

    dispose(): void {
        this.following.dispose();
        this.changed.dispose();
    }

    async getResourceItem(resource: AzureResource): Promise<TreeNode> {
        const cloud = await readCloudConfig();
        const subscription = resource.subscription;
        // The sidebar hands us VS Code sessions, not SDK credentials: one scoped credential for ARM, one for Key Vault.
        const credential = createScopedSessionCredential(subscription.authentication, armScope(cloud));
        const vaultCredential = createScopedSessionCredential(subscription.authentication, keyVaultScope(cloud));
        const factory = new AzureClientFactory({ cloud, credential, getVaultCredential: () => vaultCredential });
        const key = subscription.subscriptionId.toLowerCase();
        let list = this.lists.get(key);
        if (!list) {
            list = listRegistriesInSubscription(factory, subscription.subscriptionId);
            this.lists.set(key, list);
            list.catch(() => this.lists.delete(key));
        }
        const registry = (await list.catch(() => [])).find((candidate) => candidate.id.toLowerCase() === resource.id.toLowerCase())
            ?? await getRegistry(factory, resource.id);
        const item = new RegistryNode(undefined, registry, factory, subscription.tenantId);
        this.items.set(registry.id.toLowerCase(), item);
        return item;
    }

    async getChildren(element: TreeNode): Promise<TreeNode[]> {
        return childrenWithTelemetry(this.telemetry, 'acrCmk.azureResources.getChildren', async (context) => (await element.getChildren?.(context)) ?? []);
    }

    getTreeItem(element: TreeNode): vscode.TreeItem {
        const item = element.getTreeItem();
        return element instanceof RegistryNode ? decorateKeyAccess(item, this.view.keyAccessMarks.get(element.registry.id)) : item;
    }

    /** The registry items a change concerns, redrawn (their children are read again when next expanded). */
    private follow(change: RegistryChange): void {
        if (change.scope === 'all') {
            this.lists.clear();
            this.changed.fire(undefined);
            return;
        }
        const subscriptionId = change.scope === 'subscription' ? change.subscriptionId.toLowerCase() : subscriptionOfRegistry(change.registryId);
        this.lists.delete(subscriptionId);
        const affected = change.scope === 'registry'
            ? [this.items.get(change.registryId.toLowerCase())]
            : [...this.items.values()].filter((item) => subscriptionOfRegistry(item.registry.id) === subscriptionId);
        for (const item of affected) {
            if (!item) {
                continue;
            }
            if (change.scope === 'registry' && change.registry) {
                item.registry = change.registry;
            }
            this.changed.fire(item);
        }
    }
}
