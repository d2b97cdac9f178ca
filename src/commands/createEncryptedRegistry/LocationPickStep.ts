import { AzureWizardPromptStep, type IAzureQuickPickItem } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';
import type { CreateRegistryContext } from './CreateRegistryContext';

/** Asked only for a new resource group: an existing group's location is used for everything the flow creates. */
export class LocationPickStep extends AzureWizardPromptStep<CreateRegistryContext> {
    readonly question = 'resourceGroup';

    async prompt(context: CreateRegistryContext): Promise<void> {
        const picked = await context.ui.showQuickPick(this.loadPicks(context), { placeHolder: vscode.l10n.t('Select a location') });
        context.location = picked.data;
    }

    shouldPrompt(context: CreateRegistryContext): boolean {
        return !context.location;
    }

    private async loadPicks(context: CreateRegistryContext): Promise<IAzureQuickPickItem<string>[]> {
        const target = context.subscription!;
        const client = await target.factory.subscriptions();
        const picks: IAzureQuickPickItem<string>[] = [];
        for await (const location of client.subscriptions.listLocations(target.subscriptionId)) {
            if (location.name) {
                picks.push({ label: location.displayName ?? location.name, description: location.name, data: location.name });
            }
        }
        return picks.sort((a, b) => a.label.localeCompare(b.label));
    }
}
