import type { IAzureQuickPickItem } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';
import { AnswerPromptStep } from '../wizard/AnswerPromptStep';
import type { RotationWizardContext } from './RotateKeyContext';

/** Versionless (ACR follows new versions within an hour) or pinned to one version (manual rotation). */
export class VersionModeStep extends AnswerPromptStep<RotationWizardContext> {
    /** @param question the step-count question it answers (a flow may count it with another). */
    constructor(readonly question = 'version') {
        super();
    }

    protected clearAnswer(context: RotationWizardContext): void {
        context.answers.versionless = undefined;
    }

    async prompt(context: RotationWizardContext): Promise<void> {
        const picks: IAzureQuickPickItem<boolean>[] = [
            { label: vscode.l10n.t('Versionless — automatic rotation'), detail: vscode.l10n.t('The registry picks up each new key version within an hour.'), data: true },
            { label: vscode.l10n.t('Pinned version — manual rotation'), detail: vscode.l10n.t('The registry keeps this version until you rotate again.'), data: false },
        ];
        context.answers.versionless = (await context.ui.showQuickPick(picks, { placeHolder: vscode.l10n.t('How should the registry follow the key?') })).data;
    }

    shouldPrompt(context: RotationWizardContext): boolean {
        return context.answers.versionless === undefined;
    }
}
