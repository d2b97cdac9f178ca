import * as vscode from 'vscode';
import type { TreeNode } from './TreeNode';

export type MessageKind = 'signedOut' | 'noSubscriptions' | 'loading' | 'error' | 'empty';

const icons: Record<MessageKind, vscode.ThemeIcon> = {
    signedOut: new vscode.ThemeIcon('sign-in'),
    noSubscriptions: new vscode.ThemeIcon('info'),
    loading: new vscode.ThemeIcon('loading~spin'),
    error: new vscode.ThemeIcon('error', new vscode.ThemeColor('errorForeground')),
    empty: new vscode.ThemeIcon('info'),
};

/** A state row (signed out, error with retry, empty …); clicking it runs `command` when one is given. */
export class MessageNode implements TreeNode {
    constructor(
        readonly id: string,
        readonly kind: MessageKind,
        private readonly label: string,
        private readonly command?: vscode.Command,
        private readonly detail?: string,
        readonly parent?: TreeNode,
    ) {}

    getTreeItem(): vscode.TreeItem {
        const item = new vscode.TreeItem(this.label, vscode.TreeItemCollapsibleState.None);
        item.id = this.id;
        item.iconPath = icons[this.kind];
        item.contextValue = `message;kind:${this.kind}`;
        item.command = this.command;
        item.tooltip = this.detail ?? this.label;
        return item;
    }
}
