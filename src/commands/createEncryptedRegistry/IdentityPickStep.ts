import { AzureWizardPromptStep, type IAzureQuickPickItem } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';
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
        const client = await target.factory.managedIdentities(target.subscriptionId);
        const picks: IAzureQuickPickItem<string>[] = [];
        for await (const identity of client.userAssignedIdentities.listBySubscription()) {
            if (identity.id) {
                picks.push({ label: identity.name ?? identity.id, description: vscode.l10n.t('client ID {0}', identity.clientId ?? ''), detail: identity.id.split('/')[4], data: identity.id });
            }
        }
        picks.sort((a, b) => a.label.localeCompare(b.label));
        return [{ label: vscode.l10n.t('$(plus) Create new user-assigned managed identity'), data: 'new' }, ...picks];
    }
}
