import { AzureWizardPromptStep, UserCancelledError } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';
import { defaultDeploymentName } from '../../domain/create/template/deployTemplate';
import type { DeployTemplateContext } from './DeployTemplateContext';
import { summaryLines } from './deployText';

/** Everything the deployment will do, then Deploy (modal: it changes Azure). */
export class DeploySummaryStep extends AzureWizardPromptStep<DeployTemplateContext> {
    readonly question = 'summary';

    async prompt(context: DeployTemplateContext): Promise<void> {
        context.deploymentName ??= defaultDeploymentName();
        const deploy: vscode.MessageItem = { title: vscode.l10n.t('Deploy') };
        const choice = await context.ui.showWarningMessage(
            vscode.l10n.t('Deploy template "{0}" to resource group "{1}"?', context.templateDocument?.label ?? '', context.resourceGroup ?? ''),
            { modal: true, detail: summaryLines(context).join('\n') },
            deploy,
        );
        if (choice !== deploy) {
            throw new UserCancelledError('deploySummary');
        }
        context.confirmed = true;
    }

    shouldPrompt(context: DeployTemplateContext): boolean {
        return !context.confirmed;
    }
}
