import { AzureWizardPromptStep, type IAzureQuickPickItem } from '@microsoft/vscode-azext-utils';
import * as vscode from 'vscode';
import { defaultRotationPolicy, maxNotifyDays, notifyBeforeExpiryTextProblem, parseDays, rotationIntervalTextProblem } from '../../domain/autoRotation/rotationPolicy';
import { validationMessage } from '../createEncryptedRegistry/validationMessage';
import type { RotationWizardContext } from '../rotateKey/RotateKeyContext';

/** With consent, a Key Vault rotation policy: rotate every N days, notify M days before expiry. */
export class RotationPolicyStep extends AzureWizardPromptStep<RotationWizardContext> {
    async prompt(context: RotationWizardContext): Promise<void> {
        const picks: IAzureQuickPickItem<boolean>[] = [
            { label: vscode.l10n.t('Also set a Key Vault rotation policy'), detail: vscode.l10n.t('Key Vault creates a new key version on schedule; the registry follows it within an hour. Fully automatic.'), data: true },
            { label: vscode.l10n.t('Only switch to the versionless key identifier'), detail: vscode.l10n.t('The registry follows new versions you create yourself.'), data: false },
        ];
        const withPolicy = (await context.ui.showQuickPick(picks, { placeHolder: vscode.l10n.t('Rotate the key automatically on a schedule?'), suppressPersistence: true })).data;
        if (!withPolicy) {
            context.answers.rotationPolicy = null;
            return;
        }
        const rotateEveryDays = parseDays(await context.ui.showInputBox({
            prompt: vscode.l10n.t('Rotate the key every how many days?'), value: String(defaultRotationPolicy.rotateEveryDays),
            validateInput: (value) => validationMessage(rotationIntervalTextProblem(value)),
        }));
        const notifyDaysBeforeExpiry = parseDays(await context.ui.showInputBox({
            prompt: vscode.l10n.t('Notify how many days before a key version expires? (at most {0})', String(maxNotifyDays(rotateEveryDays))),
            value: String(Math.min(defaultRotationPolicy.notifyDaysBeforeExpiry, maxNotifyDays(rotateEveryDays))),
            validateInput: (value) => validationMessage(notifyBeforeExpiryTextProblem(value, rotateEveryDays)),
        }));
        context.answers.rotationPolicy = { rotateEveryDays, notifyDaysBeforeExpiry };
    }

    shouldPrompt(context: RotationWizardContext): boolean {
        return context.answers.rotationPolicy === undefined;
    }
}
