import * as vscode from 'vscode';
import { errorMessage } from '../l10n/errorMessage';
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

    /** A view's "Sign in to Azure…" row (`view`: the view's id), running Sign In. */
    static signIn(view: string): MessageNode {
        return new MessageNode(`${view}/signIn`, 'signedOut', vscode.l10n.t('Sign in to Azure…'), {
            title: vscode.l10n.t('Sign In'),
            command: 'acrCmk.signIn',
        });
    }

    /** A view's root could not load: the error, with Retry (a refresh). */
    static error(view: string, error: unknown): MessageNode {
        const text = vscode.l10n.t('Error: {0} (click to retry)', errorMessage(error));
        return new MessageNode(`${view}/error`, 'error', text, { title: vscode.l10n.t('Retry'), command: 'acrCmk.refresh' }, errorMessage(error));
    }
}
