import * as vscode from 'vscode';
import type { TaggedManifest } from '../domain/azure/registryData';
import type { AzureClientFactory } from '../domain/clients/AzureClientFactory';
import { listRepositoryTags, type DataPlaneRegistry, type RepositoryListing, type RepositorySummary } from '../domain/registryData/listRepositories';
import { dataAccessProblemText, repositoryCountText, tagCountText } from './dataAccessText';
import { MessageNode } from './MessageNode';
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

/** One tag of a repository, with the manifest digest it names. */
export class TagNode implements TreeNode {
    readonly id: string;

    constructor(
        readonly parent: TreeNode,
        readonly tag: TaggedManifest,
    ) {
        this.id = `${parent.id}:${tag.tag}`;
    }

    getTreeItem(): vscode.TreeItem {
        const item = new vscode.TreeItem(this.tag.tag, vscode.TreeItemCollapsibleState.None);
        item.id = this.id;
        item.description = this.tag.digest.replace(/^(sha256:[0-9a-f]{12})[0-9a-f]+$/, '$1…');
        item.tooltip = vscode.l10n.t('{0}, last updated {1}', this.tag.digest, this.tag.lastUpdatedOn.toLocaleString(vscode.env.language));
        item.iconPath = new vscode.ThemeIcon('tag');
        item.contextValue = 'registryTag';
        return item;
    }
}
