import { AzureWizardPromptStep, type IAzureQuickPickItem } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';
import { listResourceGroups } from '../../domain/resourceGroups/resourceGroups';
import type { DeployTemplateContext } from './DeployTemplateContext';

export class DeployResourceGroupStep extends AzureWizardPromptStep<DeployTemplateContext> {
    readonly question = 'resourceGroup';

    async prompt(context: DeployTemplateContext): Promise<void> {
        const picks = listResourceGroups(context.target!.factory, context.target!.subscriptionId)
            .then((groups) => groups.map((group): IAzureQuickPickItem<string> => ({ label: group.name, description: group.location, data: group.name })));
        context.resourceGroup = (await context.ui.showQuickPick(picks, { placeHolder: vscode.l10n.t('Select the resource group to deploy to') })).data;
    }

    shouldPrompt(context: DeployTemplateContext): boolean {
        return !context.resourceGroup;
    }
}
