import * as vscode from 'vscode';
import { defaultRotationPolicy, maxNotifyDays, notifyBeforeExpiryTextProblem, parseDays } from '../../domain/autoRotation/rotationPolicy';
import { validationMessage } from '../createEncryptedRegistry/validationMessage';
import type { RotationWizardContext } from '../rotateKey/RotateKeyContext';
import { AnswerPromptStep } from '../wizard/AnswerPromptStep';

/** How many days before a version expires Key Vault notifies; completes the rotation policy. */
export class NotifyBeforeExpiryStep extends AnswerPromptStep<RotationWizardContext> {
    readonly question = 'policy';

    protected clearAnswer(context: RotationWizardContext): void {
        context.answers.rotationPolicy = undefined;
    }

    async prompt(context: RotationWizardContext): Promise<void> {
        const rotateEveryDays = context.policyRotateEveryDays ?? defaultRotationPolicy.rotateEveryDays;
        const notifyDaysBeforeExpiry = parseDays(await context.ui.showInputBox({
            prompt: vscode.l10n.t('Notify how many days before a key version expires? (at most {0})', String(maxNotifyDays(rotateEveryDays))),
            value: String(Math.min(defaultRotationPolicy.notifyDaysBeforeExpiry, maxNotifyDays(rotateEveryDays))),
            validateInput: (value) => validationMessage(notifyBeforeExpiryTextProblem(value, rotateEveryDays)),
        }));
        context.answers.rotationPolicy = { rotateEveryDays, notifyDaysBeforeExpiry };
    }

    shouldPrompt(context: RotationWizardContext): boolean {
        return context.policyRotateEveryDays !== undefined && context.answers.rotationPolicy === undefined;
    }
}
