import * as vscode from 'vscode';
import type { SubscriptionTarget } from '../auth/SubscriptionSource';
import { errorMessage } from '../l10n/errorMessage';
import { MessageNode } from './MessageNode';
import type { RegistryInventory } from './RegistryInventory';
import { RegistryNode } from './RegistryNode';
import type { TreeNode } from './TreeNode';

export class SubscriptionNode implements TreeNode {
    readonly id: string;

    constructor(readonly target: SubscriptionTarget, private readonly inventory: RegistryInventory) {
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
            return [new MessageNode(`${this.id}/error`, 'error', vscode.l10n.t('Could not list registries: {0}', errorMessage(error)),
                { title: vscode.l10n.t('Retry'), command: 'acrCmk.refresh', arguments: [this] }, undefined, this)];
        }
        if (registries.length === 0) {
            return [new MessageNode(`${this.id}/empty`, 'empty', vscode.l10n.t('No container registries in this subscription'), undefined, undefined, this)];
        }
        return registries.map((registry) => new RegistryNode(this, registry, this.target.factory, this.target.tenantId));
    }
}
