import { AzureWizardPromptStep, UserCancelledError } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';
import type { CreateRegistryContext } from './CreateRegistryContext';

export type ExportAction = NonNullable<CreateRegistryContext['exportAction']>;

/** After the summary's "Export ARM Template…": save the two files, deploy the template now, or open it unsaved. */
export class ExportChoiceStep extends AzureWizardPromptStep<CreateRegistryContext> {
    /** A modal that follows the summary's answer, not a question of its own: it never changes the count. */
    readonly uncounted = true;

    async prompt(context: CreateRegistryContext): Promise<void> {
        const save: vscode.MessageItem = { title: vscode.l10n.t('Save Template Files…') };
        const deploy: vscode.MessageItem = { title: vscode.l10n.t('Deploy Now') };
        const open: vscode.MessageItem = { title: vscode.l10n.t('Open Without Saving') };
        const group = context.resourceGroup?.name ?? '';
        const choice = await context.ui.showWarningMessage(
            vscode.l10n.t('Export the ARM template of registry "{0}"', context.registryName ?? ''),
            {
                modal: true,
                detail: [
                    vscode.l10n.t(
                        'The template and its parameters file deploy into resource group "{0}"; a key vault in another resource group or subscription gets its key access through a nested deployment there.',
                        group,
                    ),
                    vscode.l10n.t(
                        'Save Template Files… writes both files; Deploy Now deploys the template to resource group "{0}" at once; Open Without Saving opens both as unsaved editors (Deploy ARM Template can deploy them as they are).',
                        group,
                    ),
                ].join('\n\n'),
            },
            save,
            deploy,
            open,
        );
        context.exportAction = choice === save ? 'save' : choice === deploy ? 'deploy' : choice === open ? 'open' : undefined;
        if (!context.exportAction) {
            throw new UserCancelledError('exportChoice');
        }
    }

    shouldPrompt(context: CreateRegistryContext): boolean {
        return context.exportChosen === true && !context.exportAction;
    }
}
