import * as vscode from 'vscode';
import type { RegistryBranchDataProvider } from './RegistryBranchDataProvider';

/**
 * Shows our registry items under the Azure Resources extension's ContainerRegistry resources (see
 * RegistryBranchDataProvider). Optional: absent or refused API → logged once, our own view still works.
 */
export async function registerAzureResourcesBranch(
    context: vscode.ExtensionContext,
    provider: RegistryBranchDataProvider,
    log: (message: string) => void,
): Promise<boolean> {
    try {
        // Checked before loading the API package: without the sidebar extension there is nothing to load it for.
        if (!vscode.extensions.getExtension('ms-azuretools.vscode-azureresourcegroups')) {
            log(vscode.l10n.t('The Azure Resources extension is not installed; registries are shown in the Container Registry Keys view only.'));
            return false;
        }
        const { getAzureResourcesExtensionApi, AzExtResourceType } = await import('@microsoft/vscode-azureresources-api');
        const api = await getAzureResourcesExtensionApi(context, '2.0.0');
        context.subscriptions.push(api.resources.registerAzureResourceBranchDataProvider(AzExtResourceType.ContainerRegistry, provider));
        return true;
    } catch (error) {
        log(
            vscode.l10n.t(
                'The Azure Resources extension did not provide its API ({0}); registries are shown in the Container Registry Keys view only.',
                error instanceof Error ? error.message : String(error),
            ),
        );
        return false;
    }
}
