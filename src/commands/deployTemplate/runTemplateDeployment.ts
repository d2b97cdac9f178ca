import type { IActionContext } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';
import type { AzureClientFactory } from '../../domain/clients/AzureClientFactory';
import { deployTemplate, type DeployInput } from '../../domain/create/template/deployTemplate';
import {
    findLeftovers,
    removeLeftovers,
    resourceGroupLeftover,
    resourcesBefore,
    type Leftover,
    type ResourcesBefore,
} from '../../domain/create/template/leftovers';
import { isDomainError } from '../../domain/errors';
import { errorMessage } from '../../l10n/errorMessage';
import type { CommandServices } from '../CommandServices';
import { announceRegistry } from '../wizard/announceRegistry';

/**
 * Deploys with progress; then the notification that says what now exists (the registry revealed in the tree when the
 * template made one). A failed deployment says what it left behind and offers to delete exactly that.
 */
export async function runTemplateDeployment(
    context: IActionContext & { readonly services: CommandServices },
    factory: AzureClientFactory,
    input: DeployInput,
    options: { readonly groupCreated?: boolean } = {},
): Promise<string> {
    let before: ResourcesBefore | undefined;
    try {
        const result = await vscode.window.withProgress(
            {
                location: vscode.ProgressLocation.Notification,
                title: vscode.l10n.t('Deploying "{0}" to resource group "{1}"…', input.deploymentName, input.resourceGroup),
            },
            async () => {
                before = await resourcesBefore(factory, input);
                return deployTemplate(factory, input);
            },
        );
        const output = (result.outputs.registryId as { value?: unknown } | undefined)?.value;
        const registryId = typeof output === 'string' ? output : '';
        await context.services.tree.refresh();
        if (registryId) {
            await context.services.tree.revealRegistry(registryId);
            announceRegistry(
                vscode.l10n.t(
                    'Deployment "{0}" to resource group "{1}" succeeded: registry "{2}" is encrypted with a customer-managed key.',
                    input.deploymentName,
                    input.resourceGroup,
                    registryId.split('/').pop() ?? registryId,
                ),
                registryId,
            );
        } else {
            void vscode.window.showInformationMessage(
                vscode.l10n.t('Deployment "{0}" to resource group "{1}" succeeded.', input.deploymentName, input.resourceGroup),
            );
        }
        return result.id;
    } catch (error) {
        if (!before || !isDomainError(error) || error.code !== 'DeploymentFailed') {
            throw error;
        }
        await reportFailure(context, factory, input, before, error, options.groupCreated === true);
        throw error;
    }
}

/** The failing operation's own error, what the deployment left behind, and Delete What This Deployment Created. */
async function reportFailure(
    context: IActionContext & { readonly services: CommandServices },
    factory: AzureClientFactory,
    input: DeployInput,
    before: ResourcesBefore,
    error: Error,
    groupCreated: boolean,
): Promise<void> {
    const leftovers: Leftover[] = await findLeftovers(factory, input, before).catch(() => []);
    if (groupCreated) {
        leftovers.push(resourceGroupLeftover(input.subscriptionId, input.resourceGroup));
    }
    const remove: vscode.MessageItem = { title: vscode.l10n.t('Delete What This Deployment Created') };
    const detail = [
        vscode.l10n.t('Created by this deployment:'),
        ...(leftovers.length === 0 ? [vscode.l10n.t('  (none)')] : leftovers.map((leftover) => `  • ${leftoverText(leftover)}`)),
    ].join('\n');
    context.errorHandling.suppressDisplay = true;
    const choice = await vscode.window.showErrorMessage(errorMessage(error), { modal: true, detail }, ...(leftovers.length > 0 ? [remove] : []));
    if (choice !== remove) {
        return;
    }
    await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Deleting what deployment "{0}" created…', input.deploymentName) },
        () => removeLeftovers(factory, input.subscriptionId, leftovers),
    );
    await context.services.tree.refresh();
    void vscode.window.showInformationMessage(
        vscode.l10n.t('Deleted what deployment "{0}" created: {1}.', input.deploymentName, leftovers.map(leftoverText).join('; ')),
    );
}

/** One line per leftover, as the failure report lists them. */
export function leftoverText(leftover: Leftover): string {
    if (leftover.kind === 'accessPolicy') {
        return vscode.l10n.t(
            'access policy of identity "{0}" in key vault "{1}" ({2})',
            leftover.identityName,
            leftover.vaultName,
            leftover.permissions.join(', '),
        );
    }
    if (leftover.type.toLowerCase() === 'microsoft.keyvault/vaults') {
        return vscode.l10n.t(
            'key vault "{0}" (deleting it keeps it soft-deleted; purge protection reserves its name until the retention period ends)',
            leftover.name,
        );
    }
    if (leftover.type.toLowerCase() === 'microsoft.resources/resourcegroups') {
        return vscode.l10n.t('resource group "{0}" (created for this deployment)', leftover.name);
    }
    return `${leftover.type} "${leftover.name}"`;
}
