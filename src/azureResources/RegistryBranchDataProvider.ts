import type { AzureResource, AzureResourceBranchDataProvider } from '@microsoft/vscode-azureresources-api';
import * as vscode from 'vscode';
import type { TelemetryRunner } from '../azext/AzExtRuntime';
import { readCloudConfig } from '../auth/readCloudConfig';
import { createScopedSessionCredential } from '../auth/vscodeSubscriptionSource';
import { AzureClientFactory } from '../domain/clients/AzureClientFactory';
import { armScope, keyVaultScope } from '../domain/cloud/CloudConfig';
import { getRegistry } from '../domain/registries/getRegistry';
import type { RegistrySummary } from '../domain/registries/RegistryEncryption';
import { subscriptionOfRegistry, type RegistryChange } from '../tree/registryChanges';
import type { RegistryInventory } from '../tree/RegistryInventory';
import { RegistryNode } from '../tree/RegistryNode';
import { registryRowItem, type RegistryRowMarks } from '../tree/registryRow';
import { childrenWithTelemetry } from '../tree/treeChildren';
import type { TreeNode } from '../tree/TreeNode';

/**
 * What the branch shares with our own view (RegistryTreeDataProvider): its registry lists, every mark of its rows, every
 * change of what is known about registries, and the redraws of rows whose marks changed.
 */
export interface RegistryViewState extends RegistryRowMarks {
    readonly inventory: Pick<RegistryInventory, 'getRegistries'>;
    readonly onDidChangeRegistries: vscode.Event<RegistryChange>;
    readonly onDidRedrawRegistries: vscode.Event<readonly string[]>;
}

/**
 * Our registry items under the Azure Resources extension's ContainerRegistry resources, drawn as our own view draws
 * them (registryRowItem: same labels, icons, contextValues — hence menus — and marks) from the same lists. A flow that
 * changed or marked a registry, a refresh, or a new fleet warning redraws the sidebar's item too.
 */
export class RegistryBranchDataProvider implements AzureResourceBranchDataProvider<TreeNode>, vscode.Disposable {
    private readonly changed = new vscode.EventEmitter<TreeNode | undefined>();
    readonly onDidChangeTreeData = this.changed.event;
    /** The items handed to the sidebar, by registry id: a change redraws the very object it holds. */
    private readonly items = new Map<string, RegistryNode>();
    private readonly following: vscode.Disposable[];

    constructor(
        private readonly telemetry: TelemetryRunner,
        private readonly view: RegistryViewState,
    ) {
        this.following = [view.onDidChangeRegistries((change) => this.follow(change)), view.onDidRedrawRegistries((registryIds) => this.redraw(registryIds))];
    }

    dispose(): void {
        this.following.forEach((listener) => listener.dispose());
        this.changed.dispose();
    }

    async getResourceItem(resource: AzureResource): Promise<TreeNode> {
        const cloud = await readCloudConfig();
        const subscription = resource.subscription;
        // The sidebar hands us VS Code sessions, not SDK credentials: one scoped credential for ARM, one for Key Vault.
        const credential = createScopedSessionCredential(subscription.authentication, armScope(cloud));
        const vaultCredential = createScopedSessionCredential(subscription.authentication, keyVaultScope(cloud));
        const factory = new AzureClientFactory({ cloud, credential, getVaultCredential: () => vaultCredential });
        const item = new RegistryNode(undefined, await this.read(factory, resource.id), factory, subscription.tenantId);
        this.items.set(item.registry.id.toLowerCase(), item);
        return item;
    }

    async getChildren(element: TreeNode): Promise<TreeNode[]> {
        return childrenWithTelemetry(this.telemetry, 'acrCmk.azureResources.getChildren', element);
    }

    getTreeItem(element: TreeNode): vscode.TreeItem {
        return element instanceof RegistryNode ? registryRowItem(element, this.view) : element.getTreeItem();
    }

    /**
     * A registry as our view's list has it (one list per subscription, whichever view asks first lists it), or read
     * alone when that list cannot be read or lacks it (a registry newer than the list).
     */
    private async read(factory: AzureClientFactory, registryId: string): Promise<RegistrySummary> {
        const listed = await this.view.inventory.getRegistries({ subscriptionId: subscriptionOfRegistry(registryId), factory }).catch(() => []);
        return listed.find((candidate) => candidate.id.toLowerCase() === registryId.toLowerCase()) ?? getRegistry(factory, registryId);
    }

    /** The items a change concerns, redrawn (their children are read again when next expanded). */
    private follow(change: RegistryChange): void {
        if (change.scope === 'all') {
            // The sidebar asks for its items again, from the lists our view reads afresh.
            this.changed.fire(undefined);
            return;
        }
        if (change.scope === 'subscription') {
            void this.relist(change.subscriptionId.toLowerCase());
            return;
        }
        const item = this.items.get(change.registryId.toLowerCase());
        if (item) {
            item.registry = change.registry ?? item.registry;
            this.changed.fire(item);
        } else if (this.items.size > 0) {
            // A registry the sidebar has not asked about while it shows others (a new one): the whole branch is drawn again.
            this.changed.fire(undefined);
        }
    }

    /**
     * Its subscription was listed again (Refresh, a registry created): the items drawn show the new list's readings,
     * each redrawn; when the list gained or lost a registry (or could not be read) the whole branch is drawn again.
     */
    private async relist(subscriptionId: string): Promise<void> {
        const drawn = [...this.items.values()].filter((item) => subscriptionOfRegistry(item.registry.id) === subscriptionId);
        const list =
            drawn.length > 0 ? await this.view.inventory.getRegistries({ subscriptionId, factory: drawn[0]!.factory }).catch(() => undefined) : undefined;
        const fresh = new Map(list?.map((registry) => [registry.id.toLowerCase(), registry]));
        for (const item of drawn) {
            item.registry = fresh.get(item.registry.id.toLowerCase()) ?? item.registry;
        }
        if (list && list.length === drawn.length && drawn.every((item) => fresh.has(item.registry.id.toLowerCase()))) {
            drawn.forEach((item) => this.changed.fire(item));
        } else if (this.items.size > 0) {
            this.changed.fire(undefined);
        }
    }

    /** Rows whose marks changed (fleet warnings read): the items the sidebar holds for them, no new Azure call. */
    private redraw(registryIds: readonly string[]): void {
        registryIds.flatMap((id) => this.items.get(id.toLowerCase()) ?? []).forEach((item) => this.changed.fire(item));
    }
}
