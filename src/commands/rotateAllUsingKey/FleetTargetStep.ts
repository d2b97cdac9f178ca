import type { IAzureQuickPickItem, IWizardOptions } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';
import type { FleetTarget } from '../../domain/fleet/rotateAll/FleetRotation';
import { AnswerPromptStep } from '../wizard/AnswerPromptStep';
import { KeyIdInputStep } from '../wizard/KeyIdInputStep';
import type { RotateAllContext } from './RotateAllContext';

/** A new version of the key they share (created once for all), or another key given by its identifier. */
export class FleetTargetStep extends AnswerPromptStep<RotateAllContext> {
    readonly question = 'key';

    protected clearAnswer(context: RotateAllContext): void {
        context.answers.target = undefined;
    }

    async prompt(context: RotateAllContext): Promise<void> {
        const count = context.key.users.length;
        const picks: IAzureQuickPickItem<FleetTarget['kind']>[] = [
            {
                label: vscode.l10n.t('New version of key "{0}"', context.key.keyName),
                detail: vscode.l10n.t('One new version is created in key vault "{0}" for all {1} registries.', context.key.vaultName, count),
                data: 'newVersion',
            },
            { label: vscode.l10n.t('Another key…'), detail: vscode.l10n.t('Enter the key identifier of a key in any key vault.'), data: 'existing' },
        ];
        context.answers.target = (
            await context.ui.showQuickPick(picks, { placeHolder: vscode.l10n.t('Rotate the {0} registries using key "{1}" to…', count, context.key.keyName) })
        ).data;
    }

    shouldPrompt(context: RotateAllContext): boolean {
        return context.answers.target === undefined;
    }

    override async getSubWizard(context: RotateAllContext): Promise<IWizardOptions<RotateAllContext> | undefined> {
        return context.answers.target === 'existing' ? { promptSteps: [new KeyIdInputStep()] } : undefined;
    }
}
