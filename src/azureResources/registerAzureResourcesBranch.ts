import type { AzureResource, AzureResourceBranchDataProvider } from '@microsoft/vscode-azureresources-api';
import * as vscode from 'vscode';
import type { TelemetryRunner } from '../azext/AzExtRuntime';
import { AzureClientFactory } from '../domain/clients/AzureClientFactory';
import { armScope, keyVaultScope } from '../domain/cloud/CloudConfig';
import { getRegistry } from '../domain/registries/getRegistry';
import { listRegistriesInSubscription } from '../domain/registries/listRegistries';
import type { RegistrySummary } from '../domain/registries/RegistryEncryption';
import { readCloudConfig } from '../auth/readCloudConfig';
import { createScopedSessionCredential } from '../auth/vscodeSubscriptionSource';
import { RegistryNode } from '../tree/RegistryNode';
import type { TreeNode } from '../tree/TreeNode';

/**
 * Shows our registry items (same labels, icons, contextValues, hence the same menus) under the Azure
 * Resources extension's ContainerRegistry resources. Registries are read with one list per subscription,
 * cached, like our own view. Optional: absent or refused API → logged once, our own view still works.
 */
export async function registerAzureResourcesBranch(context: vscode.ExtensionContext, telemetry: TelemetryRunner, log: (message: string) => void): Promise<boolean> {
    try {
        // Checked before loading the API package: without the sidebar extension there is nothing to load it for.
        if (!vscode.extensions.getExtension('ms-azuretools.vscode-azureresourcegroups')) {
            log(vscode.l10n.t('The Azure Resources extension is not installed; registries are shown in the Container Registry Keys view only.'));
            return false;
        }
        const { getAzureResourcesExtensionApi, AzExtResourceType } = await import('@microsoft/vscode-azureresources-api');
        const api = await getAzureResourcesExtensionApi(context, '2.0.0');
        const provider = new RegistryBranchDataProvider(telemetry);
        context.subscriptions.push(api.resources.registerAzureResourceBranchDataProvider(AzExtResourceType.ContainerRegistry, provider));
        return true;
    } catch (error) {
        log(vscode.l10n.t('The Azure Resources extension did not provide its API ({0}); registries are shown in the Container Registry Keys view only.', error instanceof Error ? error.message : String(error)));
        return false;
    }
}

export class RegistryBranchDataProvider implements AzureResourceBranchDataProvider<TreeNode> {
    private readonly changed = new vscode.EventEmitter<TreeNode | undefined>();
    readonly onDidChangeTreeData = this.changed.event;
    private readonly lists = new Map<string, Promise<RegistrySummary[]>>();

    constructor(private readonly telemetry: TelemetryRunner) { }

    async getResourceItem(resource: AzureResource): Promise<TreeNode> {
        const cloud = await readCloudConfig();
        const subscription = resource.subscription;
        // The sidebar hands us VS Code sessions, not SDK credentials: one scoped credential for ARM, one for Key Vault.
        const credential = createScopedSessionCredential(subscription.authentication, armScope(cloud));
        const vaultCredential = createScopedSessionCredential(subscription.authentication, keyVaultScope(cloud));
        const factory = new AzureClientFactory({ cloud, credential, getVaultCredential: () => vaultCredential });
        const key = subscription.subscriptionId.toLowerCase();
        let list = this.lists.get(key);
        if (!list) {
            list = listRegistriesInSubscription(factory, subscription.subscriptionId);
            this.lists.set(key, list);
            list.catch(() => this.lists.delete(key));
        }
        const registry = (await list.catch(() => [])).find((candidate) => candidate.id.toLowerCase() === resource.id.toLowerCase())
            ?? await getRegistry(factory, resource.id);
        return new RegistryNode(undefined, registry, factory, subscription.tenantId);
    }

    async getChildren(element: TreeNode): Promise<TreeNode[]> {
        const children = await this.telemetry.callWithTelemetryAndErrorHandling('acrCmk.azureResources.getChildren', async (context) => {
            context.telemetry.suppressIfSuccessful = true;
            return (await element.getChildren?.(context)) ?? [];
        });
        return children ?? [];
    }

    getTreeItem(element: TreeNode): vscode.TreeItem {
        return element.getTreeItem();
    }
}
