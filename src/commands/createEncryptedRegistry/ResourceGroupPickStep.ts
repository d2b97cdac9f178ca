import { AzureWizardPromptStep, type IAzureQuickPickItem } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';
import { assertMayCreateRegistryIn } from '../../domain/access/callerPermissions';
import { prefetchCreateClients } from '../../domain/create/preflight';
import { listResourceGroups } from '../../domain/resourceGroups/resourceGroups';
import type { CreateRegistryContext } from './CreateRegistryContext';

type GroupChoice = { name: string; location?: string } | 'new';

export class ResourceGroupPickStep extends AzureWizardPromptStep<CreateRegistryContext> {
    readonly question = 'resourceGroup';

    /** The subscription is known from here on: the SDK clients of the run load while the user answers the prompts. */
    override configureBeforePrompt(context: CreateRegistryContext): void {
        if (context.subscription) {
            prefetchCreateClients(context.subscription.factory, context.subscription.subscriptionId);
        }
    }

    async prompt(context: CreateRegistryContext): Promise<void> {
        const picks = this.loadPicks(context);
        const picked = await context.ui.showQuickPick(picks, { placeHolder: vscode.l10n.t('Select a resource group for the new registry') });
        if (picked.data === 'new') {
            context.resourceGroup = { name: '', create: true };
            return;
        }
        // A reader learns here, before the other questions, that nothing can be created in this group.
        await assertMayCreateRegistryIn(context.subscription!.factory, context.subscription!.subscriptionId, picked.data.name);
        context.resourceGroup = { name: picked.data.name, create: false };
        context.location ??= picked.data.location;
    }

    shouldPrompt(context: CreateRegistryContext): boolean {
        return !context.resourceGroup;
    }

    private async loadPicks(context: CreateRegistryContext): Promise<IAzureQuickPickItem<GroupChoice>[]> {
        const groups = await listResourceGroups(context.subscription!.factory, context.subscription!.subscriptionId);
        return [
            { label: vscode.l10n.t('$(plus) Create new resource group'), data: 'new' },
            ...groups.map((group): IAzureQuickPickItem<GroupChoice> => ({ label: group.name, description: group.location, data: group })),
        ];
    }
}
