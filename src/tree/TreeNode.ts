import type { IActionContext } from '@microsoft/vscode-azext-utils';
import type * as vscode from 'vscode';

/** Every row of our tree (and of our branch in the Azure sidebar) is one of these plain classes. */
export interface TreeNode {
    readonly id: string;
    readonly parent?: TreeNode;
    getTreeItem(): vscode.TreeItem;
    getChildren?(context: IActionContext): Promise<TreeNode[]>;
}
