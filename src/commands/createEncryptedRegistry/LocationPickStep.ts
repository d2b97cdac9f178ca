import { AzureWizardPromptStep, type IAzureQuickPickItem } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';
import { listLocations } from '../../domain/azure/locations';
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
        const locations = await listLocations(target.factory, target.subscriptionId);
        return locations.map((location) => ({ label: location.displayName, description: location.name, data: location.name }));
    }
}
