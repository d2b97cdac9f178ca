import { AzureWizardPromptStep, type IAzureQuickPickItem } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';
import { listVaults } from '../../domain/access/getVault';
import { allowsTrustedServices, isFirewalled, type VaultInfo } from '../../domain/access/VaultInfo';
import { pickSubscription } from '../pickRegistry';
import type { RotationWizardContext } from './RotateKeyContext';
import { DomainError } from '../../domain/errors';

/** One key vault of the subscription picked before (VaultSubscriptionStep). */
export class VaultPickStep extends AzureWizardPromptStep<RotationWizardContext> {
    /** @param question the step-count question it answers (a flow may count it with another). */
    constructor(readonly question = 'key') {
        super();
    }

    async prompt(context: RotationWizardContext): Promise<void> {
        const target = context.vaultSubscription ?? await pickSubscription(context, context.services);
        const vaults = await listVaults(context.factory, target.subscriptionId);
        if (vaults.length === 0) {
            throw new DomainError('SubscriptionHasNoVaults', { subscription: target.name });
        }
        const picks = vaults.map((vault): IAzureQuickPickItem<VaultInfo> => ({
            label: vault.name, description: vaultDescription(vault), detail: vault.resourceGroup, data: vault,
        }));
        const vault = (await context.ui.showQuickPick(picks, { placeHolder: vscode.l10n.t('Select a key vault') })).data;
        context.vaultUrl = vault.vaultUri.replace(/\/+$/, '');
        context.answers.subscriptionIds = [...new Set([...(context.answers.subscriptionIds ?? []), target.subscriptionId])];
    }

    shouldPrompt(context: RotationWizardContext): boolean {
        return !context.vaultUrl && !context.answers.keyId;
    }
}

function vaultDescription(vault: VaultInfo): string {
    const model = vault.enableRbacAuthorization ? vscode.l10n.t('Azure RBAC') : vscode.l10n.t('access policies');
    if (!isFirewalled(vault)) {
        return model;
    }
    return allowsTrustedServices(vault)
        ? vscode.l10n.t('{0} · firewall, trusted services allowed', model)
        : vscode.l10n.t('{0} · firewall, trusted services blocked', model);
}
