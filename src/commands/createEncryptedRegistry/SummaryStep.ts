import { AzureWizardPromptStep, UserCancelledError } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';
import { preflightCreate } from '../../domain/create/preflight';
import { planOf, type CreateRegistryContext } from './CreateRegistryContext';
import { summaryLines } from './summaryText';

/** Read-only checks first (nothing doomed is started), then the summary with Create / Export ARM Template. */
export class SummaryStep extends AzureWizardPromptStep<CreateRegistryContext> {
    readonly question = 'summary';

    async prompt(context: CreateRegistryContext): Promise<void> {
        await runPreflight(context);
        const create: vscode.MessageItem = { title: vscode.l10n.t('Create') };
        const exportTemplate: vscode.MessageItem = { title: vscode.l10n.t('Export ARM Template…') };
        const buttons = context.exportOnly ? [exportTemplate] : [create, exportTemplate];
        const choice = await context.ui.showWarningMessage(
            vscode.l10n.t('Create registry "{0}" encrypted with a customer-managed key?', context.registryName ?? ''),
            { modal: true, detail: summaryLines(context).join('\n') },
            ...buttons,
        );
        if (choice === exportTemplate) {
            // What to do with the template is asked next (save, deploy now, or open unsaved). Set here, so Back clears it.
            context.exportChosen = true;
            context.confirmed = true;
            return;
        }
        if (choice !== create) {
            throw new UserCancelledError('createSummary');
        }
        context.confirmed = true;
    }

    shouldPrompt(context: CreateRegistryContext): boolean {
        return !context.confirmed;
    }
}

export async function runPreflight(context: CreateRegistryContext): Promise<void> {
    if (context.preflightDone) {
        return;
    }
    await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Checking names, key vault and key…') }, () =>
        preflightCreate(context.subscription!.factory, planOf(context)),
    );
    context.preflightDone = true;
}
