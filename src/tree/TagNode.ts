import * as vscode from 'vscode';
import type { TaggedManifest } from '../domain/azure/registryData';
import type { TreeNode } from './TreeNode';

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
