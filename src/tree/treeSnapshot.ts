import type * as vscode from 'vscode';
import type { TreeNode } from './TreeNode';

/** A plain-data copy of a tree row, for tests (see `AcrCmkExtensionApi.getTreeSnapshot`). */
export interface TreeSnapshotNode {
    readonly id?: string;
    readonly label: string;
    readonly description?: string;
    readonly tooltip?: string;
    readonly contextValue?: string;
    readonly icon?: { readonly id: string; readonly color?: string };
    readonly children?: TreeSnapshotNode[];
}

/** Expands every node (as a user clicking through would) and returns the rows as plain data. */
export async function snapshotTree(provider: vscode.TreeDataProvider<TreeNode>, parent?: TreeNode): Promise<TreeSnapshotNode[]> {
    const nodes = (await provider.getChildren(parent)) ?? [];
    return Promise.all(
        nodes.map(async (node) => {
            const item = await provider.getTreeItem(node);
            const expandable = item.collapsibleState !== undefined && item.collapsibleState !== 0;
            const icon = item.iconPath as { id?: string; color?: { id: string } } | undefined;
            return {
                id: item.id,
                label: typeof item.label === 'string' ? item.label : (item.label?.label ?? ''),
                description: typeof item.description === 'string' ? item.description : undefined,
                tooltip: typeof item.tooltip === 'string' ? item.tooltip : item.tooltip?.value,
                contextValue: item.contextValue,
                icon: icon?.id ? { id: icon.id, color: icon.color?.id } : undefined,
                children: expandable ? await snapshotTree(provider, node) : undefined,
            };
        }),
    );
}
