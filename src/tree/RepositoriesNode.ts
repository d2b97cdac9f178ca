import * as vscode from 'vscode';
import type { AzureClientFactory } from '../domain/clients/AzureClientFactory';
import type { DataPlaneRegistry, RepositoryListing } from '../domain/registryData/listRepositories';
import { dataAccessProblemText, repositoryCountText } from './dataAccessText';
import { MessageNode } from './MessageNode';
import { RepositoryNode } from './RepositoryNode';
import type { TreeNode } from './TreeNode';

/** "Repositories" under a registry: what its data plane listed when the registry was expanded, or why it could not. */
export class RepositoriesNode implements TreeNode {
    readonly id: string;

    constructor(
        readonly parent: TreeNode,
        private readonly factory: AzureClientFactory,
        private readonly registry: DataPlaneRegistry,
        readonly listing: RepositoryListing,
    ) {
        this.id = `${parent.id}/repositories`;
    }

    getTreeItem(): vscode.TreeItem {
        const { listing } = this;
        const item = new vscode.TreeItem(vscode.l10n.t('Repositories'), vscode.TreeItemCollapsibleState.Collapsed);
        item.id = this.id;
        item.description = listing.kind === 'listed' ? repositoryCountText(listing.repositories.length) : vscode.l10n.t('data unreachable');
        item.tooltip = listing.kind === 'listed' ? undefined : dataAccessProblemText(listing);
        item.iconPath = listing.kind === 'listed' ? new vscode.ThemeIcon('repo') : new vscode.ThemeIcon('error', new vscode.ThemeColor('errorForeground'));
        item.contextValue = `registryRepositories;data:${listing.kind}`;
        return item;
    }

    async getChildren(): Promise<TreeNode[]> {
        const { listing } = this;
        if (listing.kind !== 'listed') {
            const text = vscode.l10n.t("The registry's data is unreachable. {0}", dataAccessProblemText(listing));
            return [new MessageNode(`${this.id}/unreachable`, 'error', text, undefined, text, this)];
        }
        if (listing.repositories.length === 0) {
            return [new MessageNode(`${this.id}/empty`, 'empty', vscode.l10n.t('No repositories'), undefined, undefined, this)];
        }
        return listing.repositories.map((repository) => new RepositoryNode(this, this.factory, this.registry, repository));
    }
}
