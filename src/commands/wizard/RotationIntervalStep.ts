import { AzureWizardPromptStep } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';
import { defaultRotationPolicy, parseDays, rotationIntervalTextProblem } from '../../domain/keys/rotationPolicy';
import { validationMessage } from './validationMessage';
import type { PolicyWizardContext } from './PolicyWizardContext';

/** How often Key Vault rotates the key (asked once a policy is wanted). */
export class RotationIntervalStep<C extends PolicyWizardContext> extends AzureWizardPromptStep<C> {
    readonly question = 'policy';

    async prompt(context: C): Promise<void> {
        context.policyRotateEveryDays = parseDays(
            await context.ui.showInputBox({
                prompt: vscode.l10n.t('Rotate the key every how many days?'),
                value: String(defaultRotationPolicy.rotateEveryDays),
                validateInput: (value) => validationMessage(rotationIntervalTextProblem(value)),
            }),
        );
    }

    shouldPrompt(context: C): boolean {
        return context.policyWanted === true && context.policyRotateEveryDays === undefined && context.answers.rotationPolicy === undefined;
    }
}
