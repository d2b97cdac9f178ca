import * as vscode from 'vscode';
import { getRotationSchedule } from '../domain/autoRotation/rotationSchedule';
import type { RegistrySummary } from '../domain/registries/RegistryEncryption';
import type { CloudConfig } from '../domain/cloud/CloudConfig';
import type { AzureClientFactory } from '../domain/clients/AzureClientFactory';
import { EncryptionDetailNode, type EncryptionDetailKind } from './EncryptionDetailNode';
import { registryContextValue, registryDescription, registryIcon, registryTooltip } from './registryPresentation';
import type { TreeNode } from './TreeNode';
import { listRepositories } from '../domain/registryData/listRepositories';
import { repositoryCountText } from './dataAccessText';
import { RepositoriesNode } from './repositoryNodes';

const detailKinds: EncryptionDetailKind[] = ['vault', 'key', 'version', 'identity', 'lastRotation'];

/** A container registry row; it expands into its encryption details (CMK registries) and its repositories. */
export class RegistryNode implements TreeNode {
    constructor(
        readonly parent: TreeNode | undefined,
        public registry: RegistrySummary,
        /** Client factory bound to the credential of the registry's subscription (commands reuse it). */
        readonly factory: AzureClientFactory,
        readonly tenantId: string | undefined,
    ) {}

    /** How many repositories its data plane listed when it was last expanded (shown in its tooltip). */
    repositoryCount?: number;

    get id(): string {
        return this.registry.id;
    }

    get cloud(): CloudConfig {
        return this.factory.cloud;
    }

    getTreeItem(): vscode.TreeItem {
        const item = new vscode.TreeItem(this.registry.name, vscode.TreeItemCollapsibleState.Collapsed);
        item.id = this.registry.id;
        item.description = registryDescription(this.registry);
        const tooltip = registryTooltip(this.registry);
        if (this.repositoryCount !== undefined) {
            tooltip.appendMarkdown(`  \n${vscode.l10n.t('Repositories')}: ${repositoryCountText(this.repositoryCount)}`);
        }
        item.tooltip = tooltip;
        item.iconPath = registryIcon(this.registry);
        item.contextValue = registryContextValue(this.registry);
        return item;
    }

    async getChildren(): Promise<TreeNode[]> {
        const [details, repositories] = await Promise.all([this.encryptionDetails(), this.repositories()]);
        return [...details, repositories];
    }

    private async encryptionDetails(): Promise<TreeNode[]> {
        const state = this.registry.encryption;
        if (state.status !== 'enabled') {
            return [];
        }
        const details: TreeNode[] = detailKinds.map((kind) => new EncryptionDetailNode(this, kind, state));
        if (state.rotation === 'automatic' && state.key) {
            // `null` without a rotation policy, undefined when the vault cannot be read (no permission, firewall): the row
            // then says "unknown" instead of failing the expansion.
            const next = await getRotationSchedule(this.factory, state.key).then(
                (schedule) => schedule.nextRotation ?? null,
                () => undefined,
            );
            details.push(new EncryptionDetailNode(this, 'nextRotation', state, next));
        }
        return details;
    }

    /** Read from the registry's own data plane, only when the registry is expanded. */
    private async repositories(): Promise<RepositoriesNode> {
        const listing = await listRepositories(this.factory, this.registry);
        this.repositoryCount = listing.kind === 'listed' ? listing.repositories.length : undefined;
        return new RepositoriesNode(this, this.factory, this.registry, listing);
    }
}
