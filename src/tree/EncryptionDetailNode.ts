import * as vscode from 'vscode';
import type { CustomerManagedKeyState } from '../domain/registries/RegistryEncryption';
import type { TreeNode } from './TreeNode';

export type EncryptionDetailKind = 'vault' | 'key' | 'version' | 'identity' | 'lastRotation' | 'nextRotation';

/** One fact about a CMK registry's encryption: vault, key, version, identity or last rotation. */
export class EncryptionDetailNode implements TreeNode {
    readonly id: string;

    /** `nextRotation` (kind `nextRotation` only): a date, `null` when the key has no rotation policy, undefined when it could not be read. */
    constructor(
        readonly parent: TreeNode,
        readonly kind: EncryptionDetailKind,
        private readonly state: CustomerManagedKeyState,
        private readonly nextRotation?: Date | null,
    ) {
        this.id = `${parent.id}/${kind}`;
    }

    getTreeItem(): vscode.TreeItem {
        const { label, value, icon, tooltip } = this.describe();
        const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.None);
        item.id = this.id;
        item.description = value;
        item.tooltip = tooltip ?? value;
        item.iconPath = new vscode.ThemeIcon(icon);
        item.contextValue = `encryptionDetail;kind:${this.kind}`;
        return item;
    }

    private describe(): { label: string; value: string; icon: string; tooltip?: string } {
        const { state } = this;
        switch (this.kind) {
            case 'vault':
                return {
                    label: vscode.l10n.t('Key vault'),
                    value: state.key?.vaultName ?? vscode.l10n.t('unknown'),
                    icon: 'key',
                    tooltip: state.key?.vaultUrl,
                };
            case 'key':
                return { label: vscode.l10n.t('Key'), value: state.key?.keyName ?? state.keyIdentifier, icon: 'symbol-key', tooltip: state.keyIdentifier };
            case 'version': {
                const automatic = state.rotation === 'automatic';
                const value = automatic ? vscode.l10n.t('latest — automatic rotation') : (state.currentVersion ?? vscode.l10n.t('unknown'));
                return { label: vscode.l10n.t('Version'), value, icon: automatic ? 'sync' : 'pin', tooltip: state.versionedKeyIdentifier };
            }
            case 'identity':
                return { label: vscode.l10n.t('Identity'), ...this.describeIdentity(), icon: 'person' };
            case 'lastRotation':
                return {
                    label: vscode.l10n.t('Last rotation'),
                    value: state.lastKeyRotation ? state.lastKeyRotation.toLocaleString(vscode.env.language) : vscode.l10n.t('never'),
                    icon: 'history',
                    tooltip: state.lastKeyRotation?.toISOString(),
                };
            case 'nextRotation':
                return {
                    label: vscode.l10n.t('Next expected rotation'),
                    value: this.nextRotation
                        ? this.nextRotation.toLocaleString(vscode.env.language)
                        : this.nextRotation === null
                          ? vscode.l10n.t('no rotation policy on the key')
                          : vscode.l10n.t('unknown'),
                    icon: 'calendar',
                    tooltip: this.nextRotation
                        ? vscode.l10n.t('Key Vault creates a new version at {0}; the registry picks it up within an hour.', this.nextRotation.toISOString())
                        : undefined,
                };
        }
    }

    private describeIdentity(): { value: string; tooltip?: string } {
        const identity = this.state.identity;
        switch (identity?.kind) {
            case 'system':
                return {
                    value: vscode.l10n.t('system-assigned identity'),
                    tooltip: identity.principalId ? vscode.l10n.t('Principal ID: {0}', identity.principalId) : undefined,
                };
            case 'user':
                return { value: vscode.l10n.t('{0} (user-assigned, client ID {1})', identity.name, identity.clientId), tooltip: identity.resourceId };
            case 'unassigned':
                return { value: vscode.l10n.t('client ID {0} — not assigned to the registry', identity.clientId) };
            case 'principalIdUsed':
                return { value: vscode.l10n.t('{0} — principal ID used instead of client ID', identity.name), tooltip: identity.resourceId };
            default:
                return { value: vscode.l10n.t('none') };
        }
    }
}
