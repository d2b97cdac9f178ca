import { AzureWizardPromptStep, type IAzureQuickPickItem } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';
import { listUserIdentities } from '../../domain/azure/userIdentities';
import type { CreateRegistryContext } from './CreateRegistryContext';

export class IdentityPickStep extends AzureWizardPromptStep<CreateRegistryContext> {
    readonly question = 'identity';

    async prompt(context: CreateRegistryContext): Promise<void> {
        const picked = await context.ui.showQuickPick(this.loadPicks(context), {
            placeHolder: vscode.l10n.t('Select the user-assigned managed identity the registry uses to reach its key'),
        });
        context.identity = picked.data === 'new' ? { kind: 'new', name: '' } : { kind: 'existing', id: picked.data };
    }

    shouldPrompt(context: CreateRegistryContext): boolean {
        return !context.identity;
    }

    private async loadPicks(context: CreateRegistryContext): Promise<IAzureQuickPickItem<string>[]> {
        const target = context.subscription!;
        const identities = await listUserIdentities(target.factory, target.subscriptionId);
        const picks = identities.map((identity): IAzureQuickPickItem<string> => ({
            label: identity.name || identity.id, description: vscode.l10n.t('client ID {0}', identity.clientId), detail: identity.resourceGroup, data: identity.id,
        }));
        return [{ label: vscode.l10n.t('$(plus) Create new user-assigned managed identity'), data: 'new' }, ...picks];
    }
}
