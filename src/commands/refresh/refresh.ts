import type { IActionContext } from '@microsoft/vscode-azext-utils';
import type { TreeNode } from '../../tree/TreeNode';
import type { CommandServices } from '../CommandServices';

/** Refreshes the node it is called on, or the whole tree from the view title / palette. */
export async function refresh(_context: IActionContext, services: CommandServices, node?: unknown): Promise<void> {
    await services.tree.refresh(isTreeNode(node) ? node : undefined);
}

function isTreeNode(value: unknown): value is TreeNode {
    return typeof value === 'object' && value !== null && typeof (value as TreeNode).getTreeItem === 'function';
}
