import * as vscode from 'vscode';
import type { SubscriptionTarget } from '../auth/SubscriptionSource';
import { errorMessage } from '../l10n/errorMessage';
import { MessageNode } from './MessageNode';
import type { RegistryInventory } from './RegistryInventory';
import { RegistryNode } from './RegistryNode';
import type { TreeNode } from './TreeNode';

export class SubscriptionNode implements TreeNode {
    readonly id: string;
    /**
     * The registry rows handed to VS Code, by id (lower case). VS Code knows a row by the object it was given:
     * `reveal` and a targeted refresh work only with that same object, so a re-list updates these in place.
     */
    private readonly rows = new Map<string, RegistryNode>();

    constructor(
        readonly target: SubscriptionTarget,
        private readonly inventory: RegistryInventory,
    ) {
        this.id = `/subscriptions/${target.subscriptionId}`;
    }

    getTreeItem(): vscode.TreeItem {
        const item = new vscode.TreeItem(this.target.name, vscode.TreeItemCollapsibleState.Collapsed);
        item.id = this.id;
        item.description = this.target.subscriptionId;
        item.tooltip = vscode.l10n.t('Subscription {0} ({1})', this.target.name, this.target.subscriptionId);
        item.iconPath = new vscode.ThemeIcon('azure');
        item.contextValue = 'subscription';
        return item;
    }

    async getChildren(): Promise<TreeNode[]> {
        let registries;
        try {
            registries = await this.inventory.getRegistries(this.target);
        } catch (error) {
            // Shown in place (with retry) so one failing subscription does not hide the others.
            const retry = { title: vscode.l10n.t('Retry'), command: 'acrCmk.refresh', arguments: [this] };
            return [new MessageNode(`${this.id}/error`, 'error', vscode.l10n.t('Could not list registries: {0}', errorMessage(error)), retry, undefined, this)];
        }
        if (registries.length === 0) {
            return [new MessageNode(`${this.id}/empty`, 'empty', vscode.l10n.t('No container registries in this subscription'), undefined, undefined, this)];
        }
        const known = new Map(this.rows);
        this.rows.clear();
        return registries.map((registry) => {
            const key = registry.id.toLowerCase();
            const row = known.get(key) ?? new RegistryNode(this, registry, this.target.factory, this.target.tenantId);
            row.registry = registry;
            this.rows.set(key, row);
            return row;
        });
    }

    /** The row VS Code shows for a registry of this subscription, once listed. */
    registryRow(registryId: string): RegistryNode | undefined {
        return this.rows.get(registryId.toLowerCase());
    }
}
