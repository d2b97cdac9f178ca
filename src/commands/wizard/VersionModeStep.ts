import type { IActionContext, IAzureQuickPickItem } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';
import { AnswerPromptStep } from './AnswerPromptStep';

/** A wizard that asks how registries follow their key (rotation wizards, Rotate All). */
export type VersionModeContext = IActionContext & { readonly answers: { versionless?: boolean } };

/** Versionless (ACR follows new versions within an hour) or pinned to one version (manual rotation). */
export class VersionModeStep<T extends VersionModeContext = VersionModeContext> extends AnswerPromptStep<T> {
    /** @param question the step-count question it answers (a flow may count it with another). */
    constructor(readonly question = 'version') {
        super();
    }

    protected clearAnswer(context: T): void {
        context.answers.versionless = undefined;
    }

    async prompt(context: T): Promise<void> {
        const picks: IAzureQuickPickItem<boolean>[] = [
            {
                label: vscode.l10n.t('Versionless — automatic rotation'),
                detail: vscode.l10n.t('The registry picks up each new key version within an hour.'),
                data: true,
            },
            {
                label: vscode.l10n.t('Pinned version — manual rotation'),
                detail: vscode.l10n.t('The registry keeps this version until you rotate again.'),
                data: false,
            },
        ];
        context.answers.versionless = (await context.ui.showQuickPick(picks, { placeHolder: vscode.l10n.t('How should the registry follow the key?') })).data;
    }

    shouldPrompt(context: T): boolean {
        return context.answers.versionless === undefined;
    }
}
