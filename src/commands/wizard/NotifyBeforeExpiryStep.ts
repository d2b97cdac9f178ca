import * as vscode from 'vscode';
import { defaultRotationPolicy, maxNotifyDays, notifyBeforeExpiryTextProblem, parseDays } from '../../domain/keys/rotationPolicy';
import { validationMessage } from './validationMessage';
import { PolicyPromptStep, type PolicyWizardContext } from './PolicyWizardContext';

/** How many days before a version expires Key Vault notifies; completes the rotation policy. */
export class NotifyBeforeExpiryStep<C extends PolicyWizardContext> extends PolicyPromptStep<C> {
    async prompt(context: C): Promise<void> {
        const rotateEveryDays = context.policyRotateEveryDays ?? defaultRotationPolicy.rotateEveryDays;
        const notifyDaysBeforeExpiry = parseDays(
            await context.ui.showInputBox({
                prompt: vscode.l10n.t('Notify how many days before a key version expires? (at most {0})', String(maxNotifyDays(rotateEveryDays))),
                value: String(Math.min(defaultRotationPolicy.notifyDaysBeforeExpiry, maxNotifyDays(rotateEveryDays))),
                validateInput: (value) => validationMessage(notifyBeforeExpiryTextProblem(value, rotateEveryDays)),
            }),
        );
        context.answers.rotationPolicy = { rotateEveryDays, notifyDaysBeforeExpiry };
    }

    shouldPrompt(context: C): boolean {
        return context.policyRotateEveryDays !== undefined && context.answers.rotationPolicy === undefined;
    }
}
