import { AzureWizardPromptStep, type IAzureQuickPickItem } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';
import type { RotationWizardContext } from './RotateKeyContext';

/** Versionless (ACR follows new versions within an hour) or pinned to one version (manual rotation). */
export class VersionModeStep extends AzureWizardPromptStep<RotationWizardContext> {
    async prompt(context: RotationWizardContext): Promise<void> {
        const picks: IAzureQuickPickItem<boolean>[] = [
            { label: vscode.l10n.t('Versionless — automatic rotation'), detail: vscode.l10n.t('The registry picks up each new key version within an hour.'), data: true },
            { label: vscode.l10n.t('Pinned version — manual rotation'), detail: vscode.l10n.t('The registry keeps this version until you rotate again.'), data: false },
        ];
        context.answers.versionless = (await context.ui.showQuickPick(picks, { placeHolder: vscode.l10n.t('How should the registry follow the key?'), suppressPersistence: true })).data;
    }

    shouldPrompt(context: RotationWizardContext): boolean {
        return context.answers.versionless === undefined;
    }
}
