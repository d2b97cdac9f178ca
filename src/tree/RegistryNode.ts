import * as vscode from 'vscode';
import type { RegistrySummary } from '../domain/registries/RegistryEncryption';
import type { CloudConfig } from '../domain/cloud/CloudConfig';
import type { AzureClientFactory } from '../domain/clients/AzureClientFactory';
import { EncryptionDetailNode, type EncryptionDetailKind } from './EncryptionDetailNode';
import { registryContextValue, registryDescription, registryIcon, registryTooltip } from './registryPresentation';
import type { TreeNode } from './TreeNode';
import { nextExpectedRotation } from './nextExpectedRotation';

const detailKinds: EncryptionDetailKind[] = ['vault', 'key', 'version', 'identity', 'lastRotation'];

/** A container registry row; CMK registries expand into their encryption details. */
export class RegistryNode implements TreeNode {
    constructor(
        readonly parent: TreeNode | undefined,
        public registry: RegistrySummary,
        /** Client factory bound to the credential of the registry's subscription (commands reuse it). */
        readonly factory: AzureClientFactory,
        readonly tenantId: string | undefined,
    ) { }

    get id(): string {
        return this.registry.id;
    }

    get cloud(): CloudConfig {
        return this.factory.cloud;
    }

    getTreeItem(): vscode.TreeItem {
        const cmk = this.registry.encryption.status === 'enabled';
        const item = new vscode.TreeItem(this.registry.name, cmk ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
        item.id = this.registry.id;
        item.description = registryDescription(this.registry);
        item.tooltip = registryTooltip(this.registry);
        item.iconPath = registryIcon(this.registry);
        item.contextValue = registryContextValue(this.registry);
        return item;
    }

    async getChildren(): Promise<TreeNode[]> {
        const state = this.registry.encryption;
        if (state.status !== 'enabled') {
            return [];
        }
        const details: TreeNode[] = detailKinds.map((kind) => new EncryptionDetailNode(this, kind, state));
        if (state.rotation === 'automatic' && state.key) {
            details.push(new EncryptionDetailNode(this, 'nextRotation', state, await nextExpectedRotation(this.factory, state.key)));
        }
        return details;
    }
}
