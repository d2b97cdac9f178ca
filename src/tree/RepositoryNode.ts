import * as vscode from 'vscode';
import type { AzureClientFactory } from '../domain/clients/AzureClientFactory';
import { listRepositoryTags, type DataPlaneRegistry, type RepositorySummary } from '../domain/registryData/listRepositories';
import { dataAccessProblemText, tagCountText } from './dataAccessText';
import { MessageNode } from './MessageNode';
import { TagNode } from './TagNode';
import type { TreeNode } from './TreeNode';

/** A repository of a registry; its tags are read when it is expanded. */
export class RepositoryNode implements TreeNode {
    readonly id: string;

    constructor(
        readonly parent: TreeNode,
        private readonly factory: AzureClientFactory,
        private readonly registry: DataPlaneRegistry,
        readonly repository: RepositorySummary,
    ) {
        this.id = `${parent.id}/${repository.name}`;
    }

    getTreeItem(): vscode.TreeItem {
        const item = new vscode.TreeItem(this.repository.name, vscode.TreeItemCollapsibleState.Collapsed);
        item.id = this.id;
        item.description = this.repository.tagCount === undefined ? undefined : tagCountText(this.repository.tagCount);
        item.iconPath = new vscode.ThemeIcon('package');
        item.contextValue = 'registryRepository';
        return item;
    }

    async getChildren(): Promise<TreeNode[]> {
        const listing = await listRepositoryTags(this.factory, this.registry, this.repository.name);
        if (listing.kind !== 'listed') {
            return [new MessageNode(`${this.id}/unreachable`, 'error', dataAccessProblemText(listing), undefined, undefined, this)];
        }
        if (listing.tags.length === 0) {
            return [new MessageNode(`${this.id}/noTags`, 'empty', vscode.l10n.t('No tags'), undefined, undefined, this)];
        }
        return listing.tags.map((tag) => new TagNode(this, tag));
    }
}
