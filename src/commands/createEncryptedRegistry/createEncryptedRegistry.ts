import type { IActionContext } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';
import type { CommandServices } from '../CommandServices';
import { createExecuteSteps } from './createExecuteSteps';
import type { CreateRegistryContext } from './CreateRegistryContext';
import { KeySpecStep } from './KeySpecStep';
import { KeyVersioningStep } from './KeyVersioningStep';
import { NameStep, names } from './NameStep';
import { SubscriptionNode } from '../../tree/SubscriptionNode';
import { SummaryStep } from './SummaryStep';
import { VaultRetentionStep } from './VaultRetentionStep';
import { resourceNameFromId } from '../../domain/util/resourceId';
import { announceRegistry } from '../wizard/announceRegistry';
import { FlowWizard } from '../wizard/FlowWizard';
import { SubscriptionPickStep } from '../wizard/SubscriptionPickStep';
import { IdentityPickStep } from '../wizard/pickers/IdentityPickStep';
import { KeyPickStep } from '../wizard/pickers/KeyPickStep';
import { LocationPickStep } from '../wizard/pickers/LocationPickStep';
import { ResourceGroupPickStep } from '../wizard/pickers/ResourceGroupPickStep';
import { VaultPickStep } from '../wizard/pickers/VaultPickStep';
import { createIdentityPicker, createKeyPicker, createLocationPicker, createResourceGroupPicker, createVaultPicker } from './createPickers';
import { ExportChoiceStep, exportArmTemplate } from './openArmTemplate';

/**
 * "Create Registry with Customer-Managed Key": from the palette, the view's title bar, or a subscription node (then
 * the subscription is not asked). Returns the new registry's id.
 */
export function createEncryptedRegistry(actionContext: IActionContext, services: CommandServices, arg?: unknown): Promise<string | undefined> {
    return runCreateWizard(actionContext, services, arg, false);
}

/** The wizard behind both "Create Registry…" and "Export ARM Template…" (which ends at the summary with the template). */
export async function runCreateWizard(
    actionContext: IActionContext,
    services: CommandServices,
    arg: unknown,
    exportOnly: boolean,
): Promise<string | undefined> {
    const subscription = arg instanceof SubscriptionNode ? arg.target : undefined;
    const context: CreateRegistryContext = Object.assign(actionContext, { services, exportOnly, subscription });
    const wizard = new FlowWizard(context, {
        title: exportOnly
            ? vscode.l10n.t('Export ARM Template for a Registry with a Customer-Managed Key')
            : vscode.l10n.t('Create Registry with Customer-Managed Key'),
        promptSteps: [
            new SubscriptionPickStep(),
            new ResourceGroupPickStep(createResourceGroupPicker),
            new NameStep(names.resourceGroup),
            new LocationPickStep(createLocationPicker, 'resourceGroup'),
            new NameStep(names.registry),
            new IdentityPickStep(createIdentityPicker),
            new NameStep(names.identity),
            new VaultPickStep(createVaultPicker),
            new NameStep(names.vault),
            new VaultRetentionStep(),
            new KeyPickStep(createKeyPicker),
            new NameStep(names.key),
            new KeySpecStep(),
            new KeyVersioningStep(),
            new SummaryStep(),
            new ExportChoiceStep(),
        ],
        executeSteps: createExecuteSteps(),
    });
    await wizard.prompt();
    if (context.exportChosen) {
        return context.exportAction ? exportArmTemplate(context) : undefined;
    }
    await wizard.execute();
    const registryId = context.result?.registryId;
    if (registryId) {
        await services.tree.revealRegistry(registryId);
        announceCreated(context, registryId);
    }
    return registryId;
}

/** The notification that ends a successful Create: what now exists, by name, and what a user does next. */
function announceCreated(context: CreateRegistryContext, registryId: string): void {
    const vault = context.vault?.kind === 'new' ? context.vault.name : (context.vaultInfo?.name ?? resourceNameFromId(context.vault?.id ?? ''));
    const identity = context.identity?.kind === 'new' ? context.identity.name : resourceNameFromId(context.identity?.id ?? '');
    announceRegistry(
        vscode.l10n.t(
            'Created registry "{0}" encrypted with key "{1}" of key vault "{2}", through user-assigned identity "{3}".',
            context.registryName ?? '',
            context.key?.name ?? '',
            vault,
            identity,
        ),
        registryId,
    );
}
