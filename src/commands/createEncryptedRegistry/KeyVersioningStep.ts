import { AzureWizardPromptStep, type IAzureQuickPickItem } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';
import type { CreateRegistryContext } from './CreateRegistryContext';

export class KeyVersioningStep extends AzureWizardPromptStep<CreateRegistryContext> {
    readonly question = 'versioning';

    async prompt(context: CreateRegistryContext): Promise<void> {
        const choices: IAzureQuickPickItem<boolean>[] = [
            {
                label: vscode.l10n.t('Versionless key (automatic rotation)'),
                description: vscode.l10n.t('recommended'),
                detail: vscode.l10n.t('The registry uses the latest key version and picks up a new version within an hour.'),
                data: true,
            },
            {
                label: vscode.l10n.t('Pinned key version (manual rotation)'),
                detail: vscode.l10n.t('The registry keeps using this exact version until you rotate it.'),
                data: false,
            },
        ];
        context.versionless = (
            await context.ui.showQuickPick(choices, { placeHolder: vscode.l10n.t('How should the registry follow new key versions?') })
        ).data;
    }

    shouldPrompt(context: CreateRegistryContext): boolean {
        return context.versionless === undefined;
    }
}
